import type { AreaIndicators, GapCell, PlanningTargets, StreetStatistics } from '@app/domain';
import type { CoordinateSystem, FacilityType } from './facilities.types';
import type { GeoPoint } from './seniors.types';

/** Coverage and planning indicators of the five-year plans (domain.md), per district and street. */

/** A new version of a district's planning targets. */
export interface PublishPlanningTargetsCommand extends PlanningTargets {
  districtCode: string;
  version: string;
  effectiveFrom: string;
}

export interface PlanningTargetsRecord extends PublishPlanningTargetsCommand {
  /** The version in force today (the latest that has started). */
  inForce: boolean;
  /** Account id of the planner who published it; null for the defaults stored at installation. */
  createdBy: string | null;
  createdAt: string;
}

/** A district's street statistics for a year; streets entered again for the same year are corrected. */
export interface SetStreetStatisticsCommand {
  districtCode: string;
  year: number;
  streets: StreetStatistics[];
}

export interface StreetStatisticsEntry extends StreetStatistics {
  districtCode: string;
  year: number;
  updatedBy: string | null;
  updatedAt: string;
}

/** The walking model behind a report: the straight-line radius that `minutes` on foot cover. */
export interface CoverageWalkingModel {
  version: string;
  walkingSpeedMps: number;
  detourFactor: number;
  minutes: number;
  radiusMetres: number;
}

export interface CoverageQuery {
  districtCode: string;
  /** 5, 10 or 15; default: the district's circle. */
  minutes: number | null;
}

/** One area of a report: the district, a street, or what is registered without a street. */
export interface CoverageArea extends AreaIndicators {
  area: 'district' | 'street' | 'without-street';
  /** District code, street code, or null for the area without a street. */
  code: string | null;
  /** The street's name from the statistics (null when none were entered). */
  name: string | null;
}

export interface CoverageReport {
  districtCode: string;
  /** The local date (Asia/Shanghai) ages, occupancy and targets are taken on. */
  asOf: string;
  generatedAt: string;
  walkingModel: CoverageWalkingModel;
  /** The targets in force; null when the district has published none (nothing is judged then). */
  targets: (PlanningTargets & { version: string; effectiveFrom: string }) | null;
  /** In the order of every per-type figure. */
  facilityTypes: FacilityType[];
  district: CoverageArea;
  /** Streets by code; the area without a street last, when anything is registered without one. */
  streets: CoverageArea[];
  /** How to read the figures: sources, what counts as what. */
  notes: string[];
}

export interface GapQuery {
  districtCode: string;
  type: FacilityType;
  minutes: number | null;
  /** H3 resolution 7–10; default 9 (cells of about 0.1 km²). */
  resolution: number | null;
  /** Cells to return, most uncovered seniors first; default 20. */
  limit: number | null;
  /** Only this street's seniors. */
  streetCode: string | null;
}

export interface GapReport {
  districtCode: string;
  type: FacilityType;
  streetCode: string | null;
  walkingModel: CoverageWalkingModel;
  resolution: number;
  /** Seniors on the platform in the district (or street). */
  seniors: number;
  /** Of them, outside every circle of the type. */
  uncovered: number;
  /** Cells with uncovered seniors (all of them, before the limit). */
  cellCount: number;
  cells: GapCell[];
}

export interface WhatIfQuery {
  districtCode: string;
  type: FacilityType;
  point: GeoPoint;
  coordinateSystem: CoordinateSystem;
  minutes: number | null;
  /** The street the site would be in; default: the street of the nearest registered senior. */
  streetCode: string | null;
}

export interface WhatIfCoverage {
  seniors: number;
  coveredBefore: number;
  coveredAfter: number;
  sharePctBefore: number | null;
  sharePctAfter: number | null;
}

export interface WhatIfResult {
  districtCode: string;
  type: FacilityType;
  /** WGS-84 (converted when given in GCJ-02). */
  point: GeoPoint;
  walkingModel: CoverageWalkingModel;
  /** Seniors of the district within the new site's circle. */
  withinCircle: number;
  /** Of them, already within the circle of a facility of the type. */
  alreadyCovered: number;
  /** Of them, covered only thanks to the new site: "a site of type T at P covers N more seniors". */
  newlyCovered: number;
  district: WhatIfCoverage;
  street: WhatIfCoverage & { streetCode: string | null; source: 'request' | 'nearest-registered-senior'; newlyCovered: number };
}
