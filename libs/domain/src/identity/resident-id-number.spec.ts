import { readResidentIdNumber, withCheckCharacter } from './resident-id-number';

describe('resident ID number', () => {
  it('reads birth date and sex from a valid number', () => {
    // The standard's worked example: 11010519491231002X is a woman born 1949-12-31.
    expect(readResidentIdNumber('11010519491231002X')).toEqual({ ok: true, facts: { birthDate: '1949-12-31', sex: 'female' } });
    expect(readResidentIdNumber(withCheckCharacter('31011219400101001'))).toEqual({ ok: true, facts: { birthDate: '1940-01-01', sex: 'male' } });
  });

  it('refuses a wrong check character, a bad shape and an impossible date', () => {
    expect(readResidentIdNumber('110105194912310021')).toEqual({ ok: false, reason: 'has a wrong check character' });
    expect(readResidentIdNumber('1101051949123100')).toMatchObject({ ok: false, reason: expect.stringContaining('17 digits') });
    expect(readResidentIdNumber(withCheckCharacter('31011219400231001'))).toEqual({ ok: false, reason: 'encodes an impossible birth date' });
  });
});
