/**
 * The plan that keeps yesterday's rounds, as a dispatcher would by hand. Each courier on shift
 * keeps yesterday's stops in yesterday's order when that order still works (stops that left just
 * drop out); otherwise the solver re-sequences the round as a one-courier problem. Stops without
 * a round (a new senior, a courier off today, a stop that no longer fits) go where they add the
 * fewest metres among the rounds with room; when no round takes one as it is, the nearest rounds
 * are re-sequenced with it.
 *
 * Why not leave it to the solver's preference penalty alone: the solver starts from scratch, and
 * within a couple of seconds on a 200-stop kitchen it rebuilt barely half of an unchanged day's
 * rounds. One-courier problems it solves well and quickly; the rare small one it misses is
 * retried with another seed.
 */
import {
  type PlannedRoute,
  type PlannedStop,
  type RoutingJob,
  type RoutingProblem,
  type RoutingSolution,
  type RoutingVehicle,
  solve,
  type UnassignedJob,
} from '../routing';

export interface RoundKeepingOptions {
  /** Epoch milliseconds by which every round must be planned. */
  deadline: number;
  seed: number;
}

/** Genetic iterations per one-courier problem: enough for a round of a few dozen doors. */
const ROUND_ITERATIONS = 200;
/** Seeds tried on a round until one places every stop. */
const SEEDS_PER_ROUND = 3;
/** Nearest rounds re-sequenced for a stop that no round takes as it is. */
const ROUNDS_PER_LEFTOVER = 3;
/** The solver checker's tolerance on times and loads. */
const TOLERANCE = 1e-6;

/** A round as planned so far: its stops in order, timed. */
interface Round {
  sequence: RoutingJob[];
  route: PlannedRoute | null;
}

/**
 * Yesterday's rounds carried into today's problem; null when no stop has a preferred courier on
 * shift (nothing to keep). `yesterdayPosition` orders each kept round as it was.
 */
export function keepRounds(problem: RoutingProblem, yesterdayPosition: ReadonlyMap<string, number>, options: RoundKeepingOptions): RoutingSolution | null {
  const started = Date.now();
  const { vehicles, travel } = problem;
  const vehicleIndex = new Map(vehicles.map((vehicle, i) => [vehicle.id, i]));
  const members: RoutingJob[][] = vehicles.map(() => []);
  const homeless: RoutingJob[] = [];
  for (const job of problem.jobs) {
    const v = job.preferredVehicle ? vehicleIndex.get(job.preferredVehicle.vehicleId) : undefined;
    if (v === undefined) homeless.push(job);
    else members[v].push(job);
  }
  if (homeless.length === problem.jobs.length) return null;

  /** An equal share of the time left for each of the solves that may still come. */
  const timeLimit = (solvesLeft: number): number => Math.max(1, (options.deadline - Date.now()) / Math.max(1, solvesLeft) / SEEDS_PER_ROUND);
  let roundsLeft = members.filter((jobs) => jobs.length > 0).length;
  const rounds: Round[] = vehicles.map((vehicle, v) => {
    if (members[v].length === 0) return { sequence: [], route: null };
    const { sequence, route, dropped } = keepRound(problem, vehicle, members[v], yesterdayPosition, timeLimit(roundsLeft--), options.seed);
    homeless.push(...dropped);
    return { sequence, route };
  });
  const load = rounds.map((round) => round.sequence.reduce((sum, job) => sum + (job.demand ?? 0), 0));
  const nearness = (job: RoutingJob, v: number): number =>
    rounds[v].sequence.reduce((nearest, other) => Math.min(nearest, travel.distance(other.location, job.location)), travel.distance(vehicles[v].startLocation, job.location));
  const roundsWithRoom = (job: RoutingJob): number[] =>
    vehicles
      .map((vehicle, v) => ({ v, id: vehicle.id, metres: nearness(job, v), room: vehicle.capacity - load[v] }))
      .filter((round) => round.room >= (job.demand ?? 0))
      .sort((a, b) => a.metres - b.metres || (a.id < b.id ? -1 : 1))
      .map((round) => round.v);
  const place = (v: number, job: RoutingJob, round: Round): void => {
    rounds[v] = { sequence: round.sequence, route: round.route };
    load[v] += job.demand ?? 0;
  };

  const unassigned: UnassignedJob[] = [];
  let homelessLeft = homeless.length;
  for (const job of byId(homeless)) {
    const solvesLeft = homelessLeft-- * ROUNDS_PER_LEFTOVER;
    if (Date.now() > options.deadline) {
      unassigned.push({ jobId: job.id, reason: 'no-feasible-route', detail: 'not tried: the time for keeping rounds ran out' });
      continue;
    }
    const candidates = roundsWithRoom(job);
    let cheapest: { v: number; round: Round; added: number } | null = null;
    for (const v of candidates) {
      const round = cheapestInsertion(problem, vehicles[v], rounds[v].sequence, job);
      if (!round) continue;
      const added = (round.route?.distance ?? 0) - (rounds[v].route?.distance ?? 0);
      if (!cheapest || added < cheapest.added) cheapest = { v, round, added };
    }
    if (cheapest) {
      place(cheapest.v, job, cheapest.round);
      continue;
    }
    const resequenced = candidates.slice(0, ROUNDS_PER_LEFTOVER).some((v) => {
      const solved = solveRound(problem, vehicles[v], [...rounds[v].sequence, job], timeLimit(solvesLeft), options.seed);
      if (solved.dropped.length > 0) return false;
      place(v, job, solved);
      return true;
    });
    if (!resequenced) unassigned.push({ jobId: job.id, reason: 'no-feasible-route', detail: 'fits no round with room, even re-sequenced' });
  }
  return assemble(problem, rounds, unassigned, started, options.seed);
}

