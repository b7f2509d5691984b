import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { PlanningTargetsVersion, StreetStatisticsRecord } from '@app/persistence';
import type { GeoPoint } from '@app/contracts';

/** Seniors of one street (null: registered without a street) who are within the circles of the same set of facility types. */
export interface CoverageGroup {
  streetCode: string | null;
  /** Bit i set: within the circle of a facility of `types[i]`. */
  mask: number;
  seniors: number;
  aged60Plus: number;
  aged65Plus: number;
}

export interface FacilityGroup {
  streetCode: string | null;
  type: string;
  facilities: number;
  floorAreaM2: number;
  dayCarePlaces: number;
  mealSeats: number;
}

export interface BedGroup {
  streetCode: string | null;
  general: number;
  nursing: number;
  dementiaCare: number;
  occupied: number;
  held: number;
}

export interface DayCareLoad {
  streetCode: string | null;
  morning: number;
  afternoon: number;
}

export interface UncoveredSpotRow {
  lat: number;
  lng: number;
  streetCode: string | null;
  seniors: number;
}

export interface WhatIfRow {
  streetCode: string | null;
  within: number;
  newlyCovered: number;
}

/**
 * The only place that runs the coverage queries. Every count is one set-based statement over the
 * district: a senior is covered by a type when a facility of it is within the circle's radius,
 * ST_DWithin on geography (the WGS-84 spheroid, as the circle search measures) using the GiST
 * indexes on senior_view.location and facility.location. Facilities of a neighbouring district count
 * too: a senior walks to the nearest site whoever runs it.
 */
