// Home-care visits (居家照护上门服务): vocabulary, the district's visit policy, each senior's visit
// plan, the weekly schedule (VRPTW per zone and day), same-day re-planning, late-visit alerts and
// the monthly entitlement ledger with its LTCI claim. Pure rules; the dispatch service stores the
// facts and runs the timers.
export {
  CARE_SKILL_NAMES,
  CARE_SKILLS,
  CARE_TASK_NAMES,
  CARE_TASK_SKILLS,
  CARE_TASKS,
  CAREGIVER_GENDERS,
  CAREGIVER_TRAVEL_MODES,
  CAREGIVER_TRAVEL_SPEEDS_KMH,
  type CaregiverGender,
  type CaregiverTravelMode,
  type CareSkill,
  CERTIFICATION_LEVEL_NAMES,
  CERTIFICATION_LEVELS,
  type CertificationLevel,
  skillsForTasks,
} from './visit-vocabulary';
export { ALERT_SEVERITIES, type AlertGrace, DEFAULT_VISIT_POLICY, type HomeCareVisitPolicy, validateVisitPolicy, type VisitAlertSeverity, type VisitProblem } from './visit-policy';
export { DEFAULT_VERIFICATION, fitPlanToEntitlement, plannedMinutesPerWeek, validateVisitPlan, type VisitVerificationSettings, type VisitPattern, type VisitPlan, type VisitRequest, visitsForWeek, type VisitWindow } from './visit-plan';
export { type Caregiver, isOnDuty, mayVisit, weeklyBudgetMinutes } from './caregiver-day';
export {
  type CaregiverDayPlan,
  type ScheduledVisit,
  type ScheduleMetrics,
  scheduleWeek,
  type ScheduleWeekOptions,
  type UnscheduledReason,
  type UnscheduledVisit,
  type WeeklySchedule,
  type WorkloadSpread,
} from './weekly-schedule';
export { type DayChange, type DayReplan, replanDay, type ReplanOptions, restoreSchedule, type StoredAssignment, type VisitChange, type VisitChangeKind } from './replanning';
export { type CheckEvidence, type CheckVerification, doorCodeHash, VERIFICATION_METHODS, type VerificationMethod, verifyCheck } from './visit-verification';
export { type LateVisitAlert, lateVisitAlerts } from './visit-alerts';
export {
  careLedger,
  type CareLedgerMonth,
  type ClaimLine,
  type EntitlementPeriod,
  LTCI_CLAIM_CSV_HEADER,
  type LtciClaim,
  ltciClaimCsv,
  ltciClaimsCsv,
  VISIT_RECORD_STATUSES,
  type VisitRecord,
  type VisitRecordStatus,
} from './care-ledger';