/**
 * One courier's own stops: yesterday's order when it still works, with the courier's stops that
 * had no place yesterday slotted in where they add the fewest metres; the solver's sequence when
 * yesterday's order no longer works (or none is known). Stops that do not fit are returned.
 */
function keepRound(
  problem: RoutingProblem,
  vehicle: RoutingVehicle,
  jobs: readonly RoutingJob[],
  yesterdayPosition: ReadonlyMap<string, number>,
  timeLimitMs: number,
  seed: number,
): Round & { dropped: RoutingJob[] } {
  const known = jobs
    .filter((job) => yesterdayPosition.has(job.id))
    .sort((a, b) => (yesterdayPosition.get(a.id) ?? 0) - (yesterdayPosition.get(b.id) ?? 0) || (a.id < b.id ? -1 : 1));
  let round: Round | null = known.length > 0 ? feasibleRound(problem, vehicle, known) : null;
  if (!round) return solveRound(problem, vehicle, jobs, timeLimitMs, seed);
  const dropped: RoutingJob[] = [];
  for (const job of byId(jobs.filter((job) => !yesterdayPosition.has(job.id)))) {
    const longer = cheapestInsertion(problem, vehicle, round.sequence, job);
    if (longer) round = longer;
    else dropped.push(job);
  }
  return { ...round, dropped };
}

/** The solver's sequence for one courier, retried with other seeds while it leaves stops out. */
function solveRound(problem: RoutingProblem, vehicle: RoutingVehicle, jobs: readonly RoutingJob[], timeLimitMs: number, seed: number): Round & { dropped: RoutingJob[] } {
  const round: RoutingProblem = { travel: problem.travel, vehicles: [vehicle], jobs };
  let best: RoutingSolution | null = null;
  for (let attempt = 0; attempt < SEEDS_PER_ROUND && (best === null || best.unassigned.length > 0); attempt++) {
    const solution = solve(round, { timeLimitMs, seed: seed + attempt, maxIterations: ROUND_ITERATIONS });
    if (best === null || solution.unassigned.length < best.unassigned.length) best = solution;
  }
  const solved = best as RoutingSolution;
  const byJobId = new Map(jobs.map((job) => [job.id, job]));
  const route = solved.routes[0] ?? null;
  return {
    sequence: (route?.jobIds ?? []).map((id) => byJobId.get(id) as RoutingJob),
    route,
    dropped: solved.unassigned.map((entry) => byJobId.get(entry.jobId) as RoutingJob),
  };
}

/** The round with `job` at the place that adds the fewest metres, or null when it fits nowhere. */
function cheapestInsertion(problem: RoutingProblem, vehicle: RoutingVehicle, sequence: readonly RoutingJob[], job: RoutingJob): Round | null {
  let best: Round | null = null;
  for (let i = 0; i <= sequence.length; i++) {
    const candidate = feasibleRound(problem, vehicle, [...sequence.slice(0, i), job, ...sequence.slice(i)]);
    if (candidate?.route && (!best?.route || candidate.route.distance < best.route.distance)) best = candidate;
  }
  return best;
}

/** The sequence timed, when it keeps every window, the pack-to-door limits, the capacity and the shift. */
function feasibleRound(problem: RoutingProblem, vehicle: RoutingVehicle, sequence: RoutingJob[]): Round | null {
  const route = timedRoute(problem, vehicle, sequence);
  return route ? { sequence, route } : null;
}

