/**
 * Courier rounds for one kitchen's deliveries of a slot, planned with the routing solver. Street
 * distance is the straight line times a detour factor; travel time follows each courier's mode
 * (and the courier's own speed factor). Hot meals must reach the door within the pack-to-door
 * limit counted from the courier's departure, which is when the round is packed. A stop prefers
 * yesterday's courier: giving it to someone else costs `stabilityPenaltyMetres` of route.
 *
 * Two plans compete under that one objective: yesterday's rounds kept (round-keeping.ts) and a
 * fresh search over the whole fleet. The one that leaves fewer stops out wins, then the cheaper;
 * a tie keeps yesterday's. The winner is re-checked by the solver's independent checker.
 */
import { type LatLng } from '../district';
import {
  checkSolution,
  type PlannedRoute,
  type RoutingJob,
  type RoutingProblem,
  type RoutingSolution,
  type RoutingVehicle,
  type SolutionCheck,
  solve,
  type UnassignedReason,
} from '../routing';
import { type CourierMode, type CourierModeProfile, DEFAULT_COURIER_MODES } from './courier-modes';
import type { UnassignedOrder } from './kitchen-assignment';
import { keepRounds } from './round-keeping';
import { streetTravelModel } from './street-travel';

/** Minutes after midnight, local time. */
export interface MinuteWindow {
  from: number;
  to: number;
}

export interface CourierForRouting {
  courierId: string;
  mode: CourierMode;
  /** Meals carried at once; overrides the mode's. */
  capacity?: number;
  /** Multiplies the mode's speed: an older volunteer on foot 0.8. Default 1. */
  speedFactor?: number;
  shift: MinuteWindow;
}

export interface DeliveryStop {
  orderId: string;
  seniorId: string;
  location: LatLng;
  meals: number;
  /** When the meal may be handed over (service starts inside it; an early courier waits). */
  window: MinuteWindow;
  hot: boolean;
  /** Minutes at the door (stairs, hand-over, a word with the senior). Default 2. */
  serviceMinutes?: number;
  yesterdayCourierId?: string | null;
  /** Yesterday's place on that courier's round (1 = first door): a kept round keeps yesterday's order. */
  yesterdayPosition?: number | null;
}

export interface DeliveryPlanOptions {
  /** Longest time from packing (the courier's departure) to arrival at the door for a hot meal. */
  maxPackToDoorMinutes: number;
  /** Street distance over straight-line distance. Default 1.3. */
  detourFactor?: number;
  /** planDeliveries blocks for about this long (run it in a queue worker). Default 2000 ms. */
  timeLimitMs?: number;
  /** With `maxIterations` reached before the time limit, the same seed gives the same plan. Default 1. */
  seed?: number;
  /** Caps the fresh search's genetic iterations. Default: none, the time limit decides. */
  maxIterations?: number;
  /** Route metres the planner would add to keep a stop with yesterday's courier. Default 300. */
  stabilityPenaltyMetres?: number;
  modes?: Readonly<Record<CourierMode, Readonly<CourierModeProfile>>>;
}

export interface PlannedDeliveryStop {
  orderId: string;
  seniorId: string;
  /** 1 for the first door of the round. */
  position: number;
  /** At the door, minutes after midnight; a courier who is early waits for the window there. */
  arriveAt: number;
  /** arriveAt − departAt: what the food-safety limit bounds for hot meals (the solver's maxTimeFromRouteStart). */
  packToDoorMinutes: number;
}

export interface PlannedDeliveryRoute {
  courierId: string;
  mode: CourierMode;
  /** Packing and departure, minutes after midnight: as late as the round allows. */
  departAt: number;
  returnAt: number;
  stops: PlannedDeliveryStop[];
  /** Street metres, kitchen back to kitchen. */
  metres: number;
  meals: number;
}

export interface DeliveryPlan {
  routes: PlannedDeliveryRoute[];
  unassigned: UnassignedOrder[];
  /** Over hot meals; 0 when there are none. */
  longestPackToDoorMinutes: number;
  /** Stops served by yesterday's courier, among all stops that had one (share 1 when none had). */
  keptFromYesterday: { stops: number; of: number; share: number };
  couriersUsed: number;
  metres: number;
}

export interface DeliveryKitchen {
  kitchenId: string;
  location: LatLng;
}

