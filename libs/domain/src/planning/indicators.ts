/**
 * The plans' indicators for one area (a street or the whole district), from counts the database
 * gives: ratios against the district's targets, each with whether it is met. Pure arithmetic, so
 * every rule here is unit tested; the SQL only counts.
 */
import type { PlanningTargets } from './planning-targets';
import type { PlatformCounts, Population } from './population';

/** Residential facilities: their beds are the institution beds the plans count (养老床位). */
export const RESIDENTIAL_FACILITY_TYPES: readonly string[] = ['care-institution', 'small-care-home'];
/** Community (社区) facilities: their floor area is the community care area per 1,000 residents; institutions are not community facilities. */
export const COMMUNITY_CARE_FACILITY_TYPES: readonly string[] = ['small-care-home', 'day-care-centre', 'community-hub', 'meal-site', 'neighbourhood-point'];

/** What the facilities of one type in an area add up to. */
export interface FacilityTotals {
  facilities: number;
  floorAreaM2: number;
  dayCarePlaces: number;
  mealSeats: number;
}

/** Beds of the residential facilities of an area, with those held or occupied right now. */
export interface BedTotals {
  general: number;
  nursing: number;
  dementiaCare: number;
  occupied: number;
  held: number;
}

/** Counts for one area, as the database gives them. */
export interface AreaFigures {
  platform: PlatformCounts;
  /** Seniors on the platform within the circle of at least one facility of the type, by type. */
  coveredByType: Readonly<Record<string, number>>;
  facilitiesByType: Readonly<Record<string, FacilityTotals>>;
  beds: BedTotals;
  /** Day-care places booked today per half-day session (a full day takes both). */
  dayCareBookedToday: { morning: number; afternoon: number };
}

/** One indicator: its value, the target it is held to (null: the plan sets none here) and whether it is met. */
export interface Indicator {
  value: number | null;
  target: number | null;
  meetsTarget: boolean | null;
}

export interface AreaIndicators {
  population: Population;
  /** Seniors registered on the platform in the area: the base of the coverage shares. */
  seniorsOnPlatform: number;
  /** Per facility type: seniors within its circle and their share of the area's seniors on the platform (percent). */
  coverage: Record<string, { covered: number; sharePct: number | null }>;
  facilities: Record<string, number>;
  capacity: {
    beds: { total: number; general: number; nursing: number; dementiaCare: number };
    /** Canteen seats per meal slot, summed over every facility that serves meals. */
    mealSeats: number;
    /** Seats the meal target asks for: target percent of registered 65+, rounded up. */
    mealsNeeded: number | null;
    dayCarePlaces: number;
    communityFloorAreaM2: number;
  };
  indicators: {
    /** Institution beds per 100 registered older adults (60+), i.e. percent. */
    bedsPer100Older: Indicator;
    nursingBedSharePct: Indicator;
    /** Dementia-care beds: the target is a district total, so streets have none. */
    dementiaCareBeds: Indicator;
    mealCapacityPctOf65Plus: Indicator;
    /** Needs the registered population, known only from statistics. */
    communityFloorM2Per1000: Indicator;
    /** The plans set no target for day-care places. */
    dayCarePlacesPer100Older: Indicator;
  };
  occupancy: {
    beds: { total: number; occupied: number; held: number; occupiedPct: number | null };
    /** Today: booked half-day places over places per session × 2 sessions. */
    dayCare: { placesPerSession: number; bookedMorning: number; bookedAfternoon: number; bookedPct: number | null };
  };
}

const EMPTY_TOTALS: FacilityTotals = { facilities: 0, floorAreaM2: 0, dayCarePlaces: 0, mealSeats: 0 };

/** Two decimals: what a dashboard shows. Targets are compared with the unrounded value. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** part ÷ whole × scale, or null when the whole is zero or unknown. */
function ratio(part: number, whole: number | null, scale: number): number | null {
  return whole === null || whole === 0 ? null : (part / whole) * scale;
}

/** An indicator held to a minimum target. */
function atLeast(value: number | null, target: number | null): Indicator {
  return { value: value === null ? null : round2(value), target, meetsTarget: value === null || target === null ? null : value >= target - 1e-9 };
}

