import type { DataSource, QueryRunner } from 'typeorm';
import { DEFAULT_DISTRICT_POLICIES, DEFAULT_WALKING_MODEL, type DistrictPolicy, explainPolicySelection, localDate, type SyntheticDistrict, type SyntheticSenior } from '@app/domain';
import { layoutRooms } from './facility-layout';
import { seniorViewRow, type SeniorViewRow } from './senior-view-rows';

/**
 * Puts a synthetic district (libs/domain generateDistrict) into allocation's tables: facilities
 * with rooms and beds (facility-layout.ts), the district's allocation policy when it has none, and
 * every senior in allocation's read model with level, entitlements and street (senior-view-rows.ts).
 *
 * A seeding tool for demos and benchmarks: it writes allocation's tables directly, where the
 * production path registers facilities through the API and learns seniors from the assessment
 * service's events. Nothing goes into the assessment or dispatch schemas, no events are recorded.
 *
 * Entitlements come from the platform's default policy for the district (DEFAULT_DISTRICT_POLICIES)
 * in force on `entitlementsAsOf`, not from versions published in the assessment schema.
 *
 * Idempotent: a district already loaded is skipped (facilities by their ids, seniors by theirs),
 * and an interrupted load resumes where it stopped. A district that already has other facilities
 * (another profile or seed, or ones registered through the API) is refused rather than mixed.
 */
export interface DistrictLoadOptions {
  /** The local date entitlements are derived for (YYYY-MM-DD). Default: today in Asia/Shanghai, as the assessment service does. */
  entitlementsAsOf?: string;
  /** Bed-hold hours of the allocation policy written when the district has none. */
  holdHours?: number;
  /** Seniors per statement (and per transaction). */
  batchSize?: number;
  /** Called after each batch of seniors with how many of the district's seniors are done. */
  onProgress?: (done: number, total: number) => void;
}

export interface DistrictLoadSummary {
  profile: string;
  seed: number;
  districtCode: string;
  /** True when everything was already there and nothing was written. */
  alreadyLoaded: boolean;
  entitlementsAsOf: string;
  entitlementPolicy: { id: string; version: string };
  allocationPolicy: { version: string; written: boolean };
  facilities: { total: number; written: number; byType: Record<string, number> };
  rooms: number;
  beds: { general: number; nursing: number; 'dementia-care': number; respite: number };
  dayCarePlaces: number;
  mealSeats: number;
  seniors: { total: number; written: number; alreadyThere: number; withLevel: number };
  seconds: { facilities: number; seniors: number; total: number };
}

/** The district holds facilities that are not this synthetic district's: loading would mix two districts. */
export class DistrictConflictError extends Error {}

const DEFAULT_BATCH = 2_000;
const DEFAULT_HOLD_HOURS = 48;
const ALLOCATION_POLICY_VERSION = 'synthetic-default-1';
const YIELD_EVERY = 200;

export async function loadDistrict(dataSource: DataSource, district: SyntheticDistrict, options: DistrictLoadOptions = {}): Promise<DistrictLoadSummary> {
  const started = performance.now();
  const asOf = options.entitlementsAsOf ?? localDate(new Date());
  const selection = explainPolicySelection(DEFAULT_DISTRICT_POLICIES, district.districtCode, asOf);
  if (!selection.ok) throw new Error(`cannot derive entitlements: ${selection.message}`);
  const batchSize = options.batchSize ?? DEFAULT_BATCH;

  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const facilities = await loadFacilities(runner, district, asOf, options.holdHours ?? DEFAULT_HOLD_HOURS);
    const facilitiesDone = performance.now();
    const seniors = await loadSeniors(dataSource, runner, district, selection.policy, asOf, batchSize, options.onProgress);
    // Fresh statistics for the planner, as if the tables had grown over time.
    if (facilities.facilities.written > 0) await runner.query(`ANALYZE allocation.facility, allocation.room, allocation.bed`);
    if (seniors.written > 0) await runner.query(`ANALYZE allocation.senior_view`);
    const done = performance.now();
    const round = (ms: number) => Math.round(ms / 10) / 100;
    return {
      profile: district.profileId,
      seed: district.seed,
      districtCode: district.districtCode,
      alreadyLoaded: facilities.facilities.written === 0 && !facilities.allocationPolicy.written && seniors.written === 0,
      entitlementsAsOf: asOf,
      entitlementPolicy: { id: selection.policy.id, version: selection.policy.version },
      ...facilities,
      seniors,
      seconds: { facilities: round(facilitiesDone - started), seniors: round(done - facilitiesDone), total: round(done - started) },
    };
  } finally {
    await runner.release();
  }
}

type FacilitiesOutcome = Pick<DistrictLoadSummary, 'allocationPolicy' | 'facilities' | 'rooms' | 'beds' | 'dayCarePlaces' | 'mealSeats'>;

