import { ageIfKnown, isIsoDate } from './date-checks';

describe('date checks', () => {
  it.each([
    ['2026-02-28', true], ['2024-02-29', true], ['2026-02-29', false], ['2026-13-01', false], ['2026-1-01', false], ['', false], [20260101, false],
  ])('isIsoDate(%p) = %p', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it.each([
    ['1946-06-15', '2026-06-15', 80],
    ['1946-06-16', '2026-06-15', 79],
    ['1944-02-29', '2025-02-28', 80], // a leap-day birthday is reached on 1 March in common years
    ['1944-02-29', '2025-03-01', 81],
    ['2026-06-16', '2026-06-15', null], // born after the date
    ['1950-02-30', '2026-06-15', null], // not a date: unknown, not a guess
    ['1950-03-01', '2026-06-31', null],
  ])('ageIfKnown(%s, %s) = %p', (birth, on, expected) => {
    expect(ageIfKnown(birth, on)).toBe(expected);
  });
});
