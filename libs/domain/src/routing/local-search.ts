// Penalised local search ("education" in HGS terms). For every job U and each of its granular
// neighbours V it tries, first improvement:
//   relocate      1, 2 or 3 consecutive jobs starting at U to just after V   (or-opt when intra-route)
//   swap          1-1, 2-1 and 2-2 consecutive jobs between U's and V's places
//   2-opt*        exchange the route tails after U and V (two variants)      (inter-route)
//   2-opt         reverse the path between U and V                            (intra-route)
// plus relocations and tail moves into one empty vehicle per vehicle class.
//
// Every move is first priced by a lower bound: exact distance, load and preference deltas, and
// for time warp only what the unchanged prefix and suffix already carry. Only moves that pass it
// pay for the O(1) segment concatenations (route-draft.ts), and only promising ones pay the
// linear pack-to-door check. Pairs are re-examined only when one of the two routes changed since
// the pair was last tested (HGS's whenLastModified).

import { type CompiledProblem, preferencePenaltyOf } from './compiled-problem';
import { type Random } from './random';
import { RouteDraft } from './route-draft';
import { type Penalties, RouteSet } from './route-set';

// Aliased once: a global lookup of `Math` on every call is slow inside Jest's vm sandbox.
const { max } = Math;

const EPSILON = 1e-7;
/** Check the clock every this many jobs examined (must be a power of two minus one). */
const CLOCK_MASK = 31;

export interface SolutionTotals {
  readonly distance: number;
  readonly fixedCost: number;
  readonly preference: number;
  readonly loadExcess: number;
  readonly warp: number;
}

export class LocalSearch {
  readonly routes: RouteSet;
  private readonly draftA: RouteDraft;
  private readonly draftB: RouteDraft;
  private readonly bufferA: Int32Array;
  private readonly bufferB: Int32Array;
  private readonly order: Int32Array;
  private readonly lastTested: Int32Array;
  private readonly lastModified: Int32Array;
  private readonly emptyOfClass: Int32Array;
  private emptyComputedAt = -1;
  private moveCount = 0;
  /** Move count when a route last became empty: a new empty vehicle is a new move target for everyone. */
  private lastEmptied = 0;

  constructor(
    private readonly p: CompiledProblem,
    private readonly neighbours: readonly Int32Array[],
    private readonly rng: Random,
  ) {
    this.routes = new RouteSet(p);
    this.draftA = new RouteDraft(p, this.routes);
    this.draftB = new RouteDraft(p, this.routes);
    this.bufferA = new Int32Array(p.jobCount);
    this.bufferB = new Int32Array(p.jobCount);
    this.order = Int32Array.from({ length: p.jobCount }, (_, i) => i);
    this.lastTested = new Int32Array(p.jobCount);
    this.lastModified = new Int32Array(p.vehicleCount);
    this.emptyOfClass = new Int32Array(p.classCount);
  }

  /** Loads one job list per vehicle (jobs may be missing: call insertUnrouted next). */
  load(routes: readonly (readonly number[])[], penalties: Penalties): void {
    const rs = this.routes;
    rs.capacityPenalty = penalties.capacity;
    rs.warpPenalty = penalties.timeWarp;
    rs.routeOf.fill(-1);
    for (let r = 0; r < this.p.vehicleCount; r++) rs.setRoute(r, routes[r] ?? [], routes[r]?.length ?? 0);
    this.resetMemory();
  }

  setPenalties(penalties: Penalties): void {
    this.routes.setPenalties(penalties);
    this.resetMemory();
  }

  /** Inserts every unrouted job, in random order, at its cheapest position (penalised cost). */
  insertUnrouted(): void {
    const rs = this.routes;
    const pending: number[] = [];
    for (let j = 0; j < this.p.jobCount; j++) if (rs.routeOf[j] < 0) pending.push(j);
    this.rng.shuffle(pending);
    for (const job of pending) this.insertCheapest(job);
  }

