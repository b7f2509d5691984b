// GB/T 42195-2022 老年人能力评估规范, the current national standard (spec §1). Total 0–90 (higher is
// better) → preliminary level 0–4 → level changes of report section C.4 → final level.

import { type AssessmentProblem, type AssessmentValidation } from './assessment-problem';
import { readItems, readOptionalBoolean, readPolicyObject, requireObject, warnAboutIgnoredFields } from './answer-parsing';
import { type Diagnosis, classifyMentalDiagnosis, readDiagnoses } from './diagnoses';
import {
  GBT_COMA_OPTIONS,
  GBT_DOMAINS,
  GBT_ITEMS,
  type GbtDomainCode,
  type GbtItemCode,
} from './gbt-42195-2022-items';
import type { Instrument, InstrumentResult } from './instrument';
import { type LevelChangePolicy, LEVEL_CHANGE_POLICY_FLAGS, applyLevelChanges, readLevelChangePolicy } from './level-changes';
import {
  type RiskEventType,
  type RiskEvents30d,
  describeRiskEvents,
  readRiskEvents,
  tallyRiskEvents,
} from './risk-events';

export const GBT_42195_2022_ID = 'GB/T 42195-2022';
// Bump when a rule changes, so stored results show which rules produced them.
const GBT_RULES_VERSION = 'gbt-42195-2022/1';

/** 0 能力完好 … 4 完全失能. Higher level = worse, the opposite direction of the score. */
export type GbtLevel = 0 | 1 | 2 | 3 | 4;

export interface GbtLevelDefinition {
  readonly level: GbtLevel;
  /** Short name used on reports and in entitlement rules. */
  readonly name: string;
  /** The standard's full wording. */
  readonly standardName: string;
  readonly minTotal: number;
  readonly maxTotal: number;
}

// Spec §1.3: 90 / 66–89 / 46–65 / 30–45 / 0–29. 能力完好 needs every point: losing one point on
// any item already gives 轻度失能.
export const GBT_LEVELS: readonly GbtLevelDefinition[] = [
  { level: 0, name: '能力完好', standardName: '能力完好', minTotal: 90, maxTotal: 90 },
  { level: 1, name: '轻度失能', standardName: '能力轻度受损(轻度失能)', minTotal: 66, maxTotal: 89 },
  { level: 2, name: '中度失能', standardName: '能力中度受损(中度失能)', minTotal: 46, maxTotal: 65 },
  { level: 3, name: '重度失能', standardName: '能力重度受损(重度失能)', minTotal: 30, maxTotal: 45 },
  { level: 4, name: '完全失能', standardName: '能力完全丧失(完全失能)', minTotal: 0, maxTotal: 29 },
];

export function gbtLevelName(level: number): string {
  return GBT_LEVELS.find((l) => l.level === level)?.name ?? `level ${level}`;
}

export function gbtPreliminaryLevel(total: number): GbtLevel {
  const band = GBT_LEVELS.find((l) => total >= l.minTotal && total <= l.maxTotal);
  if (band === undefined) throw new RangeError(`GB/T 42195 total ${total} is outside 0–90`);
  return band.level;
}

export interface GbtAnswers {
  readonly items: Readonly<Record<GbtItemCode, number>>;
  /** How B3.9 = 0 was recorded, when it was recorded as an option. */
  readonly consciousnessOption: 'coma' | 'stupor' | null;
  /** Annex A.5.11 昏迷 = 有. */
  readonly comaRecorded: boolean;
  readonly diagnoses: readonly Diagnosis[];
  readonly riskEvents30d: RiskEvents30d;
  readonly policy: LevelChangePolicy;
  /** Remarks from validation (ignored fields, client totals), carried into the result. */
  readonly inputWarnings: readonly string[];
}

/** Facts other services need (entitlements, safety flags) without re-reading the answers. */
export interface GbtFlags {
  readonly coma: boolean;
  readonly comaSources: readonly ('A.5.11' | 'B.3.9')[];
  /** An F00–F03 diagnosis (失智 priority group, dementia-care beds). */
  readonly dementiaDiagnosed: boolean;
  readonly dementiaCodes: readonly string[];
  /** An F04–F99 diagnosis made by a psychiatric specialist. */
  readonly specialistMentalDisorderDiagnosed: boolean;
  readonly specialistMentalDisorderCodes: readonly string[];
  readonly riskEvents30d: Readonly<Partial<Record<RiskEventType, number>>>;
  readonly riskEventTotal30d: number;
}

