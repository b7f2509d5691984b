// Checks on local calendar dates (YYYY-MM-DD, the district's own date). The arithmetic itself
// lives in ../calendar, the one source of local-date arithmetic; this file adds what entitlements
// need on top of it: recognising a real date in untrusted input, and an age that is "unknown"
// rather than a wrong number when a date is bad.

import { ageOn } from '../calendar';

/** A local calendar date written YYYY-MM-DD. Dates compare correctly as strings. */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Age in completed years (周岁) on `date`, or null when either date is not a real date or the
 * birth is after `date`. Someone born on 29 February turns a year older on 1 March in common years.
 */
export function ageIfKnown(birthDate: string, date: IsoDate): number | null {
  if (!isIsoDate(birthDate) || !isIsoDate(date) || birthDate > date) return null;
  return ageOn(birthDate, date);
}
