// Diagnoses (GB/T 42195 annex A.4.1 疾病诊断) as ICD-10 codes. Only chapter F (mental and
// behavioural disorders) matters for scoring: F00–F03 are the dementias; F04–F99 count for
// GB/T 42195 only when a psychiatric specialist made the diagnosis, so each entry can carry
// that flag.

import { type AssessmentProblem, assessmentProblem } from './assessment-problem';
import { describeValue, isJsonObject } from './answer-parsing';

export interface Diagnosis {
  /** Upper-case ICD-10 code, e.g. `F03`, `F00.1`, `I63.9`, `F03.X00` (Chinese clinical extension). */
  readonly code: string;
  /** Diagnosed by a psychiatric specialist (精神科专科医生). Needed for F04–F99 under GB/T 42195. */
  readonly specialistDiagnosed: boolean;
}

export type MentalDiagnosisClass = 'dementia' | 'other-mental-disorder' | 'not-mental';

// Letter, two digits, optional dot and up to four characters. `X` appears in Chinese national
// clinical extensions (e.g. F03.x00), so letters are allowed after the dot.
const ICD10 = /^[A-Z]\d{2}(\.[0-9A-Z]{1,4})?$/;

export function isIcd10Code(code: string): boolean {
  return ICD10.test(code);
}

/** F00–F03 → dementia; F04–F99 → other mental or behavioural disorder; anything else → not mental. */
export function classifyMentalDiagnosis(code: string): MentalDiagnosisClass {
  const normalised = code.trim().toUpperCase();
  if (!isIcd10Code(normalised) || normalised[0] !== 'F') return 'not-mental';
  return Number(normalised.slice(1, 3)) <= 3 ? 'dementia' : 'other-mental-disorder';
}

const SPECIALIST_KEYS = ['specialistDiagnosed', 'specialist'];

/**
 * Reads `diagnoses`: an array of codes (`"F03"`) or objects (`{"code": "F20", "specialistDiagnosed": true}`).
 * A bare string means "specialist diagnosis not recorded". Every bad entry is reported.
 */
export function readDiagnoses(raw: unknown, problems: AssessmentProblem[], path = 'diagnoses'): Diagnosis[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    problems.push(assessmentProblem('WRONG_TYPE', path, `${path} must be an array of ICD-10 codes, got ${describeValue(raw)}`));
    return [];
  }
  const diagnoses: Diagnosis[] = [];
  raw.forEach((entry: unknown, index) => {
    const entryPath = `${path}[${index}]`;
    if (typeof entry === 'string') {
      const code = readCode(entry, entryPath, problems);
      if (code !== undefined) diagnoses.push({ code, specialistDiagnosed: false });
      return;
    }
    if (!isJsonObject(entry)) {
      problems.push(assessmentProblem('WRONG_TYPE', entryPath, `${entryPath} must be an ICD-10 code or {"code", "specialistDiagnosed"}, got ${describeValue(entry)}`));
      return;
    }
    let specialistDiagnosed = false;
    let code: string | undefined;
    for (const [key, value] of Object.entries(entry)) {
      if (key === 'code') {
        if (typeof value === 'string') code = readCode(value, `${entryPath}.code`, problems);
        else problems.push(assessmentProblem('WRONG_TYPE', `${entryPath}.code`, `${entryPath}.code must be a string, got ${describeValue(value)}`));
      } else if (SPECIALIST_KEYS.includes(key)) {
        if (typeof value === 'boolean') specialistDiagnosed = value;
        else problems.push(assessmentProblem('WRONG_TYPE', `${entryPath}.${key}`, `${entryPath}.${key} must be true or false, got ${describeValue(value)}`));
      } else {
        problems.push(assessmentProblem('UNKNOWN_FIELD', `${entryPath}.${key}`, `${entryPath}.${key} is not a diagnosis field (code, specialistDiagnosed)`));
      }
    }
    if (!('code' in entry)) problems.push(assessmentProblem('MISSING_FIELD', `${entryPath}.code`, `${entryPath} has no code`));
    if (code !== undefined) diagnoses.push({ code, specialistDiagnosed });
  });
  return diagnoses;
}

function readCode(raw: string, path: string, problems: AssessmentProblem[]): string | undefined {
  const code = raw.trim().toUpperCase();
  if (isIcd10Code(code)) return code;
  problems.push(assessmentProblem('BAD_DIAGNOSIS_CODE', path, `${JSON.stringify(raw)} is not an ICD-10 code (expected e.g. F03, F00.1, G30.9)`));
  return undefined;
}
