// Validation problems. Validation never stops at the first problem: the assessor (or the batch
// auditor) must be able to fix a whole form in one pass, so every function here collects.

export type AssessmentProblemCode =
  | 'WRONG_TYPE' // a field or item has the wrong JSON type (e.g. "4" instead of 4)
  | 'MISSING_FIELD' // a required top-level field is absent
  | 'UNKNOWN_INSTRUMENT' // the instrument name matches no registered instrument
  | 'UNKNOWN_ITEM' // an item code the instrument does not have
  | 'MISSING_ITEM' // a required item was not answered
  | 'DUPLICATE_ITEM' // the same item given twice under two spellings (B1.1 and B.1.1)
  | 'VALUE_NOT_ALLOWED' // a number or option that is not an allowed answer for the item
  | 'BAD_DIAGNOSIS_CODE' // not an ICD-10 code
  | 'UNKNOWN_FIELD' // an unknown key inside a structured field (diagnosis entry, record)
  | 'UNKNOWN_EVENT_TYPE' // a risk-event type that is not in the form's list
  | 'NEGATIVE_EVENT_COUNT' // a risk-event count below zero
  | 'UNKNOWN_POLICY_FLAG' // a policy key the instrument does not understand
  | 'BAD_POLICY_VALUE' // a policy value outside its allowed set
  | 'BAD_DATE' // not a calendar date in YYYY-MM-DD form
  | 'DATE_IN_FUTURE' // a date after "today" (when the caller supplies today)
  | 'DATE_ORDER'; // e.g. validity end not after the assessment date

export interface AssessmentProblem {
  readonly code: AssessmentProblemCode;
  /** Where the problem is: `instrument`, `items.B1.1`, `diagnoses[2]`, `riskEvents30d.fall`, `policy.stacking`. */
  readonly path: string;
  /** Human-readable, names the item with its Chinese name where it has one. */
  readonly message: string;
}

/** Result of validating raw input: either the typed answers or every problem found. */
export type AssessmentValidation<TAnswers> =
  | { readonly ok: true; readonly answers: TAnswers }
  | { readonly ok: false; readonly problems: readonly AssessmentProblem[] };

/** Result of validating and then scoring (or recording) raw input. */
export type AssessmentOutcome<TResult> =
  | { readonly ok: true; readonly result: TResult }
  | { readonly ok: false; readonly problems: readonly AssessmentProblem[] };

export function assessmentProblem(code: AssessmentProblemCode, path: string, message: string): AssessmentProblem {
  return { code, path, message };
}

/** One line per problem, for a CLI's stderr or a log-free error body. */
export function formatAssessmentProblems(problems: readonly AssessmentProblem[]): string {
  return problems.map((p) => `${p.path}: ${p.code}: ${p.message}`).join('\n');
}
