// Finds jobs that no vehicle could serve even on a route of their own. They are reported as
// unassigned with the most specific reason, and kept out of the search so that they cannot drag
// the penalised search into permanently infeasible territory.

import { type RoutingJob, type RoutingProblem, type RoutingVehicle, type UnassignedReason } from './routing-problem';

/** Stand-in for "no bound": finite so that the time-window algebra never computes Infinity - Infinity. */
export const UNBOUNDED_TIME = 1e12;
const EPSILON = 1e-9;

/** Travel time of one vehicle between two locations. */
export type VehicleTravelTime = (vehicleIndex: number, from: number, to: number) => number;

export function clampTime(value: number): number {
  return Math.min(Math.max(value, -UNBOUNDED_TIME), UNBOUNDED_TIME);
}

export function jobWindow(job: RoutingJob): readonly [number, number] {
  return [clampTime(job.timeWindow?.start ?? -UNBOUNDED_TIME), clampTime(job.timeWindow?.end ?? UNBOUNDED_TIME)];
}

export function vehicleShift(vehicle: RoutingVehicle): readonly [number, number] {
  return [clampTime(vehicle.shift?.start ?? 0), clampTime(vehicle.shift?.end ?? UNBOUNDED_TIME)];
}

// Checks in the order a dispatcher would reason; the vehicle that passes most of them names the
// reason, so "over-capacity" is only reported when some vehicle at least has the skills.
const CHECK_ORDER: readonly UnassignedReason[] = [
  'missing-skills',
  'over-capacity',
  'time-window-unreachable',
  'max-time-from-start-unreachable',
  'exceeds-max-duration',
];

export interface ScreeningResult {
  readonly reason: UnassignedReason;
  readonly detail: string;
}

/** Returns null when at least one vehicle can serve the job alone. */
export function screenJob(problem: RoutingProblem, jobIndex: number, travelTime: VehicleTravelTime): ScreeningResult | null {
  const job = problem.jobs[jobIndex];
  if (problem.vehicles.length === 0) return { reason: 'no-vehicles', detail: 'the problem has no vehicles' };
  let furthest = -1;
  for (let v = 0; v < problem.vehicles.length; v++) {
    const failed = firstFailedCheck(job, problem.vehicles[v], (from, to) => travelTime(v, from, to));
    if (failed < 0) return null;
    furthest = Math.max(furthest, failed);
  }
  const reason = CHECK_ORDER[furthest];
  return { reason, detail: describe(reason, job) };
}

function firstFailedCheck(job: RoutingJob, vehicle: RoutingVehicle, time: (from: number, to: number) => number): number {
  const skills = new Set(vehicle.skills ?? []);
  if (!(job.requiredSkills ?? []).every((skill) => skills.has(skill))) return 0;
  if ((job.demand ?? 0) > vehicle.capacity + EPSILON) return 1;
  const [ready, due] = jobWindow(job);
  const [shiftStart, shiftEnd] = vehicleShift(vehicle);
  const service = job.serviceDuration ?? 0;
  const toJob = time(vehicle.startLocation, job.location);
  const back = time(job.location, vehicle.endLocation ?? vehicle.startLocation);
  const arrival = shiftStart + toJob;
  if (arrival > due + EPSILON || Math.max(arrival, ready) + service + back > shiftEnd + EPSILON) return 2;
  if (toJob > (job.maxTimeFromRouteStart ?? Infinity) + EPSILON) return 3;
  // Departing late enough to arrive exactly at the window start removes all waiting.
  if (toJob + service + back > (vehicle.maxDuration ?? Infinity) + EPSILON) return 4;
  return -1;
}

function describe(reason: UnassignedReason, job: RoutingJob): string {
  switch (reason) {
    case 'missing-skills':
      return `no vehicle has all of: ${(job.requiredSkills ?? []).join(', ')}`;
    case 'over-capacity':
      return `demand ${job.demand ?? 0} exceeds the capacity of every suitable vehicle`;
    case 'time-window-unreachable':
      return 'no suitable vehicle can reach the time window and return within its shift';
    case 'max-time-from-start-unreachable':
      return `no suitable vehicle reaches it within ${job.maxTimeFromRouteStart} of leaving its start`;
    case 'exceeds-max-duration':
      return 'a round trip to it alone exceeds the maximum working duration of every suitable vehicle';
    default:
      return reason;
  }
}
