// Independent verifier of a RoutingSolution against its RoutingProblem: recomputes every route
// from the public model (travel model, windows, shifts, skills, limits) without the solver's
// compiled arrays. Used in tests and available to callers who post-edit plans by hand.

import { type RoutingProblem, type RoutingSolution } from './routing-problem';

const TOLERANCE = 1e-6;

export interface SolutionCheck {
  readonly feasible: boolean;
  readonly distance: number;
  readonly violations: readonly string[];
}

export function checkSolution(problem: RoutingProblem, solution: RoutingSolution): SolutionCheck {
  const violations: string[] = [];
  const jobs = new Map(problem.jobs.map((job) => [job.id, job]));
  const vehicles = new Map(problem.vehicles.map((vehicle) => [vehicle.id, vehicle]));
  const seen = new Map<string, number>();
  const usedVehicles = new Set<string>();
  const { travel } = problem;
  let distance = 0;

  for (const route of solution.routes) {
    const vehicle = vehicles.get(route.vehicleId);
    if (!vehicle) {
      violations.push(`unknown vehicle ${route.vehicleId}`);
      continue;
    }
    if (usedVehicles.has(vehicle.id)) violations.push(`vehicle ${vehicle.id} has two routes`);
    usedVehicles.add(vehicle.id);
    const profile = vehicle.profile ?? 'default';
    const speed = vehicle.speedFactor ?? 1;
    const time = (from: number, to: number): number =>
      (travel.duration ? travel.duration(from, to, profile) : travel.distance(from, to)) / speed;
    const skills = new Set(vehicle.skills ?? []);
    const shiftStart = vehicle.shift?.start ?? 0;
    const shiftEnd = vehicle.shift?.end ?? Infinity;
    const departure = route.departure;
    if (departure < shiftStart - TOLERANCE) violations.push(`${vehicle.id}: departs at ${departure} before its shift`);
    let clock = departure;
    let location = vehicle.startLocation;
    let load = 0;
    for (const jobId of route.jobIds) {
      const job = jobs.get(jobId);
      if (!job) {
        violations.push(`${vehicle.id}: unknown job ${jobId}`);
        continue;
      }
      seen.set(jobId, (seen.get(jobId) ?? 0) + 1);
      distance += travel.distance(location, job.location);
      clock += time(location, job.location);
      const due = job.timeWindow?.end ?? Infinity;
      if (clock > due + TOLERANCE) violations.push(`${vehicle.id}: job ${jobId} reached at ${clock} after ${due}`);
      const limit = job.maxTimeFromRouteStart ?? Infinity;
      if (clock - departure > limit + TOLERANCE) {
        violations.push(`${vehicle.id}: job ${jobId} reached ${clock - departure} after departure, limit ${limit}`);
      }
      for (const skill of job.requiredSkills ?? []) {
        if (!skills.has(skill)) violations.push(`${vehicle.id}: lacks skill ${skill} for job ${jobId}`);
      }
      clock = Math.max(clock, job.timeWindow?.start ?? -Infinity) + (job.serviceDuration ?? 0);
      load += job.demand ?? 0;
      location = job.location;
    }
    const end = vehicle.endLocation ?? vehicle.startLocation;
    distance += travel.distance(location, end);
    clock += time(location, end);
    if (clock > shiftEnd + TOLERANCE) violations.push(`${vehicle.id}: returns at ${clock} after its shift end ${shiftEnd}`);
    if (clock - departure > (vehicle.maxDuration ?? Infinity) + TOLERANCE) {
      violations.push(`${vehicle.id}: works ${clock - departure}, longer than ${vehicle.maxDuration}`);
    }
    if (load > vehicle.capacity + TOLERANCE) violations.push(`${vehicle.id}: load ${load} exceeds capacity ${vehicle.capacity}`);
  }

  const unassigned = new Set(solution.unassigned.map((entry) => entry.jobId));
  for (const job of problem.jobs) {
    const count = (seen.get(job.id) ?? 0) + (unassigned.has(job.id) ? 1 : 0);
    if (count !== 1) violations.push(`job ${job.id} appears ${count} times among routes and unassigned`);
  }
  return { feasible: violations.length === 0, distance, violations };
}
