// Structural checks of a RoutingProblem. Malformed input is a caller bug and throws; a job that is
// well-formed but cannot be served is not an error and is reported as unassigned instead.

import { type RoutingProblem, type TimeWindow, RoutingProblemError } from './routing-problem';

export function validateProblem(problem: RoutingProblem): void {
  const locations = problem.travel.locationCount;
  if (!Number.isInteger(locations) || locations < 0) throw new RoutingProblemError('travel.locationCount must be a non-negative integer');
  const checkLocation = (location: number, label: string): void => {
    if (!Number.isInteger(location) || location < 0 || location >= locations) {
      throw new RoutingProblemError(`${label}: location ${location} is outside 0..${locations - 1}`);
    }
  };
  const checkAmount = (value: number | undefined, label: string): void => {
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) {
      throw new RoutingProblemError(`${label} must be a finite non-negative number (got ${value})`);
    }
  };
  const checkWindow = (window: TimeWindow | undefined, label: string): void => {
    if (window === undefined) return;
    if (Number.isNaN(window.start) || Number.isNaN(window.end) || window.start > window.end) {
      throw new RoutingProblemError(`${label} must satisfy start <= end (got [${window.start}, ${window.end}])`);
    }
  };

  const jobIds = new Set<string>();
  for (const job of problem.jobs) {
    const label = `job ${job.id}`;
    if (jobIds.has(job.id)) throw new RoutingProblemError(`duplicate job id ${job.id}`);
    jobIds.add(job.id);
    checkLocation(job.location, label);
    checkAmount(job.demand, `${label} demand`);
    checkAmount(job.serviceDuration, `${label} serviceDuration`);
    checkAmount(job.maxTimeFromRouteStart, `${label} maxTimeFromRouteStart`);
    checkAmount(job.preferredVehicle?.penalty, `${label} preferredVehicle.penalty`);
    checkWindow(job.timeWindow, `${label} timeWindow`);
  }

  const vehicleIds = new Set<string>();
  for (const vehicle of problem.vehicles) {
    const label = `vehicle ${vehicle.id}`;
    if (vehicleIds.has(vehicle.id)) throw new RoutingProblemError(`duplicate vehicle id ${vehicle.id}`);
    vehicleIds.add(vehicle.id);
    checkLocation(vehicle.startLocation, label);
    if (vehicle.endLocation !== undefined) checkLocation(vehicle.endLocation, label);
    checkAmount(vehicle.capacity, `${label} capacity`);
    checkAmount(vehicle.maxDuration, `${label} maxDuration`);
    checkAmount(vehicle.fixedCost, `${label} fixedCost`);
    checkWindow(vehicle.shift, `${label} shift`);
    if (vehicle.speedFactor !== undefined && !(Number.isFinite(vehicle.speedFactor) && vehicle.speedFactor > 0)) {
      throw new RoutingProblemError(`${label} speedFactor must be a positive number`);
    }
  }
}
