import type { BedReconciliation, FacilityBedBoard, CircleSearchQuery, CircleSearchResult, DaycareBookingRecord, DaycareSession, FacilityRecord, FacilityType, OccupancyRecord, RegisterFacilityCommand } from './facilities.types';
import type { CoverageQuery, CoverageReport, GapQuery, GapReport, PlanningTargetsRecord, PublishPlanningTargetsCommand, SetStreetStatisticsCommand, StreetStatisticsEntry, WhatIfQuery, WhatIfResult } from './coverage.types';
import type { EraseSeniorCommand, PersonalDataPart, ServiceErasureResult } from './personal-data.types';
import type { AllocationPolicyRecord } from './allocation-policy.types';
import type { SystemCommands } from './system.contract';
import type { BedApplicationKind, BedApplicationRecord, PriorityRulesRecord, PublishPriorityRulesCommand, SubmitBedApplicationCommand, WaitingListView, WaitlistWhatIf } from './waitlist.types';
import type { GeoPoint, LivingArrangement, PriorityFlag } from './seniors.types';

/** What allocation knows of a senior, kept from assessment events (its read model). */
export interface AllocationSeniorView {
  seniorId: string;
  sex: string;
  birthDate: string;
  location: GeoPoint;
  livingArrangement: LivingArrangement;
  priorityFlags: PriorityFlag[];
  districtCode: string;
  /** Street (街道/镇) code of the home address; null when registered without one. */
  streetCode: string | null;
  level: number | null;
  levelInstrument: string | null;
  entitlements: Record<string, unknown> | null;
  updatedAt: string;
}

export interface AllocationCommands extends SystemCommands {
  'senior-view.get': { request: { seniorId: string }; reply: AllocationSeniorView };
  /** Everything this service holds about the senior (PIPL art. 45), for the gateway's export. */
  'senior.personal-data': { request: { seniorId: string }; reply: PersonalDataPart };
  /** Erases or de-identifies the senior's personal data here, keeps what law requires; idempotent (PIPL art. 47). */
  'senior.erase': { request: EraseSeniorCommand; reply: ServiceErasureResult };
  /** The district's allocation policy in force today. */
  'allocation-policy.get': { request: { districtCode: string }; reply: AllocationPolicyRecord };
  /** A new version of it, from a date on (today or later); versions are never changed. */
  'allocation-policy.publish': { request: { districtCode: string; version: string; effectiveFrom: string; policy: unknown }; reply: AllocationPolicyRecord };
  'facility.register': { request: RegisterFacilityCommand; reply: FacilityRecord };
  'facility.get': { request: { facilityId: string }; reply: FacilityRecord };
  'facility.list': { request: { districtCode: string | null; type: FacilityType | null }; reply: FacilityRecord[] };
  /** Every facility within the walking circle, ranked by walking time, with vacancies and eligibility. */
  'circle.search': { request: CircleSearchQuery; reply: CircleSearchResult };
  /** The plans' coverage and capacity indicators for a district and each of its streets. */
  'coverage.report': { request: CoverageQuery; reply: CoverageReport };
  /** Seniors outside every circle of a facility type, grouped by H3 cell, most first. */
  'coverage.gaps': { request: GapQuery; reply: GapReport };
  /** How many seniors not yet covered by a type a new site of that type at a point would cover. */
  'coverage.what-if': { request: WhatIfQuery; reply: WhatIfResult };
  /** A new version of a district's planning targets; the same version twice with the same figures is one. */
  'planning-targets.publish': { request: PublishPlanningTargetsCommand; reply: PlanningTargetsRecord };
  'planning-targets.list': { request: { districtCode: string }; reply: PlanningTargetsRecord[] };
  /** Street population statistics for a year (entering a street's year again corrects it). */
  'street-statistics.set': { request: SetStreetStatisticsCommand; reply: StreetStatisticsEntry[] };
  'street-statistics.list': { request: { districtCode: string; year: number | null }; reply: StreetStatisticsEntry[] };
  /** Holds a bed for a senior for the district's hold time; PostgreSQL refuses a bed already held or occupied. */
  'bed.hold': { request: { holdId: string; seniorId: string; bedId: string }; reply: OccupancyRecord };
  /** The operator confirms the admission: the hold becomes a stay from now. */
  'bed.admit': { request: { holdId: string }; reply: OccupancyRecord };
  /** Ends a hold or a stay now (discharge, or the applicant declined), with the reason. */
  'bed.release': { request: { occupancyId: string; reason: string }; reply: OccupancyRecord };
  /** Moves a resident to another bed at one instant (the old stay ends as the new one begins). */
  'bed.transfer': { request: { stayId: string; toBedId: string; reason: string }; reply: OccupancyRecord };
  /** Every bed of a facility with who holds or occupies it now (its operators and admins). */
  'facility.beds': { request: { facilityId: string }; reply: FacilityBedBoard };
  /** Checks that beds, residents and the waiting list agree. */
  'beds.reconcile': { request: { districtCode: string }; reply: BedReconciliation };
  /** Books day-care places on these dates, all or none: a full session refuses the whole request. */
  'daycare.book': { request: { requestId: string; seniorId: string; facilityId: string; session: DaycareSession; dates: string[] }; reply: DaycareBookingRecord[] };
  'daycare.cancel': { request: { seniorId: string; bookingId: string; reason: string }; reply: DaycareBookingRecord };
  'daycare.list': { request: { seniorId: string }; reply: DaycareBookingRecord[] };
  /** Puts a senior on the district's bed waiting list; a free bed that fits is offered at once to whoever ranks first. */
  'bed-application.submit': { request: SubmitBedApplicationCommand; reply: BedApplicationRecord };
  /** The senior's applications with position, the parts of the score, the offer and every decision. */
  'bed-application.list': { request: { seniorId: string }; reply: BedApplicationRecord[] };
  'bed-application.withdraw': { request: { seniorId: string; applicationId: string; reason: string }; reply: BedApplicationRecord };
  /** The family accepts a held bed: the operator is asked to admit before the hold lapses. */
  'bed-offer.accept': { request: { seniorId: string; offerId: string }; reply: BedApplicationRecord };
  /** The family declines: the hold ends, the bed goes to the next in line, the application waits again. */
  'bed-offer.decline': { request: { seniorId: string; offerId: string; reason: string }; reply: BedApplicationRecord };
  /** The district's waiting list in order, with every applicant's score parts. */
  'waitlist.list': { request: { districtCode: string; kind: BedApplicationKind }; reply: WaitingListView };
  /** How the order would change under a draft rules version. */
  'waitlist.what-if': { request: { districtCode: string; kind: BedApplicationKind; draftVersion: string }; reply: WaitlistWhatIf };
  /** Offers every free bed of the district to the first applicant it fits, now (also runs on a schedule). */
  'waitlist.match': { request: { districtCode: string }; reply: { offersMade: number } };
  /** A new version of the district's priority rules: published from a date, or a draft (no date). */
  'priority-rules.publish': { request: PublishPriorityRulesCommand; reply: PriorityRulesRecord };
  'priority-rules.list': { request: { districtCode: string }; reply: PriorityRulesRecord[] };
}

