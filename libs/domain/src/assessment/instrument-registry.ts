// The one list of instruments. To add one (a provincial GB/T variant, Germany's NBA, …): write a
// file that exports an `Instrument`, then add one `scored(...)` line below.

import { type AssessmentOutcome, assessmentProblem } from './assessment-problem';
import { describeValue, isJsonObject, normaliseKey } from './answer-parsing';
import { barthelInstrument } from './barthel';
import { gbt42195Instrument } from './gbt-42195-2022';
import type { Instrument, InstrumentResult } from './instrument';
import { lawtonIadlInstrument } from './lawton-iadl';
import { mzt039Instrument } from './mzt-039-2013';
import { SHANGHAI_CARE_NEEDS_ID, type ShanghaiCareNeedsRecord, validateShanghaiCareNeedsRecord } from './shanghai-care-needs';

/** A scored result, or a recorded external result (Shanghai) that the platform does not compute. */
export type AssessmentEvaluation = InstrumentResult | ShanghaiCareNeedsRecord;

export interface EvaluationContext {
  /** Local date YYYY-MM-DD (Asia/Shanghai); enables checks that dates are not in the future. */
  readonly today?: string;
}

/** Type-erased registry entry: hides each instrument's answer type behind validate-then-score. */
export interface RegisteredInstrument {
  readonly id: string;
  readonly aliases: readonly string[];
  readonly title: string;
  readonly kind: 'scored' | 'recorded';
  evaluate(input: unknown, context: EvaluationContext): AssessmentOutcome<AssessmentEvaluation>;
}

function scored<TAnswers, TResult extends InstrumentResult>(instrument: Instrument<TAnswers, TResult>): RegisteredInstrument {
  return {
    id: instrument.id,
    aliases: instrument.aliases,
    title: instrument.title,
    kind: 'scored',
    evaluate: (input) => {
      const validation = instrument.validate(input);
      if (!validation.ok) return validation;
      return { ok: true, result: instrument.score(validation.answers) };
    },
  };
}

const shanghaiCareNeeds: RegisteredInstrument = {
  id: SHANGHAI_CARE_NEEDS_ID,
  aliases: ['Shanghai', '上海', '老年照护统一需求评估', 'Shanghai unified needs assessment', 'shanghai-care-needs'],
  title: 'Shanghai 老年照护统一需求评估 (recorded, not computed)',
  kind: 'recorded',
  evaluate: (input, context) => {
    const validation = validateShanghaiCareNeedsRecord(input, context.today === undefined ? {} : { today: context.today });
    return validation.ok ? { ok: true, result: validation.record } : validation;
  },
};

export const ASSESSMENT_INSTRUMENTS: readonly RegisteredInstrument[] = [
  scored(gbt42195Instrument),
  scored(mzt039Instrument),
  scored(barthelInstrument),
  scored(lawtonIadlInstrument),
  shanghaiCareNeeds,
];

/** Finds an instrument by id or alias, ignoring case, spaces and punctuation. */
export function findAssessmentInstrument(name: string): RegisteredInstrument | undefined {
  const wanted = normaliseKey(name);
  return ASSESSMENT_INSTRUMENTS.find((i) => [i.id, ...i.aliases].some((n) => normaliseKey(n) === wanted));
}

/**
 * Validates and scores (or records) one submission `{ "instrument": …, … }`. Returns every
 * problem when the input is invalid. Pure: no clock, no I/O.
 */
export function evaluateAssessment(input: unknown, context: EvaluationContext = {}): AssessmentOutcome<AssessmentEvaluation> {
  const known = ASSESSMENT_INSTRUMENTS.map((i) => JSON.stringify(i.id)).join(', ');
  if (!isJsonObject(input)) {
    return { ok: false, problems: [assessmentProblem('WRONG_TYPE', '$', `the submission must be a JSON object, got ${describeValue(input)}`)] };
  }
  const name = input['instrument'];
  if (name === undefined) return { ok: false, problems: [assessmentProblem('MISSING_FIELD', 'instrument', `instrument is required (one of ${known})`)] };
  if (typeof name !== 'string') {
    return { ok: false, problems: [assessmentProblem('WRONG_TYPE', 'instrument', `instrument must be a string (one of ${known}), got ${describeValue(name)}`)] };
  }
  const instrument = findAssessmentInstrument(name);
  if (instrument === undefined) {
    return { ok: false, problems: [assessmentProblem('UNKNOWN_INSTRUMENT', 'instrument', `${JSON.stringify(name)} is not a known instrument (known: ${known})`)] };
  }
  return instrument.evaluate(input, context);
}