/**
 * A fixed sequence timed as the solver times its routes: leave as late as possible without
 * lengthening the round (the waiting it can absorb, within every window), which also gives every
 * hot meal its shortest pack-to-door time. Null when the sequence breaks a constraint; the whole
 * plan is verified by the solver's own checker afterwards.
 */
function timedRoute(problem: RoutingProblem, vehicle: RoutingVehicle, jobs: readonly RoutingJob[]): PlannedRoute | null {
  const { travel } = problem;
  const profile = vehicle.profile ?? 'default';
  const speed = vehicle.speedFactor ?? 1;
  const time = (from: number, to: number): number => (travel.duration ? travel.duration(from, to, profile) : travel.distance(from, to)) / speed;
  const shiftStart = vehicle.shift?.start ?? 0;
  let clock = shiftStart;
  let location = vehicle.startLocation;
  let waited = 0;
  let slack = Number.POSITIVE_INFINITY;
  for (const job of jobs) {
    clock += time(location, job.location);
    slack = Math.min(slack, (job.timeWindow?.end ?? Number.POSITIVE_INFINITY) - clock + waited);
    const wait = Math.max(0, (job.timeWindow?.start ?? clock) - clock);
    waited += wait;
    clock += wait + (job.serviceDuration ?? 0);
    location = job.location;
  }
  const departure = shiftStart + Math.max(0, Math.min(waited, slack));
  const skills = new Set(vehicle.skills ?? []);
  clock = departure;
  location = vehicle.startLocation;
  let distance = 0;
  let load = 0;
  const stops: PlannedStop[] = [];
  for (const job of jobs) {
    distance += travel.distance(location, job.location);
    const arrival = clock + time(location, job.location);
    if (arrival > (job.timeWindow?.end ?? Number.POSITIVE_INFINITY) + TOLERANCE) return null;
    if (arrival - departure > (job.maxTimeFromRouteStart ?? Number.POSITIVE_INFINITY) + TOLERANCE) return null;
    if ((job.requiredSkills ?? []).some((skill) => !skills.has(skill))) return null;
    const serviceStart = Math.max(arrival, job.timeWindow?.start ?? arrival);
    clock = serviceStart + (job.serviceDuration ?? 0);
    load += job.demand ?? 0;
    location = job.location;
    stops.push({ jobId: job.id, arrival, serviceStart, departure: clock, loadAfter: load });
  }
  const end = vehicle.endLocation ?? vehicle.startLocation;
  distance += travel.distance(location, end);
  const returnTime = clock + time(location, end);
  if (load > vehicle.capacity + TOLERANCE || returnTime > (vehicle.shift?.end ?? Number.POSITIVE_INFINITY) + TOLERANCE) return null;
  if (returnTime - departure > (vehicle.maxDuration ?? Number.POSITIVE_INFINITY) + TOLERANCE) return null;
  return { vehicleId: vehicle.id, jobIds: stops.map((stop) => stop.jobId), stops, departure, returnTime, distance, duration: returnTime - departure, load };
}

function assemble(problem: RoutingProblem, rounds: readonly Round[], unassigned: UnassignedJob[], started: number, seed: number): RoutingSolution {
  const routes = rounds.flatMap((round) => (round.route && round.route.jobIds.length > 0 ? [round.route] : []));
  const onShift = new Set(problem.vehicles.map((vehicle) => vehicle.id));
  const jobs = new Map(problem.jobs.map((job) => [job.id, job]));
  const distance = routes.reduce((sum, route) => sum + route.distance, 0);
  let preferencePenalty = 0;
  for (const route of routes) {
    for (const jobId of route.jobIds) {
      const preferred = jobs.get(jobId)?.preferredVehicle;
      if (preferred && onShift.has(preferred.vehicleId) && preferred.vehicleId !== route.vehicleId) preferencePenalty += preferred.penalty;
    }
  }
  return {
    routes,
    unassigned,
    totals: {
      distance,
      duration: routes.reduce((sum, route) => sum + route.duration, 0),
      vehiclesUsed: routes.length,
      fixedCost: 0,
      preferencePenalty,
      cost: distance + preferencePenalty,
    },
    stats: { iterations: 0, elapsedMs: Date.now() - started, seed },
  };
}

function byId(jobs: readonly RoutingJob[]): RoutingJob[] {
  return [...jobs].sort((a, b) => (a.id < b.id ? -1 : 1));
}