  /** Runs until no improving move exists or the deadline (epoch ms) passes. */
  run(deadline: number): void {
    const rs = this.routes;
    const order = this.order;
    const jobCount = this.p.jobCount;
    this.rng.shuffle(order);
    let examined = 0;
    let improved = true;
    while (improved) {
      improved = false;
      for (let k = 0; k < jobCount; k++) {
        if ((++examined & CLOCK_MASK) === 0 && Date.now() > deadline) return;
        const u = order[k];
        if (rs.routeOf[u] < 0) continue; // only if no vehicle could take it at all
        const lastU = this.lastTested[u];
        this.lastTested[u] = this.moveCount;
        const near = this.neighbours[u];
        for (let i = 0; i < near.length; i++) {
          const v = near[i];
          if (rs.routeOf[v] < 0) continue;
          if (this.lastModified[rs.routeOf[u]] <= lastU && this.lastModified[rs.routeOf[v]] <= lastU) continue;
          if (this.tryPair(u, v)) {
            improved = true;
            continue;
          }
          if (rs.posOf[v] === 1 && this.tryAfterDepot(u, rs.routeOf[v])) improved = true;
        }
        if (max(this.lastModified[rs.routeOf[u]], this.lastEmptied) > lastU && this.tryEmptyRoutes(u)) improved = true;
      }
    }
  }

  exportRoutes(): number[][] {
    return Array.from({ length: this.p.vehicleCount }, (_, r) => this.routes.jobsOf(r));
  }

  totals(): SolutionTotals {
    const p = this.p;
    const rs = this.routes;
    let distance = 0;
    let fixedCost = 0;
    let preference = 0;
    let loadExcess = 0;
    let warp = 0;
    for (let r = 0; r < p.vehicleCount; r++) {
      distance += rs.distance[r];
      if (rs.size[r] > 0) fixedCost += p.fixedCost[r];
      preference += rs.preference[r];
      loadExcess += max(0, rs.load[r] - p.capacity[r]);
      warp += rs.warp[r];
    }
    return { distance, fixedCost, preference, loadExcess, warp };
  }

  private resetMemory(): void {
    this.lastTested.fill(-1);
    this.lastModified.fill(0);
    this.moveCount = 0;
    this.lastEmptied = 0;
    this.emptyComputedAt = -1;
  }

  private tryPair(u: number, v: number): boolean {
    const rs = this.routes;
    const ru = rs.routeOf[u];
    const rv = rs.routeOf[v];
    const pu = rs.posOf[u];
    const pv = rs.posOf[v];
    if (this.exchange(1, ru, pu, 0, rv, pv)) return true;
    if (this.exchange(2, ru, pu, 0, rv, pv)) return true;
    if (this.exchange(3, ru, pu, 0, rv, pv)) return true;
    if (this.exchange(1, ru, pu, 1, rv, pv)) return true;
    if (this.exchange(2, ru, pu, 1, rv, pv)) return true;
    if (this.exchange(2, ru, pu, 2, rv, pv)) return true;
    if (ru !== rv) {
      // Tails after U and after V; then the variant that creates the edge V -> U.
      if (this.twoOptStar(ru, pu, rv, pv)) return true;
      if (this.twoOptStar(ru, pu - 1, rv, pv)) return true;
    } else if (pu < pv && this.twoOpt(ru, pu, pv)) {
      return true;
    }
    return false;
  }

  /** Moves that put U right after the start depot of V's route (V is first in it). */
  private tryAfterDepot(u: number, rv: number): boolean {
    const rs = this.routes;
    const ru = rs.routeOf[u];
    const pu = rs.posOf[u];
    if (this.exchange(1, ru, pu, 0, rv, 0)) return true;
    if (this.exchange(2, ru, pu, 0, rv, 0)) return true;
    if (this.exchange(3, ru, pu, 0, rv, 0)) return true;
    return ru !== rv && this.twoOptStar(ru, pu - 1, rv, 0);
  }

  private tryEmptyRoutes(u: number): boolean {
    const rs = this.routes;
    this.refreshEmptyRoutes();
    for (let c = 0; c < this.p.classCount; c++) {
      const empty = this.emptyOfClass[c];
      if (empty < 0) continue;
      const ru = rs.routeOf[u];
      const pu = rs.posOf[u];
      if (this.exchange(1, ru, pu, 0, empty, 0)) return true;
      if (this.exchange(2, ru, pu, 0, empty, 0)) return true;
      if (this.twoOptStar(ru, pu, empty, 0)) return true;
    }
    return false;
  }

  private refreshEmptyRoutes(): void {
    if (this.emptyComputedAt === this.moveCount) return;
    this.emptyComputedAt = this.moveCount;
    this.emptyOfClass.fill(-1);
    for (let r = 0; r < this.p.vehicleCount; r++) {
      const c = this.p.vehicleClass[r];
      if (this.routes.size[r] === 0 && this.emptyOfClass[c] < 0) this.emptyOfClass[c] = r;
    }
  }

