// The words a district policy and a senior's facts share. libs/contracts takes its priority flags
// from here, so messages and rules always speak of the same groups.

/** The plans' priority groups (domain.md "Who comes first"), in the order reports list them. */
export const PRIORITY_GROUP_IDS = [
  'extreme-poverty', // 特困
  'minimum-income', // 低保
  'low-income', // 低收入
  'very-old', // 高龄
  'living-alone', // 独居
  'empty-nest', // 空巢
  'disabled', // 失能
  'cognitive-impairment', // 失智
  'family-planning-special', // 计划生育特殊家庭
  'key-entitled', // 重点优抚对象
] as const;
export type PriorityGroupId = (typeof PRIORITY_GROUP_IDS)[number];

export const PRIORITY_GROUP_NAMES: Readonly<Record<PriorityGroupId, string>> = {
  'extreme-poverty': '特困',
  'minimum-income': '低保',
  'low-income': '低收入',
  'very-old': '高龄',
  'living-alone': '独居',
  'empty-nest': '空巢',
  disabled: '失能',
  'cognitive-impairment': '失智',
  'family-planning-special': '计划生育特殊家庭',
  'key-entitled': '重点优抚对象',
};

export const LIVING_ARRANGEMENT_IDS = ['alone', 'with-spouse-only', 'with-family', 'in-institution', 'other'] as const;
export type LivingArrangement = (typeof LIVING_ARRANGEMENT_IDS)[number];

export const SENIOR_SEXES = ['female', 'male'] as const;
export type SeniorSex = (typeof SENIOR_SEXES)[number];

/** Bed types a senior may be offered (allocation matches them against bed attributes). */
export const BED_TYPES = ['general', 'nursing', 'dementia-care'] as const;
export type BedType = (typeof BED_TYPES)[number];

export const BED_TYPE_NAMES: Readonly<Record<BedType, string>> = {
  general: 'general bed (普通床位)',
  nursing: 'nursing-type bed (护理型床位)',
  'dementia-care': 'dementia-care bed (认知障碍照护床位)',
};

/** Diagnoses the policy can ask about. Dementia is F00–F03; cognitive impairment is a screening or hospital diagnosis. */
export const DIAGNOSIS_FACTS = ['dementia', 'cognitive-impairment'] as const;
export type DiagnosisFact = (typeof DIAGNOSIS_FACTS)[number];

/** Which level scale a number belongs to: GB/T 42195 (0–4) or Shanghai 照护等级 (0–6). */
export const LEVEL_SCALES = ['gbt', 'shanghai'] as const;
export type LevelScale = (typeof LEVEL_SCALES)[number];

export const LEVEL_SCALE_MAX: Readonly<Record<LevelScale, number>> = { gbt: 4, shanghai: 6 };

/**
 * Which assessment decides a rule:
 * - `gbt`: the latest final GB/T 42195 level;
 * - `shanghai`: the Shanghai unified care level only (no record, no level: GB/T never stands in);
 * - `shanghai-else-gbt`: the Shanghai care level when a usable record exists, otherwise GB/T.
 */
export const LEVEL_BASES = ['gbt', 'shanghai', 'shanghai-else-gbt'] as const;
export type LevelBasis = (typeof LEVEL_BASES)[number];

/** The scales a basis may end up reading, so validation can insist on a threshold for each. */
export const BASIS_SCALES: Readonly<Record<LevelBasis, readonly LevelScale[]>> = {
  gbt: ['gbt'],
  shanghai: ['shanghai'],
  'shanghai-else-gbt': ['shanghai', 'gbt'],
};

/** What happens to a level once its assessment is overdue or expired. */
export const LAPSED_LEVEL_HANDLING = ['keep-level', 'drop-level'] as const;
export type LapsedLevelHandling = (typeof LAPSED_LEVEL_HANDLING)[number];
