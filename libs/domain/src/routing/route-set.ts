// The mutable solution inside the local search: one route per vehicle, each with prefix and
// suffix summaries (distance, load, time segment) at every position so that any move can be
// priced in O(1) from a prefix, a few visits and a suffix (see time-segment.ts).
//
// Storage is flat typed arrays with a fixed stride per route (position 0 = start depot,
// positions 1..size = jobs, size + 1 = end depot), which keeps the hot loops free of allocation.

import { type CompiledProblem, preferencePenaltyOf } from './compiled-problem';
import { rideExcessOf } from './route-schedule';
import { TimeSegment } from './time-segment';

// Aliased once: a global lookup of `Math` on every call is slow inside Jest's vm sandbox.
const { max } = Math;

/** Cost per unit of excess load and per unit of time warp (lateness, overtime, pack-to-door excess). */
export interface Penalties {
  readonly capacity: number;
  readonly timeWarp: number;
}

/** Beyond this many tail keys the extra suffix passes cost more than they save. */
const MAX_TAIL_KEYS = 8;
/** Memory cap for the foreign-tail arrays (cells of 4 doubles). */
const MAX_TAIL_CELLS = 2_000_000;

export class RouteSet {
  readonly stride: number;
  readonly nodes: Int32Array;
  readonly size: Int32Array;
  /** Distance and load from the start depot up to and including a position. */
  readonly cumDist: Float64Array;
  readonly cumLoad: Float64Array;
  /** Time segment of the prefix ending at a position. */
  readonly fwdDur: Float64Array;
  readonly fwdWarp: Float64Array;
  readonly fwdEarly: Float64Array;
  readonly fwdLate: Float64Array;
  /** Time segment of the suffix starting at a position. */
  readonly bwdDur: Float64Array;
  readonly bwdWarp: Float64Array;
  readonly bwdEarly: Float64Array;
  readonly bwdLate: Float64Array;
  /**
   * The same suffixes as if driven by a vehicle of another tail key (index = key; a route's
   * own key is left empty), so that 2-opt* between unlike vehicles (walker and van, different
   * homes or shifts) stays O(1). Only kept when there are few keys: see `allTails`.
   */
  readonly tailDur: Float64Array[] = [];
  readonly tailWarp: Float64Array[] = [];
  readonly tailEarly: Float64Array[] = [];
  readonly tailLate: Float64Array[] = [];
  /** True when tail* arrays are maintained for every key. */
  readonly allTails: boolean;
  /** Route of each job (-1 while unrouted) and its position (1-based). */
  readonly routeOf: Int32Array;
  readonly posOf: Int32Array;
  /** Per-route totals; warp includes overtime and pack-to-door excess. */
  readonly distance: Float64Array;
  readonly load: Float64Array;
  readonly warp: Float64Array;
  readonly preference: Float64Array;
  /** Penalised cost under the current penalties, preference and fixed cost included. */
  readonly cost: Float64Array;

  capacityPenalty = 1;
  warpPenalty = 1;
  private readonly segment = new TimeSegment();

  constructor(readonly p: CompiledProblem) {
    const routes = p.vehicleCount;
    this.stride = p.jobCount + 2;
    const cells = routes * this.stride;
    this.nodes = new Int32Array(cells);
    this.size = new Int32Array(routes);
    this.cumDist = new Float64Array(cells);
    this.cumLoad = new Float64Array(cells);
    this.fwdDur = new Float64Array(cells);
    this.fwdWarp = new Float64Array(cells);
    this.fwdEarly = new Float64Array(cells);
    this.fwdLate = new Float64Array(cells);
    this.bwdDur = new Float64Array(cells);
    this.bwdWarp = new Float64Array(cells);
    this.bwdEarly = new Float64Array(cells);
    this.bwdLate = new Float64Array(cells);
    this.allTails = p.tailKeyCount > 1 && p.tailKeyCount <= MAX_TAIL_KEYS && p.tailKeyCount * cells <= MAX_TAIL_CELLS;
    if (this.allTails) {
      for (let key = 0; key < p.tailKeyCount; key++) {
        this.tailDur.push(new Float64Array(cells));
        this.tailWarp.push(new Float64Array(cells));
        this.tailEarly.push(new Float64Array(cells));
        this.tailLate.push(new Float64Array(cells));
      }
    }
    this.routeOf = new Int32Array(p.jobCount).fill(-1);
    this.posOf = new Int32Array(p.jobCount);
    this.distance = new Float64Array(routes);
    this.load = new Float64Array(routes);
    this.warp = new Float64Array(routes);
    this.preference = new Float64Array(routes);
    this.cost = new Float64Array(routes);
  }

  setPenalties(penalties: Penalties): void {
    this.capacityPenalty = penalties.capacity;
    this.warpPenalty = penalties.timeWarp;
    for (let r = 0; r < this.p.vehicleCount; r++) this.cost[r] = this.routeCost(r);
  }

  clear(): void {
    this.routeOf.fill(-1);
    for (let r = 0; r < this.p.vehicleCount; r++) this.setRoute(r, [], 0);
  }