  /**
   * Exchanges the n jobs starting at position pu of route ru with the m jobs starting at pv of
   * rv; m = 0 relocates them to just after position pv (which may be the start depot).
   */
  private exchange(n: number, ru: number, pu: number, m: number, rv: number, pv: number): boolean {
    const rs = this.routes;
    const p = this.p;
    const sizeU = rs.size[ru];
    const sizeV = rs.size[rv];
    if (pu + n - 1 > sizeU) return false;
    if (m > 0 && (pv < 1 || pv + m - 1 > sizeV)) return false;
    if (ru === rv) return m === 0 ? this.relocateWithin(n, ru, pu, pv) : this.swapWithin(n, ru, pu, m, pv);

    const S = rs.stride;
    const N = p.nodeCount;
    const d = p.distance;
    const nodes = rs.nodes;
    const cum = rs.cumDist;
    const cumLoad = rs.cumLoad;
    const bu = ru * S;
    const bv = rv * S;
    const uPrev = nodes[bu + pu - 1];
    const uFirst = nodes[bu + pu];
    const uLast = nodes[bu + pu + n - 1];
    const uNext = nodes[bu + pu + n];
    const loadOfU = cumLoad[bu + pu + n - 1] - cumLoad[bu + pu - 1];
    const inner = cum[bu + pu + n - 1] - cum[bu + pu];
    const removedU = cum[bu + pu + n] - cum[bu + pu - 1];
    let deltaDist: number;
    let loadU: number;
    let loadV: number;
    if (m === 0) {
      const vNode = nodes[bv + pv];
      const vNext = nodes[bv + pv + 1];
      deltaDist = d[uPrev * N + uNext] - removedU + d[vNode * N + uFirst] + inner + d[uLast * N + vNext] - d[vNode * N + vNext];
      loadU = rs.load[ru] - loadOfU;
      loadV = rs.load[rv] + loadOfU;
    } else {
      const vPrev = nodes[bv + pv - 1];
      const vFirst = nodes[bv + pv];
      const vLast = nodes[bv + pv + m - 1];
      const vNext = nodes[bv + pv + m];
      const loadOfV = cumLoad[bv + pv + m - 1] - cumLoad[bv + pv - 1];
      deltaDist =
        d[uPrev * N + vFirst] + (cum[bv + pv + m - 1] - cum[bv + pv]) + d[vLast * N + uNext] - removedU +
        d[vPrev * N + uFirst] + inner + d[uLast * N + vNext] - (cum[bv + pv + m] - cum[bv + pv - 1]);
      loadU = rs.load[ru] - loadOfU + loadOfV;
      loadV = rs.load[rv] + loadOfU - loadOfV;
    }
    // Lower bound on the delta. Time warp never shrinks by concatenation, so a new route keeps
    // at least the warp of the prefix and suffix it is built from. A route that only receives
    // jobs keeps all of its warp (travel times obey the triangle inequality), except that a new
    // visit can delay the departure and so shorten pack-to-door times.
    const fwdWarp = rs.fwdWarp;
    const bwdWarp = rs.bwdWarp;
    let warpBound = fwdWarp[bu + pu - 1] + bwdWarp[bu + pu + n] - rs.warp[ru];
    if (m > 0) warpBound += fwdWarp[bv + pv - 1] + bwdWarp[bv + pv + m] - rs.warp[rv];
    else if (p.hasRideLimits) warpBound += fwdWarp[bv + pv] + bwdWarp[bv + pv + 1] - rs.warp[rv];
    let bound = deltaDist + this.loadPenaltyDelta(ru, loadU) + this.loadPenaltyDelta(rv, loadV) + rs.warpPenalty * warpBound;
    if (m === 0 && n === sizeU) bound -= p.fixedCost[ru];
    if (sizeV === 0) bound += p.fixedCost[rv];
    let transfer = 0;
    if (p.hasSkills || p.hasPreferences) transfer = this.transferCost(ru, pu, pu + n - 1, rv) + this.transferCost(rv, pv, pv + m - 1, ru);
    if (bound + transfer >= -EPSILON) return false;

    const a = this.draftA;
    const b = this.draftB;
    a.begin(ru, pu - 1);
    if (m > 0) a.appendRange(rv, pv, pv + m - 1);
    a.appendSuffix(ru, pu + n);
    b.begin(rv, m > 0 ? pv - 1 : pv);
    b.appendRange(ru, pu, pu + n - 1);
    b.appendSuffix(rv, m > 0 ? pv + m : pv + 1);
    return this.commit(ru, rv, transfer);
  }

