// MZ/T 039-2013 domain grades 0–3 (spec §2.1). Mind the direction: the ADL total is "higher is
// better" (Barthel), the other three domains are "higher is worse" (0 = no problem). Each grade
// returns the rule that produced it, so the report can say why.

export type MztGrade = 0 | 1 | 2 | 3;

export interface MztGrading {
  readonly grade: MztGrade;
  /** Named rule, e.g. `ADL_65_95`, `SENSORY_3_STUPOR_OR_COMA`. */
  readonly rule: string;
  readonly description: string;
}

/** B.1 日常生活活动: Barthel total 100 → 0 · 65–95 → 1 · 45–60 → 2 · ≤ 40 → 3. Totals are multiples of 5. */
export function mztAdlGrade(adlTotal: number): MztGrading {
  if (adlTotal === 100) return { grade: 0, rule: 'ADL_100', description: 'ADL total 100 → grade 0' };
  if (adlTotal >= 65) return { grade: 1, rule: 'ADL_65_95', description: `ADL total ${adlTotal} (65–95) → grade 1` };
  if (adlTotal >= 45) return { grade: 2, rule: 'ADL_45_60', description: `ADL total ${adlTotal} (45–60) → grade 2` };
  return { grade: 3, rule: 'ADL_0_40', description: `ADL total ${adlTotal} (≤ 40) → grade 3` };
}

/** B.2 精神状态: sum of 认知功能 + 攻击行为 + 抑郁症状 (0–6) → 0: 0 · 1: 1 · 2: 2–3 · 3: 4–6. */
export function mztMentalGrade(mentalSum: number): MztGrading {
  if (mentalSum === 0) return { grade: 0, rule: 'MENTAL_0', description: 'mental-state sum 0 → grade 0' };
  if (mentalSum === 1) return { grade: 1, rule: 'MENTAL_1', description: 'mental-state sum 1 → grade 1' };
  if (mentalSum <= 3) return { grade: 2, rule: 'MENTAL_2_3', description: `mental-state sum ${mentalSum} (2–3) → grade 2` };
  return { grade: 3, rule: 'MENTAL_4_6', description: `mental-state sum ${mentalSum} (4–6) → grade 3` };
}

/** B.4 社会参与: sum of five items (0–20) → 0: 0–2 · 1: 3–7 · 2: 8–13 · 3: 14–20. */
export function mztSocialGrade(socialSum: number): MztGrading {
  if (socialSum <= 2) return { grade: 0, rule: 'SOCIAL_0_2', description: `social-participation sum ${socialSum} (0–2) → grade 0` };
  if (socialSum <= 7) return { grade: 1, rule: 'SOCIAL_3_7', description: `social-participation sum ${socialSum} (3–7) → grade 1` };
  if (socialSum <= 13) return { grade: 2, rule: 'SOCIAL_8_13', description: `social-participation sum ${socialSum} (8–13) → grade 2` };
  return { grade: 3, rule: 'SOCIAL_14_20', description: `social-participation sum ${socialSum} (14–20) → grade 3` };
}

export interface MztSensoryAnswers {
  /** 意识水平 0 alert · 1 somnolent · 2 stupor · 3 coma. */
  readonly consciousness: number;
  /** 视力 0–4, 4 = no vision. */
  readonly vision: number;
  /** 听力 0–4, 4 = deaf. */
  readonly hearing: number;
  /** 沟通交流 0–3, 3 = cannot express or understand. */
  readonly communication: number;
}

/**
 * B.3 感知觉与沟通 is graded by rules, not by a sum, evaluated from the most severe down
 * (spec §2.1). A somnolent person is never below grade 2.
 */
export function mztSensoryGrade(a: MztSensoryAnswers): MztGrading {
  if (a.consciousness >= 2) {
    return { grade: 3, rule: 'SENSORY_3_STUPOR_OR_COMA', description: '意识水平 stupor or coma → grade 3' };
  }
  if (a.vision === 4 || a.hearing === 4 || a.communication === 3) {
    return { grade: 3, rule: 'SENSORY_3_SEVERE_LOSS', description: 'vision 4, hearing 4 or communication 3 → grade 3' };
  }
  if (a.consciousness === 1) {
    return { grade: 2, rule: 'SENSORY_2_SOMNOLENT', description: '意识水平 somnolent (vision, hearing ≤ 3, communication ≤ 2) → grade 2' };
  }
  if (a.vision === 3 || a.hearing === 3 || a.communication === 2) {
    return { grade: 2, rule: 'SENSORY_2_ALERT', description: 'alert with vision 3, hearing 3 or communication 2 → grade 2' };
  }
  if (a.vision === 2 || a.hearing === 2 || a.communication === 1) {
    return { grade: 1, rule: 'SENSORY_1_ALERT', description: 'alert with vision 2, hearing 2 or communication 1 → grade 1' };
  }
  return { grade: 0, rule: 'SENSORY_0_ALERT', description: 'alert, vision and hearing 0–1, communication 0 → grade 0' };
}
