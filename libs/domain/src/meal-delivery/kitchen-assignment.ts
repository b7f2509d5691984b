/**
 * Which kitchen cooks each order of a meal slot once orders are frozen at the cutoff. An order can
 * only go to a capable kitchen (one that makes its diet and its texture) within reach, and a
 * kitchen never takes more orders than its capacity. Orders are placed one at a time, most urgent
 * first:
 *
 *   0. eat-in orders, at the canteen where the senior sits;
 *   1. orders that only one open kitchen can make (otherwise they get nothing);
 *   2. orders with a preferred kitchen (yesterday's), at that kitchen;
 *   3. everyone else by regret: the order whose second choice is farthest behind its first goes
 *      first, so that orders with a near alternative are the ones that move when a kitchen fills.
 *
 * An order whose first choice is full when its turn comes overflows to its nearest open capable
 * kitchen and says why. Keys are exact: when a kitchen fills, every order that had it as first or
 * second choice is re-ranked. Ties break by distance, then id, so the result is deterministic.
 * Distances are straight-line (great-circle) metres. One order is one meal: capacity counts orders.
 */
import { EARTH_RADIUS_METRES, type LatLng } from '../district';

export interface KitchenForAssignment {
  kitchenId: string;
  location: LatLng;
  /** Meals this kitchen can cook for the slot. */
  capacity: number;
  diets: readonly string[];
  textures: readonly string[];
  /** How far this kitchen's couriers can carry a hot meal (straight line); deliveries beyond it go elsewhere. Default: no limit. */
  reachMetres?: number;
}

export interface OrderForAssignment {
  orderId: string;
  location: LatLng;
  diet: string;
  texture: string;
  /** Yesterday's kitchen, or the canteen for eat-in: kept when it is capable and has room. */
  preferredKitchenId?: string | null;
  /** Eaten at the preferred kitchen (堂食): placed before all other orders, whatever the distance. */
  eatIn?: boolean;
}

export interface AssignedOrder {
  orderId: string;
  kitchenId: string;
  /** Straight-line metres from the kitchen to the order's location. */
  metres: number;
  /** Not the order's first choice (its capable preferred kitchen, else the nearest capable one), which was full. */
  overflow: boolean;
  reason: string;
}

export interface UnassignedOrder {
  orderId: string;
  reason: string;
}

export interface KitchenAssignment {
  /** In the order the orders were given. */
  assignments: AssignedOrder[];
  unassigned: UnassignedOrder[];
  /** Orders per kitchen id, every kitchen listed. */
  load: Record<string, number>;
}

export interface KitchenAssignmentOptions {
  /** Delivery reach: a kitchen farther than this (straight line) is not a candidate. Eat-in ignores it. */
  maxMetres?: number;
}

const TIER_EAT_IN = 0;
const TIER_ONLY_CHOICE = 1;
const TIER_PREFERRED = 2;
const TIER_REGRET = 3;

interface QueueEntry {
  tier: number;
  regret: number;
  metres: number;
  rank: number;
  order: number;
  version: number;
}

