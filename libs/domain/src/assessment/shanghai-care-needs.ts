// Shanghai 老年照护统一需求评估 (unified care-needs assessment), spec §3. The level comes from
// statistical classifiers whose cut-offs are not public, so the platform never computes it: it
// records the authoritative result (level, dates, assessing organisation) and validates the record.

import { type AssessmentProblem, assessmentProblem } from './assessment-problem';
import { describeValue, isJsonObject, normaliseKey, warnAboutIgnoredFields } from './answer-parsing';

export const SHANGHAI_CARE_NEEDS_ID = 'Shanghai 老年照护统一需求评估';

export type ShanghaiCareOutcome =
  | '正常'
  | '照护一级'
  | '照护二级'
  | '照护三级'
  | '照护四级'
  | '照护五级'
  | '照护六级'
  | '建议至相关医疗机构就诊';

/** 0 = 正常, 1–6 = 照护一级…六级. */
export type ShanghaiCareLevel = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export const SHANGHAI_CARE_OUTCOMES: readonly ShanghaiCareOutcome[] = [
  '正常', '照护一级', '照护二级', '照护三级', '照护四级', '照护五级', '照护六级', '建议至相关医疗机构就诊',
];

export interface ShanghaiCareNeedsRecord {
  readonly kind: 'recorded';
  readonly instrument: typeof SHANGHAI_CARE_NEEDS_ID;
  readonly outcome: ShanghaiCareOutcome;
  /** 0 for 正常, 1–6 for 照护一级…六级, null when referred to medical care (no care level). */
  readonly careLevel: ShanghaiCareLevel | null;
  readonly referToMedicalCare: boolean;
  /** YYYY-MM-DD. */
  readonly assessedOn: string;
  /** Last day the result is valid, YYYY-MM-DD. */
  readonly validUntil: string;
  /** The assessing organisation's reference for this assessment (评估机构 / 评估编号). */
  readonly organisationRef: string;
  readonly computed: false;
}

export type ShanghaiCareNeedsValidation =
  | { readonly ok: true; readonly record: ShanghaiCareNeedsRecord; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly problems: readonly AssessmentProblem[] };

const LEVEL_SPELLINGS = new Map<string, ShanghaiCareOutcome>();
const CHINESE_DIGITS = ['一', '二', '三', '四', '五', '六'];
for (const [spelling, outcome] of [
  ['正常', '正常'], ['normal', '正常'], ['0', '正常'],
  ...CHINESE_DIGITS.flatMap((digit, i): [string, ShanghaiCareOutcome][] => {
    const outcome = SHANGHAI_CARE_OUTCOMES[i + 1] as ShanghaiCareOutcome;
    return [[`照护${digit}级`, outcome], [`${digit}级`, outcome], [`level ${i + 1}`, outcome], [`${i + 1}`, outcome]];
  }),
  ['建议至相关医疗机构就诊', '建议至相关医疗机构就诊'], ['refer-to-medical-care', '建议至相关医疗机构就诊'], ['refer', '建议至相关医疗机构就诊'],
] as [string, ShanghaiCareOutcome][]) {
  LEVEL_SPELLINGS.set(normaliseKey(spelling), outcome);
}

