import type { AssessmentReason, AssessmentRecord, AssessmentState, JsonObject } from '@app/contracts';
import type { Assessment } from '@app/persistence';

/**
 * Where an assessment stands: a draft; superseded (corrected, or replaced by a later assessment
 * with the same instrument); expired (past its due date, level kept); or current.
 */
export function stateOf(assessment: Assessment, siblings: Assessment[], supersededById: string | null, today: string): AssessmentState {
  if (assessment.status === 'draft') return 'draft';
  if (supersededById) return 'superseded';
  const later = siblings.some(
    (other) =>
      other.id !== assessment.id &&
      other.status === 'submitted' &&
      other.instrument === assessment.instrument &&
      (other.assessedOn > assessment.assessedOn || (other.assessedOn === assessment.assessedOn && other.submittedAt! > assessment.submittedAt!)),
  );
  if (later) return 'superseded';
  return assessment.dueOn !== null && assessment.dueOn < today ? 'expired' : 'current';
}

export function toRecord(assessment: Assessment, state: AssessmentState, supersededById: string | null): AssessmentRecord {
  return {
    assessmentId: assessment.id,
    seniorId: assessment.seniorId,
    instrument: assessment.instrument,
    status: assessment.status,
    state,
    reason: assessment.reason as AssessmentReason,
    supersedesId: assessment.supersedesId,
    supersededById,
    correctionReason: assessment.correctionReason,
    answers: assessment.answers as JsonObject,
    result: assessment.result as JsonObject | null,
    finalLevel: assessment.finalLevel,
    finalLevelName: assessment.finalLevelName,
    assessorId: assessment.assessorId,
    assessedOn: assessment.assessedOn,
    dueOn: assessment.dueOn,
    submittedAt: assessment.submittedAt?.toISOString() ?? null,
  };
}