/** Facilities, rooms, beds and the allocation policy: one transaction, all or nothing. */
async function loadFacilities(runner: QueryRunner, district: SyntheticDistrict, asOf: string, holdHours: number): Promise<FacilitiesOutcome> {
  const facilityRows = district.facilities.map((f) => ({
    id: f.facilityId,
    type: f.type,
    name: f.name,
    street_code: f.streetCode,
    lat: f.location.lat,
    lng: f.location.lng,
    operator_name: f.operatorName,
    floor_area_m2: f.floorAreaM2,
    opening_hours: f.openingHours,
    day_care_places: f.dayCarePlaces,
    // The generator's meals per lunch slot (eat-in and delivered together): the facility's only meal figure.
    meal_seats: f.mealCapacityPerSlot,
  }));
  const roomRows: Array<{ id: string; facility_id: string; name: string; gender_rule: string }> = [];
  const bedRows: Array<{ id: string; room_id: string; facility_id: string; label: string; bed_type: string; respite: boolean }> = [];
  for (const facility of district.facilities) {
    for (const room of layoutRooms(facility, district.seed)) {
      roomRows.push({ id: room.id, facility_id: facility.facilityId, name: room.name, gender_rule: room.genderRule });
      for (const bed of room.beds) bedRows.push({ id: bed.id, room_id: room.id, facility_id: facility.facilityId, label: bed.label, bed_type: bed.bedType, respite: bed.respite });
    }
  }
  const byType: Record<string, number> = {};
  for (const f of district.facilities) byType[f.type] = (byType[f.type] ?? 0) + 1;
  const beds = { general: 0, nursing: 0, 'dementia-care': 0, respite: 0 };
  for (const bed of bedRows) {
    beds[bed.bed_type as keyof typeof beds] += 1;
    if (bed.respite) beds.respite += 1;
  }

  await runner.startTransaction();
  try {
    // Two loads of the same district at once: the second waits here and then finds it loaded.
    await runner.query(`SELECT pg_advisory_xact_lock(hashtext('load-district:' || $1))`, [district.districtCode]);
    const existing: Array<{ id: string; name: string }> = await runner.query(`SELECT id, name FROM allocation.facility WHERE district_code = $1`, [district.districtCode]);
    const mine = new Set(district.facilities.map((f) => f.facilityId));
    const foreign = existing.filter((f) => !mine.has(f.id));
    if (foreign.length > 0) {
      throw new DistrictConflictError(
        `district ${district.districtCode} already has ${foreign.length} facilities that are not those of profile ${district.profileId} seed ${district.seed} ` +
          `(e.g. ${foreign[0]!.name}); load into a fresh database instead of mixing two districts`,
      );
    }
    const facilitiesThere = existing.length === mine.size;
    if (existing.length > 0 && !facilitiesThere) {
      throw new DistrictConflictError(`district ${district.districtCode} has ${existing.length} of the ${mine.size} facilities of profile ${district.profileId} seed ${district.seed}; it was changed after loading`);
    }
    if (!facilitiesThere) {
      await runner.query(
        `INSERT INTO allocation.facility (id, type, name, district_code, street_code, location, coordinates_source, operator_name, floor_area_m2, opening_hours, day_care_places, meal_seats)
         SELECT f.id, f.type, f.name, $2, f.street_code, ST_SetSRID(ST_MakePoint(f.lng, f.lat), 4326)::geography, 'WGS-84', f.operator_name, f.floor_area_m2, f.opening_hours, f.day_care_places, f.meal_seats
         FROM jsonb_to_recordset($1::jsonb) AS f(id uuid, type text, name text, street_code text, lat float8, lng float8, operator_name text, floor_area_m2 numeric, opening_hours text, day_care_places int, meal_seats int)`,
        [JSON.stringify(facilityRows), district.districtCode],
      );
      await runner.query(
        `INSERT INTO allocation.room (id, facility_id, name, gender_rule)
         SELECT r.id, r.facility_id, r.name, r.gender_rule FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, facility_id uuid, name text, gender_rule text)`,
        [JSON.stringify(roomRows)],
      );
      await runner.query(
        `INSERT INTO allocation.bed (id, room_id, facility_id, label, bed_type, respite)
         SELECT b.id, b.room_id, b.facility_id, b.label, b.bed_type, b.respite FROM jsonb_to_recordset($1::jsonb) AS b(id uuid, room_id uuid, facility_id uuid, label text, bed_type text, respite boolean)`,
        [JSON.stringify(bedRows)],
      );
    }
    const policies: Array<{ version: string }> = await runner.query(`SELECT version FROM allocation.allocation_policy WHERE district_code = $1 ORDER BY effective_from DESC, id DESC LIMIT 1`, [district.districtCode]);
    let allocationPolicy = { version: policies[0]?.version ?? ALLOCATION_POLICY_VERSION, written: false };
    if (policies.length === 0) {
      // In force from the district's own date (or the entitlements' date, if earlier), so circle searches find it.
      const effectiveFrom = district.asOf < asOf ? district.asOf : asOf;
      const model = DEFAULT_WALKING_MODEL;
      await runner.query(
        `INSERT INTO allocation.allocation_policy (district_code, version, effective_from, walking_speed_mps, detour_factor, circle_minutes, hold_hours) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [district.districtCode, ALLOCATION_POLICY_VERSION, effectiveFrom, model.walkingSpeedMetresPerSecond, model.detourFactor, model.circleMinutes, holdHours],
      );
      allocationPolicy = { version: ALLOCATION_POLICY_VERSION, written: true };
    }
    await runner.commitTransaction();
    return {
      allocationPolicy,
      facilities: { total: facilityRows.length, written: facilitiesThere ? 0 : facilityRows.length, byType },
      rooms: roomRows.length,
      beds,
      dayCarePlaces: facilityRows.reduce((sum, f) => sum + f.day_care_places, 0),
      mealSeats: facilityRows.reduce((sum, f) => sum + f.meal_seats, 0),
    };
  } catch (error) {
    await runner.rollbackTransaction();
    throw error;
  }
}

/**
 * Seniors in batches, each batch one INSERT … SELECT FROM jsonb_to_recordset in its own
 * transaction. Seniors already there are left as they are (their rows may have changed since).
 * The next batch is derived while PostgreSQL writes the previous one on the runner's connection.
 */
async function loadSeniors(
  dataSource: DataSource,
  runner: QueryRunner,
  district: SyntheticDistrict,
  policy: DistrictPolicy,
  asOf: string,
  batchSize: number,
  onProgress: DistrictLoadOptions['onProgress'],
): Promise<DistrictLoadSummary['seniors']> {
  const total = district.population.seniors;
  const derivedAt = new Date().toISOString();
  const counts = { total: 0, written: 0, alreadyThere: 0, withLevel: 0 };
  let pending: Promise<number> | null = null;

  const flush = async (batch: SyntheticSenior[]): Promise<void> => {
    counts.total += batch.length;
    counts.withLevel += batch.filter((s) => s.gbt !== null).length;
    // On another pooled connection: the runner's is busy with the previous batch.
    const found: Array<{ senior_id: string }> = await dataSource.query(`SELECT senior_id FROM allocation.senior_view WHERE senior_id = ANY($1::uuid[])`, [batch.map((s) => s.seniorId)]);
    const there = new Set(found.map((r) => r.senior_id));
    counts.alreadyThere += there.size;
    const rows: SeniorViewRow[] = [];
    for (const senior of batch) {
      if (there.has(senior.seniorId)) continue;
      rows.push(seniorViewRow(senior, policy, asOf));
      // Let the socket take more of the previous batch's statement while this one is derived.
      if (rows.length % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    if (pending) counts.written += await pending;
    pending = rows.length > 0 ? insertSeniors(runner, rows, district.districtCode, derivedAt) : null;
    // Awaited with the next batch; until then a failure must not count as unhandled.
    pending?.catch(() => undefined);
    onProgress?.(counts.total, total);
  };

  let batch: SyntheticSenior[] = [];
  for (const senior of district.seniors()) {
    batch.push(senior);
    if (batch.length === batchSize) {
      await flush(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await flush(batch);
  if (pending) counts.written += await pending;
  return counts;
}

async function insertSeniors(runner: QueryRunner, rows: SeniorViewRow[], districtCode: string, derivedAt: string): Promise<number> {
  await runner.startTransaction();
  try {
    // Seeding only: a crash loses at most the last batches, which the next run writes again.
    await runner.query(`SET LOCAL synchronous_commit = off`);
    const result: { affected?: number | null } = await runner.query(
      `INSERT INTO allocation.senior_view (senior_id, district_code, street_code, sex, birth_date, location, living_arrangement, priority_flags, priority_grants, level, level_instrument, level_assessed_on, entitlements, entitlements_at)
       SELECT s.id, $2, s.street_code, s.sex, s.birth_date, ST_SetSRID(ST_MakePoint(s.lng, s.lat), 4326)::geography, s.living, s.flags, s.grants, s.level, s.instrument, s.assessed_on, s.entitlements, $3
       FROM jsonb_to_recordset($1::jsonb) AS s(id uuid, street_code text, sex text, birth_date date, lat float8, lng float8, living text, flags text[], grants jsonb, level int, instrument text, assessed_on date, entitlements jsonb)
       ON CONFLICT (senior_id) DO NOTHING`,
      [JSON.stringify(rows), districtCode, derivedAt],
      true,
    );
    await runner.commitTransaction();
    return result.affected ?? 0;
  } catch (error) {
    await runner.rollbackTransaction();
    throw error;
  }
}
