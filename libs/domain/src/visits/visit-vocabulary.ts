/**
 * The words of home-care visits (居家照护上门服务): what a caregiver (养老护理员) can do, the tasks a
 * care plan lists and the skills each needs, the national certification levels of the occupation
 * (养老护理员国家职业技能标准, 2019: 五级/初级工 … 一级/高级技师) and how caregivers travel.
 */

export const CARE_SKILLS = [
  'personal-care',
  'bathing',
  'medication-help',
  'dementia-care',
  'nursing-tasks',
  'housework',
  'rehabilitation',
  'mobility-help',
  'companionship',
] as const;
export type CareSkill = (typeof CARE_SKILLS)[number];

export const CARE_SKILL_NAMES: Readonly<Record<CareSkill, string>> = Object.freeze({
  'personal-care': '生活照料',
  bathing: '助浴',
  'medication-help': '用药协助',
  'dementia-care': '认知症照护',
  'nursing-tasks': '护理操作',
  housework: '家政服务',
  rehabilitation: '康复训练',
  'mobility-help': '移位协助',
  companionship: '陪伴与精神慰藉',
});

/** Tasks of a care plan; each shows on every visit's task list and needs the listed skills. */
export const CARE_TASK_SKILLS: Readonly<Record<string, readonly CareSkill[]>> = Object.freeze({
  'washing-and-dressing': ['personal-care'],
  'help-with-eating': ['personal-care'],
  'toileting-and-continence': ['personal-care'],
  'bed-bath': ['bathing', 'personal-care'],
  'assisted-shower': ['bathing', 'mobility-help'],
  'hair-and-nail-care': ['personal-care'],
  'medication-reminder': ['medication-help'],
  'pressure-sore-care': ['nursing-tasks'],
  'vital-signs': ['nursing-tasks'],
  'transfer-and-positioning': ['mobility-help'],
  'exercise-and-walking': ['rehabilitation'],
  'dementia-support': ['dementia-care'],
  'cleaning-and-laundry': ['housework'],
  'shopping-and-errands': ['housework'],
  companionship: ['companionship'],
});
export const CARE_TASKS = Object.freeze(Object.keys(CARE_TASK_SKILLS)) as readonly string[];

export const CARE_TASK_NAMES: Readonly<Record<string, string>> = Object.freeze({
  'washing-and-dressing': '洗漱穿衣',
  'help-with-eating': '协助进食',
  'toileting-and-continence': '如厕与二便护理',
  'bed-bath': '床上擦浴',
  'assisted-shower': '协助沐浴',
  'hair-and-nail-care': '洗发与修剪指甲',
  'medication-reminder': '提醒与协助服药',
  'pressure-sore-care': '压疮预防护理',
  'vital-signs': '生命体征测量',
  'transfer-and-positioning': '移位与翻身',
  'exercise-and-walking': '肢体功能训练',
  'dementia-support': '认知症照护',
  'cleaning-and-laundry': '居室清洁与洗衣',
  'shopping-and-errands': '代购代办',
  companionship: '陪伴聊天',
});

/** Distinct skills the tasks need, in the order of CARE_SKILLS; unknown tasks are ignored (validateVisitPlan reports them). */
export function skillsForTasks(tasks: readonly string[]): CareSkill[] {
  const needed = new Set(tasks.flatMap((task) => CARE_TASK_SKILLS[task] ?? []));
  return CARE_SKILLS.filter((skill) => needed.has(skill));
}

/** National occupational skill levels of 养老护理员, lowest first. */
export const CERTIFICATION_LEVELS = ['junior', 'intermediate', 'senior', 'technician', 'senior-technician'] as const;
export type CertificationLevel = (typeof CERTIFICATION_LEVELS)[number];
export const CERTIFICATION_LEVEL_NAMES: Readonly<Record<CertificationLevel, string>> = Object.freeze({
  junior: '五级/初级工',
  intermediate: '四级/中级工',
  senior: '三级/高级工',
  technician: '二级/技师',
  'senior-technician': '一级/高级技师',
});

export const CAREGIVER_GENDERS = ['female', 'male'] as const;
export type CaregiverGender = (typeof CAREGIVER_GENDERS)[number];

/**
 * How caregivers get from door to door, with average door-to-door speeds in town (km/h): on foot
 * 4, a bicycle 12, an e-bike 18, bus and metro 12 once walking and waiting are counted [assumption].
 */
export const CAREGIVER_TRAVEL_MODES = ['walk', 'bicycle', 'e-bike', 'transit'] as const;
export type CaregiverTravelMode = (typeof CAREGIVER_TRAVEL_MODES)[number];
export const CAREGIVER_TRAVEL_SPEEDS_KMH: Readonly<Record<CaregiverTravelMode, number>> = Object.freeze({
  walk: 4,
  bicycle: 12,
  'e-bike': 18,
  transit: 12,
});
