// Last line of defence before a plan leaves the solver. The search may end on a penalised
// (infeasible) solution when the fleet is too small, and the O(1) algebra can differ from a
// visit-by-visit walk by rounding noise. Every route is re-timed exactly; jobs are dropped from
// violating routes until they comply, then put back wherever they fit without breaking anything.
// Whatever still does not fit is reported unassigned: a plan with a late hot meal is worse than
// an explicit "not planned" the dispatcher can act on.

import { type CompiledProblem } from './compiled-problem';
import { FEASIBILITY_TOLERANCE } from './individual';
import { timeRoute } from './route-schedule';

const TOLERANCE = FEASIBILITY_TOLERANCE;

export interface RepairResult {
  readonly routes: number[][];
  /** Jobs that fit in no route. */
  readonly dropped: number[];
}

export function enforceFeasibility(p: CompiledProblem, input: readonly (readonly number[])[]): RepairResult {
  const routes = input.map((route) => [...route]);
  const removed: number[] = [];
  routes.forEach((route, vehicle) => {
    while (route.length > 0 && violation(p, vehicle, route) > TOLERANCE) {
      let bestIndex = 0;
      let bestViolation = Infinity;
      for (let i = 0; i < route.length; i++) {
        const without = [...route.slice(0, i), ...route.slice(i + 1)];
        const remaining = violation(p, vehicle, without);
        if (remaining < bestViolation) {
          bestViolation = remaining;
          bestIndex = i;
        }
      }
      removed.push(route.splice(bestIndex, 1)[0]);
    }
  });

  const dropped: number[] = [];
  for (const job of removed.sort((a, b) => a - b)) {
    let bestVehicle = -1;
    let bestIndex = 0;
    let bestDistance = Infinity;
    routes.forEach((route, vehicle) => {
      if (p.compatible[job * p.vehicleCount + vehicle] === 0) return;
      const before = timeRoute(p, vehicle, route, route.length).distance;
      for (let i = 0; i <= route.length; i++) {
        const candidate = [...route.slice(0, i), job, ...route.slice(i)];
        const added = timeRoute(p, vehicle, candidate, candidate.length).distance - before;
        if (added < bestDistance && violation(p, vehicle, candidate) <= TOLERANCE) {
          bestDistance = added;
          bestVehicle = vehicle;
          bestIndex = i;
        }
      }
    });
    if (bestVehicle < 0) dropped.push(job);
    else routes[bestVehicle].splice(bestIndex, 0, job);
  }
  return { routes, dropped };
}

/** Total violation of a route: load excess, lateness, overtime, pack-to-door excess, missing skills. */
export function violation(p: CompiledProblem, vehicle: number, jobs: readonly number[]): number {
  const timing = timeRoute(p, vehicle, jobs, jobs.length);
  let missingSkills = 0;
  for (const job of jobs) missingSkills += 1 - p.compatible[job * p.vehicleCount + vehicle];
  return Math.max(0, timing.load - p.capacity[vehicle]) + timing.warp + timing.durationExcess + timing.rideExcess + missingSkills;
}
