/**
 * A district's planning targets (domain.md, "Indicators the plans set"), as versioned data: each
 * district's five-year plan sets its own figures, so none of them is a constant in code.
 */
export interface PlanningTargets {
  /** Institution beds per 100 registered older adults (60+): 4 means 4% (Songjiang 4, Minhang 4.1). */
  bedsPer100Older: number;
  /** Nursing-type (护理型) beds as a percent of institution beds: at least 60 district-wide. */
  nursingBedSharePct: number;
  /** District total of dementia-care beds (认知障碍照护床位), e.g. Minhang 1,200; null when the plan sets none. */
  dementiaCareBeds: number | null;
  /** Meal-assistance capacity as a percent of registered people aged 65+: 5. */
  mealCapacityPctOf65Plus: number;
  /** Community care floor area, m² per 1,000 registered residents: 40 (Songjiang). */
  communityFloorM2Per1000: number;
}

export interface PlanningTargetProblem {
  field: keyof PlanningTargets;
  message: string;
}

/** Every problem with a set of targets (an empty list means they can be stored). Reads unknown input safely. */
export function validatePlanningTargets(input: unknown): PlanningTargetProblem[] {
  const t = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const problems: PlanningTargetProblem[] = [];
  const percent = (field: keyof PlanningTargets, max: number) => {
    const value = t[field];
    if (typeof value !== 'number' || !Number.isFinite(value)) problems.push({ field, message: 'must be a number' });
    else if (value <= 0 || value > max) problems.push({ field, message: `must be above 0 and at most ${max}, got ${value}` });
  };
  percent('bedsPer100Older', 100);
  percent('nursingBedSharePct', 100);
  percent('mealCapacityPctOf65Plus', 100);
  percent('communityFloorM2Per1000', 10_000);
  const dementia = t.dementiaCareBeds;
  if (dementia !== null && (typeof dementia !== 'number' || !Number.isInteger(dementia) || dementia < 0)) {
    problems.push({ field: 'dementiaCareBeds', message: 'must be a whole number of beds, or null when the plan sets none' });
  }
  return problems;
}
