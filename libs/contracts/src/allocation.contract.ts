import type { CircleSearchQuery, CircleSearchResult, DaycareBookingRecord, DaycareSession, FacilityRecord, FacilityType, OccupancyRecord, RegisterFacilityCommand } from './facilities.types';
import type { SystemCommands } from './system.contract';
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
  level: number | null;
  levelInstrument: string | null;
  entitlements: Record<string, unknown> | null;
  updatedAt: string;
}

export interface AllocationCommands extends SystemCommands {
  'senior-view.get': { request: { seniorId: string }; reply: AllocationSeniorView };
  'facility.register': { request: RegisterFacilityCommand; reply: FacilityRecord };
  'facility.get': { request: { facilityId: string }; reply: FacilityRecord };
  'facility.list': { request: { districtCode: string | null; type: FacilityType | null }; reply: FacilityRecord[] };
  /** Every facility within the walking circle, ranked by walking time, with vacancies and eligibility. */
  'circle.search': { request: CircleSearchQuery; reply: CircleSearchResult };
  /** Holds a bed for a senior for the district's hold time; PostgreSQL refuses a bed already held or occupied. */
  'bed.hold': { request: { holdId: string; seniorId: string; bedId: string }; reply: OccupancyRecord };
  /** The operator confirms the admission: the hold becomes a stay from now. */
  'bed.admit': { request: { holdId: string }; reply: OccupancyRecord };
  /** Ends a hold or a stay now (discharge, or the applicant declined), with the reason. */
  'bed.release': { request: { occupancyId: string; reason: string }; reply: OccupancyRecord };
  /** Books day-care places on these dates, all or none: a full session refuses the whole request. */
  'daycare.book': { request: { requestId: string; seniorId: string; facilityId: string; session: DaycareSession; dates: string[] }; reply: DaycareBookingRecord[] };
  'daycare.cancel': { request: { seniorId: string; bookingId: string; reason: string }; reply: DaycareBookingRecord };
  'daycare.list': { request: { seniorId: string }; reply: DaycareBookingRecord[] };
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
  'bed.held': BedHeldEvent;
  'bed.admitted': BedAdmittedEvent;
  'bed.released': BedReleasedEvent;
  'daycare.booked': DaycareBookedEvent;
  'daycare.cancelled': DaycareCancelledEvent;
}