export interface GbtDomainResult {
  readonly code: GbtDomainCode;
  readonly name: string;
  readonly score: number;
  readonly max: number;
}

export interface GbtResult extends InstrumentResult {
  readonly instrument: typeof GBT_42195_2022_ID;
  readonly items: Readonly<Record<GbtItemCode, number>>;
  /** Option text for items answered with one (only B3.9: `coma` or `stupor`). */
  readonly itemOptions: Readonly<Partial<Record<GbtItemCode, string>>>;
  readonly domainScores: Readonly<Record<GbtDomainCode, number>>;
  readonly domains: readonly GbtDomainResult[];
  readonly total: number;
  readonly maxTotal: 90;
  readonly preliminaryLevel: GbtLevel;
  readonly preliminaryLevelName: string;
  readonly finalLevel: GbtLevel;
  readonly finalLevelName: string;
  readonly policy: LevelChangePolicy;
  readonly flags: GbtFlags;
}

const USED_FIELDS = ['items', 'coma', 'diagnoses', 'riskEvents30d', 'riskEvents', 'policy'];
const GBT_RISK_EVENT_TYPES: readonly RiskEventType[] = ['fall', 'choking', 'suicide', 'selfHarm', 'wandering', 'other'];

function validateGbt(input: unknown): AssessmentValidation<GbtAnswers> {
  const problems: AssessmentProblem[] = [];
  const submission = requireObject(input, problems);
  if (submission === undefined) return { ok: false, problems };

  const reading = readItems(submission['items'], GBT_ITEMS, problems);
  const comaRecorded = readOptionalBoolean(submission, 'coma', problems);
  const diagnoses = readDiagnoses(submission['diagnoses'], problems);
  const policy = readLevelChangePolicy(readPolicyObject(submission, LEVEL_CHANGE_POLICY_FLAGS, problems), problems);
  const riskEvents30d = readRiskEvents(submission['riskEvents30d'] ?? submission['riskEvents'], policy.riskEventCounting, problems);
  if (problems.length > 0 || reading === undefined) return { ok: false, problems };

  const items = Object.fromEntries(GBT_ITEMS.map((def) => [def.code, reading.scores.get(def.code) ?? 0])) as Record<GbtItemCode, number>;
  const option = reading.textChoices.get('B3.9');
  const consciousnessOption = option === undefined ? null : GBT_COMA_OPTIONS.has(option) ? 'coma' : 'stupor';
  return {
    ok: true,
    answers: { items, consciousnessOption, comaRecorded, diagnoses, riskEvents30d, policy, inputWarnings: warnAboutIgnoredFields(submission, USED_FIELDS) },
  };
}

