// MZ/T 039-2013 preliminary level from the four domain grades (spec §2.2). The matrix as written
// in the standard has gaps (grade combinations no rule covers) and overlaps (combinations two
// rules cover with different levels). The spec proposes resolutions (§2.2 [D]); each is a named
// rule here and the result says which written rules matched and which resolution, if any, decided.

import type { MztGrade } from './mzt-039-2013-grades';

/** 0 能力完好 · 1 轻度失能 · 2 中度失能 · 3 重度失能. Not the GB/T 42195 scale (no 完全失能). */
export type MztLevel = 0 | 1 | 2 | 3;

export interface MztDomainGrades {
  /** a: B.1 日常生活活动 (ADL). */
  readonly adl: MztGrade;
  /** m: B.2 精神状态. */
  readonly mental: MztGrade;
  /** p: B.3 感知觉与沟通. */
  readonly sensory: MztGrade;
  /** s: B.4 社会参与. */
  readonly social: MztGrade;
}

export interface MztMatrixRule {
  readonly code: string;
  readonly level: MztLevel;
  /** The rule's text, in the spec's a/m/p/s notation. */
  readonly text: string;
  readonly matches: (g: MztDomainGrades) => boolean;
}

const others = (g: MztDomainGrades): readonly MztGrade[] => [g.mental, g.sensory, g.social];
const countIn = (g: MztDomainGrades, grades: readonly MztGrade[]): number => others(g).filter((x) => grades.includes(x)).length;

/** The rules as written in the standard. */
export const MZT_WRITTEN_RULES: readonly MztMatrixRule[] = [
  {
    code: 'MZT_L0',
    level: 0,
    text: 'a = 0, m = 0, p = 0, s ∈ {0, 1}',
    matches: (g) => g.adl === 0 && g.mental === 0 && g.sensory === 0 && g.social <= 1,
  },
  {
    code: 'MZT_L1_ADL0',
    level: 1,
    text: 'a = 0 and (m ≥ 1 or p ≥ 1 or s = 2)',
    matches: (g) => g.adl === 0 && (g.mental >= 1 || g.sensory >= 1 || g.social === 2),
  },
  {
    code: 'MZT_L1_ADL1',
    level: 1,
    text: 'a = 1 and at least one of m, p, s ∈ {0, 1}',
    matches: (g) => g.adl === 1 && countIn(g, [0, 1]) >= 1,
  },
  {
    // "one of them = 3" is read as "at least one = 3" (MZT_READ_AT_LEAST_ONE_3): two 3s are not
    // milder than one.
    code: 'MZT_L2_ADL1',
    level: 2,
    text: 'a = 1 and (m = p = s = 2, or one of them = 3)',
    matches: (g) => g.adl === 1 && (countIn(g, [2]) === 3 || countIn(g, [3]) >= 1),
  },
  {
    code: 'MZT_L2_ADL2',
    level: 2,
    text: 'a = 2 and one or two of m, p, s ∈ {1, 2}',
    matches: (g) => g.adl === 2 && [1, 2].includes(countIn(g, [1, 2])),
  },
  { code: 'MZT_L3_ADL3', level: 3, text: 'a = 3', matches: (g) => g.adl === 3 },
  {
    code: 'MZT_L3_ALL2',
    level: 3,
    text: 'a = m = p = s = 2',
    matches: (g) => g.adl === 2 && countIn(g, [2]) === 3,
  },
  {
    code: 'MZT_L3_ADL2_ANY3',
    level: 3,
    text: 'a = 2 and at least one of m, p, s = 3',
    matches: (g) => g.adl === 2 && countIn(g, [3]) >= 1,
  },
];

/** Resolutions for the combinations no written rule covers (spec §2.2 [D]). */
export const MZT_GAP_RULES: readonly MztMatrixRule[] = [
  {
    code: 'MZT_GAP_ADL0_SOCIAL3',
    level: 1,
    text: 'gap: a = 0, m = p = 0, s = 3 → 1 (read "s = 2" as "s ≥ 2")',
    matches: (g) => g.adl === 0 && g.mental === 0 && g.sensory === 0 && g.social === 3,
  },
  {
    code: 'MZT_GAP_ADL2_NONE_MILD',
    level: 2,
    text: 'gap: a = 2, none of m, p, s in {1, 2} and none = 3 (all 0) → 2 中度失能',
    matches: (g) => g.adl === 2 && countIn(g, [1, 2]) === 0 && countIn(g, [3]) === 0,
  },
  {
    code: 'MZT_GAP_ADL2_ALL_MILD_MIXED',
    level: 2,
    text: 'gap: a = 2, all of m, p, s in {1, 2} but not all = 2 → 2 中度失能',
    matches: (g) => g.adl === 2 && countIn(g, [1, 2]) === 3 && countIn(g, [2]) < 3,
  },
];

/**
 * Overlap: a combination matched by written rules of different levels takes the highest. The
 * spec names a = 1 with one of m, p, s = 3 and another in {0, 1} (levels 1 and 2 → 2); the
 * same happens for a = 2 with a 3 and a 1 or 2 (levels 2 and 3 → 3) and is resolved the same way.
 */
export const MZT_OVERLAP_RULE_CODE = 'MZT_OVERLAP_TAKE_HIGHER';

export interface MztMatrixOutcome {
  readonly level: MztLevel;
  /** Codes of the written rules that matched (empty for a gap). */
  readonly matchedRules: readonly string[];
  /** The resolution that decided, or null when exactly one written level matched. */
  readonly resolution: { readonly code: string; readonly text: string } | null;
}

export function mztPreliminaryLevel(grades: MztDomainGrades): MztMatrixOutcome {
  const matched = MZT_WRITTEN_RULES.filter((rule) => rule.matches(grades));
  const levels = [...new Set(matched.map((rule) => rule.level))];
  if (levels.length === 1) {
    return { level: levels[0] as MztLevel, matchedRules: matched.map((r) => r.code), resolution: null };
  }
  if (levels.length > 1) {
    const level = Math.max(...levels) as MztLevel;
    return {
      level,
      matchedRules: matched.map((r) => r.code),
      resolution: {
        code: MZT_OVERLAP_RULE_CODE,
        text: `overlap: ${matched.map((r) => `${r.code} (level ${r.level})`).join(' and ')} both match; the higher level ${level} applies`,
      },
    };
  }
  const gap = MZT_GAP_RULES.find((rule) => rule.matches(grades));
  // Every one of the 256 grade combinations is covered (tested exhaustively); reaching here means
  // the tables above were edited inconsistently.
  if (gap === undefined) throw new Error(`MZ/T 039 matrix has no rule for a=${grades.adl} m=${grades.mental} p=${grades.sensory} s=${grades.social}`);
  return { level: gap.level, matchedRules: [], resolution: { code: gap.code, text: gap.text } };
}
