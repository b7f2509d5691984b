// A complete solution as kept in the genetic population: one job list per vehicle plus the cost
// components, so that its penalised cost can be re-evaluated when the penalties change without
// re-walking the routes.

import { type Penalties } from './route-set';

/** Load excess and time warp below this are rounding noise, not infeasibility. */
export const FEASIBILITY_TOLERANCE = 1e-9;

export interface CostComponents {
  readonly distance: number;
  readonly fixedCost: number;
  readonly preference: number;
  readonly loadExcess: number;
  readonly warp: number;
}

export class Individual {
  /** Successor / predecessor job of each job, -1 for a depot; used by the diversity measure. */
  readonly successor: Int32Array;
  readonly predecessor: Int32Array;
  readonly routeCount: number;
  readonly feasible: boolean;

  constructor(
    readonly routes: readonly (readonly number[])[],
    readonly costs: CostComponents,
    jobCount: number,
  ) {
    this.successor = new Int32Array(jobCount).fill(-1);
    this.predecessor = new Int32Array(jobCount).fill(-1);
    let routeCount = 0;
    for (const route of routes) {
      if (route.length > 0) routeCount++;
      for (let i = 0; i < route.length; i++) {
        if (i > 0) this.predecessor[route[i]] = route[i - 1];
        if (i + 1 < route.length) this.successor[route[i]] = route[i + 1];
      }
    }
    this.routeCount = routeCount;
    this.feasible = costs.loadExcess <= FEASIBILITY_TOLERANCE && costs.warp <= FEASIBILITY_TOLERANCE;
  }

  /** The objective: what a feasible solution really costs. */
  get cost(): number {
    return this.costs.distance + this.costs.fixedCost + this.costs.preference;
  }

  penalisedCost(penalties: Penalties): number {
    return this.cost + penalties.capacity * this.costs.loadExcess + penalties.timeWarp * this.costs.warp;
  }

  /** Amount of constraint violation, to pick the least bad solution when none is feasible. */
  get violation(): number {
    return this.costs.loadExcess + this.costs.warp;
  }
}

/**
 * Broken-pairs distance (Prins 2009, used by HGS): the share of jobs whose neighbours in `a` are
 * not neighbours in `b`, in [0, 1]. Direction of travel matters because time windows do.
 */
export function brokenPairsDistance(a: Individual, b: Individual): number {
  const jobs = a.successor.length;
  if (jobs === 0) return 0;
  let broken = 0;
  for (let j = 0; j < jobs; j++) {
    if (a.successor[j] !== b.successor[j] && a.successor[j] !== b.predecessor[j]) broken++;
    if (a.predecessor[j] === -1 && b.predecessor[j] !== -1 && b.successor[j] !== -1) broken++;
  }
  return broken / jobs;
}