function scoreGbt(answers: GbtAnswers): GbtResult {
  const domains = GBT_DOMAINS.map((domain) => ({
    code: domain.code,
    name: domain.name,
    score: GBT_ITEMS.filter((item) => item.domain === domain.code).reduce((sum, item) => sum + answers.items[item.code], 0),
    max: domain.max,
  }));
  const domainScores = Object.fromEntries(domains.map((d) => [d.code, d.score])) as Record<GbtDomainCode, number>;
  const total = domains.reduce((sum, d) => sum + d.score, 0);
  const preliminaryLevel = gbtPreliminaryLevel(total);
  const warnings: string[] = [...answers.inputWarnings];

  // C1 coma: annex A.5.11, or B3.9 answered with the coma option (spec §1.5).
  const comaSources: ('A.5.11' | 'B.3.9')[] = [];
  if (answers.comaRecorded) comaSources.push('A.5.11');
  if (answers.consciousnessOption === 'coma') comaSources.push('B.3.9');
  if (answers.comaRecorded && answers.items['B3.9'] > 0) {
    warnings.push(`coma is recorded (A.5.11) but B3.9 意识水平 = ${answers.items['B3.9']}; the coma rule applies, check the answers`);
  }

  // C2: dementia F00–F03 always counts; F04–F99 only when a psychiatric specialist diagnosed it.
  const dementiaCodes = answers.diagnoses.filter((d) => classifyMentalDiagnosis(d.code) === 'dementia').map((d) => d.code);
  const otherMental = answers.diagnoses.filter((d) => classifyMentalDiagnosis(d.code) === 'other-mental-disorder');
  const specialistCodes = otherMental.filter((d) => d.specialistDiagnosed).map((d) => d.code);
  for (const d of otherMental.filter((x) => !x.specialistDiagnosed)) {
    warnings.push(`diagnosis ${d.code} does not raise the level: F04–F99 counts only when diagnosed by a psychiatric specialist (specialistDiagnosed)`);
  }
  const c2Codes = [...dementiaCodes, ...specialistCodes];

  // C3: two or more care-risk events in 30 days, counted per policy.
  const tally = tallyRiskEvents(answers.riskEvents30d, GBT_RISK_EVENT_TYPES, answers.policy.riskEventCounting);
  const countingText = answers.policy.riskEventCounting === 'total' ? `${tally.total} in total` : `at most ${tally.maxOfOneType} of one type`;

  const outcome = applyLevelChanges({
    preliminary: preliminaryLevel,
    maxLevel: 4,
    levelName: gbtLevelName,
    coma: {
      code: 'GBT_C1_COMA',
      rule: 'GB/T 42195-2022 C.4 (1) 处于昏迷状态',
      reason: `coma (${comaSources.join(' and ')}): final level set to 4 完全失能`,
      met: comaSources.length > 0,
      level: 4,
    },
    raises: [
      {
        code: 'GBT_C2_MENTAL_DIAGNOSIS',
        rule: 'GB/T 42195-2022 C.4 (2) 痴呆 F00–F03 / 精神科专科医生诊断的 F04–F99',
        reason: `${c2Reason(dementiaCodes, specialistCodes)}: raised one level`,
        met: c2Codes.length > 0,
      },
      {
        code: 'GBT_C3_RISK_EVENTS',
        rule: 'GB/T 42195-2022 C.4 (3) 近30天内发生过2次及以上照护风险事件',
        reason: `care-risk events in the last 30 days: ${describeRiskEvents(answers.riskEvents30d, GBT_RISK_EVENT_TYPES)} (${countingText}, counting ${answers.policy.riskEventCounting}): raised one level`,
        met: tally.twoOrMore,
      },
    ],
    stacking: answers.policy.stacking,
    // Spec §1.4 open point 4: unlike MZ/T 039 there is no freeze; a preliminary 3 can become 4.
    freezeAtTop: false,
  });

  const finalLevel = outcome.finalLevel as GbtLevel;
  const itemOptions: Partial<Record<GbtItemCode, string>> = answers.consciousnessOption === null ? {} : { 'B3.9': answers.consciousnessOption };
  return {
    kind: 'scored',
    instrument: GBT_42195_2022_ID,
    standardVersion: 'GB/T 42195-2022',
    rulesVersion: GBT_RULES_VERSION,
    items: answers.items,
    itemOptions,
    domainScores,
    domains,
    total,
    maxTotal: 90,
    preliminaryLevel,
    preliminaryLevelName: gbtLevelName(preliminaryLevel),
    finalLevel,
    finalLevelName: gbtLevelName(finalLevel),
    changes: outcome.changes,
    suppressedChanges: outcome.suppressedChanges,
    policy: answers.policy,
    flags: {
      coma: comaSources.length > 0,
      comaSources,
      dementiaDiagnosed: dementiaCodes.length > 0,
      dementiaCodes,
      specialistMentalDisorderDiagnosed: specialistCodes.length > 0,
      specialistMentalDisorderCodes: specialistCodes,
      riskEvents30d: answers.riskEvents30d.byType,
      riskEventTotal30d: tally.total,
    },
    warnings,
  };
}

function c2Reason(dementiaCodes: readonly string[], specialistCodes: readonly string[]): string {
  const parts: string[] = [];
  if (dementiaCodes.length > 0) parts.push(`dementia diagnosis ${dementiaCodes.join(', ')} (F00–F03)`);
  if (specialistCodes.length > 0) parts.push(`specialist-diagnosed mental disorder ${specialistCodes.join(', ')} (F04–F99)`);
  return parts.join(' and ');
}

export const gbt42195Instrument: Instrument<GbtAnswers, GbtResult> = {
  id: GBT_42195_2022_ID,
  aliases: ['GB/T 42195', 'GB 42195', '老年人能力评估规范'],
  title: 'GB/T 42195-2022 老年人能力评估规范',
  standardVersion: 'GB/T 42195-2022',
  rulesVersion: GBT_RULES_VERSION,
  validate: validateGbt,
  score: scoreGbt,
};

/** B1.1 进食 score (0–4). Entitlements use it: ≤ 2 means choking risk → texture-modified diet. */
export function gbtEatingScore(result: GbtResult): number {
  return result.items['B1.1'];
}

export function gbtItemScore(result: GbtResult, code: GbtItemCode): number {
  return result.items[code];
}

export function isGbtResult(result: InstrumentResult): result is GbtResult {
  return result.instrument === GBT_42195_2022_ID;
}