const DEFAULT_DETOUR_FACTOR = 1.3;
const DEFAULT_TIME_LIMIT_MS = 2000;
const DEFAULT_STABILITY_PENALTY_METRES = 300;
const DEFAULT_SERVICE_MINUTES = 2;
/** Share of the time budget for keeping yesterday's rounds; the fresh plan gets the rest. */
const KEEPING_SHARE = 0.5;

export function planDeliveries(
  kitchen: DeliveryKitchen,
  stops: readonly DeliveryStop[],
  couriers: readonly CourierForRouting[],
  options: DeliveryPlanOptions,
): DeliveryPlan {
  const started = Date.now();
  const budget = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS;
  const seed = options.seed ?? 1;
  const problem = deliveryRoutingProblem(kitchen, stops, couriers, options);
  const yesterdayPosition = new Map(stops.flatMap((stop) => (stop.yesterdayCourierId && stop.yesterdayPosition != null ? [[stop.orderId, stop.yesterdayPosition] as const] : [])));
  const kept = keepRounds(problem, yesterdayPosition, { deadline: started + budget * KEEPING_SHARE, seed });
  const fresh = solve(problem, { timeLimitMs: Math.max(1, started + budget - Date.now()), seed, maxIterations: options.maxIterations });
  const solution = kept && isBetter(kept, fresh) ? kept : fresh;
  // The fresh search screens every stop against the whole fleet: its reasons are the precise ones.
  const freshReason = new Map(fresh.unassigned.map((entry) => [entry.jobId, entry.reason]));
  const stopById = new Map(stops.map((stop) => [stop.orderId, stop]));
  const modeOf = new Map(couriers.map((courier) => [courier.courierId, courier.mode]));
  const routes = solution.routes.map((route): PlannedDeliveryRoute => {
    const plannedStops = route.stops.map((stop, i): PlannedDeliveryStop => ({
      orderId: stop.jobId,
      seniorId: stopById.get(stop.jobId)!.seniorId,
      position: i + 1,
      arriveAt: stop.arrival,
      packToDoorMinutes: stop.arrival - route.departure,
    }));
    return {
      courierId: route.vehicleId,
      mode: modeOf.get(route.vehicleId) as CourierMode,
      departAt: route.departure,
      returnAt: route.returnTime,
      stops: plannedStops,
      metres: route.distance,
      meals: route.load,
    };
  });
  const plan = summarise(routes, stops, solution.unassigned.map((entry) => ({ orderId: entry.jobId, reason: REASONS[freshReason.get(entry.jobId) ?? entry.reason](options.maxPackToDoorMinutes) })));
  const check = checkPlan(problem, stops, plan);
  if (!check.feasible) throw new Error(`the delivery plan for kitchen ${kitchen.kitchenId} failed the routing check: ${check.violations.slice(0, 5).join('; ')}`);
  return plan;
}

/** Fewer stops left out, then the lower cost: metres plus the stability penalty of every stop that changed courier. */
function isBetter(a: RoutingSolution, b: RoutingSolution): boolean {
  return a.unassigned.length < b.unassigned.length || (a.unassigned.length === b.unassigned.length && a.totals.cost <= b.totals.cost);
}

/**
 * Re-checks a plan (the planner's, or one a kitchen manager edited by hand) with the solver's
 * independent checker: capacities, windows, shifts and the pack-to-door limit of every hot meal.
 */
export function checkDeliveryPlan(
  kitchen: DeliveryKitchen,
  stops: readonly DeliveryStop[],
  couriers: readonly CourierForRouting[],
  options: DeliveryPlanOptions,
  plan: DeliveryPlan,
): SolutionCheck {
  return checkPlan(deliveryRoutingProblem(kitchen, stops, couriers, options), stops, plan);
}

function checkPlan(problem: RoutingProblem, stops: readonly DeliveryStop[], plan: DeliveryPlan): SolutionCheck {
  const stopById = new Map(stops.map((stop) => [stop.orderId, stop]));
  const routes = plan.routes.map((route): PlannedRoute => {
    let load = 0;
    const routeStops = route.stops.map((planned) => {
      const stop = stopById.get(planned.orderId);
      const serviceStart = Math.max(planned.arriveAt, stop?.window.from ?? planned.arriveAt);
      load += stop?.meals ?? 0;
      return { jobId: planned.orderId, arrival: planned.arriveAt, serviceStart, departure: serviceStart + (stop?.serviceMinutes ?? DEFAULT_SERVICE_MINUTES), loadAfter: load };
    });
    return {
      vehicleId: route.courierId,
      jobIds: routeStops.map((stop) => stop.jobId),
      stops: routeStops,
      departure: route.departAt,
      returnTime: route.returnAt,
      distance: route.metres,
      duration: route.returnAt - route.departAt,
      load,
    };
  });
  const solution: RoutingSolution = {
    routes,
    unassigned: plan.unassigned.map((entry) => ({ jobId: entry.orderId, reason: 'no-feasible-route', detail: entry.reason })),
    totals: { distance: plan.metres, duration: routes.reduce((sum, route) => sum + route.duration, 0), vehiclesUsed: routes.length, fixedCost: 0, preferencePenalty: 0, cost: plan.metres },
    stats: { iterations: 0, elapsedMs: 0, seed: 0 },
  };
  return checkSolution(problem, solution);
}

