// Barthel Index (ADL), 0–100 version (spec §4). Ten items in steps of 5; higher is better. There
// is no single official banding, so the result carries the raw total and the three conventions
// in use side by side; views pick one, storage keeps the total (spec §4.2 [D]).

import { type AssessmentProblem, type AssessmentValidation } from './assessment-problem';
import { type ItemDefinition, readItems, readPolicyObject, requireObject, warnAboutIgnoredFields } from './answer-parsing';
import type { Instrument, InstrumentResult } from './instrument';
import { type MztGrade, mztAdlGrade } from './mzt-039-2013-grades';

export const BARTHEL_ID = 'Barthel';

export type BarthelItemCode =
  | 'feeding' | 'bathing' | 'grooming' | 'dressing' | 'bowels'
  | 'bladder' | 'toiletUse' | 'transfers' | 'mobility' | 'stairs';

/** The Barthel items' codes inside MZ/T 039-2013 domain B.1 日常生活活动. */
export type BarthelMztItemCode = 'B1.1' | 'B1.2' | 'B1.3' | 'B1.4' | 'B1.5' | 'B1.6' | 'B1.7' | 'B1.8' | 'B1.9' | 'B1.10';

export interface BarthelItemDefinition extends ItemDefinition<BarthelItemCode> {
  readonly mztCode: BarthelMztItemCode;
}

// Order follows MZ/T 039-2013 B.1.1–B.1.10, which embeds the Barthel Index unchanged.
export const BARTHEL_ITEMS: readonly BarthelItemDefinition[] = [
  { code: 'feeding', mztCode: 'B1.1', name: '进食', english: 'feeding', allowed: [0, 5, 10], aliases: ['eating'] },
  { code: 'bathing', mztCode: 'B1.2', name: '洗澡', english: 'bathing', allowed: [0, 5], aliases: ['bath'] },
  { code: 'grooming', mztCode: 'B1.3', name: '修饰', english: 'grooming', allowed: [0, 5] },
  { code: 'dressing', mztCode: 'B1.4', name: '穿衣', english: 'dressing', allowed: [0, 5, 10] },
  { code: 'bowels', mztCode: 'B1.5', name: '大便控制', english: 'bowel control', allowed: [0, 5, 10], aliases: ['bowel'] },
  { code: 'bladder', mztCode: 'B1.6', name: '小便控制', english: 'bladder control', allowed: [0, 5, 10] },
  { code: 'toiletUse', mztCode: 'B1.7', name: '如厕', english: 'toilet use', allowed: [0, 5, 10], aliases: ['toilet'] },
  { code: 'transfers', mztCode: 'B1.8', name: '床椅转移', english: 'bed/chair transfer', allowed: [0, 5, 10, 15], aliases: ['transfer'] },
  { code: 'mobility', mztCode: 'B1.9', name: '平地行走', english: 'mobility on level surfaces', allowed: [0, 5, 10, 15], aliases: ['walking'] },
  { code: 'stairs', mztCode: 'B1.10', name: '上下楼梯', english: 'stairs', allowed: [0, 5, 10] },
];

/** Shah et al. 1989: 0–20 total · 21–60 severe · 61–90 moderate · 91–99 slight · 100 independent. */
export type BarthelShahBand = 'total' | 'severe' | 'moderate' | 'slight' | 'independent';

export function barthelShahBand(total: number): BarthelShahBand {
  if (total <= 20) return 'total';
  if (total <= 60) return 'severe';
  if (total <= 90) return 'moderate';
  if (total <= 99) return 'slight';
  return 'independent';
}

/** WS/T 431-2013 护理分级 (hospital nursing grades; recalled, not verified: spec tag [R]). */
export type BarthelWst431Band = '重度依赖' | '中度依赖' | '轻度依赖' | '无需依赖';

export function barthelWst431Band(total: number): BarthelWst431Band {
  if (total <= 40) return '重度依赖';
  if (total <= 60) return '中度依赖';
  if (total <= 99) return '轻度依赖';
  return '无需依赖';
}

export interface BarthelBands {
  readonly shah1989: BarthelShahBand;
  readonly wst4312013: BarthelWst431Band;
  readonly mzt039AdlGrade: MztGrade;
}

export function barthelBands(total: number): BarthelBands {
  return { shah1989: barthelShahBand(total), wst4312013: barthelWst431Band(total), mzt039AdlGrade: mztAdlGrade(total).grade };
}

export interface BarthelAnswers {
  readonly items: Readonly<Record<BarthelItemCode, number>>;
  /** Remarks from validation (ignored fields, client totals), carried into the result. */
  readonly inputWarnings: readonly string[];
}

export interface BarthelResult extends InstrumentResult {
  readonly instrument: typeof BARTHEL_ID;
  readonly items: Readonly<Record<BarthelItemCode, number>>;
  readonly total: number;
  readonly maxTotal: 100;
  /** 0–20 Collin & Wade version of the same total (points ÷ 5). */
  readonly total20: number;
  readonly bands: BarthelBands;
  readonly preliminaryLevel: null;
  readonly finalLevel: null;
}

const BARTHEL_RULES_VERSION = 'barthel-100/1';

function validateBarthel(input: unknown): AssessmentValidation<BarthelAnswers> {
  const problems: AssessmentProblem[] = [];
  const submission = requireObject(input, problems);
  if (submission === undefined) return { ok: false, problems };
  const reading = readItems(submission['items'], BARTHEL_ITEMS, problems);
  readPolicyObject(submission, [], problems);
  if (problems.length > 0 || reading === undefined) return { ok: false, problems };
  const items = Object.fromEntries(BARTHEL_ITEMS.map((d) => [d.code, reading.scores.get(d.code) ?? 0])) as Record<BarthelItemCode, number>;
  return { ok: true, answers: { items, inputWarnings: warnAboutIgnoredFields(submission, ['items', 'policy']) } };
}

/** Sum of the ten Barthel items (0–100). Also the ADL total of MZ/T 039-2013. */
export function barthelTotal(items: Readonly<Record<BarthelItemCode, number>>): number {
  return BARTHEL_ITEMS.reduce((sum, item) => sum + items[item.code], 0);
}

function scoreBarthel(answers: BarthelAnswers): BarthelResult {
  const total = barthelTotal(answers.items);
  return {
    kind: 'scored',
    instrument: BARTHEL_ID,
    standardVersion: 'Barthel Index (Mahoney & Barthel 1965), 0–100 version',
    rulesVersion: BARTHEL_RULES_VERSION,
    items: answers.items,
    domainScores: {},
    total,
    maxTotal: 100,
    total20: total / 5,
    bands: barthelBands(total),
    preliminaryLevel: null,
    preliminaryLevelName: null,
    finalLevel: null,
    finalLevelName: null,
    changes: [],
    suppressedChanges: [],
    policy: {},
    warnings: answers.inputWarnings,
  };
}

export const barthelInstrument: Instrument<BarthelAnswers, BarthelResult> = {
  id: BARTHEL_ID,
  aliases: ['Barthel Index', 'Barthel ADL', 'BI', 'Barthel指数', '巴氏指数'],
  title: 'Barthel Index (ADL) 0–100',
  standardVersion: 'Barthel Index (Mahoney & Barthel 1965), 0–100 version',
  rulesVersion: BARTHEL_RULES_VERSION,
  validate: validateBarthel,
  score: scoreBarthel,
};

/** 进食 feeding score (0/5/10), for the same diet and meal rules GB/T's B1.1 feeds. */
export function barthelFeedingScore(result: BarthelResult): number {
  return result.items.feeding;
}
