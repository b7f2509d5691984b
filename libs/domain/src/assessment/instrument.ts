// The common shape of every scored instrument. Adding an instrument (a provincial variant of
// GB/T 42195, Germany's NBA, …) is one new file implementing `Instrument` plus one line in
// instrument-registry.ts; nothing else in the service has to change.

import type { AssessmentValidation } from './assessment-problem';

/** One level change that was applied (its condition was met and the policy let it act). */
export interface LevelChange {
  /** Stable machine code, e.g. `GBT_C2_MENTAL_DIAGNOSIS`. */
  readonly code: string;
  /** Where the rule comes from, e.g. `GB/T 42195-2022 C.4 (2)`. */
  readonly rule: string;
  /** Why it fired, for the report and for the family who asks. */
  readonly reason: string;
  readonly from: number;
  readonly to: number;
  readonly fromName: string;
  readonly toName: string;
  /** True when the raise hit the top level: `to` is the cap, not `from + 1`. */
  readonly capped: boolean;
}

export type LevelChangeSuppression = 'COMA_OVERRIDES' | 'SINGLE_STACKING' | 'SEVERE_LEVEL_FROZEN';

/** A level change whose condition was met but which did not act, and why. Kept for the audit trail. */
export interface SuppressedLevelChange {
  readonly code: string;
  readonly rule: string;
  readonly reason: string;
  readonly suppressedBy: LevelChangeSuppression;
}

/**
 * What every scoring returns. Instruments add their own fields (flags, bands, domain grades).
 * Levels are null for instruments that define no level (Barthel, Lawton): their bands are views.
 */
export interface InstrumentResult {
  readonly kind: 'scored';
  /** Registry id, e.g. `GB/T 42195-2022`. */
  readonly instrument: string;
  /** The published standard or paper the rules follow. */
  readonly standardVersion: string;
  /** Version of this implementation's rules, so stored results say which code produced them. */
  readonly rulesVersion: string;
  /** Every item score, keyed by canonical item code. */
  readonly items: Readonly<Record<string, number>>;
  /** Domain subtotals (empty for single-domain instruments). */
  readonly domainScores: Readonly<Record<string, number>>;
  /** Sum of item scores; null where the instrument has no meaningful total (MZ/T 039). */
  readonly total: number | null;
  readonly maxTotal: number | null;
  readonly preliminaryLevel: number | null;
  readonly preliminaryLevelName: string | null;
  readonly finalLevel: number | null;
  readonly finalLevelName: string | null;
  readonly changes: readonly LevelChange[];
  readonly suppressedChanges: readonly SuppressedLevelChange[];
  /** The policy flags actually used, defaults filled in. */
  readonly policy: Readonly<Record<string, string>>;
  /** Non-fatal remarks: ignored fields, diagnoses that did not count, … */
  readonly warnings: readonly string[];
}

export interface Instrument<TAnswers, TResult extends InstrumentResult> {
  readonly id: string;
  /** Other spellings accepted in the `instrument` field; compared after normalisation. */
  readonly aliases: readonly string[];
  readonly title: string;
  readonly standardVersion: string;
  readonly rulesVersion: string;
  /** Checks a whole submission (the raw JSON object) and returns typed answers or every problem. */
  validate(input: unknown): AssessmentValidation<TAnswers>;
  /** Pure and deterministic: the same answers always give the same result. */
  score(answers: TAnswers): TResult;
}