export function assignOrdersToKitchens(
  orders: readonly OrderForAssignment[],
  kitchens: readonly KitchenForAssignment[],
  options: KitchenAssignmentOptions = {},
): KitchenAssignment {
  const orderRank = ranks(orders.map((o) => o.orderId), 'order');
  const kitchenRank = ranks(kitchens.map((k) => k.kitchenId), 'kitchen');
  for (const kitchen of kitchens) {
    if (!Number.isInteger(kitchen.capacity) || kitchen.capacity < 0) throw new RangeError(`kitchen ${kitchen.kitchenId}: capacity must be a whole number ≥ 0, got ${kitchen.capacity}`);
  }
  const maxMetres = options.maxMetres ?? Number.POSITIVE_INFINITY;
  const reach = squaredChord(maxMetres);
  const kitchenReach = kitchens.map((k) => squaredChord(Math.min(maxMetres, k.reachMetres ?? Number.POSITIVE_INFINITY)));
  const kitchenIndex = new Map(kitchens.map((k, i) => [k.kitchenId, i]));
  const home = unitVectors(orders.map((o) => o.location));
  const site = unitVectors(kitchens.map((k) => k.location));
  const chord2 = (o: number, k: number): number => {
    const dx = home.x[o] - site.x[k];
    const dy = home.y[o] - site.y[k];
    const dz = home.z[o] - site.z[k];
    return dx * dx + dy * dy + dz * dz;
  };
  const metres = (o: number, k: number): number => arcMetres(chord2(o, k));

  // Capable kitchens per diet × texture, shared by every order with that need.
  const capableByNeed = new Map<string, number[]>();
  const capable = orders.map((order) => {
    const need = `${order.diet}\u0000${order.texture}`;
    let list = capableByNeed.get(need);
    if (!list) {
      list = kitchens.flatMap((k, i) => (k.diets.includes(order.diet) && k.textures.includes(order.texture) ? [i] : []));
      capableByNeed.set(need, list);
    }
    return list;
  });
  /** The nearest and second-nearest capable kitchens within reach that `usable` accepts (distance, then id). */
  const nearestTwo = (o: number, usable: (k: number) => boolean): { first: number; second: number } => {
    let first = -1;
    let second = -1;
    let d1 = Number.POSITIVE_INFINITY;
    let d2 = Number.POSITIVE_INFINITY;
    for (const k of capable[o]) {
      if (!usable(k)) continue;
      const d = chord2(o, k);
      if (d > (orders[o].eatIn ? reach : kitchenReach[k])) continue;
      if (d < d1 || (d === d1 && kitchenRank[k] < kitchenRank[first])) {
        second = first;
        d2 = d1;
        first = k;
        d1 = d;
      } else if (d < d2 || (d === d2 && kitchenRank[k] < kitchenRank[second])) {
        second = k;
        d2 = d;
      }
    }
    return { first, second };
  };

  // The preferred kitchen counts when it is capable and within reach (eat-in: wherever it is).
  const fixed = Int32Array.from(orders, (order, o) => {
    const preferred = order.preferredKitchenId ? kitchenIndex.get(order.preferredKitchenId) : undefined;
    if (preferred === undefined || !capable[o].includes(preferred)) return -1;
    return order.eatIn || chord2(o, preferred) <= kitchenReach[preferred] ? preferred : -1;
  });

  const load = new Int32Array(kitchens.length);
  const open = kitchens.map((k) => k.capacity > 0);
  const isOpen = (k: number): boolean => open[k];
  const choice = new Int32Array(orders.length).fill(-1);
  const version = new Int32Array(orders.length);
  const placed = new Int32Array(orders.length).fill(-1);
  const closed = new Uint8Array(orders.length);
  const watchers: number[][] = kitchens.map(() => []);
  const watchedFirst = new Int32Array(orders.length).fill(-1);
  const watchedSecond = new Int32Array(orders.length).fill(-1);
  const queue = new EntryHeap();

  /** The order's current key (its choice set aside), or null when no open kitchen can take it any more. */
  const evaluate = (o: number): QueueEntry | null => {
    const { first, second } = nearestTwo(o, isOpen);
    if (first >= 0 && watchedFirst[o] !== first) watchers[(watchedFirst[o] = first)].push(o);
    if (second >= 0 && watchedSecond[o] !== second) watchers[(watchedSecond[o] = second)].push(o);
    const key = (k: number, tier: number, regret: number, at: number): QueueEntry => {
      choice[o] = k;
      return { tier, regret, metres: at, rank: orderRank[o], order: o, version: ++version[o] };
    };
    const f = fixed[o];
    if (f >= 0 && open[f]) {
      const onlyChoice = first < 0 || (first === f && second < 0);
      return key(f, orders[o].eatIn ? TIER_EAT_IN : onlyChoice ? TIER_ONLY_CHOICE : TIER_PREFERRED, 0, metres(o, f));
    }
    if (first < 0) return null;
    const nearest = metres(o, first);
    return second < 0 ? key(first, TIER_ONLY_CHOICE, 0, nearest) : key(first, TIER_REGRET, metres(o, second) - nearest, nearest);
  };
  const requeue = (o: number): void => {
    const entry = evaluate(o);
    if (entry) queue.push(entry);
    else closed[o] = 1;
  };

  orders.forEach((_, o) => {
    if (fixed[o] >= 0) watchers[fixed[o]].push(o);
    requeue(o);
  });
  // What each order would get with unlimited capacity: its overflow is measured against this.
  const firstChoice = Int32Array.from(choice);
  for (let entry = queue.pop(); entry; entry = queue.pop()) {
    const o = entry.order;
    if (entry.version !== version[o] || closed[o]) continue;
    const k = choice[o];
    placed[o] = k;
    load[k] += 1;
    if (load[k] >= kitchens[k].capacity) {
      open[k] = false;
      const affected = watchers[k];
      watchers[k] = [];
      for (const other of affected) if (placed[other] < 0 && !closed[other]) requeue(other);
    }
  }

  const assignments: AssignedOrder[] = [];
  const unassigned: UnassignedOrder[] = [];
  orders.forEach((order, o) => {
    const k = placed[o];
    if (k < 0) {
      const nearest = nearestTwo(o, () => true).first;
      const reason =
        capable[o].length === 0
          ? `no kitchen makes ${need(order)}`
          : fixed[o] >= 0 && nearest < 0
            ? `canteen ${kitchens[fixed[o]].kitchenId} is full and no other kitchen that makes ${need(order)} is within ${m(maxMetres)}`
            : nearest < 0
              ? `no kitchen that makes ${need(order)} within ${m(maxMetres)} (nearest: ${nearestAnywhere(capable[o], (c) => metres(o, c), kitchens)})`
              : `every capable kitchen${Number.isFinite(maxMetres) ? ` within ${m(maxMetres)}` : ''} is full (nearest: ${kitchens[nearest].kitchenId}, ${m(metres(o, nearest))})`;
      unassigned.push({ orderId: order.orderId, reason });
      return;
    }
    const wanted = firstChoice[o];
    const overflow = k !== wanted;
    assignments.push({
      orderId: order.orderId,
      kitchenId: kitchens[k].kitchenId,
      metres: metres(o, k),
      overflow,
      reason: overflow ? overflowReason(order, kitchens[wanted].kitchenId, metres(o, wanted), metres(o, k)) : placedReason(order, kitchens, kitchenIndex, k === fixed[o], maxMetres),
    });
  });
  return { assignments, unassigned, load: Object.fromEntries(kitchens.map((k, i) => [k.kitchenId, load[i]])) };
}

