// Selective Route Exchange crossover (SREX, Nagata & Kobayashi 2010; the crossover of PyVRP).
// Both parents' routes are sorted by direction around the depot; a window of consecutive routes
// of parent A is replaced by a window of as many routes of parent B covering the same area.
// Jobs now served twice are removed either from A's remaining routes or from B's routes, giving
// two offspring; jobs now served nowhere are left unrouted for the cheapest-insertion step.
// Unlike the giant-tour crossovers, whole routes survive, which matters with time windows.

import { type CompiledProblem } from './compiled-problem';
import { type Individual } from './individual';
import { type Random } from './random';

interface ParentRoute {
  readonly vehicle: number;
  readonly jobs: readonly number[];
}

/** Returns the two offspring as one job list per vehicle (some jobs possibly missing). */
export function selectiveRouteExchange(
  p: CompiledProblem,
  parentA: Individual,
  parentB: Individual,
  rng: Random,
): [number[][], number[][]] {
  const routesA = sortedRoutes(p, parentA);
  const routesB = sortedRoutes(p, parentB);
  const copyOfA = (): number[][] => parentA.routes.map((route) => [...route]);
  if (routesA.length === 0 || routesB.length === 0) return [copyOfA(), copyOfA()];

  const moved = 1 + rng.int(Math.min(routesA.length, routesB.length));
  const startA = rng.int(routesA.length);
  const inSelectedA = new Uint8Array(p.jobCount);
  const selectedA = new Set<number>();
  for (let i = 0; i < moved; i++) {
    const route = routesA[(startA + i) % routesA.length];
    selectedA.add(route.vehicle);
    for (const job of route.jobs) inSelectedA[job] = 1;
  }

  // Slide B's window towards the routes that share most jobs with A's window.
  const windowOverlap = (start: number): number => {
    let shared = 0;
    for (let i = 0; i < moved; i++) for (const job of routesB[(start + i) % routesB.length].jobs) shared += inSelectedA[job];
    return shared;
  };
  let startB = rng.int(routesB.length);
  let overlap = windowOverlap(startB);
  for (let step = 0; step < routesB.length; step++) {
    const left = (startB - 1 + routesB.length) % routesB.length;
    const right = (startB + 1) % routesB.length;
    const leftOverlap = windowOverlap(left);
    const rightOverlap = windowOverlap(right);
    if (Math.max(leftOverlap, rightOverlap) <= overlap) break;
    [startB, overlap] = leftOverlap >= rightOverlap ? [left, leftOverlap] : [right, rightOverlap];
  }
  const selectedB: ParentRoute[] = [];
  const inSelectedB = new Uint8Array(p.jobCount);
  for (let i = 0; i < moved; i++) {
    const route = routesB[(startB + i) % routesB.length];
    selectedB.push(route);
    for (const job of route.jobs) inSelectedB[job] = 1;
  }

  const build = (keepBIntact: boolean): number[][] => {
    const child: number[][] = Array.from({ length: p.vehicleCount }, () => []);
    const used = new Uint8Array(p.vehicleCount);
    for (const route of routesA) {
      if (selectedA.has(route.vehicle)) continue;
      child[route.vehicle] = keepBIntact ? route.jobs.filter((job) => !inSelectedB[job]) : [...route.jobs];
      used[route.vehicle] = 1;
    }
    for (const route of selectedB) {
      // A job of B's window that A serves outside its window is already placed when A is kept.
      const jobs = keepBIntact ? [...route.jobs] : route.jobs.filter((job) => inSelectedA[job]);
      const vehicle = pickVehicle(p, route.vehicle, jobs, used);
      if (vehicle < 0) continue; // its jobs stay unrouted and get inserted one by one
      child[vehicle] = jobs;
      used[vehicle] = 1;
    }
    return child;
  };
  return [build(true), build(false)];
}

/** Non-empty routes in order of their mean direction from the depot. */
function sortedRoutes(p: CompiledProblem, individual: Individual): ParentRoute[] {
  const routes: { route: ParentRoute; angle: number }[] = [];
  individual.routes.forEach((jobs, vehicle) => {
    if (jobs.length === 0) return;
    let x = 0;
    let y = 0;
    for (const job of jobs) {
      x += Math.cos(p.angle[job]);
      y += Math.sin(p.angle[job]);
    }
    routes.push({ route: { vehicle, jobs }, angle: Math.atan2(y, x) });
  });
  routes.sort((a, b) => a.angle - b.angle || a.route.vehicle - b.route.vehicle);
  return routes.map((entry) => entry.route);
}

/**
 * The vehicle that ran the route in parent B if it is still free, else a free interchangeable
 * one, else any free vehicle able to serve all of the jobs; -1 if none.
 */
function pickVehicle(p: CompiledProblem, preferred: number, jobs: readonly number[], used: Uint8Array): number {
  if (!used[preferred]) return preferred;
  let fallback = -1;
  for (let v = 0; v < p.vehicleCount; v++) {
    if (used[v]) continue;
    if (p.vehicleClass[v] === p.vehicleClass[preferred]) return v;
    if (fallback < 0 && jobs.every((job) => p.compatible[job * p.vehicleCount + v] === 1)) fallback = v;
  }
  return fallback;
}
