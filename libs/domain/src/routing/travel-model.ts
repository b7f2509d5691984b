// Ready-made TravelModel adapters: plain coordinates (benchmarks, quick tests) and precomputed
// matrices (a road-network service such as OSRM returns one distance matrix and one duration
// matrix per profile).

import { type TravelModel, RoutingProblemError } from './routing-problem';

/**
 * Straight-line distances between planar points; travel time equals distance (Solomon
 * convention) unless `minutesPerUnit` gives a time per distance unit for a profile.
 */
export function euclideanTravelModel(
  points: readonly (readonly [number, number])[],
  minutesPerUnit: Readonly<Record<string, number>> = {},
): TravelModel {
  for (const [x, y] of points) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) throw new RoutingProblemError('coordinates must be finite numbers');
  }
  const distance = (from: number, to: number): number => {
    const a = points[from];
    const b = points[to];
    return Math.hypot(a[0] - b[0], a[1] - b[1]);
  };
  return {
    locationCount: points.length,
    distance,
    duration: (from, to, profile) => distance(from, to) * (minutesPerUnit[profile] ?? 1),
    coordinates: (location) => points[location],
  };
}

export interface TravelMatrices {
  readonly distances: readonly (readonly number[])[];
  /** One square matrix per profile name. A profile without a matrix travels at distance = time. */
  readonly durations?: Readonly<Record<string, readonly (readonly number[])[]>>;
  readonly coordinates?: readonly (readonly [number, number])[];
}

export function matrixTravelModel(matrices: TravelMatrices): TravelModel {
  const size = matrices.distances.length;
  const assertSquare = (matrix: readonly (readonly number[])[], label: string): void => {
    if (matrix.length !== size || matrix.some((row) => row.length !== size)) {
      throw new RoutingProblemError(`${label} must be a ${size}x${size} matrix`);
    }
  };
  assertSquare(matrices.distances, 'distances');
  for (const [profile, matrix] of Object.entries(matrices.durations ?? {})) assertSquare(matrix, `durations.${profile}`);
  const coordinates = matrices.coordinates;
  if (coordinates && coordinates.length !== size) throw new RoutingProblemError('coordinates must have one entry per location');
  return {
    locationCount: size,
    distance: (from, to) => matrices.distances[from][to],
    duration: (from, to, profile) => (matrices.durations?.[profile] ?? matrices.distances)[from][to],
    ...(coordinates ? { coordinates: (location: number) => coordinates[location] } : {}),
  };
}
