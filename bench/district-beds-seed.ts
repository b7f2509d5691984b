import type { Client } from 'pg';
import { SeededRandom, type SyntheticDistrict } from '@app/domain';

/*
 * A SEEDING STEP for the demo and bench:gateway, not the production path: a district loaded by
 * the district loader (npm run load:district) has every bed vacant; real districts have full care
 * homes and a waiting list. Written straight into allocation's tables (in production residents are
 * admitted and families apply through the API).
 */

/**
 * Every bed of the district taken by a resident of a sex its room takes, entitled to its type when
 * anyone left is (else paying the full price), in stays that began up to three years ago; then
 * `waitingApplicants` other bed-entitled seniors on the long-stay waiting list (within 30 minutes'
 * walk), applied over the last two years. Nobody subscribed to meals (dispatch's seed) is made a
 * resident, so dispatch's picture stays true. Reproducible from the district's seed.
 */
export async function fillBedsAndWaitingList(db: Client, district: SyntheticDistrict, waitingApplicants: number): Promise<{ taken: number; waiting: number }> {
  const random = SeededRandom.stream(district.seed, 'demo-residents');
  const { rows: beds } = await db.query<{ id: string; bed_type: string; gender_rule: string }>(
    `SELECT b.id, b.bed_type, r.gender_rule FROM allocation.bed b JOIN allocation.room r ON r.id = b.room_id JOIN allocation.facility f ON f.id = b.facility_id
     WHERE f.district_code = $1 ORDER BY b.id`,
    [district.districtCode],
  );
  const { rows: seniors } = await db.query<{ senior_id: string; sex: string; bed_types: string[] }>(
    `SELECT v.senior_id, v.sex, ARRAY(SELECT jsonb_array_elements_text(v.entitlements->'bedTypes')) AS bed_types
     FROM allocation.senior_view v
     WHERE v.district_code = $1
       AND NOT EXISTS (SELECT 1 FROM dispatch.meal_subscription_version m WHERE m.senior_id = v.senior_id)
     ORDER BY v.senior_id`,
    [district.districtCode],
  );
  const pool = [...seniors];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  const used = new Set<string>();
  const stays: Array<{ bed_id: string; senior_id: string; days: number }> = [];
  for (const bed of beds) {
    const fits = (s: (typeof pool)[number]) => !used.has(s.senior_id) && (bed.gender_rule === 'any' || bed.gender_rule === s.sex);
    // Someone entitled to the bed's type first; else a resident paying the full price.
    const resident = pool.find((s) => fits(s) && s.bed_types.includes(bed.bed_type)) ?? pool.find(fits);
    if (!resident) continue;
    used.add(resident.senior_id);
    stays.push({ bed_id: bed.id, senior_id: resident.senior_id, days: random.int(1, 1095) });
  }
  const applicants = pool.filter((s) => !used.has(s.senior_id) && s.bed_types.length > 0).slice(0, waitingApplicants).map((s) => ({ senior_id: s.senior_id, days: random.int(1, 730) }));
  await db.query('BEGIN');
  try {
    await db.query(
      `INSERT INTO allocation.bed_occupancy (id, bed_id, senior_id, kind, during, end_reason, created_by)
       SELECT gen_random_uuid(), s.bed_id, s.senior_id, 'stay', tstzrange(now() - make_interval(days => s.days), NULL), NULL, NULL
       FROM jsonb_to_recordset($1::jsonb) AS s(bed_id uuid, senior_id uuid, days int)`,
      [JSON.stringify(stays)],
    );
    await db.query(
      `INSERT INTO allocation.bed_application (id, senior_id, district_code, kind, bed_types, facility_ids, max_walking_minutes, status, applied_at)
       SELECT gen_random_uuid(), a.senior_id, $2, 'long-stay', '{}', '{}', 30, 'waiting', now() - make_interval(days => a.days)
       FROM jsonb_to_recordset($1::jsonb) AS a(senior_id uuid, days int)`,
      [JSON.stringify(applicants), district.districtCode],
    );
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
  if (stays.length < beds.length) throw new Error(`only ${stays.length} of ${beds.length} beds found a resident`);
  return { taken: stays.length, waiting: applicants.length };
}
