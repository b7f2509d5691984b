// MZ/T 039-2013 老年人能力评估, the superseded industry standard (spec §2). Scored only so legacy
// records can be read. Its levels (0–3, top = 重度失能) are NOT GB/T 42195 levels and there is no
// official crosswalk: nothing here converts one into the other; a legacy record needs a new
// GB/T 42195 assessment (spec §2.5 [D]).

import { type AssessmentProblem, type AssessmentValidation } from './assessment-problem';
import { type ItemDefinition, readItems, readOptionalBoolean, readPolicyObject, requireObject, warnAboutIgnoredFields } from './answer-parsing';
import { BARTHEL_ITEMS, type BarthelMztItemCode } from './barthel';
import { type Diagnosis, classifyMentalDiagnosis, readDiagnoses } from './diagnoses';
import type { Instrument, InstrumentResult } from './instrument';
import { type LevelChangePolicy, LEVEL_CHANGE_POLICY_FLAGS, applyLevelChanges, readLevelChangePolicy } from './level-changes';
import { type MztGrade, type MztGrading, mztAdlGrade, mztMentalGrade, mztSensoryGrade, mztSocialGrade } from './mzt-039-2013-grades';
import { type MztLevel, type MztMatrixOutcome, mztPreliminaryLevel } from './mzt-039-2013-matrix';
import { type RiskEventType, type RiskEvents30d, RISK_EVENT_TYPE_NAMES, describeRiskEvents, readRiskEvents, tallyRiskEvents } from './risk-events';

export const MZT_039_2013_ID = 'MZ/T 039-2013';
const MZT_RULES_VERSION = 'mzt-039-2013/1';

export type MztDomainCode = 'B1' | 'B2' | 'B3' | 'B4';
export type MztItemCode =
  | BarthelMztItemCode
  | 'B2.1' | 'B2.2' | 'B2.3'
  | 'B3.1' | 'B3.2' | 'B3.3' | 'B3.4'
  | 'B4.1' | 'B4.2' | 'B4.3' | 'B4.4' | 'B4.5';

export interface MztItemDefinition extends ItemDefinition<MztItemCode> {
  readonly domain: MztDomainCode;
}

const upTo = (max: number): readonly number[] => Array.from({ length: max + 1 }, (_, i) => i);

export const MZT_DOMAINS: readonly { readonly code: MztDomainCode; readonly name: string }[] = [
  { code: 'B1', name: '日常生活活动' },
  { code: 'B2', name: '精神状态' },
  { code: 'B3', name: '感知觉与沟通' },
  { code: 'B4', name: '社会参与' },
];

export const MZT_ITEMS: readonly MztItemDefinition[] = [
  // B.1 日常生活活动: the ten Barthel items in Barthel points (higher is better).
  ...BARTHEL_ITEMS.map((b): MztItemDefinition => ({ code: b.mztCode, domain: 'B1', name: b.name, english: b.english, allowed: b.allowed })),
  // B.2 精神状态, 0 = no problem.
  { code: 'B2.1', domain: 'B2', name: '认知功能', english: 'cognition (2 = diagnosed cognitive impairment)', allowed: upTo(2) },
  { code: 'B2.2', domain: 'B2', name: '攻击行为', english: 'aggression', allowed: upTo(2) },
  { code: 'B2.3', domain: 'B2', name: '抑郁症状', english: 'depressive symptoms', allowed: upTo(2) },
  // B.3 感知觉与沟通, 0 = no problem; graded by rules, not summed.
  { code: 'B3.1', domain: 'B3', name: '意识水平', english: 'consciousness (0 alert, 1 somnolent, 2 stupor, 3 coma)', allowed: upTo(3) },
  { code: 'B3.2', domain: 'B3', name: '视力', english: 'vision (4 = no vision)', allowed: upTo(4) },
  { code: 'B3.3', domain: 'B3', name: '听力', english: 'hearing (4 = deaf)', allowed: upTo(4) },
  { code: 'B3.4', domain: 'B3', name: '沟通交流', english: 'communication (3 = cannot)', allowed: upTo(3) },
  // B.4 社会参与, 0 = no problem.
  { code: 'B4.1', domain: 'B4', name: '生活能力', english: 'daily living competence', allowed: upTo(4) },
  { code: 'B4.2', domain: 'B4', name: '工作能力', english: 'work ability', allowed: upTo(4) },
  { code: 'B4.3', domain: 'B4', name: '时间/空间定向', english: 'time and place orientation', allowed: upTo(4) },
  { code: 'B4.4', domain: 'B4', name: '人物定向', english: 'person orientation', allowed: upTo(4) },
  { code: 'B4.5', domain: 'B4', name: '社会交往能力', english: 'social interaction', allowed: upTo(4) },
];

export const MZT_LEVEL_NAMES: Readonly<Record<MztLevel, string>> = { 0: '能力完好', 1: '轻度失能', 2: '中度失能', 3: '重度失能' };

