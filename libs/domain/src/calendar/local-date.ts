/**
 * Local calendar dates (YYYY-MM-DD) in a district's time zone. Due dates, cutoffs and "today" are
 * local dates: a reassessment due on 2027-03-01 is due on that day in Shanghai, whatever UTC says.
 */
export const DISTRICT_TIME_ZONE = 'Asia/Shanghai';

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local date of an instant in a time zone. */
export function localDate(instant: Date, timeZone: string = DISTRICT_TIME_ZONE): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter.format(instant);
}

function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Adds calendar months; a day that does not exist in the target month becomes its last day (01-31 + 1 month = 02-28). */
export function addMonths(date: string, months: number): string {
  const d = toUtc(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/** Completed years of age on a date. */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a local date. */
export function isoWeekday(date: string): number {
  const day = toUtc(date).getUTCDay();
  return day === 0 ? 7 : day;
}

/** Every date from `from` to `until` (inclusive) that falls on one of the ISO weekdays: a weekly pattern. */
export function datesOnWeekdays(from: string, until: string, weekdays: readonly number[]): string[] {
  const dates: string[] = [];
  for (let date = from; date <= until; date = addDays(date, 1)) if (weekdays.includes(isoWeekday(date))) dates.push(date);
  return dates;
}

/** The first Monday after `date` (a week later when `date` is itself a Monday). */
export function nextMonday(date: string): string {
  return addDays(date, 8 - isoWeekday(date));
}