/** The solver's model of a kitchen's round: location 0 is the kitchen, stop i is location i + 1. */
function deliveryRoutingProblem(
  kitchen: DeliveryKitchen,
  stops: readonly DeliveryStop[],
  couriers: readonly CourierForRouting[],
  options: DeliveryPlanOptions,
): RoutingProblem {
  const modes = options.modes ?? DEFAULT_COURIER_MODES;
  const penalty = options.stabilityPenaltyMetres ?? DEFAULT_STABILITY_PENALTY_METRES;
  const jobs = stops.map((stop, i): RoutingJob => ({
    id: stop.orderId,
    location: i + 1,
    demand: stop.meals,
    serviceDuration: stop.serviceMinutes ?? DEFAULT_SERVICE_MINUTES,
    timeWindow: { start: stop.window.from, end: stop.window.to },
    ...(stop.hot ? { maxTimeFromRouteStart: options.maxPackToDoorMinutes } : {}),
    ...(stop.yesterdayCourierId ? { preferredVehicle: { vehicleId: stop.yesterdayCourierId, penalty } } : {}),
  }));
  const vehicles = couriers.map((courier): RoutingVehicle => {
    const profile = modes[courier.mode];
    if (!profile) throw new RangeError(`courier ${courier.courierId}: unknown mode ${String(courier.mode)}`);
    return {
      id: courier.courierId,
      capacity: courier.capacity ?? profile.capacity,
      startLocation: 0,
      shift: { start: courier.shift.from, end: courier.shift.to },
      profile: courier.mode,
      speedFactor: courier.speedFactor ?? 1,
    };
  });
  return { jobs, vehicles, travel: streetTravelModel([kitchen.location, ...stops.map((stop) => stop.location)], options.detourFactor ?? DEFAULT_DETOUR_FACTOR, modes) };
}

const REASONS: Readonly<Record<UnassignedReason, (maxPackToDoorMinutes: number) => string>> = {
  'no-vehicles': () => 'no courier is on shift',
  'missing-skills': () => 'no courier has the skills this stop needs',
  'over-capacity': () => 'more meals than any courier carries',
  'time-window-unreachable': () => 'no courier on shift can reach the door inside its window',
  'max-time-from-start-unreachable': (limit) => `too far for a hot meal: no courier reaches the door within ${limit} minutes of packing`,
  'exceeds-max-duration': () => 'the round would be longer than a courier may work',
  'no-feasible-route': () => 'the couriers on shift cannot fit it (capacity, windows, shifts or the hot-meal limit): add a courier or move the window',
};

function summarise(routes: PlannedDeliveryRoute[], stops: readonly DeliveryStop[], unassigned: UnassignedOrder[]): DeliveryPlan {
  const hot = new Set(stops.filter((stop) => stop.hot).map((stop) => stop.orderId));
  const yesterday = new Map(stops.flatMap((stop) => (stop.yesterdayCourierId ? [[stop.orderId, stop.yesterdayCourierId] as const] : [])));
  let longest = 0;
  let kept = 0;
  for (const route of routes) {
    for (const stop of route.stops) {
      if (hot.has(stop.orderId)) longest = Math.max(longest, stop.packToDoorMinutes);
      if (yesterday.get(stop.orderId) === route.courierId) kept += 1;
    }
  }
  return {
    routes,
    unassigned,
    longestPackToDoorMinutes: longest,
    keptFromYesterday: { stops: kept, of: yesterday.size, share: yesterday.size === 0 ? 1 : kept / yesterday.size },
    couriersUsed: routes.length,
    metres: routes.reduce((sum, route) => sum + route.metres, 0),
  };
}
