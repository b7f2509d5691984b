// GB/T 42195-2022 annex B: 26 items in four first-level indicators, as in
// assessment-standards.md §1.2. Higher is better on every item. Maxima add up to 32 + 15 + 28 + 15 = 90;
// the score is a plain sum with no weights.

import type { ItemDefinition } from './answer-parsing';

export type GbtDomainCode = 'B1' | 'B2' | 'B3' | 'B4';

export type GbtItemCode =
  | 'B1.1' | 'B1.2' | 'B1.3' | 'B1.4' | 'B1.5' | 'B1.6' | 'B1.7' | 'B1.8'
  | 'B2.1' | 'B2.2' | 'B2.3' | 'B2.4'
  | 'B3.1' | 'B3.2' | 'B3.3' | 'B3.4' | 'B3.5' | 'B3.6' | 'B3.7' | 'B3.8' | 'B3.9'
  | 'B4.1' | 'B4.2' | 'B4.3' | 'B4.4' | 'B4.5';

export interface GbtItemDefinition extends ItemDefinition<GbtItemCode> {
  readonly domain: GbtDomainCode;
}

export interface GbtDomainDefinition {
  readonly code: GbtDomainCode;
  readonly name: string;
  readonly english: string;
  readonly max: number;
}

export const GBT_DOMAINS: readonly GbtDomainDefinition[] = [
  { code: 'B1', name: '自理能力', english: 'self-care', max: 32 },
  { code: 'B2', name: '基础运动能力', english: 'basic mobility', max: 15 },
  { code: 'B3', name: '精神状态', english: 'mental state', max: 28 },
  { code: 'B4', name: '感知觉与社会参与', english: 'perception and social participation', max: 15 },
];

const upTo = (max: number): readonly number[] => Array.from({ length: max + 1 }, (_, i) => i);

export const GBT_ITEMS: readonly GbtItemDefinition[] = [
  // B.1 自理能力: standard assistance scale 4 (alone) … 0 (fully dependent)
  { code: 'B1.1', domain: 'B1', name: '进食', english: 'eating', allowed: upTo(4) },
  { code: 'B1.2', domain: 'B1', name: '修饰', english: 'grooming', allowed: upTo(4) },
  { code: 'B1.3', domain: 'B1', name: '洗澡', english: 'bathing', allowed: upTo(4) },
  { code: 'B1.4', domain: 'B1', name: '穿/脱上衣', english: 'upper-body dressing', allowed: upTo(4) },
  { code: 'B1.5', domain: 'B1', name: '穿/脱裤子和鞋袜', english: 'trousers, shoes and socks', allowed: upTo(4) },
  { code: 'B1.6', domain: 'B1', name: '小便控制', english: 'bladder control', allowed: upTo(4) },
  { code: 'B1.7', domain: 'B1', name: '大便控制', english: 'bowel control', allowed: upTo(4) },
  { code: 'B1.8', domain: 'B1', name: '如厕', english: 'toileting', allowed: upTo(4) },
  // B.2 基础运动能力: stairs has only four steps (3 = independent)
  { code: 'B2.1', domain: 'B2', name: '床上体位转移', english: 'turning in bed', allowed: upTo(4) },
  { code: 'B2.2', domain: 'B2', name: '床椅转移', english: 'bed/chair transfer', allowed: upTo(4) },
  { code: 'B2.3', domain: 'B2', name: '平地行走', english: 'walking on level ground', allowed: upTo(4) },
  { code: 'B2.4', domain: 'B2', name: '上下楼梯', english: 'stairs', allowed: upTo(3) },
  // B.3 精神状态: aggression and depression are yes/no (1 = none); consciousness 2/1/0
  { code: 'B3.1', domain: 'B3', name: '时间定向', english: 'time orientation', allowed: upTo(4) },
  { code: 'B3.2', domain: 'B3', name: '空间定向', english: 'place orientation', allowed: upTo(4) },
  { code: 'B3.3', domain: 'B3', name: '人物定向', english: 'person orientation', allowed: upTo(4) },
  { code: 'B3.4', domain: 'B3', name: '记忆', english: 'memory', allowed: upTo(4) },
  { code: 'B3.5', domain: 'B3', name: '理解能力', english: 'understanding others', allowed: upTo(4) },
  { code: 'B3.6', domain: 'B3', name: '表达能力', english: 'expressing needs', allowed: upTo(4) },
  { code: 'B3.7', domain: 'B3', name: '攻击行为', english: 'aggression', allowed: upTo(1) },
  { code: 'B3.8', domain: 'B3', name: '抑郁症状', english: 'depressive symptoms', allowed: upTo(1) },
  {
    code: 'B3.9',
    domain: 'B3',
    name: '意识水平',
    english: 'level of consciousness',
    allowed: upTo(2),
    // Spec §1.2 [D]: score 0 is recorded as one of two options. Both score 0, but only `coma`
    // triggers the C.4 coma rule, so the option must survive scoring.
    textOptions: { stupor: 0, coma: 0, 昏睡: 0, 昏迷: 0 },
  },
  // B.4 感知觉与社会参与
  { code: 'B4.1', domain: 'B4', name: '视力', english: 'vision', allowed: upTo(2) },
  { code: 'B4.2', domain: 'B4', name: '听力', english: 'hearing', allowed: upTo(2) },
  { code: 'B4.3', domain: 'B4', name: '执行日常事务', english: 'daily tasks', allowed: upTo(4) },
  { code: 'B4.4', domain: 'B4', name: '使用交通工具外出', english: 'going out by transport', allowed: upTo(3) },
  { code: 'B4.5', domain: 'B4', name: '社会交往能力', english: 'social interaction', allowed: upTo(4) },
];

export const GBT_ITEM_CODES: readonly GbtItemCode[] = GBT_ITEMS.map((item) => item.code);

/** B3.9 text options that mean coma (the rest mean stupor). */
export const GBT_COMA_OPTIONS: ReadonlySet<string> = new Set(['coma', '昏迷']);
