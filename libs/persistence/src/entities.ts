import { AllocationInboxReceipt } from './allocation/allocation-inbox-receipt.entity';
import { Bed } from './allocation/bed.entity';
import { DaycareBooking } from './allocation/daycare-booking.entity';
import { DaycareSessionLoad } from './allocation/daycare-session-load.entity';
import { BedOccupancy } from './allocation/bed-occupancy.entity';
import { Facility } from './allocation/facility.entity';
import { Room } from './allocation/room.entity';
import { AllocationPolicy } from './allocation/allocation-policy.entity';
import { AllocationOutboxEvent } from './allocation/allocation-outbox-event.entity';
import { AllocationSeniorViewRecord } from './allocation/allocation-senior-view.entity';
import { BedApplication } from './allocation/bed-application.entity';
import { BedOffer } from './allocation/bed-offer.entity';
import { PriorityRulesVersion } from './allocation/priority-rules-version.entity';
import { WaitlistDecision } from './allocation/waitlist-decision.entity';
import { PlanningTargetsVersion } from './allocation/planning-targets.entity';
import { StreetStatisticsRecord } from './allocation/street-statistics.entity';
import { AssessmentInboxReceipt } from './assessment/assessment-inbox-receipt.entity';
import { Assessment } from './assessment/assessment.entity';
import { AssessmentOutboxEvent } from './assessment/assessment-outbox-event.entity';
import { DistrictPolicyRecord } from './assessment/district-policy.entity';
import { EntitlementSnapshot } from './assessment/entitlement-snapshot.entity';
import { ReassessmentTask } from './assessment/reassessment-task.entity';
import { Senior } from './assessment/senior.entity';
import { SeniorPriorityFlag } from './assessment/senior-priority-flag.entity';
import { DispatchDaycareDay } from './dispatch/dispatch-daycare-day.entity';
import { DispatchFacilityViewRecord } from './dispatch/dispatch-facility-view.entity';
import { MealPolicyVersion } from './dispatch/meal-policy-version.entity';
import { Kitchen } from './dispatch/kitchen.entity';
import { KitchenMenu } from './dispatch/kitchen-menu.entity';
import { Courier } from './dispatch/courier.entity';
import { MealSubscriptionVersion } from './dispatch/meal-subscription-version.entity';
import { MealPause } from './dispatch/meal-pause.entity';
import { MealChange } from './dispatch/meal-change.entity';
import { MealCutoffRun } from './dispatch/meal-cutoff-run.entity';
import { MealOrder } from './dispatch/meal-order.entity';
import { DeliveryRoute } from './dispatch/delivery-route.entity';
import { StopOutcome } from './dispatch/stop-outcome.entity';
import { EscalationCase } from './dispatch/escalation-case.entity';
import { WebhookDelivery } from './dispatch/webhook-delivery.entity';
import { CaregiverRecord } from './dispatch/caregiver.entity';
import { VisitPlanVersion } from './dispatch/visit-plan-version.entity';
import { CareVisit } from './dispatch/care-visit.entity';
import { CareVisitAlert } from './dispatch/care-visit-alert.entity';
import { CareScheduleVersion } from './dispatch/care-schedule-version.entity';
import { CareVisitNotice } from './dispatch/care-visit-notice.entity';
import { CareDoorTag } from './dispatch/care-door-tag.entity';
import { VisitPolicyVersion } from './dispatch/visit-policy-version.entity';
import { DispatchInboxReceipt } from './dispatch/dispatch-inbox-receipt.entity';
import { DispatchOutboxEvent } from './dispatch/dispatch-outbox-event.entity';
import { DispatchSeniorViewRecord } from './dispatch/dispatch-senior-view.entity';
import { AssessmentSeniorErasure } from './assessment/assessment-senior-erasure.entity';
import { AllocationSeniorErasure } from './allocation/allocation-senior-erasure.entity';
import { DispatchSeniorErasure } from './dispatch/dispatch-senior-erasure.entity';
import { SeniorErasureRequest } from './identity/senior-erasure-request.entity';
import { Account } from './identity/account.entity';
import { ApiKey } from './identity/api-key.entity';
import { AuditEntry } from './identity/audit-entry.entity';
import { ConsentLink } from './identity/consent-link.entity';
import { RefreshToken } from './identity/refresh-token.entity';
import { IdempotentRequest } from './identity/idempotent-request.entity';
import { Booking } from './identity/booking.entity';
import { FamilyWebhook } from './identity/family-webhook.entity';
import { FamilyWebhookDelivery } from './identity/family-webhook-delivery.entity';
import { AccessRequest } from './identity/access-request.entity';

/** Each app's data source knows only its own schema's entities: a service cannot query another's tables. */
export const IDENTITY_ENTITIES = [Account, ApiKey, ConsentLink, AuditEntry, RefreshToken, IdempotentRequest, Booking, FamilyWebhook, FamilyWebhookDelivery, AccessRequest, SeniorErasureRequest];
export const ASSESSMENT_ENTITIES = [
  Senior,
  SeniorPriorityFlag,
  Assessment,
  ReassessmentTask,
  EntitlementSnapshot,
  DistrictPolicyRecord,
  AssessmentOutboxEvent,
  AssessmentInboxReceipt,
  AssessmentSeniorErasure,
];
export const ALLOCATION_ENTITIES = [AllocationSeniorViewRecord, Facility, Room, Bed, BedOccupancy, DaycareBooking, DaycareSessionLoad, AllocationPolicy, PriorityRulesVersion, BedApplication, BedOffer, WaitlistDecision, PlanningTargetsVersion, StreetStatisticsRecord, AllocationOutboxEvent, AllocationInboxReceipt, AllocationSeniorErasure];
export const DISPATCH_ENTITIES = [DispatchSeniorViewRecord, DispatchDaycareDay, DispatchFacilityViewRecord, MealPolicyVersion, Kitchen, KitchenMenu, Courier, MealSubscriptionVersion, MealPause, MealChange, MealCutoffRun, MealOrder, DeliveryRoute, StopOutcome, EscalationCase, WebhookDelivery, CaregiverRecord, VisitPlanVersion, CareVisit, CareVisitAlert, CareScheduleVersion, CareVisitNotice, CareDoorTag, VisitPolicyVersion, DispatchOutboxEvent, DispatchInboxReceipt, DispatchSeniorErasure];

export const ALL_ENTITIES = [...IDENTITY_ENTITIES, ...ASSESSMENT_ENTITIES, ...ALLOCATION_ENTITIES, ...DISPATCH_ENTITIES];
