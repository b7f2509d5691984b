/** Shapes of assessments and entitlements as they cross queues. Health facts: never logged. */

export const ASSESSMENT_REASONS = ['first', 'routine', 'immediate', 'dispute'] as const;
export type AssessmentReason = (typeof ASSESSMENT_REASONS)[number];

export type JsonObject = { [key: string]: unknown };

/** Where an assessment stands today: a draft, the senior's current one, replaced by a later one, or past its due date. */
export type AssessmentState = 'draft' | 'current' | 'superseded' | 'expired';

export interface AssessmentRecord {
  assessmentId: string;
  seniorId: string;
  instrument: string;
  status: 'draft' | 'submitted';
  state: AssessmentState;
  reason: AssessmentReason;
  supersedesId: string | null;
  supersededById: string | null;
  correctionReason: string | null;
  answers: JsonObject;
  result: JsonObject | null;
  finalLevel: number | null;
  finalLevelName: string | null;
  assessorId: string;
  assessedOn: string;
  dueOn: string | null;
  submittedAt: string | null;
}

/** The standard's annex C content of one submitted assessment, ready to print. */
export interface AssessmentReport {
  assessmentId: string;
  senior: { seniorId: string; name: string; sex: string; birthDate: string; ageOnAssessment: number; districtCode: string };
  instrument: string;
  standardVersion: string | null;
  rulesVersion: string | null;
  reason: AssessmentReason;
  assessedOn: string;
  submittedAt: string;
  assessorId: string;
  domainScores: Record<string, number>;
  total: number | null;
  maxTotal: number | null;
  preliminaryLevel: number | null;
  preliminaryLevelName: string | null;
  finalLevel: number | null;
  finalLevelName: string | null;
  changes: Array<{ code: string; rule: string; reason: string; from: number; to: number; fromName: string; toName: string; capped: boolean }>;
  items: Record<string, number>;
  supersedesId: string | null;
  correctionReason: string | null;
  dueOn: string | null;
  state: AssessmentState;
}

export interface EntitlementsRecord {
  seniorId: string;
  entitlements: JsonObject;
  districtCode: string;
  policyVersion: string;
  trigger: string;
  computedAt: string;
}

/** A stored version of a district's policy. */
export interface PolicyVersionRecord {
  districtCode: string;
  districtName: string;
  version: string;
  effectiveFrom: string;
  effectiveUntil: string | null;
  inForceToday: boolean;
  document: JsonObject;
}

export interface ReassessmentTaskRecord {
  taskId: string;
  seniorId: string;
  kind: 'reminder' | 'expired' | 'immediate';
  dueOn: string;
  reason: string;
  raisedBy: string;
  createdAt: string;
  closedAt: string | null;
}

export interface DueAssessmentRecord {
  seniorId: string;
  assessmentId: string;
  instrument: string;
  finalLevel: number | null;
  dueOn: string;
  overdueDays: number;
}