  private relocateWithin(n: number, r: number, pu: number, pv: number): boolean {
    if (pv >= pu - 1 && pv <= pu + n - 1) return false;
    const rs = this.routes;
    const N = this.p.nodeCount;
    const d = this.p.distance;
    const nodes = rs.nodes;
    const base = r * rs.stride;
    const uPrev = nodes[base + pu - 1];
    const uFirst = nodes[base + pu];
    const uLast = nodes[base + pu + n - 1];
    const uNext = nodes[base + pu + n];
    const vNode = nodes[base + pv];
    const vNext = nodes[base + pv + 1];
    const deltaDist =
      d[uPrev * N + uNext] - d[uPrev * N + uFirst] - d[uLast * N + uNext] +
      d[vNode * N + uFirst] + d[uLast * N + vNext] - d[vNode * N + vNext];
    const keptWarp = pv < pu ? rs.fwdWarp[base + pv] + rs.bwdWarp[base + pu + n] : rs.fwdWarp[base + pu - 1] + rs.bwdWarp[base + pv + 1];
    if (deltaDist + rs.warpPenalty * (keptWarp - rs.warp[r]) >= -EPSILON) return false;
    const a = this.draftA;
    if (pv < pu) {
      a.begin(r, pv);
      a.appendRange(r, pu, pu + n - 1);
      a.appendRange(r, pv + 1, pu - 1);
      a.appendSuffix(r, pu + n);
    } else {
      a.begin(r, pu - 1);
      a.appendRange(r, pu + n, pv);
      a.appendRange(r, pu, pu + n - 1);
      a.appendSuffix(r, pv + 1);
    }
    return this.commit(r, -1, 0);
  }

  private swapWithin(n: number, r: number, pu: number, m: number, pv: number): boolean {
    // Name the earlier segment (x, lenX) and the later one (y, lenY).
    const uFirst = pu < pv;
    const x = uFirst ? pu : pv;
    const lenX = uFirst ? n : m;
    const y = uFirst ? pv : pu;
    const lenY = uFirst ? m : n;
    if (x + lenX - 1 >= y) return false;
    const rs = this.routes;
    const N = this.p.nodeCount;
    const d = this.p.distance;
    const nodes = rs.nodes;
    const base = r * rs.stride;
    const xPrev = nodes[base + x - 1];
    const xFirst = nodes[base + x];
    const xLast = nodes[base + x + lenX - 1];
    const yFirst = nodes[base + y];
    const yLast = nodes[base + y + lenY - 1];
    const yNext = nodes[base + y + lenY];
    let deltaDist = d[xPrev * N + yFirst] + d[xLast * N + yNext] - d[xPrev * N + xFirst] - d[yLast * N + yNext];
    if (x + lenX === y) {
      deltaDist += d[yLast * N + xFirst] - d[xLast * N + yFirst];
    } else {
      const midFirst = nodes[base + x + lenX];
      const midLast = nodes[base + y - 1];
      deltaDist += d[yLast * N + midFirst] + d[midLast * N + xFirst] - d[xLast * N + midFirst] - d[midLast * N + yFirst];
    }
    const keptWarp = rs.fwdWarp[base + x - 1] + rs.bwdWarp[base + y + lenY];
    if (deltaDist + rs.warpPenalty * (keptWarp - rs.warp[r]) >= -EPSILON) return false;
    const a = this.draftA;
    a.begin(r, x - 1);
    a.appendRange(r, y, y + lenY - 1);
    a.appendRange(r, x + lenX, y - 1);
    a.appendRange(r, x, x + lenX - 1);
    a.appendSuffix(r, y + lenY);
    return this.commit(r, -1, 0);
  }

