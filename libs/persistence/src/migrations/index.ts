import { EnablePostgis1763800000000 } from './1763800000000-enable-postgis';
import { Foundation1795385121564 } from './1795385121564-foundation';
import { AssessmentLifecycle1795386389303 } from './1795386389303-assessment-lifecycle';
import { ReadModelLevels1795386957739 } from './1795386957739-read-model-levels';
import { PriorityFlagEndReason1795388608412 } from './1795388608412-priority-flag-end-reason';
import { FacilitiesAndBeds1795389398621 } from './1795389398621-facilities-and-beds';
import { AllocationPolicy1795391349519 } from './1795391349519-allocation-policy';
import { OccupancyReasonsAndOneBedPerSenior1795391503986 } from './1795391503986-occupancy-reasons-and-one-bed-per-senior';
import { DaycareBookings1795391781626 } from './1795391781626-daycare-bookings';
import { DispatchStaysAndDaycareDays1795392011193 } from './1795392011193-dispatch-stays-and-daycare-days';
import { BedWaitingList1796054259327 } from './1796054259327-bed-waiting-list';
import { CoverageIndicators1796054632950 } from './1796054632950-coverage-indicators';
import { DispatchFacilityView1796054747581 } from './1796054747581-dispatch-facility-view';
import { MealOrdersAndKitchens1796055513899 } from './1796055513899-meal-orders-and-kitchens';
import { DaycarePlacesByWeekday1796057499621 } from './1796057499621-daycare-places-by-weekday';
import { EscalationCases1796057611892 } from './1796057611892-escalation-cases';
import { KitchenWebhooks1796058103115 } from './1796058103115-kitchen-webhooks';
import { DatedPriorityGrants1796059154529 } from './1796059154529-dated-priority-grants';
import { CaregiversAndVisitPlans1796059616794 } from './1796059616794-caregivers-and-visit-plans';
import { CareVisits1796060528438 } from './1796060528438-care-visits';
import { RefreshTokens1796063239406 } from './1796063239406-refresh-tokens';
import { HomeCareVisitsDone1796063210228 } from './1796063210228-home-care-visits-done';
import { PersonalDataErasure1796064459642 } from './1796064459642-personal-data-erasure';
import { BookingsIdempotencyFamilyWebhooks1796064372128 } from './1796064372128-bookings-idempotency-family-webhooks';
import { DayCareCancelLeadTime1796065176179 } from './1796065176179-day-care-cancel-lead-time';
import { FamilyAccessRequests1796067350147 } from './1796067350147-family-access-requests';

/** Every migration, in order. Never edit one that has landed: add a new one. */
export const MIGRATIONS = [EnablePostgis1763800000000, Foundation1795385121564, AssessmentLifecycle1795386389303, ReadModelLevels1795386957739, PriorityFlagEndReason1795388608412, FacilitiesAndBeds1795389398621, AllocationPolicy1795391349519, OccupancyReasonsAndOneBedPerSenior1795391503986, DaycareBookings1795391781626, DispatchStaysAndDaycareDays1795392011193, BedWaitingList1796054259327, CoverageIndicators1796054632950, DispatchFacilityView1796054747581, MealOrdersAndKitchens1796055513899, DaycarePlacesByWeekday1796057499621, EscalationCases1796057611892, KitchenWebhooks1796058103115, DatedPriorityGrants1796059154529, CaregiversAndVisitPlans1796059616794, CareVisits1796060528438, HomeCareVisitsDone1796063210228, RefreshTokens1796063239406, BookingsIdempotencyFamilyWebhooks1796064372128, PersonalDataErasure1796064459642, DayCareCancelLeadTime1796065176179, FamilyAccessRequests1796067350147];