@Injectable()
export class CoverageRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Seniors of the district grouped by street and by the set of facility types whose circle they are
   * in: one index probe per senior finds every facility within the radius. A few hundred groups come
   * back for a whole district. JIT is off: compiling costs more than it saves for this plan.
   */
  coverageGroups(districtCode: string, radiusMetres: number, types: readonly string[], asOf: string): Promise<CoverageGroup[]> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL jit = off');
      const rows: CoverageGroup[] = await manager.query(
        `SELECT s.street_code AS "streetCode", t.mask, count(*)::int AS seniors,
                count(*) FILTER (WHERE s.birth_date <= $4::date - interval '60 years')::int AS "aged60Plus",
                count(*) FILTER (WHERE s.birth_date <= $4::date - interval '65 years')::int AS "aged65Plus"
         FROM allocation.senior_view s
         CROSS JOIN LATERAL (
           SELECT coalesce(bit_or(1 << (array_position($3::text[], f.type) - 1)), 0) AS mask
           FROM allocation.facility f
           WHERE ST_DWithin(f.location, s.location, $2) AND f.type = ANY($3::text[])
         ) t
         WHERE s.district_code = $1
         GROUP BY s.street_code, t.mask`,
        [districtCode, radiusMetres, types, asOf],
      );
      return rows;
    });
  }

  facilityGroups(districtCode: string): Promise<FacilityGroup[]> {
    return this.dataSource.query(
      `SELECT f.street_code AS "streetCode", f.type, count(*)::int AS facilities, coalesce(sum(f.floor_area_m2), 0)::float8 AS "floorAreaM2",
              sum(f.day_care_places)::int AS "dayCarePlaces", sum(f.meal_seats)::int AS "mealSeats"
       FROM allocation.facility f WHERE f.district_code = $1
       GROUP BY f.street_code, f.type`,
      [districtCode],
    );
  }

  /** Beds by type per street, with those held or occupied at this instant. */
  bedGroups(districtCode: string): Promise<BedGroup[]> {
    return this.dataSource.query(
      `SELECT f.street_code AS "streetCode",
              count(*) FILTER (WHERE b.bed_type = 'general')::int AS general,
              count(*) FILTER (WHERE b.bed_type = 'nursing')::int AS nursing,
              count(*) FILTER (WHERE b.bed_type = 'dementia-care')::int AS "dementiaCare",
              count(*) FILTER (WHERE o.kind = 'stay')::int AS occupied,
              count(*) FILTER (WHERE o.kind = 'hold')::int AS held
       FROM allocation.bed b
       JOIN allocation.facility f ON f.id = b.facility_id
       LEFT JOIN allocation.bed_occupancy o ON o.bed_id = b.id AND o.during @> now()
       WHERE f.district_code = $1
       GROUP BY f.street_code`,
      [districtCode],
    );
  }

  /** Half-day day-care places booked on a date, per street. */
  dayCareLoads(districtCode: string, date: string): Promise<DayCareLoad[]> {
    return this.dataSource.query(
      `SELECT f.street_code AS "streetCode",
              coalesce(sum(l.booked) FILTER (WHERE l.session = 'morning'), 0)::int AS morning,
              coalesce(sum(l.booked) FILTER (WHERE l.session = 'afternoon'), 0)::int AS afternoon
       FROM allocation.daycare_session_load l JOIN allocation.facility f ON f.id = l.facility_id
       WHERE f.district_code = $1 AND l.date = $2
       GROUP BY f.street_code`,
      [districtCode, date],
    );
  }

  /** Each street's latest statistics. */
  latestStatistics(districtCode: string): Promise<StreetStatisticsRecord[]> {
    return this.dataSource.manager
      .createQueryBuilder(StreetStatisticsRecord, 's')
      .distinctOn(['s.street_code'])
      .where('s.district_code = :districtCode', { districtCode })
      .orderBy('s.street_code')
      .addOrderBy('s.year', 'DESC')
      .getMany();
  }

  statistics(districtCode: string, year: number | null): Promise<StreetStatisticsRecord[]> {
    return this.dataSource.manager.find(StreetStatisticsRecord, { where: { districtCode, ...(year === null ? {} : { year }) }, order: { year: 'DESC', streetCode: 'ASC' } });
  }

  /** Writes a year's statistics for these streets; a street's year entered again is corrected. */
  async saveStatistics(rows: Array<Omit<StreetStatisticsRecord, 'updatedAt'>>): Promise<void> {
    await this.dataSource.transaction((manager) => manager.upsert(StreetStatisticsRecord, rows, ['districtCode', 'streetCode', 'year']));
  }

  /** The targets in force on a date: the latest version that has started. */
  targetsInForce(districtCode: string, date: string): Promise<PlanningTargetsVersion | null> {
    return this.dataSource.manager
      .createQueryBuilder(PlanningTargetsVersion, 't')
      .where('t.district_code = :districtCode AND t.effective_from <= :date', { districtCode, date })
      .orderBy('t.effective_from', 'DESC')
      .addOrderBy('t.id', 'DESC')
      .getOne();
  }

  targetVersions(districtCode: string): Promise<PlanningTargetsVersion[]> {
    return this.dataSource.manager.find(PlanningTargetsVersion, { where: { districtCode }, order: { effectiveFrom: 'DESC', id: 'DESC' } });
  }

  targetVersion(districtCode: string, version: string): Promise<PlanningTargetsVersion | null> {
    return this.dataSource.manager.findOne(PlanningTargetsVersion, { where: { districtCode, version } });
  }

  /** Inserts a version; false when the district already has one of that name (a concurrent publish). */
  async insertTargets(row: Omit<PlanningTargetsVersion, 'id' | 'createdAt'>): Promise<boolean> {
    const result = await this.dataSource.manager.createQueryBuilder().insert().into(PlanningTargetsVersion).values(row).orIgnore().returning(['id']).execute();
    return (result.raw as unknown[]).length > 0;
  }

  /** Seniors on the platform in the district, or in one street of it. */
  async seniorCount(districtCode: string, streetCode: string | null): Promise<number> {
    const [row]: Array<{ seniors: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS seniors FROM allocation.senior_view s WHERE s.district_code = $1 AND ($2::text IS NULL OR s.street_code = $2)`,
      [districtCode, streetCode],
    );
    return row?.seniors ?? 0;
  }

  /**
   * Uncovered seniors of a type, grouped by street and by the spot they live at (seniors of one
   * building share coordinates): the rows h3 groups into cells.
   */
  uncoveredSpots(districtCode: string, type: string, radiusMetres: number, streetCode: string | null): Promise<UncoveredSpotRow[]> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL jit = off');
      const rows: UncoveredSpotRow[] = await manager.query(
        `SELECT ST_Y(s.location::geometry) AS lat, ST_X(s.location::geometry) AS lng, s.street_code AS "streetCode", count(*)::int AS seniors
         FROM allocation.senior_view s
         WHERE s.district_code = $1 AND ($4::text IS NULL OR s.street_code = $4)
           AND NOT EXISTS (SELECT 1 FROM allocation.facility f WHERE f.type = $2 AND ST_DWithin(f.location, s.location, $3))
         GROUP BY 1, 2, 3`,
        [districtCode, type, radiusMetres, streetCode],
      );
      return rows;
    });
  }

  /** Per street: seniors of the district, and how many of them are within the circle of a facility of the type. */
  coverageOfType(districtCode: string, type: string, radiusMetres: number): Promise<Array<{ streetCode: string | null; seniors: number; covered: number }>> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SET LOCAL jit = off');
      const rows: Array<{ streetCode: string | null; seniors: number; covered: number }> = await manager.query(
        `SELECT s.street_code AS "streetCode", count(*)::int AS seniors,
                count(*) FILTER (WHERE EXISTS (SELECT 1 FROM allocation.facility f WHERE f.type = $2 AND ST_DWithin(f.location, s.location, $3)))::int AS covered
         FROM allocation.senior_view s
         WHERE s.district_code = $1
         GROUP BY s.street_code`,
        [districtCode, type, radiusMetres],
      );
      return rows;
    });
  }

  /** Seniors of the district within the radius of a point, per street, and of them those no facility of the type covers yet. */
  whatIf(districtCode: string, type: string, point: GeoPoint, radiusMetres: number): Promise<WhatIfRow[]> {
    return this.dataSource.query(
      `SELECT s.street_code AS "streetCode", count(*)::int AS within,
              count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM allocation.facility f WHERE f.type = $2 AND ST_DWithin(f.location, s.location, $5)))::int AS "newlyCovered"
       FROM allocation.senior_view s
       WHERE s.district_code = $1 AND ST_DWithin(s.location, ST_SetSRID(ST_MakePoint($3, $4), 4326)::geography, $5)
       GROUP BY s.street_code`,
      [districtCode, type, point.lng, point.lat, radiusMetres],
    );
  }

  /**
   * Whether a point lies in the district's extent: the convex hull of its registered seniors and
   * facilities, widened by the circle's radius (there are no district boundaries in the data yet).
   * Null when the district has neither.
   */
  async withinDistrictExtent(districtCode: string, point: GeoPoint, radiusMetres: number): Promise<boolean | null> {
    const [row]: Array<{ inside: boolean | null }> = await this.dataSource.query(
      `WITH hull AS (
         SELECT ST_ConvexHull(ST_Collect(g))::geography AS h FROM (
           SELECT s.location::geometry AS g FROM allocation.senior_view s WHERE s.district_code = $1
           UNION ALL SELECT f.location::geometry FROM allocation.facility f WHERE f.district_code = $1) points)
       SELECT ST_DWithin(h, ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography, $4) AS inside FROM hull`,
      [districtCode, point.lng, point.lat, radiusMetres],
    );
    return row?.inside ?? null;
  }

  /** The street of the registered senior living nearest to a point (KNN on the GiST index). */
  async nearestSeniorStreet(districtCode: string, point: GeoPoint): Promise<string | null> {
    const [row]: Array<{ streetCode: string }> = await this.dataSource.query(
      `SELECT s.street_code AS "streetCode" FROM allocation.senior_view s
       WHERE s.district_code = $1 AND s.street_code IS NOT NULL
       ORDER BY s.location <-> ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography
       LIMIT 1`,
      [districtCode, point.lng, point.lat],
    );
    return row?.streetCode ?? null;
  }
}