  /** Route ru keeps positions 0..pu and takes rv's tail after pv; rv keeps 0..pv and takes ru's tail. */
  private twoOptStar(ru: number, pu: number, rv: number, pv: number): boolean {
    const rs = this.routes;
    const p = this.p;
    const sizeU = rs.size[ru];
    const sizeV = rs.size[rv];
    if ((pu === sizeU && pv === sizeV) || (pu === 0 && pv === 0)) return false;
    // Tail summaries exist for the same tail key (same end depot, shift and speed) and, with
    // few keys, for every key; otherwise the tails are re-timed visit by visit.
    const summarised = p.tailKey[ru] === p.tailKey[rv] || rs.allTails;
    const S = rs.stride;
    const N = p.nodeCount;
    const d = p.distance;
    const nodes = rs.nodes;
    const cum = rs.cumDist;
    const cumLoad = rs.cumLoad;
    const bu = ru * S;
    const bv = rv * S;
    const u = nodes[bu + pu];
    const v = nodes[bv + pv];
    const endU = nodes[bu + sizeU + 1];
    const endV = nodes[bv + sizeV + 1];
    const distA =
      cum[bu + pu] +
      (pv < sizeV ? d[u * N + nodes[bv + pv + 1]] + cum[bv + sizeV] - cum[bv + pv + 1] + d[nodes[bv + sizeV] * N + endU] : d[u * N + endU]);
    const distB =
      cum[bv + pv] +
      (pu < sizeU ? d[v * N + nodes[bu + pu + 1]] + cum[bu + sizeU] - cum[bu + pu + 1] + d[nodes[bu + sizeU] * N + endV] : d[v * N + endV]);
    const loadA = cumLoad[bu + pu] + rs.load[rv] - cumLoad[bv + pv];
    const loadB = cumLoad[bv + pv] + rs.load[ru] - cumLoad[bu + pu];
    let keptWarp = rs.fwdWarp[bu + pu] + rs.fwdWarp[bv + pv];
    if (summarised) keptWarp += rs.suffixWarp(rv, pv + 1, p.tailKey[ru]) + rs.suffixWarp(ru, pu + 1, p.tailKey[rv]);
    let bound =
      distA + distB - rs.distance[ru] - rs.distance[rv] +
      this.loadPenaltyDelta(ru, loadA) + this.loadPenaltyDelta(rv, loadB) +
      rs.warpPenalty * (keptWarp - rs.warp[ru] - rs.warp[rv]);
    const countA = pu + sizeV - pv;
    const countB = pv + sizeU - pu;
    bound += (countA > 0 ? p.fixedCost[ru] : 0) - (sizeU > 0 ? p.fixedCost[ru] : 0);
    bound += (countB > 0 ? p.fixedCost[rv] : 0) - (sizeV > 0 ? p.fixedCost[rv] : 0);
    if (bound >= -EPSILON) return false;
    let transfer = 0;
    if (p.hasSkills || p.hasPreferences) {
      transfer = this.transferCost(ru, pu + 1, sizeU, rv) + this.transferCost(rv, pv + 1, sizeV, ru);
      if (bound + transfer >= -EPSILON) return false;
    }
    const a = this.draftA;
    const b = this.draftB;
    a.begin(ru, pu);
    b.begin(rv, pv);
    if (summarised) {
      a.appendSuffix(rv, pv + 1);
      b.appendSuffix(ru, pu + 1);
    } else {
      a.appendRange(rv, pv + 1, sizeV);
      a.appendEnd();
      b.appendRange(ru, pu + 1, sizeU);
      b.appendEnd();
    }
    return this.commit(ru, rv, transfer);
  }

  /** Reverses positions pu+1..pv of route r. */
  private twoOpt(r: number, pu: number, pv: number): boolean {
    if (pv < pu + 2) return false;
    const rs = this.routes;
    const N = this.p.nodeCount;
    const d = this.p.distance;
    const nodes = rs.nodes;
    const base = r * rs.stride;
    const u = nodes[base + pu];
    const uNext = nodes[base + pu + 1];
    const v = nodes[base + pv];
    const vNext = nodes[base + pv + 1];
    let deltaDist = d[u * N + v] + d[uNext * N + vNext] - d[u * N + uNext] - d[v * N + vNext];
    if (!this.p.symmetricDistance) {
      for (let pos = pu + 1; pos < pv; pos++) {
        const from = nodes[base + pos];
        const to = nodes[base + pos + 1];
        deltaDist += d[to * N + from] - d[from * N + to];
      }
    }
    const keptWarp = rs.fwdWarp[base + pu] + rs.bwdWarp[base + pv + 1];
    if (deltaDist + rs.warpPenalty * (keptWarp - rs.warp[r]) >= -EPSILON) return false;
    const a = this.draftA;
    a.begin(r, pu);
    a.appendReversed(r, pu + 1, pv);
    a.appendSuffix(r, pv + 1);
    return this.commit(r, -1, 0);
  }

