// A candidate route assembled from pieces of current routes (a prefix of its own route, runs of
// visits, a suffix) and priced incrementally with the segment algebra. It records its recipe so
// that an accepted move is applied by materialising the recipe: every move type shares one
// pricing path and one application path.

import { type CompiledProblem } from './compiled-problem';
import { type RouteSet } from './route-set';
import { rideExcessOf } from './route-schedule';
import { TimeSegment } from './time-segment';

// Aliased once: a global lookup of `Math` on every call is slow inside Jest's vm sandbox.
const { max } = Math;

const MAX_PIECES = 8;
/** Piece source for a job that is not in any route yet. */
const UNROUTED = -1;

export class RouteDraft extends TimeSegment {
  route = 0;
  /** Jobs in the draft. */
  count = 0;
  dist = 0;
  load = 0;
  private last = 0;
  private tt: Float64Array;
  /** (source route, from position, to position) triples; from > to means reversed. */
  private readonly pieces = new Int32Array(3 * MAX_PIECES);
  private pieceCount = 0;

  constructor(
    private readonly p: CompiledProblem,
    private readonly rs: RouteSet,
  ) {
    super();
    this.tt = p.travelTime[0] ?? new Float64Array(0);
  }

  /** Starts a draft of `route` with its own prefix up to `pos` (0 = start depot only). */
  begin(route: number, pos: number): void {
    const rs = this.rs;
    const i = route * rs.stride + pos;
    this.route = route;
    this.tt = this.p.travelTime[this.p.timeProfile[route]];
    this.last = rs.nodes[i];
    this.count = pos;
    this.dist = rs.cumDist[i];
    this.load = rs.cumLoad[i];
    this.dur = rs.fwdDur[i];
    this.warp = rs.fwdWarp[i];
    this.early = rs.fwdEarly[i];
    this.late = rs.fwdLate[i];
    this.pieceCount = 0;
    if (pos >= 1) this.addPiece(route, 1, pos);
  }

  /** Appends the jobs at positions from..to of `source`, in order (nothing when from > to). */
  appendRange(source: number, from: number, to: number): void {
    if (from > to) return;
    const nodes = this.rs.nodes;
    const base = source * this.rs.stride;
    for (let pos = from; pos <= to; pos++) this.appendJob(nodes[base + pos]);
    this.addPiece(source, from, to);
  }

  /** Appends the jobs at positions from..to of `source` in reverse order (to first). */
  appendReversed(source: number, from: number, to: number): void {
    if (from > to) return;
    const nodes = this.rs.nodes;
    const base = source * this.rs.stride;
    for (let pos = to; pos >= from; pos--) this.appendJob(nodes[base + pos]);
    if (from === to) this.addPiece(source, from, to);
    else this.addPiece(source, to, from);
  }

  /** Appends a job that is in no route. */
  appendUnrouted(job: number): void {
    this.appendJob(job);
    this.addPiece(UNROUTED, job, job);
  }

  /**
   * Appends the jobs of `source` from `pos` on, then this vehicle's end depot. O(1) when both
   * vehicles share a tail key or the route set keeps foreign tails (RouteSet.allTails);
   * otherwise use appendRange followed by appendEnd.
   */
  appendSuffix(source: number, pos: number): void {
    const rs = this.rs;
    const p = this.p;
    const n = p.nodeCount;
    const d = p.distance;
    const base = source * rs.stride;
    const i = base + pos;
    const size = rs.size[source];
    const end = p.endNode[this.route];
    const first = pos <= size ? rs.nodes[i] : end;
    this.dist += pos <= size ? d[this.last * n + first] + rs.cumDist[base + size] - rs.cumDist[i] + d[rs.nodes[base + size] * n + end] : d[this.last * n + end];
    this.load += rs.cumLoad[base + size + 1] - rs.cumLoad[i - 1];
    const travel = this.tt[this.last * n + first];
    const key = p.tailKey[this.route];
    if (key === p.tailKey[source]) this.append(travel, rs.bwdDur[i], rs.bwdWarp[i], rs.bwdEarly[i], rs.bwdLate[i]);
    else this.append(travel, rs.tailDur[key][i], rs.tailWarp[key][i], rs.tailEarly[key][i], rs.tailLate[key][i]);
    this.last = end;
    if (pos <= size) {
      this.count += size - pos + 1;
      this.addPiece(source, pos, size);
    }
  }

  /** Closes the draft with the end depot of its own vehicle. */
  appendEnd(): void {
    const p = this.p;
    const end = p.endNode[this.route];
    const k = this.last * p.nodeCount + end;
    this.dist += p.distance[k];
    this.append(this.tt[k], 0, 0, p.shiftStart[this.route], p.shiftEnd[this.route]);
    this.last = end;
  }

  /** Penalised cost of the closed draft, excluding preference penalties and pack-to-door excess. */
  cost(): number {
    const p = this.p;
    const r = this.route;
    return (
      this.dist +
      (this.count > 0 ? p.fixedCost[r] : 0) +
      this.rs.capacityPenalty * max(0, this.load - p.capacity[r]) +
      this.rs.warpPenalty * (this.warp + max(0, this.dur - p.maxDuration[r]))
    );
  }

  /** Writes the draft's jobs into `out` (read from the routes as they are now) and returns the count. */
  materialise(out: Int32Array): number {
    const rs = this.rs;
    let k = 0;
    for (let q = 0; q < this.pieceCount; q++) {
      const source = this.pieces[3 * q];
      const from = this.pieces[3 * q + 1];
      const to = this.pieces[3 * q + 2];
      if (source === UNROUTED) {
        out[k++] = from;
        continue;
      }
      const base = source * rs.stride;
      if (from <= to) for (let pos = from; pos <= to; pos++) out[k++] = rs.nodes[base + pos];
      else for (let pos = from; pos >= to; pos--) out[k++] = rs.nodes[base + pos];
    }
    return k;
  }

  /** Exact pack-to-door excess of the closed draft (linear; call only for promising moves). */
  rideExcess(scratch: Int32Array): number {
    return rideExcessOf(this.p, this.route, scratch, this.materialise(scratch));
  }

  private appendJob(job: number): void {
    const p = this.p;
    const k = this.last * p.nodeCount + job;
    this.dist += p.distance[k];
    this.load += p.demand[job];
    this.append(this.tt[k], p.service[job], 0, p.ready[job], p.due[job]);
    this.last = job;
    this.count++;
  }

  private addPiece(source: number, from: number, to: number): void {
    const q = 3 * this.pieceCount++;
    this.pieces[q] = source;
    this.pieces[q + 1] = from;
    this.pieces[q + 2] = to;
  }
}
