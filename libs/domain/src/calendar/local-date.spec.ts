import { localInstantAtMinute } from './clock-time';
import { addDays, addMonths, ageOn, datesOnWeekdays, daysBetween, isoWeekday, localDate, nextMonday } from './local-date';

describe('local dates', () => {
  it('reads the Shanghai date of an instant, which is a day ahead of UTC in the evening', () => {
    expect(localDate(new Date('2026-11-22T16:30:00Z'))).toBe('2026-11-23');
    expect(localDate(new Date('2026-11-22T15:59:00Z'))).toBe('2026-11-22');
  });

  it('adds months without overflowing into the next month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2026-11-22', 12)).toBe('2027-11-22');
  });

  it('counts days and ages', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(daysBetween('2026-11-22', '2027-01-21')).toBe(60);
    expect(ageOn('1940-11-23', '2026-11-22')).toBe(85);
    expect(ageOn('1940-11-22', '2026-11-22')).toBe(86);
  });

  it('expands a weekly pattern into its dates', () => {
    expect(isoWeekday('2026-11-22')).toBe(7); // a Sunday
    expect(datesOnWeekdays('2026-11-23', '2026-12-06', [1, 3])).toEqual(['2026-11-23', '2026-11-25', '2026-11-30', '2026-12-02']);
  });
});

describe('weeks and minutes', () => {
  it('finds the next Monday, a week on from a Monday', () => {
    expect(nextMonday('2026-12-02')).toBe('2026-12-07');
    expect(nextMonday('2026-12-07')).toBe('2026-12-14');
  });

  it('turns a minute after local midnight into the instant, fractions kept', () => {
    expect(localInstantAtMinute('2026-12-02', 630.5, 'Asia/Shanghai').toISOString()).toBe('2026-12-02T02:30:30.000Z');
  });
});