export function mztLevelName(level: number): string {
  return level === 0 || level === 1 || level === 2 || level === 3 ? MZT_LEVEL_NAMES[level] : `level ${level}`;
}

// MZ/T counts falls, choking, suicide attempts and wandering; GB/T added self-harm and "other".
const MZT_RISK_EVENT_TYPES: readonly RiskEventType[] = ['fall', 'choking', 'suicide', 'wandering'];

export interface MztAnswers {
  readonly items: Readonly<Record<MztItemCode, number>>;
  readonly comaRecorded: boolean;
  readonly diagnoses: readonly Diagnosis[];
  readonly riskEvents30d: RiskEvents30d;
  readonly policy: LevelChangePolicy;
  /** Remarks from validation (ignored fields, client totals), carried into the result. */
  readonly inputWarnings: readonly string[];
}

export interface MztFlags {
  readonly coma: boolean;
  readonly comaSources: readonly ('coma field' | 'B.3.1 = 3')[];
  /** Rule 1 evidence: B2.1 = 2 or an F00–F99 diagnosis. */
  readonly cognitiveOrMentalCondition: boolean;
  readonly cognitiveOrMentalEvidence: readonly string[];
  readonly dementiaDiagnosed: boolean;
  readonly riskEvents30d: Readonly<Partial<Record<RiskEventType, number>>>;
  /** Counted events (falls, choking, suicide, wandering). */
  readonly riskEventTotal30d: number;
}

export interface MztResult extends InstrumentResult {
  readonly instrument: typeof MZT_039_2013_ID;
  /** Stated on every result so nobody reads a legacy level as a GB/T 42195 level. */
  readonly levelScale: 'MZ/T 039-2013 0–3 (not comparable with GB/T 42195 0–4)';
  readonly items: Readonly<Record<MztItemCode, number>>;
  /** Raw sums where the standard sums: B1 ADL 0–100 (higher better), B2 0–6, B4 0–20 (higher worse). */
  readonly domainScores: Readonly<Record<'B1' | 'B2' | 'B4', number>>;
  /** Domain grades 0–3 (a, m, p, s) and the rule that gave each. */
  readonly domainGrades: Readonly<Record<MztDomainCode, MztGrade>>;
  readonly domainGradeRules: Readonly<Record<MztDomainCode, MztGrading>>;
  readonly matrix: MztMatrixOutcome;
  readonly total: null;
  readonly maxTotal: null;
  readonly preliminaryLevel: MztLevel;
  readonly preliminaryLevelName: string;
  readonly finalLevel: MztLevel;
  readonly finalLevelName: string;
  readonly policy: LevelChangePolicy;
  readonly flags: MztFlags;
}

const USED_FIELDS = ['items', 'coma', 'diagnoses', 'riskEvents30d', 'riskEvents', 'policy'];

function validateMzt(input: unknown): AssessmentValidation<MztAnswers> {
  const problems: AssessmentProblem[] = [];
  const submission = requireObject(input, problems);
  if (submission === undefined) return { ok: false, problems };
  const reading = readItems(submission['items'], MZT_ITEMS, problems);
  const comaRecorded = readOptionalBoolean(submission, 'coma', problems);
  const diagnoses = readDiagnoses(submission['diagnoses'], problems);
  const policy = readLevelChangePolicy(readPolicyObject(submission, LEVEL_CHANGE_POLICY_FLAGS, problems), problems);
  const riskEvents30d = readRiskEvents(submission['riskEvents30d'] ?? submission['riskEvents'], policy.riskEventCounting, problems);
  if (problems.length > 0 || reading === undefined) return { ok: false, problems };
  const items = Object.fromEntries(MZT_ITEMS.map((d) => [d.code, reading.scores.get(d.code) ?? 0])) as Record<MztItemCode, number>;
  const inputWarnings = warnAboutIgnoredFields(submission, USED_FIELDS);
  return { ok: true, answers: { items, comaRecorded, diagnoses, riskEvents30d, policy, inputWarnings } };
}

function sumDomain(items: Readonly<Record<MztItemCode, number>>, domain: MztDomainCode): number {
  return MZT_ITEMS.filter((d) => d.domain === domain).reduce((sum, d) => sum + items[d.code], 0);
}