  /**
   * Prices the closed drafts exactly (draft B only when rv >= 0) and applies them if the
   * penalised cost drops. `transfer` is the preference change of the jobs that switch vehicle,
   * already known to the caller, which also checked skills. The pack-to-door limit is checked
   * last: it is the most expensive part to compute.
   */
  private commit(ru: number, rv: number, transfer: number): boolean {
    const rs = this.routes;
    const a = this.draftA;
    const b = this.draftB;
    const two = rv >= 0;
    let delta = a.cost() + rs.preference[ru] - rs.cost[ru] + transfer;
    if (two) delta += b.cost() + rs.preference[rv] - rs.cost[rv];
    if (delta >= -EPSILON) return false;
    if (this.p.hasRideLimits) {
      delta += rs.warpPenalty * (a.rideExcess(this.bufferA) + (two ? b.rideExcess(this.bufferB) : 0));
      if (delta >= -EPSILON) return false;
    }
    const countA = a.materialise(this.bufferA);
    const countB = two ? b.materialise(this.bufferB) : 0;
    rs.setRoute(ru, this.bufferA, countA);
    if (two) rs.setRoute(rv, this.bufferB, countB);
    this.moveCount++;
    if (countA === 0 || (two && countB === 0)) this.lastEmptied = this.moveCount;
    this.lastModified[ru] = this.moveCount;
    if (two) this.lastModified[rv] = this.moveCount;
    return true;
  }

  private insertCheapest(job: number): void {
    const rs = this.routes;
    const p = this.p;
    const N = p.nodeCount;
    const d = p.distance;
    const a = this.draftA;
    this.emptyComputedAt = -1;
    this.refreshEmptyRoutes();
    let bestCost = Infinity;
    let bestRoute = -1;
    let bestPos = 0;
    for (let r = 0; r < p.vehicleCount; r++) {
      const size = rs.size[r];
      if (size === 0 && this.emptyOfClass[p.vehicleClass[r]] !== r) continue;
      if (p.compatible[job * p.vehicleCount + r] === 0) continue;
      const base = r * rs.stride;
      const fixed = (size === 0 ? p.fixedCost[r] : 0) + preferencePenaltyOf(p, job, r) - (p.hasRideLimits ? rs.warpPenalty * rs.warp[r] : 0);
      const loadDelta = this.loadPenaltyDelta(r, rs.load[r] + p.demand[job]);
      for (let pos = 0; pos <= size; pos++) {
        const prev = rs.nodes[base + pos];
        const next = rs.nodes[base + pos + 1];
        const bound = d[prev * N + job] + d[job * N + next] - d[prev * N + next] + loadDelta + fixed;
        if (bound >= bestCost) continue;
        a.begin(r, pos);
        a.appendUnrouted(job);
        a.appendSuffix(r, pos + 1);
        let delta = a.cost() + rs.preference[r] + preferencePenaltyOf(p, job, r) - rs.cost[r];
        if (delta >= bestCost) continue;
        if (p.hasRideLimits) delta += rs.warpPenalty * a.rideExcess(this.bufferA);
        if (delta < bestCost) {
          bestCost = delta;
          bestRoute = r;
          bestPos = pos;
        }
      }
    }
    if (bestRoute < 0) return;
    a.begin(bestRoute, bestPos);
    a.appendUnrouted(job);
    a.appendSuffix(bestRoute, bestPos + 1);
    rs.setRoute(bestRoute, this.bufferA, a.materialise(this.bufferA));
    this.moveCount++;
    this.lastModified[bestRoute] = this.moveCount;
  }

  /** Change of the capacity penalty of `route` if its load became `load`. */
  private loadPenaltyDelta(route: number, load: number): number {
    const rs = this.routes;
    const capacity = this.p.capacity[route];
    return rs.capacityPenalty * (max(0, load - capacity) - max(0, rs.load[route] - capacity));
  }

  /**
   * Change of preference penalties if the jobs at positions from..to of `route` moved to
   * vehicle `target`; Infinity if one of them needs a skill the target lacks.
   */
  private transferCost(route: number, from: number, to: number, target: number): number {
    const p = this.p;
    const rs = this.routes;
    const base = route * rs.stride;
    let cost = 0;
    for (let pos = from; pos <= to; pos++) {
      const job = rs.nodes[base + pos];
      if (p.compatible[job * p.vehicleCount + target] === 0) return Infinity;
      cost += preferencePenaltyOf(p, job, target) - preferencePenaltyOf(p, job, route);
    }
    return cost;
  }
}
