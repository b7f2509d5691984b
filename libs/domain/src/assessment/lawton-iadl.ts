// Lawton IADL (Lawton & Brody 1969), spec §5. Eight domains A–H scored 0 or 1 from the single
// option that best matches the person's highest level of functioning. Answers may be the point
// itself or the option id (e.g. "D4"): option ids are safer because the points are
// counter-intuitive (D4 "needs help with all home maintenance tasks" still scores 1).
// There are no official cut-offs; a 0 in a domain means help is needed there.

import { type AssessmentProblem, type AssessmentValidation } from './assessment-problem';
import { type ItemDefinition, readItems, readPolicyFlag, readPolicyObject, requireObject, warnAboutIgnoredFields } from './answer-parsing';
import type { Instrument, InstrumentResult } from './instrument';

export const LAWTON_IADL_ID = 'Lawton IADL';
const LAWTON_RULES_VERSION = 'lawton-iadl-1969/1';

export type LawtonDomainCode = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H';

export interface LawtonOption {
  readonly id: string;
  readonly points: 0 | 1;
  readonly text: string;
}

export interface LawtonDomainDefinition extends ItemDefinition<LawtonDomainCode> {
  readonly options: readonly LawtonOption[];
}

const domain = (code: LawtonDomainCode, name: string, english: string, aliases: readonly string[], options: readonly [0 | 1, string][]): LawtonDomainDefinition => {
  const opts = options.map(([points, text], i): LawtonOption => ({ id: `${code}${i + 1}`, points, text }));
  return { code, name, english, aliases, allowed: [0, 1], options: opts, textOptions: Object.fromEntries(opts.map((o) => [o.id, o.points])) };
};

export const LAWTON_DOMAINS: readonly LawtonDomainDefinition[] = [
  domain('A', '使用电话', 'ability to use telephone', ['telephone', 'phone'], [
    [1, 'looks up and dials numbers on own initiative'],
    [1, 'dials a few well-known numbers'],
    [1, 'answers the telephone but does not dial'],
    [0, 'does not use the telephone at all'],
  ]),
  domain('B', '购物', 'shopping', ['shopping'], [
    [1, 'takes care of all shopping independently'],
    [0, 'shops independently for small purchases only'],
    [0, 'needs to be accompanied on any shopping trip'],
    [0, 'completely unable to shop'],
  ]),
  domain('C', '备餐', 'food preparation', ['foodPreparation', 'food', 'cooking', '做饭'], [
    [1, 'plans, prepares and serves adequate meals independently'],
    [0, 'prepares adequate meals if supplied with ingredients'],
    [0, 'heats and serves prepared meals, or prepares meals but does not keep an adequate diet'],
    [0, 'needs to have meals prepared and served'],
  ]),
  domain('D', '做家务', 'housekeeping', ['housekeeping'], [
    [1, 'maintains house alone or with occasional heavy-work help'],
    [1, 'performs light daily tasks such as dish washing, bed making'],
    [1, 'performs light daily tasks but cannot keep an acceptable level of cleanliness'],
    [1, 'needs help with all home maintenance tasks'],
    [0, 'does not take part in any housekeeping tasks'],
  ]),
  domain('E', '洗衣', 'laundry', ['laundry'], [
    [1, 'does personal laundry completely'],
    [1, 'launders small items'],
    [0, 'all laundry must be done by others'],
  ]),
  domain('F', '使用交通工具', 'mode of transportation', ['transportation', 'transport', '交通'], [
    [1, 'travels independently on public transport or drives own car'],
    [1, 'arranges own travel via taxi, but does not otherwise use public transport'],
    [1, 'travels on public transport when accompanied'],
    [0, 'travel limited to taxi or car with assistance of another'],
    [0, 'does not travel at all'],
  ]),
  domain('G', '服药', 'responsibility for own medications', ['medication', 'medications', '管理药物'], [
    [1, 'takes medication in correct dosages at correct time'],
    [0, 'takes responsibility if medication is prepared in advance in separate dosages'],
    [0, 'is not capable of dispensing own medication'],
  ]),
  domain('H', '理财', 'ability to handle finances', ['finances', 'finance', 'money', '处理财务'], [
    [1, 'manages financial matters independently'],
    [1, 'manages day-to-day purchases but needs help with banking and major purchases'],
    [0, 'incapable of handling money'],
  ]),
];

/**
 * `all`: all eight domains, 0–8 (modern practice, default).
 * `five`: Lawton's original convention for men, domains A, B, F, G, H only (0–5); C, D, E may be
 * left out and are not counted if given.
 */
export type LawtonScoredDomains = 'all' | 'five';
export type LawtonPolicy = { readonly scoredDomains: LawtonScoredDomains };

