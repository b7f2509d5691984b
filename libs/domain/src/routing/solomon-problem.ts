// Maps a Solomon instance onto the platform's routing model: location 0 is the depot, location i
// is the i-th customer row; identical vehicles whose shift is the depot's time window; travel
// time equals Euclidean distance (unrounded doubles).

import { type RoutingProblem } from './routing-problem';
import { type SolomonInstance } from './solomon-format';
import { euclideanTravelModel } from './travel-model';

export function solomonToRoutingProblem(instance: SolomonInstance): RoutingProblem {
  const { depot, customers } = instance;
  const points: [number, number][] = [[depot.x, depot.y], ...customers.map((c): [number, number] => [c.x, c.y])];
  return {
    travel: euclideanTravelModel(points),
    jobs: customers.map((customer, i) => ({
      id: String(customer.id),
      location: i + 1,
      demand: customer.demand,
      serviceDuration: customer.service,
      timeWindow: { start: customer.ready, end: customer.due },
    })),
    vehicles: Array.from({ length: instance.vehicleCount }, (_, v) => ({
      id: `vehicle-${v + 1}`,
      capacity: instance.capacity,
      startLocation: 0,
      shift: { start: depot.ready, end: depot.due },
    })),
  };
}
