import type { CareLedgerMonth, CheckVerification, LatLng, VerificationMethod, VisitChangeKind, VisitRequest } from '@app/domain';

/** Shapes of home-care visits (居家照护) as they cross queues; the rules are in libs/domain/src/visits. */

export interface RegisterCaregiverCommand {
  caregiverId: string;
  districtCode: string;
  accountId: string | null;
  name: string;
  /** The domain's Caregiver without its id: gender, certification, skills, languages, home, travelMode, workingDays, shift, maxHoursPerWeek, daysOff. */
  profile: Record<string, unknown>;
}

export interface CaregiverRecord {
  caregiverId: string;
  districtCode: string;
  accountId: string | null;
  name: string;
  profile: Record<string, unknown>;
  active: boolean;
}

export interface SetVisitPlanCommand {
  seniorId: string;
  /** First date of the new plan; null: next Monday. */
  validFrom: string | null;
  /** The domain's VisitPlan without seniorId and location: patterns, visitMinutes, flexibilityMinutes, tasks, extraSkills, languages, genderPreference, preferredCaregiverIds, blockedCaregiverIds, overrideReason. */
  plan: Record<string, unknown>;
}

export interface VisitPlanRecord {
  seniorId: string;
  /** From the current entitlements (null before any home-care entitlement). */
  entitledHoursPerWeek: number | null;
  plannedHoursPerWeek: number | null;
  current: { validFrom: string; validUntil: string | null; plan: Record<string, unknown> } | null;
  versions: Array<{ validFrom: string; validUntil: string | null; plan: Record<string, unknown> }>;
  /** The visits the plan asks for in the week from the next Monday on which it is in force. */
  nextWeek: VisitRequest[];
}

export const CARE_VISIT_STATUS_NAMES = ['planned', 'unassigned', 'in-progress', 'delivered', 'missed', 'cancelled'] as const;
export type CareVisitStatusName = (typeof CARE_VISIT_STATUS_NAMES)[number];

/** One visit of a week's schedule, as a caregiver or a family sees it. */
export interface CareVisitRecord {
  visitId: string;
  seniorId: string;
  date: string;
  status: CareVisitStatusName;
  /** Local start; null when nobody could be planned. */
  plannedStart: string | null;
  durationMinutes: number;
  tasks: string[];
  caregiverId: string | null;
  caregiverName: string | null;
  /** Shown to the caregiver: whom to visit and where. */
  seniorName: string | null;
  addressText: string | null;
  unassignedReason: string | null;
}

/** What the caregiver's phone sends at the door: the door tag's code, or where it is (only kept when the senior consented). */
export interface CheckEvidenceInput {
  method: VerificationMethod;
  code: string | null;
  location: LatLng | null;
}

export interface VisitCheckInCommand {
  visitId: string;
  /** When it happened (a phone that was offline sends it later); null: now. */
  at: string | null;
  evidence: CheckEvidenceInput;
}

export const VISIT_CONCERN_KINDS = ['fall', 'health', 'mood', 'home-safety', 'other'] as const;
export type VisitConcernKind = (typeof VISIT_CONCERN_KINDS)[number];

export interface VisitConcernInput {
  kind: VisitConcernKind;
  /** Sealed by the gateway (AES-256-GCM): health facts never travel or rest in clear. */
  detailSealed: string | null;
  /** Ask the assessment service for an immediate reassessment (a fall always does). */
  requestReassessment: boolean;
}

export interface VisitCheckOutCommand extends VisitCheckInCommand {
  tasksDone: string[];
  /** Sealed by the gateway. */
  notesSealed: string | null;
  concerns: VisitConcernInput[];
}

/** A visit with what happened at it: for the caregiver who made it and for coordinators. */
export interface CareVisitDetail extends CareVisitRecord {
  checkInAt: string | null;
  checkOutAt: string | null;
  verification: { checkIn: CheckVerification | null; checkOut: CheckVerification | null; confirmedBy: string | null } | null;
  tasksDone: string[] | null;
  notesSealed: string | null;
  concerns: Array<VisitConcernInput & { raisedAt: string }>;
  cancelReason: string | null;
}

export const CARE_ALERT_KIND_NAMES = ['late', 'concern', 'verification-failed'] as const;

export interface CareVisitAlertRecord {
  alertId: string;
  visitId: string;
  seniorId: string;
  districtCode: string;
  caregiverId: string | null;
  kind: (typeof CARE_ALERT_KIND_NAMES)[number];
  severity: 'medium' | 'high' | 'critical';
  summary: string;
  minutesLate: number | null;
  raisedAt: string;
  escalatedAt: string | null;
  clearedAt: string | null;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: string | null;
}

/** What changed on the day: a sick caregiver, a cancelled visit, an extra one. */
export type VisitDayChangeInput =
  | { sickCaregiverId: string }
  | { cancelledVisitId: string; reason: string }
  | { extraVisit: { seniorId: string; from: string; to: string; durationMinutes: number | null; tasks: string[] | null } };

export interface VisitReplanCommand {
  districtCode: string;
  date: string;
  change: VisitDayChangeInput;
}

export interface VisitChangeRecord {
  visitId: string;
  seniorId: string;
  kind: VisitChangeKind;
  fromCaregiverId: string | null;
  toCaregiverId: string | null;
  fromStart: string | null;
  toStart: string | null;
}

export interface VisitReplanResult {
  districtCode: string;
  date: string;
  /** The schedule version this change made. */
  version: number;
  changes: VisitChangeRecord[];
  /** Everyone told of the change (a notice each). */
  notified: { caregiverIds: string[]; seniorIds: string[] };
  elapsedMs: number;
}

/** A coordinator moves one visit by hand: another caregiver, another time, or both. */
export interface VisitMoveCommand {
  visitId: string;
  caregiverId: string;
  plannedStart: string;
  reason: string;
}

export interface ScheduleVersionSummary {
  number: number;
  kind: 'original' | 'optimised' | 'replan' | 'manual';
  reason: string;
  createdBy: string | null;
  createdAt: string;
  /** Visits the version holds (whole-week runs) or changed (re-plans, edits). */
  visits: number;
}

export interface ScheduleVersionVisit {
  visitId: string;
  seniorId: string;
  caregiverId: string | null;
  /** Planned start; in the 'actual' version, the check-in. */
  start: string | null;
  /** Only in the 'actual' version. */
  end?: string | null;
  status?: CareVisitStatusName;
}

export interface ScheduleVersionView {
  districtCode: string;
  weekStart: string;
  /** A number, or 'actual': what happened, from the check-ins. */
  version: number | 'actual';
  kind: ScheduleVersionSummary['kind'] | 'actual';
  visits: ScheduleVersionVisit[];
}

export interface VisitNoticeRecord {
  visitId: string;
  message: string;
  createdAt: string;
}

/** The month's ledger of a senior's home care with the LTCI claim from the same delivered visits. */
export type CareLedgerRecord = CareLedgerMonth & { districtCode: string | null };
