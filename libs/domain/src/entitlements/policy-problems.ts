// Problems found in a policy loaded from JSON or the database. Validation collects every problem
// in one pass, each with the path of the offending value, so a bureau's data officer can fix a
// whole file at once.

export type PolicyProblemCode =
  | 'WRONG_TYPE' // e.g. a string where a number belongs
  | 'MISSING_FIELD'
  | 'UNKNOWN_FIELD' // a typo in a threshold's name would otherwise be silently ignored
  | 'VALUE_NOT_ALLOWED' // not one of the allowed words (basis, bed type, flag id…)
  | 'OUT_OF_RANGE' // a number outside its bounds (percent > 100, level 7 on a 0–6 scale…)
  | 'BAD_DATE'
  | 'DATE_ORDER' // effectiveUntil before effectiveFrom
  | 'DUPLICATE' // the same tier id, level or list entry twice
  | 'NOT_INCREASING' // bonus steps out of order
  | 'MISSING_THRESHOLD' // a level condition lacks a range for a scale its basis may read
  | 'NOT_ALLOWED_HERE' // e.g. a `group` condition inside the priority-group rules
  | 'TOO_DEEP'; // conditions nested beyond the limit

export interface PolicyProblem {
  readonly code: PolicyProblemCode;
  /** e.g. `homeCare.ltci.weeklyVisits.7`, `meals.subsidyTiers[2].when.of[0].min`. */
  readonly path: string;
  readonly message: string;
}

export type PolicyValidation<TPolicy> =
  | { readonly ok: true; readonly policy: TPolicy }
  | { readonly ok: false; readonly problems: readonly PolicyProblem[] };

export function formatPolicyProblems(problems: readonly PolicyProblem[]): string {
  return problems.map((p) => `${p.path}: ${p.code}: ${p.message}`).join('\n');
}