const FIELD_ALIASES: Readonly<Record<string, string>> = {
  level: 'level', careLevel: 'level', outcome: 'level',
  assessedOn: 'assessedOn', assessmentDate: 'assessedOn',
  validUntil: 'validUntil', validityEnd: 'validUntil',
  organisationRef: 'organisationRef', organizationRef: 'organisationRef',
};

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Validates a Shanghai result and returns the normalised record, or every problem found.
 * `today` (YYYY-MM-DD, the district's local date) enables the "not in the future" check; the
 * caller supplies it so this stays a pure function.
 */
export function validateShanghaiCareNeedsRecord(input: unknown, options: { readonly today?: string } = {}): ShanghaiCareNeedsValidation {
  const problems: AssessmentProblem[] = [];
  if (!isJsonObject(input)) {
    return { ok: false, problems: [assessmentProblem('WRONG_TYPE', '$', `the record must be a JSON object, got ${describeValue(input)}`)] };
  }
  const fields = new Map<string, unknown>();
  for (const [key, value] of Object.entries(input)) {
    const canonical = FIELD_ALIASES[key];
    if (canonical === undefined) continue;
    if (fields.has(canonical)) problems.push(assessmentProblem('DUPLICATE_ITEM', key, `${key} repeats ${canonical}, which is already given`));
    else fields.set(canonical, value);
  }

  const outcome = readOutcome(fields.get('level'), problems);
  const assessedOn = readDate(fields.get('assessedOn'), 'assessedOn', problems);
  const validUntil = readDate(fields.get('validUntil'), 'validUntil', problems);
  const organisationRef = fields.get('organisationRef');
  if (organisationRef === undefined) problems.push(assessmentProblem('MISSING_FIELD', 'organisationRef', 'organisationRef (the assessing organisation\'s reference) is required'));
  else if (typeof organisationRef !== 'string') problems.push(assessmentProblem('WRONG_TYPE', 'organisationRef', `organisationRef must be a string, got ${describeValue(organisationRef)}`));
  else if (organisationRef.trim() === '') problems.push(assessmentProblem('VALUE_NOT_ALLOWED', 'organisationRef', 'organisationRef must not be empty'));

  if (assessedOn !== undefined && validUntil !== undefined && validUntil <= assessedOn) {
    problems.push(assessmentProblem('DATE_ORDER', 'validUntil', `validUntil ${validUntil} must be after assessedOn ${assessedOn}`));
  }
  if (assessedOn !== undefined && options.today !== undefined && assessedOn > options.today) {
    problems.push(assessmentProblem('DATE_IN_FUTURE', 'assessedOn', `assessedOn ${assessedOn} is after today ${options.today}`));
  }
  if (problems.length > 0 || outcome === undefined || assessedOn === undefined || validUntil === undefined || typeof organisationRef !== 'string') {
    return { ok: false, problems };
  }
  const index = SHANGHAI_CARE_OUTCOMES.indexOf(outcome);
  const referToMedicalCare = outcome === '建议至相关医疗机构就诊';
  return {
    ok: true,
    record: {
      kind: 'recorded',
      instrument: SHANGHAI_CARE_NEEDS_ID,
      outcome,
      careLevel: referToMedicalCare ? null : (index as ShanghaiCareLevel),
      referToMedicalCare,
      assessedOn,
      validUntil,
      organisationRef: organisationRef.trim(),
      computed: false,
    },
    warnings: warnAboutIgnoredFields(input, Object.keys(FIELD_ALIASES)),
  };
}

function readOutcome(value: unknown, problems: AssessmentProblem[]): ShanghaiCareOutcome | undefined {
  const allowed = `one of ${SHANGHAI_CARE_OUTCOMES.join(', ')} (or 0–6, "refer-to-medical-care")`;
  if (value === undefined) {
    problems.push(assessmentProblem('MISSING_FIELD', 'level', `level (照护等级) is required: ${allowed}`));
    return undefined;
  }
  if (typeof value !== 'string' && typeof value !== 'number') {
    problems.push(assessmentProblem('WRONG_TYPE', 'level', `level must be ${allowed}, got ${describeValue(value)}`));
    return undefined;
  }
  const outcome = LEVEL_SPELLINGS.get(normaliseKey(String(value)));
  if (outcome === undefined) problems.push(assessmentProblem('VALUE_NOT_ALLOWED', 'level', `level ${JSON.stringify(value)} is not ${allowed}`));
  return outcome;
}

function readDate(value: unknown, path: string, problems: AssessmentProblem[]): string | undefined {
  if (value === undefined) {
    problems.push(assessmentProblem('MISSING_FIELD', path, `${path} (YYYY-MM-DD) is required`));
    return undefined;
  }
  if (typeof value !== 'string') {
    problems.push(assessmentProblem('WRONG_TYPE', path, `${path} must be a date string YYYY-MM-DD, got ${describeValue(value)}`));
    return undefined;
  }
  if (!isIsoDate(value)) {
    problems.push(assessmentProblem('BAD_DATE', path, `${path} ${JSON.stringify(value)} is not a calendar date YYYY-MM-DD`));
    return undefined;
  }
  return value;
}

export type ShanghaiRecordStatus = 'valid' | 'expired' | 'not-yet-valid';

/**
 * Status on a given local date. An expired record keeps its level (spec §8 [D]): callers mark it
 * expired and raise a task rather than dropping entitlements.
 */
export function shanghaiRecordStatusOn(record: ShanghaiCareNeedsRecord, date: string): ShanghaiRecordStatus {
  if (date < record.assessedOn) return 'not-yet-valid';
  return date > record.validUntil ? 'expired' : 'valid';
}