  setRoute(route: number, jobs: ArrayLike<number>, count: number): void {
    const base = route * this.stride;
    this.nodes[base] = this.p.startNode[route];
    for (let i = 0; i < count; i++) {
      const job = jobs[i];
      this.nodes[base + i + 1] = job;
      this.routeOf[job] = route;
      this.posOf[job] = i + 1;
    }
    this.nodes[base + count + 1] = this.p.endNode[route];
    this.size[route] = count;
    this.rebuild(route);
  }

  /** Jobs of a route in visiting order. */
  jobsOf(route: number): number[] {
    const base = route * this.stride;
    return Array.from(this.nodes.subarray(base + 1, base + 1 + this.size[route]));
  }

  /** Sum of the route costs: the penalised cost of the whole solution. */
  totalCost(): number {
    let total = 0;
    for (let r = 0; r < this.p.vehicleCount; r++) total += this.cost[r];
    return total;
  }

  routeCost(route: number): number {
    const p = this.p;
    return (
      this.distance[route] +
      (this.size[route] > 0 ? p.fixedCost[route] : 0) +
      this.preference[route] +
      this.capacityPenalty * max(0, this.load[route] - p.capacity[route]) +
      this.warpPenalty * this.warp[route]
    );
  }

  private rebuild(route: number): void {
    const p = this.p;
    const n = p.nodeCount;
    const tt = p.travelTime[p.timeProfile[route]];
    const base = route * this.stride;
    const count = this.size[route];
    const last = base + count + 1;
    const seg = this.segment;

    seg.reset(0, 0, p.shiftStart[route], p.shiftEnd[route]);
    this.storeForward(base);
    this.cumDist[base] = 0;
    this.cumLoad[base] = 0;
    let preference = 0;
    for (let i = base + 1; i <= last; i++) {
      const prev = this.nodes[i - 1];
      const node = this.nodes[i];
      if (i < last) {
        seg.append(tt[prev * n + node], p.service[node], 0, p.ready[node], p.due[node]);
        this.cumLoad[i] = this.cumLoad[i - 1] + p.demand[node];
        if (p.hasPreferences) preference += preferencePenaltyOf(p, node, route);
      } else {
        seg.append(tt[prev * n + node], 0, 0, p.shiftStart[route], p.shiftEnd[route]);
        this.cumLoad[i] = this.cumLoad[i - 1];
      }
      this.cumDist[i] = this.cumDist[i - 1] + p.distance[prev * n + node];
      this.storeForward(i);
    }

    seg.reset(0, 0, p.shiftStart[route], p.shiftEnd[route]);
    this.storeBackward(last);
    for (let i = last - 1; i >= base; i--) {
      const node = this.nodes[i];
      const travel = tt[node * n + this.nodes[i + 1]];
      if (i > base) seg.prepend(travel, p.service[node], 0, p.ready[node], p.due[node]);
      else seg.prepend(travel, 0, 0, p.shiftStart[route], p.shiftEnd[route]);
      this.storeBackward(i);
    }

    if (this.allTails) this.rebuildForeignTails(route);

    this.distance[route] = this.cumDist[last];
    this.load[route] = this.cumLoad[last];
    this.preference[route] = preference;
    let warp = this.fwdWarp[last] + max(0, this.fwdDur[last] - p.maxDuration[route]);
    if (p.hasRideLimits) warp += rideExcessOf(p, route, this.nodes.subarray(base + 1, last), count);
    this.warp[route] = warp;
    this.cost[route] = this.routeCost(route);
  }

  /** Warp of the suffix of `route` from `pos`, driven by a vehicle of tail key `key`. */
  suffixWarp(route: number, pos: number, key: number): number {
    const i = route * this.stride + pos;
    return key === this.p.tailKey[route] ? this.bwdWarp[i] : this.tailWarp[key][i];
  }

  private rebuildForeignTails(route: number): void {
    const p = this.p;
    const n = p.nodeCount;
    const base = route * this.stride;
    const last = base + this.size[route] + 1;
    const seg = this.segment;
    for (let key = 0; key < p.tailKeyCount; key++) {
      if (key === p.tailKey[route]) continue;
      const vehicle = p.tailVehicle[key];
      const tt = p.travelTime[p.timeProfile[vehicle]];
      const dur = this.tailDur[key];
      const warp = this.tailWarp[key];
      const early = this.tailEarly[key];
      const late = this.tailLate[key];
      seg.reset(0, 0, p.shiftStart[vehicle], p.shiftEnd[vehicle]);
      let next = p.endNode[vehicle];
      for (let i = last; i > base; i--) {
        if (i < last) {
          const node = this.nodes[i];
          seg.prepend(tt[node * n + next], p.service[node], 0, p.ready[node], p.due[node]);
          next = node;
        }
        dur[i] = seg.dur;
        warp[i] = seg.warp;
        early[i] = seg.early;
        late[i] = seg.late;
      }
    }
  }

  private storeForward(i: number): void {
    const seg = this.segment;
    this.fwdDur[i] = seg.dur;
    this.fwdWarp[i] = seg.warp;
    this.fwdEarly[i] = seg.early;
    this.fwdLate[i] = seg.late;
  }

  private storeBackward(i: number): void {
    const seg = this.segment;
    this.bwdDur[i] = seg.dur;
    this.bwdWarp[i] = seg.warp;
    this.bwdEarly[i] = seg.early;
    this.bwdLate[i] = seg.late;
  }
}
