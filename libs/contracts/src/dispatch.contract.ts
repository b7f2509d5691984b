import type { EraseSeniorCommand, PersonalDataPart, ServiceErasureResult } from './personal-data.types';
import type { SystemCommands } from './system.contract';
import type { MonthlyStatement, ProductionList } from '@app/domain';
import type { FacilityRegisteredEvent } from './allocation.contract';
import type { FacilityType } from './facilities.types';
import type {
  CourierRecord,
  EscalationCaseRecord,
  EscalationOutcomeName,
  EscalationSlaReport,
  FollowUpRecord,
  KitchenRecord,
  KitchenWebhookRecord,
  MealChangeRecord,
  MealCutoffSummary,
  MealPolicyRecord,
  MealSlotName,
  MealSubscriptionRecord,
  MenuRecord,
  RegisterCourierCommand,
  RegisterKitchenCommand,
  RouteManifest,
  SetSubscriptionCommand,
  StopOutcomeName,
  StopOutcomeRecord,
  WebhookDeliveryRecord,
} from './meals.types';
import type {
  CareLedgerRecord,
  CareVisitAlertRecord,
  CareVisitDetail,
  CareVisitRecord,
  CaregiverRecord,
  RegisterCaregiverCommand,
  ScheduleVersionSummary,
  ScheduleVersionView,
  SetVisitPlanCommand,
  VisitCheckInCommand,
  VisitCheckOutCommand,
  VisitMoveCommand,
  VisitNoticeRecord,
  VisitPlanRecord,
  VisitReplanCommand,
  VisitReplanResult,
} from './visits.types';
import type { LtciClaim } from '@app/domain';
import type { ScheduleMetrics } from '@app/domain';
import type { GeoPoint } from './seniors.types';

/** What dispatch knows of a senior for deliveries and visits, kept from assessment events. */
export interface DispatchSeniorView {
  seniorId: string;
  name: string;
  addressText: string;
  location: GeoPoint;
  livesAlone: boolean;
  /** The facility the senior lives in now (admitted, not yet discharged): home meals and visits pause. */
  residentialFacilityId: string | null;
  /** Upcoming dates with a day-care place: lunch is at the centre, not delivered. */
  dayCareDates: string[];
  updatedAt: string;
}

/** What dispatch knows of a facility, kept from allocation's `facility.registered`: where meals are served and day care held. */
export type DispatchFacilityView = FacilityRegisteredEvent;

/** What a caregiver or courier account does for a senior: visits them (lately or soon), carries their meals (lately). */
export interface StaffRelation {
  seniorId: string;
  visits: boolean;
  delivers: boolean;
}

