// Hybrid genetic search with penalised infeasible solutions (Vidal et al. 2012, 2013; PyVRP):
//   repeat: pick two parents by binary tournament, recombine them with SREX, complete the child
//   by cheapest insertion, improve it by local search, add it to the population; an infeasible
//   child is sometimes repaired by a second local search with ten times the penalties.
// Stops on the wall-clock deadline, the iteration cap or a long stagnation, whichever comes first.

import { type CompiledProblem } from './compiled-problem';
import { Individual } from './individual';
import { LocalSearch } from './local-search';
import { PenaltyManager, type PenaltyParameters } from './penalty-manager';
import { Population, type PopulationParameters } from './population';
import { Random } from './random';
import { selectiveRouteExchange } from './selective-route-exchange';

export interface SearchParameters extends PopulationParameters, PenaltyParameters {
  readonly initialPopulation: number;
  readonly repairProbability: number;
  readonly repairBoost: number;
  /** Restart the population after this many iterations without a new best solution. */
  readonly restartAfter: number;
  /** Give up after this many iterations without a new best: small problems finish early. */
  readonly stopAfter: number;
}

export const DEFAULT_SEARCH_PARAMETERS: SearchParameters = {
  minimumSize: 25,
  generationSize: 40,
  eliteCount: 4,
  closeCount: 5,
  initialPopulation: 50,
  targetFeasible: 0.3,
  increase: 1.2,
  decrease: 0.85,
  window: 100,
  repairProbability: 0.5,
  repairBoost: 10,
  restartAfter: 10_000,
  stopAfter: 25_000,
};

export interface SearchLimits {
  /** Epoch milliseconds. */
  readonly deadline: number;
  readonly maxIterations: number;
  readonly seed: number;
}

export interface SearchResult {
  readonly bestFeasible: Individual | null;
  /** Least violating solution, for when no feasible one was found. */
  readonly leastInfeasible: Individual;
  readonly iterations: number;
}

export function geneticSearch(
  p: CompiledProblem,
  neighbours: readonly Int32Array[],
  limits: SearchLimits,
  parameters: SearchParameters = DEFAULT_SEARCH_PARAMETERS,
): SearchResult {
  const rng = new Random(limits.seed);
  const ls = new LocalSearch(p, neighbours, rng);
  const penalties = new PenaltyManager(p, parameters);
  const population = new Population(parameters);
  const noRoutes: number[][] = [];
  // A holder rather than two `let`s: TypeScript does not see assignments made inside closures.
  const best: { feasible: Individual | null; infeasible: Individual | null } = { feasible: null, infeasible: null };
  let lastImprovement = 0;
  let lastRestart = 0;
  let iterations = 0;
  const outOfTime = (): boolean => Date.now() > limits.deadline;

  const snapshot = (): Individual => new Individual(ls.exportRoutes(), ls.totals(), p.jobCount);
  const consider = (individual: Individual): void => {
    if (individual.feasible) {
      if (!best.feasible || individual.cost < best.feasible.cost - 1e-9) {
        best.feasible = individual;
        lastImprovement = iterations;
      }
      return;
    }
    const worst = best.infeasible;
    if (
      !worst ||
      individual.violation < worst.violation - 1e-9 ||
      (individual.violation <= worst.violation + 1e-9 && individual.cost < worst.cost)
    ) {
      best.infeasible = individual;
    }
  };
  /** Local search on the loaded solution, then population update and penalty bookkeeping. */
  const educate = (): void => {
    ls.run(limits.deadline);
    const child = snapshot();
    consider(child);
    population.add(child, penalties.current);
    if (penalties.register(child)) population.penaltiesChanged();
    if (!child.feasible && rng.next() < parameters.repairProbability && !outOfTime()) {
      ls.setPenalties(penalties.boosted(parameters.repairBoost));
      ls.run(limits.deadline);
      const repaired = snapshot();
      consider(repaired);
      if (repaired.feasible) population.add(repaired, penalties.current);
    }
  };
  const seedPopulation = (): void => {
    for (let i = 0; i < parameters.initialPopulation; i++) {
      if (i > 0 && outOfTime()) return;
      ls.load(noRoutes, penalties.current);
      ls.insertUnrouted();
      educate();
    }
  };

  seedPopulation();
  while (iterations < limits.maxIterations && iterations - lastImprovement < parameters.stopAfter && !outOfTime()) {
    iterations++;
    const parentA = population.select(rng, penalties.current);
    let parentB = population.select(rng, penalties.current);
    for (let tries = 0; tries < 3 && parentB === parentA; tries++) parentB = population.select(rng, penalties.current);
    const [first, second] = selectiveRouteExchange(p, parentA, parentB, rng);
    ls.load(first, penalties.current);
    ls.insertUnrouted();
    const firstCompleted = ls.exportRoutes();
    const firstCost = ls.routes.totalCost();
    ls.load(second, penalties.current);
    ls.insertUnrouted();
    if (firstCost < ls.routes.totalCost()) ls.load(firstCompleted, penalties.current);
    educate();

    if (iterations - Math.max(lastImprovement, lastRestart) > parameters.restartAfter) {
      population.clear();
      lastRestart = iterations;
      seedPopulation();
    }
  }
  return {
    bestFeasible: best.feasible,
    leastInfeasible: best.infeasible ?? best.feasible ?? snapshot(),
    iterations,
  };
}
