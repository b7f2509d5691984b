// Population management of the hybrid genetic search (Vidal et al. 2012/2013): a feasible and an
// infeasible sub-population, each ranked by a biased fitness that rewards both a low penalised
// cost and a large distance to the closest other solutions. Diversity is what keeps the search
// from converging on one basin within a few hundred iterations.

import { type Individual, brokenPairsDistance } from './individual';
import { type Random } from './random';
import { type Penalties } from './route-set';

export interface PopulationParameters {
  /** Size a sub-population is trimmed back to. */
  readonly minimumSize: number;
  /** Extra individuals allowed before trimming. */
  readonly generationSize: number;
  /** Best individuals that are protected from the diversity term. */
  readonly eliteCount: number;
  /** Number of closest individuals that define an individual's diversity contribution. */
  readonly closeCount: number;
}

class SubPopulation {
  readonly members: Individual[] = [];
  /** distances[i][j]: broken-pairs distance between members i and j. */
  private readonly distances: number[][] = [];
  private fitness: number[] = [];
  private fitnessValid = false;

  constructor(private readonly parameters: PopulationParameters) {}

  add(individual: Individual): void {
    const row: number[] = [];
    for (let i = 0; i < this.members.length; i++) {
      row.push(brokenPairsDistance(individual, this.members[i]));
      this.distances[i].push(row[i]);
    }
    row.push(0);
    this.distances.push(row);
    this.members.push(individual);
    this.fitnessValid = false;
  }

  trim(penalties: Penalties): void {
    const { minimumSize, generationSize } = this.parameters;
    if (this.members.length <= minimumSize + generationSize) return;
    while (this.members.length > minimumSize) this.remove(this.worst(penalties));
  }

  /** Biased fitness of member i; lower is better. */
  fitnessOf(i: number, penalties: Penalties): number {
    if (!this.fitnessValid) this.updateFitness(penalties);
    return this.fitness[i];
  }

  invalidate(): void {
    this.fitnessValid = false;
  }

  clear(): void {
    this.members.length = 0;
    this.distances.length = 0;
    this.fitnessValid = false;
  }

  private worst(penalties: Penalties): number {
    this.updateFitness(penalties);
    // Clones go first: they add nothing to the search.
    let worst = -1;
    let worstIsClone = false;
    for (let i = 0; i < this.members.length; i++) {
      const row = this.distances[i];
      let isClone = false;
      for (let j = 0; j < row.length && !isClone; j++) isClone = j !== i && row[j] <= 1e-12;
      if (worst < 0 || (isClone && !worstIsClone) || (isClone === worstIsClone && this.fitness[i] > this.fitness[worst])) {
        worst = i;
        worstIsClone = isClone;
      }
    }
    return worst;
  }

  private remove(index: number): void {
    this.members.splice(index, 1);
    this.distances.splice(index, 1);
    for (const row of this.distances) row.splice(index, 1);
    this.fitnessValid = false;
  }

  private updateFitness(penalties: Penalties): void {
    const size = this.members.length;
    this.fitness = new Array<number>(size).fill(0);
    this.fitnessValid = true;
    if (size <= 1) return;
    const closeCount = Math.min(this.parameters.closeCount, size - 1);
    const closest = new Float64Array(closeCount);
    const diversity = new Float64Array(size);
    const costs = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      // Mean distance to the closeCount nearest others, by insertion into a short sorted list.
      closest.fill(Infinity);
      const row = this.distances[i];
      for (let j = 0; j < size; j++) {
        if (j === i || row[j] >= closest[closeCount - 1]) continue;
        let k = closeCount - 1;
        for (; k > 0 && closest[k - 1] > row[j]; k--) closest[k] = closest[k - 1];
        closest[k] = row[j];
      }
      let sum = 0;
      for (let k = 0; k < closeCount; k++) sum += closest[k];
      diversity[i] = sum / closeCount;
      costs[i] = this.members[i].penalisedCost(penalties);
    }
    const indices = Array.from({ length: size }, (_, i) => i);
    const byCost = [...indices].sort((x, y) => costs[x] - costs[y] || x - y);
    const byDiversity = indices.sort((x, y) => diversity[y] - diversity[x] || x - y);
    const diversityWeight = 1 - Math.min(this.parameters.eliteCount, size) / size;
    for (let rank = 0; rank < size; rank++) {
      this.fitness[byCost[rank]] += rank / (size - 1);
      this.fitness[byDiversity[rank]] += (diversityWeight * rank) / (size - 1);
    }
  }
}

export class Population {
  private readonly feasible: SubPopulation;
  private readonly infeasible: SubPopulation;

  constructor(parameters: PopulationParameters) {
    this.feasible = new SubPopulation(parameters);
    this.infeasible = new SubPopulation(parameters);
  }

  get size(): number {
    return this.feasible.members.length + this.infeasible.members.length;
  }

  add(individual: Individual, penalties: Penalties): void {
    const target = individual.feasible ? this.feasible : this.infeasible;
    target.add(individual);
    target.trim(penalties);
  }

  /** Penalties changed: the infeasible ranking must be recomputed. */
  penaltiesChanged(): void {
    this.infeasible.invalidate();
  }

  /** Binary tournament on biased fitness over both sub-populations. */
  select(rng: Random, penalties: Penalties): Individual {
    const pick = (): { individual: Individual; fitness: number } => {
      const index = rng.int(this.size);
      const feasibleCount = this.feasible.members.length;
      return index < feasibleCount
        ? { individual: this.feasible.members[index], fitness: this.feasible.fitnessOf(index, penalties) }
        : {
            individual: this.infeasible.members[index - feasibleCount],
            fitness: this.infeasible.fitnessOf(index - feasibleCount, penalties),
          };
    };
    const first = pick();
    const second = pick();
    return first.fitness <= second.fitness ? first.individual : second.individual;
  }

  clear(): void {
    this.feasible.clear();
    this.infeasible.clear();
  }
}
