/** A street's (街道/镇) registered population for a year, as a planner copies it from the statistics. */
export interface StreetStatistics {
  streetCode: string;
  name: string;
  registeredPopulation: number;
  registered60Plus: number;
  registered65Plus: number;
}

export interface StreetStatisticsProblem {
  /** Path in the request: streets.2.registered65Plus. */
  field: string;
  message: string;
}

/** Every problem with a district's statistics for a year: streets of another district, duplicates, and age groups larger than the groups containing them. */
export function validateStreetStatistics(districtCode: string, streets: readonly StreetStatistics[]): StreetStatisticsProblem[] {
  const problems: StreetStatisticsProblem[] = [];
  const seen = new Set<string>();
  streets.forEach((street, i) => {
    const at = (field: string) => `streets.${i}.${field}`;
    if (!/^\d{9,12}$/.test(street.streetCode) || !street.streetCode.startsWith(districtCode)) {
      problems.push({ field: at('streetCode'), message: `must be a street code (9–12 digits) of district ${districtCode}` });
    } else if (seen.has(street.streetCode)) {
      problems.push({ field: at('streetCode'), message: `${street.streetCode} is given twice` });
    }
    seen.add(street.streetCode);
    for (const field of ['registeredPopulation', 'registered60Plus', 'registered65Plus'] as const) {
      if (!Number.isInteger(street[field]) || street[field] < 0) problems.push({ field: at(field), message: 'must be a whole number, 0 or more' });
    }
    if (street.registered60Plus > street.registeredPopulation) problems.push({ field: at('registered60Plus'), message: 'cannot exceed registeredPopulation' });
    if (street.registered65Plus > street.registered60Plus) problems.push({ field: at('registered65Plus'), message: 'cannot exceed registered60Plus (people aged 65+ are aged 60+ too)' });
  });
  return problems;
}
