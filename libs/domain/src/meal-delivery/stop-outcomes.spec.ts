import { needsFollowUp, startsEscalation, STOP_OUTCOMES } from './stop-outcomes';

describe('outcomes at the door', () => {
  it('puts every outcome but a delivery on the follow-up queue', () => {
    expect(STOP_OUTCOMES.filter(needsFollowUp)).toEqual(['not-home', 'refused', 'hospitalised', 'address-problem']);
  });

  it('starts the ladder when nobody opens, whoever the senior lives with', () => {
    expect(startsEscalation('not-home', true)).toBe(true);
    expect(startsEscalation('not-home', false)).toBe(true);
  });

  it('starts it for an address problem only when the senior lives alone: nobody else will notice the missed check', () => {
    expect(startsEscalation('address-problem', true)).toBe(true);
    expect(startsEscalation('address-problem', false)).toBe(false);
  });

  it('does not start it when the senior was seen or is known to be in hospital', () => {
    for (const livesAlone of [true, false]) {
      expect(startsEscalation('delivered', livesAlone)).toBe(false);
      expect(startsEscalation('refused', livesAlone)).toBe(false);
      expect(startsEscalation('hospitalised', livesAlone)).toBe(false);
    }
  });
});
