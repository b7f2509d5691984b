// Exact, visit-by-visit timing of one route. The local search prices moves with the O(1) segment
// algebra; this linear walk is the reference used where a whole route is needed anyway: the
// pack-to-door limit (which the algebra cannot express), the final schedule, and repairs.

import { type CompiledProblem } from './compiled-problem';
import { UNBOUNDED_TIME } from './job-screening';
import { TimeSegment } from './time-segment';

// Aliased once: a global lookup of `Math` on every call is slow inside Jest's vm sandbox.
const { max, min } = Math;

export interface RouteTiming {
  /** Departure from the start depot: the earliest start that still gives the minimal duration. */
  readonly departure: number;
  readonly returnTime: number;
  readonly duration: number;
  readonly distance: number;
  readonly load: number;
  /** Lateness at job windows and at the end of the shift (time warp). */
  readonly warp: number;
  /**
   * Working time beyond the vehicle's maximum. Warped time counts as worked, exactly as in the
   * segment algebra, so that penalties agree whichever way a route is evaluated.
   */
  readonly durationExcess: number;
  /** Sum over jobs of arrival - departure - maxTimeFromRouteStart, where positive. */
  readonly rideExcess: number;
}

const scratch = new TimeSegment();

/** Earliest departure giving the minimal route duration (Vidal et al.'s E of the whole route). */
export function bestDeparture(p: CompiledProblem, vehicle: number, jobs: ArrayLike<number>, count: number): number {
  const tt = p.travelTime[p.timeProfile[vehicle]];
  const n = p.nodeCount;
  scratch.reset(0, 0, p.shiftStart[vehicle], p.shiftEnd[vehicle]);
  let last = p.startNode[vehicle];
  for (let i = 0; i < count; i++) {
    const job = jobs[i];
    scratch.append(tt[last * n + job], p.service[job], 0, p.ready[job], p.due[job]);
    last = job;
  }
  scratch.append(tt[last * n + p.endNode[vehicle]], 0, 0, p.shiftStart[vehicle], p.shiftEnd[vehicle]);
  return min(scratch.early, scratch.late);
}

/**
 * Walks the route from the best departure. When `arrivals` is given, it receives the arrival
 * time at each job (before any waiting).
 */
export function timeRoute(
  p: CompiledProblem,
  vehicle: number,
  jobs: ArrayLike<number>,
  count: number,
  arrivals?: Float64Array,
): RouteTiming {
  const tt = p.travelTime[p.timeProfile[vehicle]];
  const n = p.nodeCount;
  const departure = bestDeparture(p, vehicle, jobs, count);
  let time = departure;
  let warp = 0;
  let rideExcess = 0;
  let distance = 0;
  let load = 0;
  let last = p.startNode[vehicle];
  for (let i = 0; i < count; i++) {
    const job = jobs[i];
    time += tt[last * n + job];
    distance += p.distance[last * n + job];
    load += p.demand[job];
    if (arrivals) arrivals[i] = time;
    rideExcess += max(0, time - departure - p.rideLimit[job]);
    if (time < p.ready[job]) time = p.ready[job];
    if (time > p.due[job]) {
      warp += time - p.due[job];
      time = p.due[job];
    }
    time += p.service[job];
    last = job;
  }
  const end = p.endNode[vehicle];
  time += tt[last * n + end];
  distance += p.distance[last * n + end];
  if (time > p.shiftEnd[vehicle]) {
    warp += time - p.shiftEnd[vehicle];
    time = p.shiftEnd[vehicle];
  }
  const duration = time - departure;
  return {
    departure,
    returnTime: time,
    duration,
    distance,
    load,
    warp,
    durationExcess: max(0, duration + warp - p.maxDuration[vehicle]),
    rideExcess,
  };
}

/** Only the pack-to-door excess, allocation-free, for the local search's exact checks. */
export function rideExcessOf(p: CompiledProblem, vehicle: number, jobs: ArrayLike<number>, count: number): number {
  let limited = false;
  for (let i = 0; i < count && !limited; i++) limited = p.rideLimit[jobs[i]] < UNBOUNDED_TIME;
  if (!limited) return 0;
  const tt = p.travelTime[p.timeProfile[vehicle]];
  const n = p.nodeCount;
  const departure = bestDeparture(p, vehicle, jobs, count);
  let time = departure;
  let excess = 0;
  let last = p.startNode[vehicle];
  for (let i = 0; i < count; i++) {
    const job = jobs[i];
    time += tt[last * n + job];
    excess += max(0, time - departure - p.rideLimit[job]);
    time = min(max(time, p.ready[job]), p.due[job]) + p.service[job];
    last = job;
  }
  return excess;
}