const need = (order: OrderForAssignment): string => `${order.diet} ${order.texture}`;
const WHOLE_METRES = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const m = (metres: number): string => `${WHOLE_METRES.format(metres)} m`;

function placedReason(
  order: OrderForAssignment,
  kitchens: readonly KitchenForAssignment[],
  kitchenIndex: ReadonlyMap<string, number>,
  atPreferred: boolean,
  maxMetres: number,
): string {
  if (atPreferred) return order.eatIn ? 'eats in at this canteen' : 'same kitchen as yesterday';
  const nearest = `nearest kitchen that makes ${need(order)}`;
  const preferredId = order.preferredKitchenId;
  if (!preferredId) return nearest;
  const preferred = kitchenIndex.get(preferredId);
  if (preferred === undefined) return `${nearest}; ${preferredId} does not cook this slot`;
  const kitchen = kitchens[preferred];
  if (!kitchen.diets.includes(order.diet) || !kitchen.textures.includes(order.texture)) return `${nearest}; ${preferredId} does not make ${need(order)}`;
  return `${nearest}; ${preferredId} is beyond the ${m(maxMetres)} delivery reach`;
}

function overflowReason(order: OrderForAssignment, firstChoiceId: string, firstChoiceMetres: number, metres: number): string {
  const full = order.eatIn
    ? `canteen ${firstChoiceId} is full`
    : order.preferredKitchenId === firstChoiceId
      ? `yesterday's kitchen ${firstChoiceId} is full`
      : `nearest kitchen that makes ${need(order)}, ${firstChoiceId} (${m(firstChoiceMetres)}), is full`;
  const farther = metres - firstChoiceMetres;
  return `overflow: ${full}; the nearest one with room is ${farther >= 0 ? `${m(farther)} farther` : `${m(-farther)} nearer`}`;
}

function nearestAnywhere(capable: readonly number[], metresTo: (k: number) => number, kitchens: readonly KitchenForAssignment[]): string {
  const nearest = capable.reduce((best, k) => (metresTo(k) < metresTo(best) ? k : best));
  return `${kitchens[nearest].kitchenId}, ${m(metresTo(nearest))}`;
}

/** Points as unit vectors: distances then need no trigonometry per pair (it is slow where it counts). */
function unitVectors(points: readonly LatLng[]): { x: Float64Array; y: Float64Array; z: Float64Array } {
  const x = new Float64Array(points.length);
  const y = new Float64Array(points.length);
  const z = new Float64Array(points.length);
  points.forEach((p, i) => {
    const lat = (p.lat * Math.PI) / 180;
    const lng = (p.lng * Math.PI) / 180;
    x[i] = Math.cos(lat) * Math.cos(lng);
    y[i] = Math.cos(lat) * Math.sin(lng);
    z[i] = Math.sin(lat);
  });
  return { x, y, z };
}

/** Great-circle metres for a squared chord of the unit sphere: the haversine distance, rearranged. */
function arcMetres(squared: number): number {
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(squared) / 2));
}

/** The squared chord of a great-circle distance (∞ for no limit). */
function squaredChord(metres: number): number {
  if (!(metres < Math.PI * EARTH_RADIUS_METRES)) return Number.POSITIVE_INFINITY;
  return (2 * Math.sin(metres / EARTH_RADIUS_METRES / 2)) ** 2;
}

/** Each id's position in code-unit order (locale-independent): the deterministic tie-break. Ids must be unique. */
function ranks(ids: readonly string[], label: string): Int32Array {
  const order = ids.map((_, i) => i).sort((a, b) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0));
  const rank = new Int32Array(ids.length);
  order.forEach((i, r) => {
    if (r > 0 && ids[order[r - 1]] === ids[i]) throw new RangeError(`duplicate ${label} id ${ids[i]}`);
    rank[i] = r;
  });
  return rank;
}

/** Lower tier first, then larger regret, then nearer, then smaller id. */
function before(a: QueueEntry, b: QueueEntry): boolean {
  if (a.tier !== b.tier) return a.tier < b.tier;
  if (a.regret !== b.regret) return a.regret > b.regret;
  if (a.metres !== b.metres) return a.metres < b.metres;
  return a.rank < b.rank;
}

class EntryHeap {
  private readonly items: QueueEntry[] = [];

  push(entry: QueueEntry): void {
    const items = this.items;
    let i = items.length;
    items.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(entry, items[parent])) break;
      items[i] = items[parent];
      i = parent;
    }
    items[i] = entry;
  }

  pop(): QueueEntry | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const child = left + 1 < items.length && before(items[left + 1], items[left]) ? left + 1 : left;
      if (!before(items[child], last)) break;
      items[i] = items[child];
      i = child;
    }
    items[i] = last;
    return top;
  }
}
