import { compileProblem, type CompiledProblem, preferencePenaltyOf } from './compiled-problem';
import { LocalSearch } from './local-search';
import { buildNeighbourhood } from './neighbourhood';
import { Random } from './random';
import { timeRoute } from './route-schedule';
import { randomInstance } from './test/random-instance';

const PENALTIES = { capacity: 5, timeWarp: 2 };

/** Independent penalised cost of a whole solution. */
function solutionCost(p: CompiledProblem, routes: readonly (readonly number[])[]): number {
  let total = 0;
  routes.forEach((jobs, vehicle) => {
    if (jobs.length === 0) return;
    const timing = timeRoute(p, vehicle, jobs, jobs.length);
    total +=
      timing.distance +
      p.fixedCost[vehicle] +
      jobs.reduce((sum, job) => sum + preferencePenaltyOf(p, job, vehicle), 0) +
      PENALTIES.capacity * Math.max(0, timing.load - p.capacity[vehicle]) +
      PENALTIES.timeWarp * (timing.warp + timing.durationExcess + timing.rideExcess);
  });
  return total;
}

function educated(rich: boolean, seed: number): { p: CompiledProblem; routes: number[][]; ls: LocalSearch } {
  const { compiled: p } = compileProblem(randomInstance({ jobs: 35, vehicles: 6, seed, rich }));
  const ls = new LocalSearch(p, buildNeighbourhood(p, p.jobCount - 1), new Random(seed));
  ls.load([], PENALTIES);
  ls.insertUnrouted();
  ls.run(Number.POSITIVE_INFINITY);
  return { p, routes: ls.exportRoutes(), ls };
}

describe('LocalSearch', () => {
  it.each([
    [false, 1],
    [true, 2],
    [true, 3],
  ])('keeps its cached cost equal to a recomputation (rich: %s, seed %s)', (rich, seed) => {
    const { p, routes, ls } = educated(rich, seed);
    expect(ls.routes.totalCost()).toBeCloseTo(solutionCost(p, routes), 6);
    const served = routes.flat().sort((a, b) => a - b);
    expect(served).toEqual(Array.from({ length: p.jobCount }, (_, j) => j));
  });

  it.each([
    [false, 4],
    [true, 5],
    [true, 6],
  ])('ends in a local optimum: no single relocation improves the penalised cost (rich: %s, seed %s)', (rich, seed) => {
    const { p, routes } = educated(rich, seed);
    const current = solutionCost(p, routes);
    for (let from = 0; from < routes.length; from++) {
      for (let i = 0; i < routes[from].length; i++) {
        const job = routes[from][i];
        const without = routes.map((route) => route.filter((other) => other !== job));
        for (let to = 0; to < routes.length; to++) {
          if (p.compatible[job * p.vehicleCount + to] === 0) continue;
          for (let pos = 0; pos <= without[to].length; pos++) {
            const candidate = without.map((route) => [...route]);
            candidate[to].splice(pos, 0, job);
            expect(solutionCost(p, candidate)).toBeGreaterThan(current - 1e-6);
          }
        }
      }
    }
  });

  it('never puts a job on a vehicle without the required skills', () => {
    const { p, routes } = educated(true, 7);
    routes.forEach((jobs, vehicle) => {
      for (const job of jobs) expect(p.compatible[job * p.vehicleCount + vehicle]).toBe(1);
    });
  });
});
