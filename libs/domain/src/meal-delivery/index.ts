// Meal delivery: which kitchen cooks each order, couriers' rounds from each kitchen, what happened
// at each door, and the escalation ladder when nobody answers. Pure rules; the dispatch service
// stores the facts and runs the timers.
export { COURIER_MODES, type CourierMode, type CourierModeProfile, courierTravelMinutes, DEFAULT_COURIER_MODES } from './courier-modes';
export {
  type AssignedOrder,
  assignOrdersToKitchens,
  type KitchenAssignment,
  type KitchenAssignmentOptions,
  type KitchenForAssignment,
  type OrderForAssignment,
  type UnassignedOrder,
} from './kitchen-assignment';
export {
  checkDeliveryPlan,
  type CourierForRouting,
  type DeliveryKitchen,
  type DeliveryPlan,
  type DeliveryPlanOptions,
  type DeliveryStop,
  type MinuteWindow,
  planDeliveries,
  type PlannedDeliveryRoute,
  type PlannedDeliveryStop,
} from './delivery-routes';
export {
  DEFAULT_ESCALATION_LADDER,
  ESCALATION_STEPS,
  type EscalationSla,
  escalationSla,
  type EscalationStep,
  type EscalationTimeline,
  LADDER_OUTCOMES,
  type LadderDecision,
  type LadderOutcome,
  type LadderProblem,
  type LadderStep,
  nextStep,
  validateLadder,
} from './escalation-ladder';
export { needsFollowUp, startsEscalation, STOP_OUTCOMES, type StopOutcome } from './stop-outcomes';