/** The indicators of one area against the district's targets (null: none published, so nothing is judged). */
export function areaIndicators(figures: AreaFigures, population: Population, targets: PlanningTargets | null, scope: 'district' | 'street', facilityTypes: readonly string[]): AreaIndicators {
  const of = (type: string) => figures.facilitiesByType[type] ?? EMPTY_TOTALS;
  const sumOver = (types: readonly string[], field: keyof FacilityTotals) => types.reduce((total, type) => total + of(type)[field], 0);
  const beds = figures.beds;
  const totalBeds = beds.general + beds.nursing + beds.dementiaCare;
  const mealSeats = sumOver(facilityTypes, 'mealSeats');
  const dayCarePlaces = sumOver(facilityTypes, 'dayCarePlaces');
  const communityFloorAreaM2 = round2(sumOver(COMMUNITY_CARE_FACILITY_TYPES, 'floorAreaM2'));
  const mealsNeeded = targets ? Math.ceil((targets.mealCapacityPctOf65Plus * population.registered65Plus) / 100 - 1e-9) : null;
  const coverage: AreaIndicators['coverage'] = {};
  const facilities: AreaIndicators['facilities'] = {};
  for (const type of facilityTypes) {
    const covered = figures.coveredByType[type] ?? 0;
    const share = ratio(covered, figures.platform.seniors, 100);
    coverage[type] = { covered, sharePct: share === null ? null : round2(share) };
    facilities[type] = of(type).facilities;
  }
  const booked = figures.dayCareBookedToday;
  return {
    population,
    seniorsOnPlatform: figures.platform.seniors,
    coverage,
    facilities,
    capacity: {
      beds: { total: totalBeds, general: beds.general, nursing: beds.nursing, dementiaCare: beds.dementiaCare },
      mealSeats,
      mealsNeeded,
      dayCarePlaces,
      communityFloorAreaM2,
    },
    indicators: {
      bedsPer100Older: atLeast(ratio(totalBeds, population.registered60Plus, 100), targets?.bedsPer100Older ?? null),
      nursingBedSharePct: atLeast(ratio(beds.nursing, totalBeds, 100), targets?.nursingBedSharePct ?? null),
      dementiaCareBeds: atLeast(beds.dementiaCare, scope === 'district' ? (targets?.dementiaCareBeds ?? null) : null),
      mealCapacityPctOf65Plus: atLeast(ratio(mealSeats, population.registered65Plus, 100), targets?.mealCapacityPctOf65Plus ?? null),
      communityFloorM2Per1000: atLeast(ratio(communityFloorAreaM2, population.registeredPopulation, 1000), targets?.communityFloorM2Per1000 ?? null),
      dayCarePlacesPer100Older: atLeast(ratio(dayCarePlaces, population.registered60Plus, 100), null),
    },
    occupancy: {
      beds: { total: totalBeds, occupied: beds.occupied, held: beds.held, occupiedPct: nullableRound(ratio(beds.occupied, totalBeds, 100)) },
      dayCare: { placesPerSession: dayCarePlaces, bookedMorning: booked.morning, bookedAfternoon: booked.afternoon, bookedPct: nullableRound(ratio(booked.morning + booked.afternoon, dayCarePlaces * 2, 100)) },
    },
  };
}

function nullableRound(value: number | null): number | null {
  return value === null ? null : round2(value);
}

/** Empty figures: an area with nothing registered yet. */
export function emptyFigures(): AreaFigures {
  return {
    platform: { seniors: 0, aged60Plus: 0, aged65Plus: 0 },
    coveredByType: {},
    facilitiesByType: {},
    beds: { general: 0, nursing: 0, dementiaCare: 0, occupied: 0, held: 0 },
    dayCareBookedToday: { morning: 0, afternoon: 0 },
  };
}

/** The figures of several areas added up (the district is the sum of its streets and of what has no street). */
export function sumFigures(areas: readonly AreaFigures[]): AreaFigures {
  const total = emptyFigures();
  const covered: Record<string, number> = {};
  const byType: Record<string, FacilityTotals> = {};
  for (const area of areas) {
    total.platform.seniors += area.platform.seniors;
    total.platform.aged60Plus += area.platform.aged60Plus;
    total.platform.aged65Plus += area.platform.aged65Plus;
    for (const [type, n] of Object.entries(area.coveredByType)) covered[type] = (covered[type] ?? 0) + n;
    for (const [type, t] of Object.entries(area.facilitiesByType)) {
      const into = (byType[type] ??= { ...EMPTY_TOTALS });
      into.facilities += t.facilities;
      into.floorAreaM2 += t.floorAreaM2;
      into.dayCarePlaces += t.dayCarePlaces;
      into.mealSeats += t.mealSeats;
    }
    for (const key of ['general', 'nursing', 'dementiaCare', 'occupied', 'held'] as const) total.beds[key] += area.beds[key];
    total.dayCareBookedToday.morning += area.dayCareBookedToday.morning;
    total.dayCareBookedToday.afternoon += area.dayCareBookedToday.afternoon;
  }
  return { ...total, coveredByType: covered, facilitiesByType: byType };
}