function scoreMzt(answers: MztAnswers): MztResult {
  const { items } = answers;
  const domainScores = { B1: sumDomain(items, 'B1'), B2: sumDomain(items, 'B2'), B4: sumDomain(items, 'B4') };
  const domainGradeRules: Record<MztDomainCode, MztGrading> = {
    B1: mztAdlGrade(domainScores.B1),
    B2: mztMentalGrade(domainScores.B2),
    B3: mztSensoryGrade({ consciousness: items['B3.1'], vision: items['B3.2'], hearing: items['B3.3'], communication: items['B3.4'] }),
    B4: mztSocialGrade(domainScores.B4),
  };
  const domainGrades = {
    B1: domainGradeRules.B1.grade,
    B2: domainGradeRules.B2.grade,
    B3: domainGradeRules.B3.grade,
    B4: domainGradeRules.B4.grade,
  };
  const matrix = mztPreliminaryLevel({ adl: domainGrades.B1, mental: domainGrades.B2, sensory: domainGrades.B3, social: domainGrades.B4 });
  const warnings: string[] = [...answers.inputWarnings];

  // Rule 3 coma: the coma field, or 意识水平 answered 3 (昏迷), which is coma by definition.
  const comaSources: ('coma field' | 'B.3.1 = 3')[] = [];
  if (answers.comaRecorded) comaSources.push('coma field');
  if (items['B3.1'] === 3) comaSources.push('B.3.1 = 3');

  // Rule 1 "认知障碍/痴呆、精神疾病": the standard asks for no specialist, so any F00–F99 code counts,
  // and so does B2.1 = 2, which by its own wording records a diagnosed cognitive impairment.
  const mentalCodes = answers.diagnoses.filter((d) => classifyMentalDiagnosis(d.code) !== 'not-mental').map((d) => d.code);
  const evidence = [...(items['B2.1'] === 2 ? ['B2.1 认知功能 = 2 (diagnosed cognitive impairment)'] : []), ...mentalCodes.map((c) => `diagnosis ${c}`)];

  // Rule 2: falls, choking, suicide attempts, wandering. Self-harm and "other" are GB/T-only types.
  const tally = tallyRiskEvents(answers.riskEvents30d, MZT_RISK_EVENT_TYPES, answers.policy.riskEventCounting);
  for (const [type, count] of Object.entries(tally.uncounted)) {
    warnings.push(`${count} ${type} (${RISK_EVENT_TYPE_NAMES[type as RiskEventType]}) event(s) not counted: MZ/T 039 counts only falls, choking, suicide and wandering`);
  }

  const outcome = applyLevelChanges({
    preliminary: matrix.level,
    maxLevel: 3,
    levelName: mztLevelName,
    coma: {
      code: 'MZT_R3_COMA',
      rule: 'MZ/T 039-2013 等级变更 3 处于昏迷状态者直接评定为重度失能',
      reason: `coma (${comaSources.join(' and ')}): final level set to 3 重度失能`,
      met: comaSources.length > 0,
      level: 3,
    },
    raises: [
      {
        code: 'MZT_R1_COGNITIVE_OR_MENTAL',
        rule: 'MZ/T 039-2013 等级变更 1 有认知障碍/痴呆、精神疾病者提高一个等级',
        reason: `cognitive impairment or mental illness (${evidence.join('; ')}): raised one level`,
        met: evidence.length > 0,
      },
      {
        code: 'MZT_R2_RISK_EVENTS',
        rule: 'MZ/T 039-2013 等级变更 2 近30天内发生过2次及以上跌倒、噎食、自杀、走失',
        reason: `risk events in the last 30 days: ${describeRiskEvents(answers.riskEvents30d, MZT_RISK_EVENT_TYPES)} (counting ${answers.policy.riskEventCounting}): raised one level`,
        met: tally.twoOrMore,
      },
    ],
    stacking: answers.policy.stacking,
    // Rule 4: a preliminary 3 重度失能 is final; none of the changes applies.
    freezeAtTop: true,
  });
  const finalLevel = outcome.finalLevel as MztLevel;

  return {
    kind: 'scored',
    instrument: MZT_039_2013_ID,
    standardVersion: 'MZ/T 039-2013 (superseded by GB/T 42195-2022)',
    rulesVersion: MZT_RULES_VERSION,
    levelScale: 'MZ/T 039-2013 0–3 (not comparable with GB/T 42195 0–4)',
    items,
    domainScores,
    domainGrades,
    domainGradeRules,
    matrix,
    total: null,
    maxTotal: null,
    preliminaryLevel: matrix.level,
    preliminaryLevelName: mztLevelName(matrix.level),
    finalLevel,
    finalLevelName: mztLevelName(finalLevel),
    changes: outcome.changes,
    suppressedChanges: outcome.suppressedChanges,
    policy: answers.policy,
    flags: {
      coma: comaSources.length > 0,
      comaSources,
      cognitiveOrMentalCondition: evidence.length > 0,
      cognitiveOrMentalEvidence: evidence,
      dementiaDiagnosed: answers.diagnoses.some((d) => classifyMentalDiagnosis(d.code) === 'dementia'),
      riskEvents30d: answers.riskEvents30d.byType,
      riskEventTotal30d: tally.total,
    },
    warnings,
  };
}

export const mzt039Instrument: Instrument<MztAnswers, MztResult> = {
  id: MZT_039_2013_ID,
  aliases: ['MZ/T 039', '老年人能力评估'],
  title: 'MZ/T 039-2013 老年人能力评估 (superseded; legacy records)',
  standardVersion: 'MZ/T 039-2013 (superseded by GB/T 42195-2022)',
  rulesVersion: MZT_RULES_VERSION,
  validate: validateMzt,
  score: scoreMzt,
};
