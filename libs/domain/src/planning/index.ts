// District planning: the five-year plans' indicators, population sources, gap clusters and the CSV export.
export { coverageCsv, coverageCsvHeader, type CoverageCsvRow, csvCell } from './coverage-csv';
export { DEFAULT_GAP_RESOLUTION, GAP_RESOLUTIONS, type GapCell, type GapClusters, gapClusters, type GapResolution, type UncoveredSpot } from './gap-cells';
export {
  type AreaFigures,
  type AreaIndicators,
  areaIndicators,
  type BedTotals,
  COMMUNITY_CARE_FACILITY_TYPES,
  emptyFigures,
  type FacilityTotals,
  type Indicator,
  RESIDENTIAL_FACILITY_TYPES,
  round2,
  sumFigures,
} from './indicators';
export { type PlanningTargetProblem, type PlanningTargets, validatePlanningTargets } from './planning-targets';
export { districtPopulation, type PlatformCounts, type Population, POPULATION_SOURCES, type PopulationSource, type StatisticsFigures, streetPopulation } from './population';
export { type StreetStatistics, type StreetStatisticsProblem, validateStreetStatistics } from './street-statistics';
