/**
 * Whose numbers an indicator divides by. The plans measure against the registered (户籍) population
 * of the statistics yearbook; when a street has no statistics, the platform's own registrations
 * stand in, and every figure says which source it used.
 */
export const POPULATION_SOURCES = ['statistics', 'platform-registrations', 'mixed'] as const;
export type PopulationSource = (typeof POPULATION_SOURCES)[number];

/** Seniors registered on the platform in an area, by age on the report's date. */
export interface PlatformCounts {
  seniors: number;
  aged60Plus: number;
  aged65Plus: number;
}

/** One street's figures from the statistics a planner entered for a year. */
export interface StatisticsFigures {
  year: number;
  registeredPopulation: number;
  registered60Plus: number;
  registered65Plus: number;
}

export interface Population {
  /** statistics; platform-registrations (no statistics); mixed (a district where only some streets have statistics). */
  source: PopulationSource;
  /** Years of the statistics used (empty for platform registrations). */
  years: number[];
  /** All registered residents: only known from statistics (null otherwise). */
  registeredPopulation: number | null;
  registered60Plus: number;
  registered65Plus: number;
}

/** A street's population: its statistics when a planner entered them, else the platform's registrations. */
export function streetPopulation(platform: PlatformCounts, statistics: StatisticsFigures | null): Population {
  if (statistics) {
    return {
      source: 'statistics',
      years: [statistics.year],
      registeredPopulation: statistics.registeredPopulation,
      registered60Plus: statistics.registered60Plus,
      registered65Plus: statistics.registered65Plus,
    };
  }
  return { source: 'platform-registrations', years: [], registeredPopulation: null, registered60Plus: platform.aged60Plus, registered65Plus: platform.aged65Plus };
}

/**
 * The district's population from its streets'. When every street has statistics, their sum (seniors
 * registered on the platform without a street are in those statistics already). Otherwise the
 * platform's counts fill in for the streets without statistics and for seniors without a street,
 * and the total population is unknown.
 */
export function districtPopulation(streets: readonly Population[], withoutStreet: PlatformCounts | null): Population {
  const withStatistics = streets.filter((s) => s.source === 'statistics');
  const years = [...new Set(withStatistics.flatMap((s) => s.years))].sort((a, b) => a - b);
  const sum = (of: (p: Population) => number) => streets.reduce((total, p) => total + of(p), 0);
  if (streets.length > 0 && withStatistics.length === streets.length) {
    return { source: 'statistics', years, registeredPopulation: sum((p) => p.registeredPopulation ?? 0), registered60Plus: sum((p) => p.registered60Plus), registered65Plus: sum((p) => p.registered65Plus) };
  }
  return {
    source: withStatistics.length === 0 ? 'platform-registrations' : 'mixed',
    years,
    registeredPopulation: null,
    registered60Plus: sum((p) => p.registered60Plus) + (withoutStreet?.aged60Plus ?? 0),
    registered65Plus: sum((p) => p.registered65Plus) + (withoutStreet?.aged65Plus ?? 0),
  };
}