export interface DispatchCommands extends SystemCommands {
  'senior-view.get': { request: { seniorId: string }; reply: DispatchSeniorView };
  /** Everything this service holds about the senior (PIPL art. 45), for the gateway's export. */
  'senior.personal-data': { request: { seniorId: string }; reply: PersonalDataPart };
  /** Erases or de-identifies the senior's personal data here, keeps what law requires; idempotent (PIPL art. 47). */
  'senior.erase': { request: EraseSeniorCommand; reply: ServiceErasureResult };
  /** The facilities dispatch knows in a district, optionally of some types (e.g. the meal sites). */
  'facility-view.list': { request: { districtCode: string; types: FacilityType[] | null }; reply: DispatchFacilityView[] };
  'kitchen.register': { request: RegisterKitchenCommand; reply: KitchenRecord };
  'kitchen.list': { request: { districtCode: string }; reply: KitchenRecord[] };
  /** Where the kitchen's lists are pushed after each cutoff, signed with the kitchen's secret; null url: stop pushing. */
  'kitchen.set-webhook': { request: { kitchenId: string; url: string | null; secret: string | null }; reply: KitchenWebhookRecord };
  'kitchen.webhook-deliveries': { request: { kitchenId: string }; reply: WebhookDeliveryRecord[] };
  /** A kitchen's menu for a date and slot; refused once that meal's cutoff has passed. */
  'menu.set': { request: { kitchenId: string; date: string; slot: MealSlotName; dishes: unknown }; reply: MenuRecord };
  'courier.register': { request: RegisterCourierCommand; reply: CourierRecord };
  'meal-policy.publish': { request: { districtCode: string; version: string; effectiveFrom: string; policy: unknown }; reply: MealPolicyRecord };
  'meal-policy.get': { request: { districtCode: string; date: string | null }; reply: MealPolicyRecord };
  /** Starts or changes a senior's subscription from a date: a new effective-dated version. */
  'meal-subscription.set': { request: SetSubscriptionCommand; reply: MealSubscriptionRecord };
  'meal-subscription.get': { request: { seniorId: string }; reply: MealSubscriptionRecord };
  'meal-pause.add': { request: { pauseId: string; seniorId: string; from: string; until: string | null; reason: string }; reply: MealSubscriptionRecord };
  /** A one-off skip or extra meal, refused after that meal's cutoff. */
  'meal-change.add': { request: { changeId: string; seniorId: string; date: string; slot: MealSlotName; kind: 'skip' | 'extra'; mode: 'delivery' | 'canteen' | null }; reply: MealChangeRecord };
  /** Freezes the district's orders for a meal, assigns kitchens, makes production lists and routes (the cutoff schedule runs it; idempotent). */
  'meal-cutoff.run': { request: { districtCode: string; date: string; slot: MealSlotName }; reply: MealCutoffSummary };
  'kitchen.production-list': { request: { kitchenId: string; date: string; slot: MealSlotName }; reply: ProductionList };
  'kitchen.manifests': { request: { kitchenId: string; date: string; slot: MealSlotName }; reply: RouteManifest[] };
  /** The calling courier's own route for a date and slot. */
  'courier.route': { request: { date: string; slot: MealSlotName }; reply: RouteManifest };
  'stop-outcome.record': { request: { orderId: string; outcome: StopOutcomeName; at: string | null; note: string | null }; reply: StopOutcomeRecord };
  'follow-up.list': { request: { districtCode: string; kitchenId: string | null }; reply: FollowUpRecord[] };
  'follow-up.close': { request: { orderId: string; resolution: string }; reply: StopOutcomeRecord };
  'meal-statement.get': { request: { seniorId: string; month: string }; reply: MonthlyStatement };
  /** "No answer at the door" cases of a district (or one kitchen), open ones first. */
  'escalation.list': { request: { districtCode: string; kitchenId: string | null; openOnly: boolean }; reply: EscalationCaseRecord[] };
  /** The outcome of the case's current step: found (the case closes) or no answer (the next step starts). */
  'escalation.record-step': { request: { caseId: string; outcome: EscalationOutcomeName; note: string | null }; reply: EscalationCaseRecord };
  'caregiver.register': { request: RegisterCaregiverCommand; reply: CaregiverRecord };
  'caregiver.list': { request: { districtCode: string }; reply: CaregiverRecord[] };
  /** A senior's visit plan from a date: a new version, checked against the home-care entitlement. */
  'visit-plan.set': { request: SetVisitPlanCommand; reply: VisitPlanRecord };
  'visit-plan.get': { request: { seniorId: string }; reply: VisitPlanRecord };
  /** Plans a district's week of home-care visits (the weekly schedule runs it on Sunday evenings); re-running replaces the week. */
  'visit-schedule.run': { request: { districtCode: string; weekStart: string }; reply: ScheduleMetrics & { districtCode: string; weekStart: string } };
  /** The calling caregiver's own visits between two dates. */
  'caregiver.visits': { request: { from: string; until: string }; reply: CareVisitRecord[] };
  /** A senior's coming visits with the caregiver's name. */
  'senior.visits': { request: { seniorId: string }; reply: CareVisitRecord[] };
  /** Whether the calling caregiver or courier account serves the senior (their own work). */
  'staff.relation': { request: { seniorId: string }; reply: StaffRelation };
  /** The calling caregiver checks in at the door: verified by the senior's door tag or a geofence; a late alert clears. */
  'visit.check-in': { request: VisitCheckInCommand; reply: CareVisitDetail };
  /** The calling caregiver checks out: tasks done, notes, concerns (a fall or a request asks for a reassessment). */
  'visit.check-out': { request: VisitCheckOutCommand; reply: CareVisitDetail };
  /** A visit with what happened at it: its caregiver, or staff. */
  'visit.get': { request: { visitId: string }; reply: CareVisitDetail };
  /** A coordinator moves a visit to another caregiver or time (refused when it overlaps that caregiver's other visits). */
  'visit.move': { request: VisitMoveCommand; reply: VisitReplanResult };
  /** Same-day re-planning: a sick caregiver, a cancelled or an extra visit; as little else as possible moves, everyone affected gets a notice. */
  'visit-schedule.replan': { request: VisitReplanCommand; reply: VisitReplanResult };
  /** A family cancels one of the senior's visits (no later than the policy's lead time). */
  'visit.family-cancel': { request: { seniorId: string; visitId: string; reason: string }; reply: VisitReplanResult };
  /** A family moves one of the senior's visits within its day (no later than the lead time, same caregiver). */
  'visit.family-reschedule': { request: { seniorId: string; visitId: string; plannedStart: string }; reply: VisitReplanResult };
  'visit-schedule.versions': { request: { districtCode: string; weekStart: string }; reply: ScheduleVersionSummary[] };
  'visit-schedule.version': { request: { districtCode: string; weekStart: string; version: number | 'actual' }; reply: ScheduleVersionView };
  /** The code for a new tag on the senior's door (shown once; only its hash is kept; the old tag stops working). */
  'door-tag.issue': { request: { seniorId: string }; reply: { seniorId: string; code: string; issuedAt: string } };
  'visit-alert.list': { request: { districtCode: string; openOnly: boolean }; reply: CareVisitAlertRecord[] };
  'visit-alert.acknowledge': { request: { alertId: string }; reply: CareVisitAlertRecord };
  /** Closes an alert; for a failed verification, `confirmVisit` says the coordinator confirmed the visit happened. */
  'visit-alert.resolve': { request: { alertId: string; resolution: string; confirmVisit: boolean }; reply: CareVisitAlertRecord };
  'caregiver.notices': { request: { since: string | null }; reply: VisitNoticeRecord[] };
  'senior.visit-notices': { request: { seniorId: string; since: string | null }; reply: VisitNoticeRecord[] };
  'visit-policy.publish': { request: { districtCode: string; version: string; effectiveFrom: string; policy: unknown }; reply: MealPolicyRecord };
  'visit-policy.get': { request: { districtCode: string; date: string | null }; reply: MealPolicyRecord };
  /** A senior's month of home care: entitled, planned, delivered, missed hours and the LTCI claim. */
  'care-ledger.get': { request: { seniorId: string; month: string }; reply: CareLedgerRecord };
  /** Every senior's LTCI claim of a district's month, for the fund. */
  'ltci-claims.list': { request: { districtCode: string; month: string }; reply: LtciClaim[] };
  /** How fast cases that started in a period were resolved. */
  'escalation.sla': { request: { districtCode: string; from: string; until: string }; reply: EscalationSlaReport };
}

/** Couriers keep finding the senior refusing or missing meals: the assessment service opens an immediate reassessment. */
export interface MealsReassessmentRequestedEvent {
  /** One request per senior and day: a second one the same day is the same request. */
  requestId: string;
  seniorId: string;
  reason: string;
  raisedBy: string;
}

export interface DispatchEvents {
  'meals.reassessment-requested': MealsReassessmentRequestedEvent;
  /** A caregiver reported a fall or a concern and asked for a reassessment. */
  'visits.reassessment-requested': MealsReassessmentRequestedEvent;
}
