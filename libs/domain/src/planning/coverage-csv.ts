/**
 * The coverage report as CSV for spreadsheets: one row for the district, then one per street (and
 * one for seniors and facilities without a street, when there are any). RFC 4180 quoting, CRLF line
 * ends, and a UTF-8 byte-order mark so that Excel shows Chinese street names correctly.
 */
import type { AreaIndicators, Indicator } from './indicators';

export interface CoverageCsvRow {
  area: 'district' | 'street' | 'without-street';
  /** District code for the district row, street code for a street, null for the row without a street. */
  code: string | null;
  name: string | null;
  indicators: AreaIndicators;
}

type Cell = string | number | boolean | null;

/** Column names: lower snake case, facility types as in the API with dashes turned into underscores. */
export function coverageCsvHeader(facilityTypes: readonly string[]): string[] {
  const type = (t: string) => t.replace(/-/g, '_');
  return [
    'area',
    'code',
    'name',
    'population_source',
    'statistics_years',
    'registered_population',
    'registered_60_plus',
    'registered_65_plus',
    'seniors_on_platform',
    ...facilityTypes.flatMap((t) => [`covered_${type(t)}`, `covered_${type(t)}_pct`]),
    ...facilityTypes.map((t) => `facilities_${type(t)}`),
    'beds_total',
    'beds_general',
    'beds_nursing',
    'beds_dementia_care',
    'beds_per_100_older',
    'beds_per_100_older_target',
    'beds_per_100_older_met',
    'nursing_share_pct',
    'nursing_share_target_pct',
    'nursing_share_met',
    'dementia_care_beds',
    'dementia_care_beds_target',
    'dementia_care_beds_met',
    'meal_seats',
    'meals_needed',
    'meal_capacity_pct_of_65_plus',
    'meal_capacity_target_pct',
    'meal_capacity_met',
    'community_floor_m2',
    'community_floor_m2_per_1000',
    'community_floor_target_m2_per_1000',
    'community_floor_met',
    'day_care_places',
    'day_care_places_per_100_older',
    'beds_occupied',
    'beds_held',
    'bed_occupancy_pct',
    'day_care_booked_morning',
    'day_care_booked_afternoon',
    'day_care_booked_pct',
  ];
}

function rowCells(row: CoverageCsvRow, facilityTypes: readonly string[]): Cell[] {
  const a = row.indicators;
  const i = a.indicators;
  const judged = (x: Indicator): Cell[] => [x.value, x.target, x.meetsTarget];
  return [
    row.area,
    row.code,
    row.name,
    a.population.source,
    a.population.years.join(';'),
    a.population.registeredPopulation,
    a.population.registered60Plus,
    a.population.registered65Plus,
    a.seniorsOnPlatform,
    ...facilityTypes.flatMap((t) => [a.coverage[t]?.covered ?? 0, a.coverage[t]?.sharePct ?? null]),
    ...facilityTypes.map((t) => a.facilities[t] ?? 0),
    a.capacity.beds.total,
    a.capacity.beds.general,
    a.capacity.beds.nursing,
    a.capacity.beds.dementiaCare,
    ...judged(i.bedsPer100Older),
    ...judged(i.nursingBedSharePct),
    ...judged(i.dementiaCareBeds),
    a.capacity.mealSeats,
    a.capacity.mealsNeeded,
    ...judged(i.mealCapacityPctOf65Plus),
    a.capacity.communityFloorAreaM2,
    ...judged(i.communityFloorM2Per1000),
    a.capacity.dayCarePlaces,
    i.dayCarePlacesPer100Older.value,
    a.occupancy.beds.occupied,
    a.occupancy.beds.held,
    a.occupancy.beds.occupiedPct,
    a.occupancy.dayCare.bookedMorning,
    a.occupancy.dayCare.bookedAfternoon,
    a.occupancy.dayCare.bookedPct,
  ];
}

/**
 * One CSV cell. Empty for unknown values, yes/no for targets met. Text is quoted when it holds a
 * comma, quote or line break, and text that a spreadsheet would run as a formula gets a leading
 * apostrophe (names are typed in by people).
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function coverageCsv(rows: readonly CoverageCsvRow[], facilityTypes: readonly string[]): string {
  const lines = [coverageCsvHeader(facilityTypes).join(','), ...rows.map((row) => rowCells(row, facilityTypes).map(csvCell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
