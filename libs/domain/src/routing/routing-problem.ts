// Public model of a routing problem and of its solution. Everything the platform plans (hot-meal
// rounds, home-care visits, Solomon benchmark instances) is expressed with these types; the solver
// compiles them into typed arrays (compiled-problem.ts) and never looks at them again.
//
// Units are the caller's choice but must be consistent: distances in one unit (metres, km, ...),
// times and durations in another (minutes, seconds). The objective is distance plus optional fixed
// vehicle costs and preferred-vehicle penalties, all expressed in distance units.

/** A closed interval [start, end]. For a job it bounds the START of service; early arrivals wait. */
export interface TimeWindow {
  readonly start: number;
  readonly end: number;
}

/** Soft preference for one vehicle: the penalty (in distance units) is paid if another one serves the job. */
export interface VehiclePreference {
  readonly vehicleId: string;
  readonly penalty: number;
}

export interface RoutingJob {
  readonly id: string;
  /** Index into the travel model (0 .. locationCount - 1). */
  readonly location: number;
  /** Load taken from the vehicle (meals, kits). Default 0. */
  readonly demand?: number;
  /** Time spent at the job; counts towards the schedule and the shift. Default 0. */
  readonly serviceDuration?: number;
  /** Service must start inside it (arrival after `end` is infeasible). Default: unbounded. */
  readonly timeWindow?: TimeWindow;
  /** The serving vehicle must hold every one of these skills (nursing, wheelchair, language...). */
  readonly requiredSkills?: readonly string[];
  /**
   * Longest allowed time between the vehicle leaving its start location and arriving here:
   * the pack-to-door limit of a hot meal. The planner departs as late as the route allows, so
   * waiting that can be avoided does not count against it.
   */
  readonly maxTimeFromRouteStart?: number;
  /** Continuity of care: the courier the elder knows. Unknown vehicle ids are ignored (courier off today). */
  readonly preferredVehicle?: VehiclePreference;
}

export interface RoutingVehicle {
  readonly id: string;
  /** Same unit as job demand. */
  readonly capacity: number;
  readonly startLocation: number;
  /** Where the route ends; defaults to the start location. */
  readonly endLocation?: number;
  /** Departure no earlier than `start`, return no later than `end`. Default: unbounded. */
  readonly shift?: TimeWindow;
  readonly skills?: readonly string[];
  /** Name passed to TravelModel.duration, e.g. 'walk', 'bike', 'car'. Default 'default'. */
  readonly profile?: string;
  /**
   * Multiplies the speed of the profile: travel time = profile duration / speedFactor. Lets an
   * e-bike (1.3) and an elderly volunteer on foot (0.8) share one profile. Default 1.
   */
  readonly speedFactor?: number;
  /** Longest working time from departure to return, waiting included. */
  readonly maxDuration?: number;
  /** Cost of using the vehicle at all, in distance units; makes the fleet size matter. Default 0. */
  readonly fixedCost?: number;
}

/**
 * Distances and travel times between location indices. Matrices and coordinates are adapted by
 * `matrixTravelModel` and `euclideanTravelModel`; the solver reads each pair once, up front.
 */
export interface TravelModel {
  readonly locationCount: number;
  distance(from: number, to: number): number;
  /** Travel time for a vehicle profile. Absent: travel time equals distance. */
  duration?(from: number, to: number, profile: string): number;
  /** Planar position, when known. Only used to group routes by direction in the crossover. */
  coordinates?(location: number): readonly [number, number];
}

export interface RoutingProblem {
  readonly jobs: readonly RoutingJob[];
  readonly vehicles: readonly RoutingVehicle[];
  readonly travel: TravelModel;
}

export interface SolveOptions {
  /** Wall-clock budget. Default 5000 ms. The search always builds at least one solution. */
  readonly timeLimitMs?: number;
  /** Same seed + same maxIterations (reached before the time limit) = same solution. Default 1. */
  readonly seed?: number;
  /** Stop after this many genetic iterations (offspring), whichever of the limits comes first. */
  readonly maxIterations?: number;
}

export interface PlannedStop {
  readonly jobId: string;
  readonly arrival: number;
  /** max(arrival, time window start). */
  readonly serviceStart: number;
  readonly departure: number;
  /** Vehicle load after serving this stop. */
  readonly loadAfter: number;
}

export interface PlannedRoute {
  readonly vehicleId: string;
  readonly jobIds: readonly string[];
  readonly stops: readonly PlannedStop[];
  /** Departure from the start location (as late as possible without lengthening the route). */
  readonly departure: number;
  /** Arrival back at the end location. */
  readonly returnTime: number;
  readonly distance: number;
  /** returnTime - departure, waiting included. */
  readonly duration: number;
  readonly load: number;
}

export type UnassignedReason =
  | 'no-vehicles'
  | 'missing-skills'
  | 'over-capacity'
  | 'time-window-unreachable'
  | 'max-time-from-start-unreachable'
  | 'exceeds-max-duration'
  | 'no-feasible-route';

export interface UnassignedJob {
  readonly jobId: string;
  readonly reason: UnassignedReason;
  readonly detail: string;
}

export interface RoutingTotals {
  readonly distance: number;
  /** Sum of route durations. */
  readonly duration: number;
  readonly vehiclesUsed: number;
  readonly fixedCost: number;
  readonly preferencePenalty: number;
  /** distance + fixedCost + preferencePenalty: what the solver minimised. */
  readonly cost: number;
}

export interface SolveStats {
  readonly iterations: number;
  readonly elapsedMs: number;
  readonly seed: number;
}

export interface RoutingSolution {
  /** Only vehicles that serve at least one job. */
  readonly routes: readonly PlannedRoute[];
  readonly unassigned: readonly UnassignedJob[];
  readonly totals: RoutingTotals;
  readonly stats: SolveStats;
}

/** Thrown for malformed input (duplicate ids, bad numbers, out-of-range locations), never for hard instances. */
export class RoutingProblemError extends Error {
  override readonly name = 'RoutingProblemError';
}
