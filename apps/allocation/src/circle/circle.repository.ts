import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AllocationPolicy } from '@app/persistence';

export interface FacilityDistance {
  id: string;
  name: string;
  type: string;
  lat: number;
  lng: number;
  metres: number;
  dayCarePlaces: number;
}

export interface VacantBeds {
  facilityId: string;
  bedType: 'general' | 'nursing' | 'dementia-care';
  genderRule: 'female' | 'male' | 'any';
  vacant: number;
}

/** The only place that runs the circle's spatial queries (PostGIS on geography, GiST-indexed). */
@Injectable()
export class CircleRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The walking model in force in a district on a date: the latest version that has started. */
  walkingPolicy(districtCode: string, date: string): Promise<AllocationPolicy | null> {
    return this.dataSource.manager
      .createQueryBuilder(AllocationPolicy, 'w')
      .where('w.district_code = :districtCode AND w.effective_from <= :date', { districtCode, date })
      .orderBy('w.effective_from', 'DESC')
      .addOrderBy('w.id', 'DESC')
      .getOne();
  }

  /** Facilities within `radiusMetres` of the point (ST_DWithin uses the GiST index), nearest first. */
  within(point: { lat: number; lng: number }, radiusMetres: number, types: string[] | null): Promise<FacilityDistance[]> {
    return this.dataSource.query(
      `SELECT f.id, f.name, f.type, ST_Y(f.location::geometry) AS lat, ST_X(f.location::geometry) AS lng,
              ST_Distance(f.location, o.p) AS metres, f.day_care_places AS "dayCarePlaces"
       FROM allocation.facility f, (SELECT ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography AS p) o
       WHERE ST_DWithin(f.location, o.p, $3) AND ($4::text[] IS NULL OR f.type = ANY($4))
       ORDER BY metres
       LIMIT 500`,
      [point.lng, point.lat, radiusMetres, types],
    );
  }

  /** The nearest facilities beyond the radius (KNN on the GiST index), for the fallback. */
  beyond(point: { lat: number; lng: number }, radiusMetres: number, types: string[] | null, limit: number): Promise<FacilityDistance[]> {
    return this.dataSource.query(
      `SELECT f.id, f.name, f.type, ST_Y(f.location::geometry) AS lat, ST_X(f.location::geometry) AS lng,
              ST_Distance(f.location, o.p) AS metres, f.day_care_places AS "dayCarePlaces"
       FROM allocation.facility f, (SELECT ST_SetSRID(ST_MakePoint($1, $2), 4326)::geography AS p) o
       WHERE NOT ST_DWithin(f.location, o.p, $3) AND ($4::text[] IS NULL OR f.type = ANY($4))
       ORDER BY f.location <-> o.p
       LIMIT $5`,
      [point.lng, point.lat, radiusMetres, types, limit],
    );
  }

  /** Beds free right now (no hold or stay covers this instant), by facility, type and room gender rule. */
  async vacantBeds(facilityIds: string[]): Promise<VacantBeds[]> {
    if (facilityIds.length === 0) return [];
    const rows: Array<{ facility_id: string; bed_type: VacantBeds['bedType']; gender_rule: VacantBeds['genderRule']; vacant: number }> = await this.dataSource.query(
      `SELECT b.facility_id, b.bed_type, r.gender_rule, count(*)::int AS vacant
       FROM allocation.bed b JOIN allocation.room r ON r.id = b.room_id
       WHERE b.facility_id = ANY($1::uuid[])
         AND NOT EXISTS (SELECT 1 FROM allocation.bed_occupancy o WHERE o.bed_id = b.id AND o.during @> now())
       GROUP BY b.facility_id, b.bed_type, r.gender_rule`,
      [facilityIds],
    );
    return rows.map((r) => ({ facilityId: r.facility_id, bedType: r.bed_type, genderRule: r.gender_rule, vacant: r.vacant }));
  }
}
