import { ASSESSMENT_REASONS, type AssessmentReason } from '@app/contracts';
import { evaluateAssessment, findAssessmentInstrument, formatAssessmentProblems, type AssessmentEvaluation } from '@app/domain';

/** One historical assessment as read from a file, before the senior is resolved. */
export interface ImportRow {
  line: number;
  seniorId: string | null;
  /** Only to find the senior (by its keyed hash); never stored or printed. */
  idNumber: string | null;
  instrument: string;
  assessedOn: string;
  reason: AssessmentReason;
  answers: Record<string, unknown>;
  result: AssessmentEvaluation;
}

export interface RejectedRow {
  line: number;
  reason: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ROW_FIELDS = new Set(['seniorId', 'idNumber', 'assessedOn', 'reason', 'sourceRef', 'assessorRef']);

/**
 * Validates and scores one row. Scores are always recomputed from the items (a total in the file is
 * ignored); a row with any problem is rejected whole, with every problem named.
 */
export function readImportRow(line: number, raw: Record<string, unknown>, today: string): ImportRow | RejectedRow {
  const problems: string[] = [];
  const seniorId = typeof raw['seniorId'] === 'string' && raw['seniorId'] !== '' ? raw['seniorId'] : null;
  const idNumber = typeof raw['idNumber'] === 'string' && raw['idNumber'] !== '' ? raw['idNumber'] : null;
  if (!seniorId && !idNumber) problems.push('seniorId or idNumber is required');
  if (seniorId && !UUID.test(seniorId)) problems.push('seniorId is not a UUID');
  const assessedOn = raw['assessedOn'];
  if (typeof assessedOn !== 'string' || !DATE.test(assessedOn) || Number.isNaN(Date.parse(assessedOn))) problems.push('assessedOn must be a date YYYY-MM-DD');
  else if (assessedOn > today) problems.push('assessedOn is in the future');
  const reason = (raw['reason'] ?? 'routine') as AssessmentReason;
  if (!ASSESSMENT_REASONS.includes(reason)) problems.push(`reason must be one of ${ASSESSMENT_REASONS.join(', ')}`);

  const answers = Object.fromEntries(Object.entries(raw).filter(([key]) => !ROW_FIELDS.has(key)));
  const instrument = typeof raw['instrument'] === 'string' ? findAssessmentInstrument(raw['instrument']) : undefined;
  if (instrument?.kind === 'recorded' && typeof assessedOn === 'string') answers['assessedOn'] = assessedOn;
  const outcome = evaluateAssessment(answers, { today });
  if (!outcome.ok) problems.push(formatAssessmentProblems(outcome.problems).replace(/\n/g, '; '));
  if (problems.length > 0 || !outcome.ok || !instrument) return { line, reason: problems.join('; ') };
  return { line, seniorId, idNumber, instrument: instrument.id, assessedOn: assessedOn as string, reason, answers, result: outcome.result };
}

export function isRejected(row: ImportRow | RejectedRow): row is RejectedRow {
  return 'reason' in row && !('result' in row);
}