/** A facility joined the registry: dispatch learns the canteens and centres it serves meals from. */
export interface FacilityRegisteredEvent {
  facilityId: string;
  type: FacilityType;
  name: string;
  districtCode: string;
  streetCode: string | null;
  /** WGS-84. */
  location: GeoPoint;
  openingHours: string | null;
  mealSeats: number;
  dayCarePlaces: number;
}

/** A bed was held for a senior until `until` (the hold then lapses by itself). */
export interface BedHeldEvent {
  occupancyId: string;
  seniorId: string;
  facilityId: string;
  bedId: string;
  until: string | null;
}

/** A senior moved into a facility: home services (meal delivery, visits) pause from `from`. */
export interface BedAdmittedEvent {
  occupancyId: string;
  seniorId: string;
  facilityId: string;
  bedId: string;
  from: string;
}

/** A hold or stay ended (discharge, declined); after a stay, home services resume. */
export interface BedReleasedEvent {
  occupancyId: string;
  seniorId: string;
  facilityId: string;
  kind: 'hold' | 'stay';
  at: string;
  reason: string;
}

/** Day-care places booked: on these dates the senior eats at the centre, not at home. */
export interface DaycareBookedEvent {
  seniorId: string;
  facilityId: string;
  session: string;
  bookings: Array<{ bookingId: string; date: string }>;
}

export interface DaycareCancelledEvent {
  seniorId: string;
  facilityId: string;
  bookingId: string;
  date: string;
  session: string;
}

export interface AllocationEvents {
  'facility.registered': FacilityRegisteredEvent;
  'bed.held': BedHeldEvent;
  'bed.admitted': BedAdmittedEvent;
  'bed.released': BedReleasedEvent;
  'daycare.booked': DaycareBookedEvent;
  'daycare.cancelled': DaycareCancelledEvent;
}
