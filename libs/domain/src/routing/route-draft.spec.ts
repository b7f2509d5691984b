import { compileProblem, type CompiledProblem } from './compiled-problem';
import { Random } from './random';
import { RouteDraft } from './route-draft';
import { RouteSet } from './route-set';
import { timeRoute } from './route-schedule';
import { randomInstance } from './test/random-instance';

const PENALTIES = { capacity: 7, timeWarp: 3 };

/** Penalised cost recomputed visit by visit (no preferences, no pack-to-door: drafts leave those out). */
function referenceCost(p: CompiledProblem, vehicle: number, jobs: readonly number[]): number {
  const timing = timeRoute(p, vehicle, jobs, jobs.length);
  return (
    timing.distance +
    (jobs.length > 0 ? p.fixedCost[vehicle] : 0) +
    PENALTIES.capacity * Math.max(0, timing.load - p.capacity[vehicle]) +
    PENALTIES.timeWarp * (timing.warp + timing.durationExcess)
  );
}

function randomRouteSet(p: CompiledProblem, rng: Random): RouteSet {
  const routes = new RouteSet(p);
  routes.capacityPenalty = PENALTIES.capacity;
  routes.warpPenalty = PENALTIES.timeWarp;
  const lists: number[][] = Array.from({ length: p.vehicleCount }, () => []);
  for (let job = 0; job < p.jobCount; job++) lists[rng.int(p.vehicleCount)].push(job);
  lists.forEach((jobs, r) => routes.setRoute(r, jobs, jobs.length));
  return routes;
}

describe('RouteDraft pricing', () => {
  it.each([false, true])('agrees with a visit-by-visit recomputation for random recipes (rich fleet: %s)', (rich) => {
    const { compiled: p } = compileProblem(randomInstance({ jobs: 40, vehicles: 6, seed: 5, rich }));
    const rng = new Random(9);
    const routes = randomRouteSet(p, rng);
    expect(routes.allTails).toBe(rich);
    const draft = new RouteDraft(p, routes);
    const buffer = new Int32Array(4 * p.jobCount);
    for (let trial = 0; trial < 2000; trial++) {
      const target = rng.int(p.vehicleCount);
      draft.begin(target, rng.int(routes.size[target] + 1));
      for (let pieces = rng.int(3); pieces > 0; pieces--) {
        const source = rng.int(p.vehicleCount);
        const size = routes.size[source];
        if (size === 0) continue;
        const from = 1 + rng.int(size);
        const to = Math.min(size, from + rng.int(4));
        if (rng.next() < 0.5) draft.appendRange(source, from, to);
        else draft.appendReversed(source, from, to);
      }
      const tailSource = rng.int(p.vehicleCount);
      const tailFrom = 1 + rng.int(routes.size[tailSource] + 1);
      if (p.tailKey[tailSource] === p.tailKey[target] || (routes.allTails && rng.next() < 0.7)) {
        draft.appendSuffix(tailSource, tailFrom);
      } else {
        draft.appendRange(tailSource, tailFrom, routes.size[tailSource]);
        draft.appendEnd();
      }
      const count = draft.materialise(buffer);
      expect(count).toBe(draft.count);
      const jobs = Array.from(buffer.subarray(0, count));
      expect(draft.cost()).toBeCloseTo(referenceCost(p, target, jobs), 6);
    }
  });

  it('keeps per-route prefix and suffix data consistent with the routes', () => {
    const { compiled: p } = compileProblem(randomInstance({ jobs: 30, vehicles: 4, seed: 8, rich: true }));
    const routes = randomRouteSet(p, new Random(2));
    for (let r = 0; r < p.vehicleCount; r++) {
      const jobs = routes.jobsOf(r);
      expect(routes.distance[r]).toBeCloseTo(timeRoute(p, r, jobs, jobs.length).distance, 9);
    }
  });
});
