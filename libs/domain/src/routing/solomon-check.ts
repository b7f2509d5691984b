// Independent verifier for Solomon solutions. It shares no code with the solver: distances,
// loads and times are recomputed from the parsed instance alone, so a solver bug cannot hide
// behind the same bug in its own bookkeeping. Used by the CLI and the benchmark.

import { type SolomonCustomer, type SolomonInstance } from './solomon-format';

/** Rounding slack when comparing arrival times with due dates. */
const TIME_TOLERANCE = 1e-6;

export interface SolomonCheck {
  readonly feasible: boolean;
  /** Sum of unrounded Euclidean route lengths. */
  readonly distance: number;
  readonly vehicles: number;
  readonly violations: readonly string[];
}

/** `routes` lists customer numbers in visiting order, one array per vehicle used. */
export function checkSolomonSolution(instance: SolomonInstance, routes: readonly (readonly number[])[]): SolomonCheck {
  const violations: string[] = [];
  const byId = new Map<number, SolomonCustomer>(instance.customers.map((c) => [c.id, c]));
  const visits = new Map<number, number>();
  const { depot } = instance;
  const gap = (a: SolomonCustomer, b: SolomonCustomer): number => Math.sqrt((a.x - b.x) ** 2 + (a.y - b.y) ** 2);
  let distance = 0;
  let vehicles = 0;

  routes.forEach((route, r) => {
    if (route.length === 0) return;
    vehicles++;
    let load = 0;
    let time = depot.ready;
    let previous = depot;
    for (const id of route) {
      const customer = byId.get(id);
      if (!customer) {
        violations.push(`route ${r + 1}: unknown customer ${id}`);
        continue;
      }
      visits.set(id, (visits.get(id) ?? 0) + 1);
      distance += gap(previous, customer);
      time += gap(previous, customer);
      if (time > customer.due + TIME_TOLERANCE) {
        violations.push(`route ${r + 1}: customer ${id} reached at ${time.toFixed(3)} after its due date ${customer.due}`);
      }
      time = Math.max(time, customer.ready) + customer.service;
      load += customer.demand;
      previous = customer;
    }
    distance += gap(previous, depot);
    time += gap(previous, depot);
    if (time > depot.due + TIME_TOLERANCE) violations.push(`route ${r + 1}: back at the depot at ${time.toFixed(3)} after ${depot.due}`);
    if (load > instance.capacity) violations.push(`route ${r + 1}: load ${load} exceeds capacity ${instance.capacity}`);
  });

  if (vehicles > instance.vehicleCount) violations.push(`${vehicles} vehicles used, only ${instance.vehicleCount} available`);
  for (const customer of instance.customers) {
    const count = visits.get(customer.id) ?? 0;
    if (count !== 1) violations.push(`customer ${customer.id} visited ${count} times`);
  }
  return { feasible: violations.length === 0, distance, vehicles, violations };
}
