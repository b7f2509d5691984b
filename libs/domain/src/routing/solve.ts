// Public entry point of the solver. Synchronous and CPU-bound for `timeLimitMs`: callers inside a
// server should run it in a worker thread or a queue worker, not on the request path.

import { type CompiledProblem, compileProblem, preferencePenaltyOf } from './compiled-problem';
import { enforceFeasibility } from './feasibility-repair';
import { geneticSearch } from './genetic-search';
import { buildNeighbourhood } from './neighbourhood';
import { timeRoute } from './route-schedule';
import {
  type PlannedRoute,
  type PlannedStop,
  type RoutingProblem,
  type RoutingSolution,
  type SolveOptions,
  type UnassignedJob,
} from './routing-problem';
import { validateProblem } from './problem-validation';

const DEFAULT_TIME_LIMIT_MS = 5000;
/** Granular neighbourhood size: moves only bring a job next to one of its this many closest jobs. */
const NEIGHBOURS = 30;

export function solve(problem: RoutingProblem, options: SolveOptions = {}): RoutingSolution {
  const started = Date.now();
  const seed = options.seed ?? 1;
  validateProblem(problem);
  const { compiled, unassigned } = compileProblem(problem);
  let routes: number[][] = Array.from({ length: compiled.vehicleCount }, () => []);
  let dropped: number[] = [];
  let iterations = 0;
  if (compiled.jobCount > 0) {
    const search = geneticSearch(compiled, buildNeighbourhood(compiled, NEIGHBOURS), {
      deadline: started + (options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS),
      maxIterations: options.maxIterations ?? Number.POSITIVE_INFINITY,
      seed,
    });
    iterations = search.iterations;
    ({ routes, dropped } = enforceFeasibility(compiled, (search.bestFeasible ?? search.leastInfeasible).routes));
  }
  const notRouted: UnassignedJob[] = dropped.map((job) => ({
    jobId: problem.jobs[compiled.jobSource[job]].id,
    reason: 'no-feasible-route',
    detail: 'could not be fitted into any route of the fleet (capacity, time windows, shifts or pack-to-door limits)',
  }));
  const planned = routes.flatMap((jobs, vehicle) => (jobs.length > 0 ? [planRoute(problem, compiled, vehicle, jobs)] : []));
  const distance = planned.reduce((sum, route) => sum + route.distance, 0);
  const fixedCost = routes.reduce((sum, jobs, vehicle) => sum + (jobs.length > 0 ? compiled.fixedCost[vehicle] : 0), 0);
  const preferencePenalty = routes.reduce(
    (sum, jobs, vehicle) => jobs.reduce((inner, job) => inner + preferencePenaltyOf(compiled, job, vehicle), sum),
    0,
  );
  return {
    routes: planned,
    unassigned: [...unassigned, ...notRouted],
    totals: {
      distance,
      duration: planned.reduce((sum, route) => sum + route.duration, 0),
      vehiclesUsed: planned.length,
      fixedCost,
      preferencePenalty,
      cost: distance + fixedCost + preferencePenalty,
    },
    stats: { iterations, elapsedMs: Date.now() - started, seed },
  };
}

function planRoute(problem: RoutingProblem, p: CompiledProblem, vehicle: number, jobs: readonly number[]): PlannedRoute {
  const arrivals = new Float64Array(jobs.length);
  const timing = timeRoute(p, vehicle, jobs, jobs.length, arrivals);
  let load = 0;
  const stops = jobs.map((job, i): PlannedStop => {
    const serviceStart = Math.max(arrivals[i], p.ready[job]);
    load += p.demand[job];
    return {
      jobId: problem.jobs[p.jobSource[job]].id,
      arrival: arrivals[i],
      serviceStart,
      departure: serviceStart + p.service[job],
      loadAfter: load,
    };
  });
  return {
    vehicleId: problem.vehicles[vehicle].id,
    jobIds: stops.map((stop) => stop.jobId),
    stops,
    departure: timing.departure,
    returnTime: timing.returnTime,
    distance: timing.distance,
    duration: timing.duration,
    load: timing.load,
  };
}
