// Time-window algebra on route segments (Vidal, Crainic, Gendreau & Prins 2013, "A hybrid genetic
// algorithm with adaptive diversity management for a large class of vehicle routing problems with
// time-windows"). A segment of consecutive visits is summarised by four numbers; two summaries
// concatenate in O(1), so the local search can price any move built from a route prefix, a few
// visits and a route suffix without walking the route.
//
// Infeasibility is measured as "time warp": arriving after a window closes is allowed, but the
// clock is set back to the closing time and the difference is counted. This turns hard windows
// into a smooth penalty, which lets the search cross infeasible regions (penalised solutions).

// Aliased once: a global lookup of `Math` on every call is slow inside Jest's vm sandbox.
const { max, min } = Math;

/**
 * Summary of a segment of consecutive visits. Methods rather than free functions: the hot loops
 * call them millions of times, and a method call avoids the module-export indirection that
 * CommonJS transpilation puts on every imported function.
 */
export class TimeSegment {
  constructor(
    /** Minimal duration of the segment (travel + service + unavoidable waiting + warped time). */
    public dur = 0,
    /** Minimal time warp accumulated inside the segment. */
    public warp = 0,
    /** Earliest start at the first visit that achieves the minimal duration. */
    public early = 0,
    /** Latest start at the first visit that achieves the minimal time warp. */
    public late = 0,
  ) {}

  reset(dur: number, warp: number, early: number, late: number): void {
    this.dur = dur;
    this.warp = warp;
    this.early = early;
    this.late = late;
  }

  /** this := this ⊕ (dur, warp, early, late), with `travel` from this segment's last visit to the other's first. */
  append(travel: number, dur: number, warp: number, early: number, late: number): void {
    const delta = this.dur - this.warp + travel;
    const wait = max(early - delta - this.late, 0);
    const extraWarp = max(this.early + delta - late, 0);
    this.early = max(early - delta, this.early) - wait;
    this.late = min(late - delta, this.late) + extraWarp;
    this.dur += dur + travel + wait;
    this.warp += warp + extraWarp;
  }

  /** this := (dur, warp, early, late) ⊕ this, with `travel` from the new first visit to the old one. */
  prepend(travel: number, dur: number, warp: number, early: number, late: number): void {
    const delta = dur - warp + travel;
    const wait = max(this.early - delta - late, 0);
    const extraWarp = max(early + delta - this.late, 0);
    const newEarly = max(this.early - delta, early) - wait;
    const newLate = min(this.late - delta, late) + extraWarp;
    this.dur += dur + travel + wait;
    this.warp += warp + extraWarp;
    this.early = newEarly;
    this.late = newLate;
  }
}