const FIVE: readonly LawtonDomainCode[] = ['A', 'B', 'F', 'G', 'H'];

export interface LawtonAnswers {
  readonly items: Readonly<Partial<Record<LawtonDomainCode, number>>>;
  readonly options: Readonly<Partial<Record<LawtonDomainCode, string>>>;
  readonly policy: LawtonPolicy;
  /** Remarks from validation (ignored fields, client totals), carried into the result. */
  readonly inputWarnings: readonly string[];
}

export interface LawtonResult extends InstrumentResult {
  readonly instrument: typeof LAWTON_IADL_ID;
  /** Points per domain (only answered domains). */
  readonly items: Readonly<Partial<Record<LawtonDomainCode, number>>>;
  /** Option ids chosen, for domains answered with one. */
  readonly options: Readonly<Partial<Record<LawtonDomainCode, string>>>;
  readonly scoredDomains: readonly LawtonDomainCode[];
  readonly total: number;
  readonly maxTotal: 8 | 5;
  /** Scored domains with 0 points: help needed there. */
  readonly domainsNeedingHelp: readonly LawtonDomainCode[];
  /** B shopping = 0 and C food preparation = 0: a strong signal for 助餐 or meal delivery (spec §5.1 [D]). */
  readonly mealSupportSignal: boolean;
  readonly preliminaryLevel: null;
  readonly finalLevel: null;
  readonly policy: LawtonPolicy;
}

function validateLawton(input: unknown): AssessmentValidation<LawtonAnswers> {
  const problems: AssessmentProblem[] = [];
  const submission = requireObject(input, problems);
  if (submission === undefined) return { ok: false, problems };
  const policyObject = readPolicyObject(submission, ['scoredDomains'], problems);
  const scoredDomains = readPolicyFlag<LawtonScoredDomains>(policyObject, 'scoredDomains', { all: 'all', eight: 'all', five: 'five', ABFGH: 'five', original: 'five' }, 'all', problems);
  const optional = new Set<LawtonDomainCode>(scoredDomains === 'five' ? ['C', 'D', 'E'] : []);
  const reading = readItems(submission['items'], LAWTON_DOMAINS, problems, { optional });
  if (problems.length > 0 || reading === undefined) return { ok: false, problems };
  return {
    ok: true,
    answers: {
      items: Object.fromEntries(reading.scores),
      options: Object.fromEntries(reading.textChoices),
      policy: { scoredDomains },
      inputWarnings: warnAboutIgnoredFields(submission, ['items', 'policy']),
    },
  };
}

function scoreLawton(answers: LawtonAnswers): LawtonResult {
  const scoredDomains = answers.policy.scoredDomains === 'five' ? FIVE : LAWTON_DOMAINS.map((d) => d.code);
  const points = (code: LawtonDomainCode): number => answers.items[code] ?? 0;
  const uncounted = answers.policy.scoredDomains === 'five' ? (['C', 'D', 'E'] as const).filter((c) => answers.items[c] !== undefined) : [];
  const warnings = [...answers.inputWarnings, ...uncounted.map((c) => `domain ${c} is answered but not counted (policy scoredDomains = five)`)];
  return {
    kind: 'scored',
    instrument: LAWTON_IADL_ID,
    standardVersion: 'Lawton & Brody 1969 Instrumental Activities of Daily Living Scale',
    rulesVersion: LAWTON_RULES_VERSION,
    items: answers.items,
    options: answers.options,
    domainScores: {},
    scoredDomains,
    total: scoredDomains.reduce((sum, code) => sum + points(code), 0),
    maxTotal: scoredDomains.length === 5 ? 5 : 8,
    domainsNeedingHelp: scoredDomains.filter((code) => points(code) === 0),
    mealSupportSignal: answers.items.B === 0 && answers.items.C === 0,
    preliminaryLevel: null,
    preliminaryLevelName: null,
    finalLevel: null,
    finalLevelName: null,
    changes: [],
    suppressedChanges: [],
    policy: answers.policy,
    warnings,
  };
}

export const lawtonIadlInstrument: Instrument<LawtonAnswers, LawtonResult> = {
  id: LAWTON_IADL_ID,
  aliases: ['Lawton', 'IADL', 'Lawton-Brody', 'Lawton IADL Scale', 'Lawton-Brody IADL'],
  title: 'Lawton IADL (Lawton & Brody 1969)',
  standardVersion: 'Lawton & Brody 1969 Instrumental Activities of Daily Living Scale',
  rulesVersion: LAWTON_RULES_VERSION,
  validate: validateLawton,
  score: scoreLawton,
};
