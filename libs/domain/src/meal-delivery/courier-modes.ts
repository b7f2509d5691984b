/**
 * How meal couriers travel, as district data: an average urban speed and how many meals one
 * courier carries in each mode. Speeds are door-to-door averages over streets and crossings, not
 * cruising speeds: on foot with an insulated bag 4 km/h (an older volunteer walks slower: the
 * courier's own speed factor says so); a bicycle 12 km/h (about 15 in free flow, less at traffic
 * lights); an e-bike 18 km/h (GB 17761-2018 caps its top speed at 25); a van 25 km/h (city
 * traffic, parking and the walk from the kerb included). Capacities are insulated containers: a
 * bag on foot, a box on a bicycle, two boxes on an e-bike rack, crates in a van.
 */
export const COURIER_MODES = ['walk', 'bicycle', 'e-bike', 'van'] as const;
export type CourierMode = (typeof COURIER_MODES)[number];

export interface CourierModeProfile {
  /** Average door-to-door speed in town, km/h. */
  speedKmh: number;
  /** Meals one courier carries in this mode. */
  capacity: number;
}

export const DEFAULT_COURIER_MODES: Readonly<Record<CourierMode, Readonly<CourierModeProfile>>> = Object.freeze({
  walk: Object.freeze({ speedKmh: 4, capacity: 8 }),
  bicycle: Object.freeze({ speedKmh: 12, capacity: 15 }),
  'e-bike': Object.freeze({ speedKmh: 18, capacity: 30 }),
  van: Object.freeze({ speedKmh: 25, capacity: 120 }),
});

/** Minutes a courier in this mode needs for a street distance in metres. */
export function courierTravelMinutes(profile: CourierModeProfile, metres: number): number {
  return (metres / 1000 / profile.speedKmh) * 60;
}
