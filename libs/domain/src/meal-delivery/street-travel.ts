/**
 * The solver's travel model for a kitchen's round without a street network: great-circle metres
 * times a detour factor between every pair of points, minutes per courier mode at the mode's
 * average speed, and a local plane (metres east and north of the kitchen) for the crossover's
 * angles. A network service (OSRM and the like) would replace it with matrices.
 */
import { haversineMetres, type LatLng } from '../district';
import { type TravelModel } from '../routing';
import { type CourierMode, type CourierModeProfile, courierTravelMinutes } from './courier-modes';

const METRES_PER_DEGREE_LATITUDE = 110_574;
const METRES_PER_DEGREE_LONGITUDE_AT_EQUATOR = 111_320;

/** Location i is points[i]; profiles are courier modes. */
export function streetTravelModel(points: readonly LatLng[], detourFactor: number, modes: Readonly<Record<CourierMode, Readonly<CourierModeProfile>>>): TravelModel {
  if (!(Number.isFinite(detourFactor) && detourFactor >= 1)) throw new RangeError(`detourFactor must be a number ≥ 1, got ${detourFactor}`);
  const n = points.length;
  const metres = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const street = haversineMetres(points[i], points[j]) * detourFactor;
      metres[i * n + j] = street;
      metres[j * n + i] = street;
    }
  }
  const origin = points[0];
  const metresPerDegreeLongitude = METRES_PER_DEGREE_LONGITUDE_AT_EQUATOR * Math.cos((origin.lat * Math.PI) / 180);
  const plane = points.map((p): [number, number] => [(p.lng - origin.lng) * metresPerDegreeLongitude, (p.lat - origin.lat) * METRES_PER_DEGREE_LATITUDE]);
  return {
    locationCount: n,
    distance: (from, to) => metres[from * n + to],
    duration: (from, to, profile) => courierTravelMinutes(modes[profile as CourierMode], metres[from * n + to]),
    coordinates: (location) => plane[location],
  };
}
