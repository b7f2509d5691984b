import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { bootstrapAllocation } from '../apps/allocation/src/allocation.bootstrap';
import { CircleService } from '../apps/allocation/src/circle/circle.service';
import { generateDistrict, SMALL_PROFILE } from '@app/domain';
import { ALLOCATION_ENTITIES, dataSourceOptions, DistrictConflictError, type DistrictLoadSummary, loadDistrict } from '@app/persistence';
import { createTestDatabase, type TestDatabase, testQueuePrefix } from '@app/testing';

/** The synthetic-district loader (npm run load:district) on the small profile, against a real database. */
describe('loading a synthetic district (e2e)', () => {
  const district = generateDistrict(SMALL_PROFILE, 1);
  let database: TestDatabase;
  let dataSource: DataSource;
  let allocation: INestApplicationContext | undefined;
  let first: DistrictLoadSummary;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url, ALLOCATION_ENTITIES)).initialize();
    first = await loadDistrict(dataSource, district);
  });
  afterAll(async () => {
    await allocation?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  it('registers every facility of the district with its beds by type, respite beds, day-care places and meal capacity', async () => {
    const facilities: Array<{ id: string; type: string; day_care_places: number; meal_seats: number }> = await dataSource.query(
      `SELECT id, type, day_care_places, meal_seats FROM allocation.facility WHERE district_code = $1`,
      [district.districtCode],
    );
    expect(facilities).toHaveLength(district.facilities.length);
    const beds: Array<{ facility_id: string; bed_type: string; n: number; respite: number }> = await dataSource.query(
      `SELECT facility_id, bed_type, count(*)::int AS n, count(*) FILTER (WHERE respite)::int AS respite FROM allocation.bed GROUP BY facility_id, bed_type`,
    );
    for (const generated of district.facilities) {
      const stored = facilities.find((f) => f.id === generated.facilityId);
      expect(stored).toEqual({ id: generated.facilityId, type: generated.type, day_care_places: generated.dayCarePlaces, meal_seats: generated.mealCapacityPerSlot });
      const own = beds.filter((b) => b.facility_id === generated.facilityId);
      const byType = Object.fromEntries(own.map((b) => [b.bed_type, b.n]));
      const expected = Object.fromEntries(Object.entries(generated.beds ?? {}).filter(([, n]) => n > 0));
      expect(byType).toEqual(expected);
      expect(own.reduce((sum, b) => sum + b.respite, 0)).toBe(generated.respiteBeds);
    }
    expect(first.facilities).toMatchObject({ total: district.facilities.length, written: district.facilities.length });

    // Every room has a gender rule its beds follow; a room never mixes bed types.
    const rooms: Array<{ gender_rule: string; types: number }> = await dataSource.query(
      `SELECT r.gender_rule, count(DISTINCT b.bed_type)::int AS types FROM allocation.room r JOIN allocation.bed b ON b.room_id = r.id GROUP BY r.id, r.gender_rule`,
    );
    expect(rooms.length).toBe(first.rooms);
    expect(new Set(rooms.map((r) => r.gender_rule))).toEqual(new Set(['female', 'male', 'any']));
    expect(rooms.every((r) => r.types === 1)).toBe(true);
  });

  it("puts every senior in allocation's read model with home, level and the district policy's entitlements", async () => {
    const seniors = [...district.seniors()];
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM allocation.senior_view WHERE district_code = $1`, [district.districtCode]);
    expect(n).toBe(seniors.length);

    const sample = seniors.filter((_, i) => i % 40 === 0);
    const rows: Array<{ senior_id: string; street_code: string; sex: string; birth_date: string; lat: number; lng: number; living_arrangement: string; level: number | null; level_instrument: string | null; entitlements: { policy: { version: string }; bedTypes: string[] } }> =
      await dataSource.query(
        `SELECT senior_id, street_code, sex, to_char(birth_date, 'YYYY-MM-DD') AS birth_date, ST_Y(location::geometry) AS lat, ST_X(location::geometry) AS lng, living_arrangement, level, level_instrument, entitlements
         FROM allocation.senior_view WHERE senior_id = ANY($1::uuid[])`,
        [sample.map((s) => s.seniorId)],
      );
    expect(rows).toHaveLength(sample.length);
    for (const senior of sample) {
      const row = rows.find((r) => r.senior_id === senior.seniorId)!;
      expect(row).toMatchObject({ street_code: senior.address.streetCode, sex: senior.sex, birth_date: senior.birthDate, living_arrangement: senior.livingArrangement, level: senior.gbt?.level ?? null });
      expect(row.lat).toBeCloseTo(senior.address.location.lat, 6);
      expect(row.lng).toBeCloseTo(senior.address.location.lng, 6);
      expect(row.level_instrument).toBe(senior.gbt ? 'GB/T 42195-2022' : null);
      expect(row.entitlements.policy.version).toBe(first.entitlementPolicy.version);
    }

    // What the policy gives: a bed only after an assessment, a nursing bed from GB/T level 2.
    const [beds] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE level IS NULL AND jsonb_array_length(entitlements->'bedTypes') > 0)::int AS unassessed_with_bed,
              count(*) FILTER (WHERE level >= 2 AND NOT entitlements->'bedTypes' ? 'nursing')::int AS disabled_without_nursing,
              count(*) FILTER (WHERE level IS NOT NULL)::int AS assessed,
              count(*) FILTER (WHERE entitlements IS NULL OR entitlements_at IS NULL)::int AS without_entitlements
       FROM allocation.senior_view`,
    );
    expect(beds).toEqual({ unassessed_with_bed: 0, disabled_without_nursing: 0, assessed: seniors.filter((s) => s.gbt).length, without_entitlements: 0 });
  });

  it('writes nothing the second time, and refuses to mix in another seed of the same district', async () => {
    const counts = () => dataSource.query(`SELECT (SELECT count(*) FROM allocation.facility)::int AS f, (SELECT count(*) FROM allocation.bed)::int AS b, (SELECT count(*) FROM allocation.senior_view)::int AS s, (SELECT count(*) FROM allocation.allocation_policy)::int AS p`);
    const before = await counts();
    const again = await loadDistrict(dataSource, district);
    expect(again).toMatchObject({ alreadyLoaded: true, facilities: { written: 0 }, seniors: { written: 0, alreadyThere: district.population.seniors }, allocationPolicy: { written: false } });
    expect(await counts()).toEqual(before);

    await expect(loadDistrict(dataSource, generateDistrict(SMALL_PROFILE, 2))).rejects.toThrow(DistrictConflictError);
    expect(await counts()).toEqual(before);
  });

  it('finds the facilities around a loaded senior in the 15-minute circle, with their vacant beds', async () => {
    allocation = await bootstrapAllocation({ NODE_ENV: 'test', DATABASE_URL: database.url, QUEUE_PREFIX: testQueuePrefix(), LOG_LEVEL: 'silent' });
    // The senior living nearest to any residential facility.
    const [pair] = await dataSource.query(
      `SELECT f.id AS facility_id, s.senior_id FROM allocation.facility f
       CROSS JOIN LATERAL (SELECT v.senior_id, v.location FROM allocation.senior_view v ORDER BY v.location <-> f.location LIMIT 1) s
       WHERE f.type IN ('care-institution', 'small-care-home')
       ORDER BY ST_Distance(f.location, s.location) LIMIT 1`,
    );
    const facility = district.facilities.find((f) => f.facilityId === pair.facility_id)!;
    const result = await allocation.get(CircleService).search({ origin: { seniorId: pair.senior_id }, minutes: null, types: null });
    expect(result.origin.seniorId).toBe(pair.senior_id);
    expect(result.inside.length).toBeGreaterThan(0);
    expect(result.inside.every((f) => f.walkingMinutes <= 15 && typeof f.eligible === 'boolean')).toBe(true);
    expect(result.inside.find((f) => f.facilityId === facility.facilityId)?.vacantBeds).toEqual(facility.beds);
  });
});
