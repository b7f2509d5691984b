/**
 * Local clock times ('HH:MM', 24-hour) as minutes after midnight: shifts, delivery windows and
 * cutoffs are written as clock times and computed with as minutes.
 */
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** The clock-time pattern and its description, for validators that name what they expected. */
export const HH_MM = { regex: CLOCK_TIME, description: 'a 24-hour time HH:MM, e.g. "09:00"' };

export function isClockTime(text: unknown): text is string {
  return typeof text === 'string' && CLOCK_TIME.test(text);
}

/** '09:30' → 570. Throws on anything else: validate with isClockTime first. */
export function minutesOfDay(clock: string): number {
  const match = CLOCK_TIME.exec(clock);
  if (!match) throw new RangeError(`not a clock time (HH:MM): ${clock}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** 570 → '09:30'; 1440 → '24:00' (the end of a day, for shifts that run to midnight). */
export function clockTime(minutes: number): string {
  const whole = Math.round(minutes);
  return `${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

const zoneFormatters = new Map<string, Intl.DateTimeFormat>();


/** How far the zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  let formatter = zoneFormatters.get(timeZone);
  if (!formatter) {
    const numeric = { year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' } as const;
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', ...numeric });
    zoneFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant the zone's clocks show `time` on `date`. Checked twice so a zone with daylight saving lands on the right side of a change. */
export function localInstant(date: string, time: string, timeZone: string): Date {
  const wall = Date.parse(`${date}T${time}:00Z`);
  const first = wall - zoneOffsetMs(wall, timeZone);
  return new Date(wall - zoneOffsetMs(first, timeZone));
}

/** The instant of a minute after local midnight (fractions kept to the millisecond): plans are computed in minutes. */
export function localInstantAtMinute(date: string, minutes: number, timeZone: string): Date {
  const whole = Math.floor(minutes);
  return new Date(localInstant(date, clockTime(whole), timeZone).getTime() + Math.round((minutes - whole) * 60_000));
}
