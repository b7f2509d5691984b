// Adaptive penalty weights (Vidal et al. 2012). If too few recent local-search results are
// feasible for a constraint, its penalty rises; if too many are, it falls, so the search keeps
// walking along the border of the feasible region, where the best solutions tend to be.

import { type CompiledProblem } from './compiled-problem';
import { FEASIBILITY_TOLERANCE, type Individual } from './individual';
import { type Penalties } from './route-set';

const MIN_PENALTY = 0.1;
const MAX_PENALTY = 100_000;

export interface PenaltyParameters {
  readonly targetFeasible: number;
  readonly increase: number;
  readonly decrease: number;
  /** Number of registered solutions between two adjustments. */
  readonly window: number;
}

export class PenaltyManager {
  private capacity: number;
  private timeWarp = 1;
  private loadFeasible = 0;
  private timeFeasible = 0;
  private registered = 0;

  constructor(
    p: CompiledProblem,
    private readonly parameters: PenaltyParameters,
  ) {
    // One unit of excess load costs about as much as the longest edge: comparable magnitudes.
    this.capacity = clamp(p.maxDemand > 0 ? p.maxDistance / p.maxDemand : 1);
  }

  get current(): Penalties {
    return { capacity: this.capacity, timeWarp: this.timeWarp };
  }

  /** Penalties for the repair attempt of an infeasible offspring. */
  boosted(factor: number): Penalties {
    return { capacity: clamp(this.capacity * factor), timeWarp: clamp(this.timeWarp * factor) };
  }

  /** Records a local-search result; returns true when the penalties were just adjusted. */
  register(individual: Individual): boolean {
    if (individual.costs.loadExcess <= FEASIBILITY_TOLERANCE) this.loadFeasible++;
    if (individual.costs.warp <= FEASIBILITY_TOLERANCE) this.timeFeasible++;
    if (++this.registered < this.parameters.window) return false;
    this.capacity = this.adjust(this.capacity, this.loadFeasible / this.registered);
    this.timeWarp = this.adjust(this.timeWarp, this.timeFeasible / this.registered);
    this.registered = 0;
    this.loadFeasible = 0;
    this.timeFeasible = 0;
    return true;
  }

  private adjust(penalty: number, feasibleShare: number): number {
    const { targetFeasible, increase, decrease } = this.parameters;
    if (feasibleShare < targetFeasible - 0.05) return clamp(penalty * increase);
    if (feasibleShare > targetFeasible + 0.05) return clamp(penalty * decrease);
    return penalty;
  }
}

function clamp(penalty: number): number {
  return Math.min(MAX_PENALTY, Math.max(MIN_PENALTY, penalty));
}
