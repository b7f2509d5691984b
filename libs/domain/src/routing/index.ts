// Vehicle routing for meal rounds and home-care visits (VRP with time windows, heterogeneous
// fleet, skills, pack-to-door limits and continuity preferences). Public surface only; the
// search internals stay private to the folder.

export type {
  PlannedRoute,
  PlannedStop,
  RoutingJob,
  RoutingProblem,
  RoutingSolution,
  RoutingTotals,
  RoutingVehicle,
  SolveOptions,
  SolveStats,
  TimeWindow,
  TravelModel,
  UnassignedJob,
  UnassignedReason,
  VehiclePreference,
} from './routing-problem';
export { RoutingProblemError } from './routing-problem';
export { solve } from './solve';
export { type TravelMatrices, euclideanTravelModel, matrixTravelModel } from './travel-model';
export { type SolutionCheck, checkSolution } from './solution-check';
export { type SolomonCustomer, type SolomonInstance, SolomonFormatError, parseSolomon } from './solomon-format';
export { solomonToRoutingProblem } from './solomon-problem';
export { type SolomonCheck, checkSolomonSolution } from './solomon-check';
