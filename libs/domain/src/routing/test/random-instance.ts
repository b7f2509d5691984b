// Random routing problems for property tests: every feature switched on (heterogeneous speeds,
// end depots and shifts, skills, preferences, pack-to-door limits, duration limits) so that all
// code paths of the move pricing are exercised. Test-only; excluded from the build.

import { Random } from '../random';
import { type RoutingJob, type RoutingProblem, type RoutingVehicle } from '../routing-problem';
import { euclideanTravelModel } from '../travel-model';

export interface RandomInstanceOptions {
  readonly jobs: number;
  readonly vehicles: number;
  readonly seed: number;
  /** Mixed speeds, end depots, shifts, skills, preferences and limits. */
  readonly rich: boolean;
}

export function randomInstance({ jobs, vehicles, seed, rich }: RandomInstanceOptions): RoutingProblem {
  const rng = new Random(seed);
  const depots: [number, number][] = [[50, 50], [20, 80]];
  const points: [number, number][] = [...depots];
  for (let i = 0; i < jobs; i++) points.push([rng.int(100), rng.int(100)]);
  const jobList: RoutingJob[] = Array.from({ length: jobs }, (_, i) => {
    const ready = rng.int(300);
    return {
      id: `job-${i}`,
      location: depots.length + i,
      demand: 1 + rng.int(9),
      serviceDuration: rng.int(15),
      timeWindow: { start: ready, end: ready + 30 + rng.int(120) },
      ...(rich && i % 5 === 0 ? { requiredSkills: ['nurse'] } : {}),
      ...(rich && i % 7 === 0 ? { maxTimeFromRouteStart: 60 + rng.int(60) } : {}),
      ...(rich && i % 4 === 0 ? { preferredVehicle: { vehicleId: `v${rng.int(vehicles)}`, penalty: 5 + rng.int(20) } } : {}),
    };
  });
  const vehicleList: RoutingVehicle[] = Array.from({ length: vehicles }, (_, v) => ({
    id: `v${v}`,
    capacity: 25 + (rich ? 10 * (v % 3) : 0),
    startLocation: 0,
    ...(rich
      ? {
          endLocation: v % 2,
          speedFactor: [1, 0.5, 1.5][v % 3],
          skills: v % 2 === 0 ? ['nurse'] : [],
          shift: { start: 0, end: 450 + 30 * (v % 2) },
          maxDuration: 300,
          fixedCost: v % 3 === 0 ? 10 : 0,
        }
      : { shift: { start: 0, end: 480 } }),
  }));
  return { travel: euclideanTravelModel(points), jobs: jobList, vehicles: vehicleList };
}
