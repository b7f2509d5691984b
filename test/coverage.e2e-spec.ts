import { Client } from 'pg';
import { ServiceClient } from '@app/contracts';
import { localDate, wgs84ToGcj02, withCheckCharacter } from '@app/domain';
import { eventually, seniorRegistration } from '@app/testing';
import { TestPlatform } from './platform';

/**
 * A planner's view of a small piece of Minhang: two streets, seven seniors, four facilities at
 * known distances, and every figure worked out by hand below.
 *
 * The district's walking model is the default one: 0.8 m/s, detour 1.3, so a 15-minute circle is
 * 554 m in a straight line (10 minutes: 369 m; 5 minutes: 185 m). Distances are PostGIS's.
 *
 * 莘庄镇 (310112102, statistics: 10,000 registered residents, 250 aged 60+, 200 aged 65+)
 *   a1 at O, 80 years old             day-care centre F1 100 m away
 *   a2 300 m north of O, 80           F1 199 m away
 *   a3, a4 ~1.2 km north (cell A), 62 and 80: F1 1,172 and 1,192 m away, outside every circle
 *   F1 day-care centre 100 m north of O: 20 places, 300 m²
 *   F2 care institution 2.5 km north of O: 10 beds (6 nursing, 3 general, 1 dementia-care), 2,000 m²; nobody within 554 m
 * 七宝镇 (310112103, no statistics: the platform's registrations stand in)
 *   b1, b2, b3 ~3 km east of O (cell B), 70, 62 and 85 years old
 *   F3 meal site 250 m north of b1: 10 seats, 150 m²     (b1–b3 within 235–265 m)
 *   F4 small care home at b1: 2 nursing beds, 400 m²      (b1–b3 within 15 m)
 */
const O = { lat: 31.1124, lng: 121.3817 };
/** The centre of H3 resolution-9 cell 89309b94043ffff, about 1.2 km north of O. */
const CELL_A = { lat: 31.123796, lng: 121.383167 };
const CELL_A_ID = '89309b94043ffff';
/** The centre of H3 resolution-9 cell 89309b95d93ffff, about 3 km east of O. */
const CELL_B = { lat: 31.113096, lng: 121.413461 };
const CELL_B_ID = '89309b95d93ffff';
const north = (point: { lat: number; lng: number }, metres: number) => ({ lat: point.lat + metres / 111_320, lng: point.lng });
const XINZHUANG = '310112102';
const QIBAO = '310112103';
/** Halfway between a2 and cell A: a2 482 m away (covered by F1 already), a3 502 m and a4 521 m away (not yet). */
const P = { lat: (north(O, 300).lat + CELL_A.lat) / 2, lng: O.lng };

describe('coverage and planning indicators (e2e)', () => {
  let platform: TestPlatform;
  let db: Client;
  let planner: { id: string; token: string };
  const facilityIds: Record<string, string> = {};
  const year = Number(localDate(new Date()).slice(0, 4));

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const get = (path: string) => platform.http().get(path).set(as(planner.token));
  const put = (path: string, body: object) => platform.http().put(path).set(as(planner.token)).send(body);
  const whatIf = (body: object, district = '310112') => platform.http().post(`/v1/districts/${district}/coverage/what-if`).set(as(planner.token)).send(body);
  const fieldsOf = (body: { code: string; fields: Array<{ field: string }> }) => body.fields.map((f) => f.field).sort();

  beforeAll(async () => {
    platform = await TestPlatform.start();
    db = new Client({ connectionString: platform.database.url });
    await db.connect();
    planner = await platform.account(['planner']);
    const assessor = await platform.account(['assessor']);

    const seniors: Array<[string, { lat: number; lng: number }, number]> = [
      [XINZHUANG, O, 80],
      [XINZHUANG, north(O, 300), 80],
      [XINZHUANG, CELL_A, 62],
      [XINZHUANG, north(CELL_A, 20), 80],
      [QIBAO, CELL_B, 70],
      [QIBAO, north(CELL_B, 15), 62],
      [QIBAO, north(CELL_B, -15), 85],
    ];
    const ids: string[] = [];
    for (const [i, [streetCode, location, age]] of seniors.entries()) {
      // Born on 1 January: the age is the same on every day of this year.
      const birthDate = `${year - age}-01-01`;
      const idNumber = withCheckCharacter(`310112${birthDate.replace(/-/g, '')}${String(101 + 2 * i)}`);
      const body = seniorRegistration({ sex: 'male', birthDate, idNumber, address: { text: `测试地址 ${i + 1} 号`, streetCode, location, coordinateSystem: 'WGS-84' } });
      const registered = await platform.http().post('/v1/seniors').set(as(assessor.token)).send(body);
      if (registered.status !== 201) throw new Error(JSON.stringify(registered.body));
      ids.push(registered.body.seniorId);
    }
    const client = platform.gateway.get(ServiceClient);
    await eventually(async () => {
      for (const seniorId of ids) {
        const outcome = await client.call('allocation', 'senior-view.get', { seniorId }, { actor: null, correlationId: 'test', timeoutMs: 2000 });
        if (outcome.status !== 'done') throw new Error(`senior ${seniorId} not in allocation yet; queues:\n${await platform.deadLetters()}`);
      }
    });

    const register = async (key: string, body: Record<string, unknown>) => {
      const res = await platform.http().post('/v1/facilities').set(as(planner.token)).send({ districtCode: '310112', coordinateSystem: 'WGS-84', operatorName: '闵行区民政局', ...body }).expect(201);
      facilityIds[key] = res.body.facilityId;
    };
    await register('F1', { type: 'day-care-centre', name: '莘庄日间照料中心', streetCode: XINZHUANG, location: north(O, 100), dayCarePlaces: 20, floorAreaM2: 300 });
    await register('F2', {
      type: 'care-institution',
      name: '莘庄敬老院',
      streetCode: XINZHUANG,
      location: north(O, 2500),
      floorAreaM2: 2000,
      rooms: [
        { name: '101', genderRule: 'any', beds: ['1', '2', '3', '4', '5', '6'].map((label) => ({ label, bedType: 'nursing' })) },
        { name: '102', genderRule: 'any', beds: [{ label: '7', bedType: 'general' }, { label: '8', bedType: 'general' }, { label: '9', bedType: 'general' }, { label: '10', bedType: 'dementia-care' }] },
      ],
    });
    await register('F3', { type: 'meal-site', name: '七宝长者食堂', streetCode: QIBAO, location: north(CELL_B, 250), mealSeats: 10, floorAreaM2: 150 });
    await register('F4', { type: 'small-care-home', name: '七宝长者照护之家', streetCode: QIBAO, location: CELL_B, floorAreaM2: 400, rooms: [{ name: '1', genderRule: 'any', beds: [{ label: '1', bedType: 'nursing' }, { label: '2', bedType: 'nursing' }] }] });

    // Today: one resident in F2 and one bed held there; 5 morning and 3 afternoon day-care places taken at F1.
    const beds = (await db.query(`SELECT id FROM allocation.bed WHERE facility_id = $1 AND bed_type = 'nursing' ORDER BY label LIMIT 2`, [facilityIds.F2])).rows.map((r) => r.id as string);
    await db.query(`INSERT INTO allocation.bed_occupancy (id, bed_id, senior_id, kind, during) VALUES (gen_random_uuid(), $1, gen_random_uuid(), 'stay', tstzrange(now() - interval '30 days', NULL))`, [beds[0]]);
    await db.query(`INSERT INTO allocation.bed_occupancy (id, bed_id, senior_id, kind, during) VALUES (gen_random_uuid(), $1, gen_random_uuid(), 'hold', tstzrange(now() - interval '1 hour', now() + interval '2 days'))`, [beds[1]]);
    await db.query(`INSERT INTO allocation.daycare_session_load (facility_id, date, session, booked, capacity) VALUES ($1, $2, 'morning', 5, 20), ($1, $2, 'afternoon', 3, 20)`, [facilityIds.F1, localDate(new Date())]);
  }, 90_000);

  afterAll(async () => {
    await db?.end();
    await platform?.stop();
  });

  it('keeps the street of each senior from the registration, and counts on registrations alone until statistics are entered', async () => {
    const { rows } = await db.query(`SELECT street_code, count(*)::int AS n FROM allocation.senior_view GROUP BY street_code ORDER BY street_code`);
    expect(rows).toEqual([
      { street_code: XINZHUANG, n: 4 },
      { street_code: QIBAO, n: 3 },
    ]);
    const res = await get('/v1/districts/310112/coverage').expect(200);
    // The targets stored at installation: Minhang's plan.
    expect(res.body.targets).toMatchObject({ version: 'minhang-plan-2021-2025', bedsPer100Older: 4.1 });
    expect(res.body.district.population).toEqual({ source: 'platform-registrations', years: [], registeredPopulation: null, registered60Plus: 7, registered65Plus: 5 });
    expect(res.body.notes.join(' ')).toContain('no street statistics were entered');
  });

  it('publishes planning targets as versions and street statistics per year', async () => {
    const plan = { effectiveFrom: '2024-01-01', bedsPer100Older: 4, nursingBedSharePct: 60, dementiaCareBeds: 2, mealCapacityPctOf65Plus: 5, communityFloorM2Per1000: 40 };
    const published = await put('/v1/districts/310112/planning-targets/test-plan-2024', plan).expect(200);
    expect(published.body).toMatchObject({ districtCode: '310112', version: 'test-plan-2024', inForce: true, createdBy: planner.id, ...plan });
    // The same version again is the same publication; other figures under its name are refused.
    await put('/v1/districts/310112/planning-targets/test-plan-2024', plan).expect(200);
    const changed = await put('/v1/districts/310112/planning-targets/test-plan-2024', { ...plan, bedsPer100Older: 5 }).expect(409);
    expect(changed.body.code).toBe('CONFLICT');
    const versions = await get('/v1/districts/310112/planning-targets').expect(200);
    expect(versions.body.map((v: { version: string; inForce: boolean }) => [v.version, v.inForce])).toEqual([
      ['test-plan-2024', true],
      ['minhang-plan-2021-2025', false],
    ]);

    const statistics = await put(`/v1/districts/310112/street-statistics/${year - 1}`, {
      streets: [{ streetCode: XINZHUANG, name: '莘庄镇', registeredPopulation: 10_000, registered60Plus: 250, registered65Plus: 200 }],
    }).expect(200);
    expect(statistics.body).toEqual([expect.objectContaining({ districtCode: '310112', year: year - 1, streetCode: XINZHUANG, name: '莘庄镇', registered60Plus: 250, updatedBy: planner.id })]);
    expect((await get(`/v1/districts/310112/street-statistics?year=${year - 1}`).expect(200)).body).toHaveLength(1);
  });

  it('gives each facility type’s coverage and the plan’s ratios for the district and each street', async () => {
    const res = await get('/v1/districts/310112/coverage').expect(200);
    const report = res.body;
    expect(report.walkingModel).toMatchObject({ minutes: 15, radiusMetres: 554 });
    expect(report.targets).toMatchObject({ version: 'test-plan-2024', bedsPer100Older: 4 });
    expect(report.streets.map((s: { area: string; code: string; name: string | null }) => [s.area, s.code, s.name])).toEqual([
      ['street', XINZHUANG, '莘庄镇'],
      ['street', QIBAO, null],
    ]);
    const [xinzhuang, qibao] = report.streets;
    const district = report.district;

    // Coverage of the 7 seniors: F1 reaches a1 and a2; F3 and F4 reach b1–b3; F2 reaches nobody.
    expect(district.seniorsOnPlatform).toBe(7);
    expect(district.coverage).toEqual({
      'care-institution': { covered: 0, sharePct: 0 },
      'small-care-home': { covered: 3, sharePct: 42.86 },
      'day-care-centre': { covered: 2, sharePct: 28.57 },
      'community-hub': { covered: 0, sharePct: 0 },
      'meal-site': { covered: 3, sharePct: 42.86 },
      'neighbourhood-point': { covered: 0, sharePct: 0 },
    });
    expect(xinzhuang.coverage['day-care-centre']).toEqual({ covered: 2, sharePct: 50 });
    expect(qibao.coverage['meal-site']).toEqual({ covered: 3, sharePct: 100 });

    // 莘庄镇 from statistics: 10 beds for 250 people aged 60+ = 4 per 100, exactly the 4% target;
    // 6 of 10 nursing-type = 60%; no meal seats for 200 people aged 65+ (10 needed);
    // 300 m² of community space (the institution's 2,000 m² do not count) per 10,000 residents = 30 m² per 1,000 < 40.
    expect(xinzhuang.population).toEqual({ source: 'statistics', years: [year - 1], registeredPopulation: 10_000, registered60Plus: 250, registered65Plus: 200 });
    expect(xinzhuang.indicators.bedsPer100Older).toEqual({ value: 4, target: 4, meetsTarget: true });
    expect(xinzhuang.indicators.nursingBedSharePct).toEqual({ value: 60, target: 60, meetsTarget: true });
    expect(xinzhuang.capacity).toMatchObject({ mealSeats: 0, mealsNeeded: 10, communityFloorAreaM2: 300, dayCarePlaces: 20 });
    expect(xinzhuang.indicators.mealCapacityPctOf65Plus).toEqual({ value: 0, target: 5, meetsTarget: false });
    expect(xinzhuang.indicators.communityFloorM2Per1000).toEqual({ value: 30, target: 40, meetsTarget: false });
    expect(xinzhuang.indicators.dayCarePlacesPer100Older).toEqual({ value: 8, target: null, meetsTarget: null });
    // The dementia-care target is a district total.
    expect(xinzhuang.indicators.dementiaCareBeds).toEqual({ value: 1, target: null, meetsTarget: null });

    // 七宝镇 without statistics: its 3 registered seniors (3 aged 60+, 2 aged 65+) stand in.
    expect(qibao.population).toEqual({ source: 'platform-registrations', years: [], registeredPopulation: null, registered60Plus: 3, registered65Plus: 2 });
    expect(qibao.indicators.bedsPer100Older).toEqual({ value: 66.67, target: 4, meetsTarget: true });
    expect(qibao.indicators.mealCapacityPctOf65Plus).toEqual({ value: 500, target: 5, meetsTarget: true });
    expect(qibao.indicators.communityFloorM2Per1000).toEqual({ value: null, target: 40, meetsTarget: null });

    // The district mixes both: 250 + 3 = 253 aged 60+, 200 + 2 = 202 aged 65+.
    // 12 beds / 253 = 4.74 per 100 (meets 4%); 8 of 12 nursing-type = 66.67% (meets 60%);
    // 1 dementia-care bed of 2 planned; 10 meal seats for 202 people aged 65+ = 4.95% < 5% (11 seats needed).
    expect(district.population).toEqual({ source: 'mixed', years: [year - 1], registeredPopulation: null, registered60Plus: 253, registered65Plus: 202 });
    expect(district.capacity).toEqual({ beds: { total: 12, general: 3, nursing: 8, dementiaCare: 1 }, mealSeats: 10, mealsNeeded: 11, dayCarePlaces: 20, communityFloorAreaM2: 850 });
    expect(district.indicators).toEqual({
      bedsPer100Older: { value: 4.74, target: 4, meetsTarget: true },
      nursingBedSharePct: { value: 66.67, target: 60, meetsTarget: true },
      dementiaCareBeds: { value: 1, target: 2, meetsTarget: false },
      mealCapacityPctOf65Plus: { value: 4.95, target: 5, meetsTarget: false },
      communityFloorM2Per1000: { value: null, target: 40, meetsTarget: null },
      dayCarePlacesPer100Older: { value: 7.91, target: null, meetsTarget: null },
    });
    expect(district.facilities).toEqual({ 'care-institution': 1, 'small-care-home': 1, 'day-care-centre': 1, 'community-hub': 0, 'meal-site': 1, 'neighbourhood-point': 0 });

    // Occupancy now: 1 resident and 1 hold in 12 beds; 5 + 3 of 2 × 20 day-care places today.
    expect(district.occupancy).toEqual({ beds: { total: 12, occupied: 1, held: 1, occupiedPct: 8.33 }, dayCare: { placesPerSession: 20, bookedMorning: 5, bookedAfternoon: 3, bookedPct: 20 } });
    expect(xinzhuang.occupancy.beds).toEqual({ total: 10, occupied: 1, held: 1, occupiedPct: 10 });
    expect(report.notes.join(' ')).toContain('statistics for 1 of 2 streets');
  });

  it('draws smaller circles when asked: within 5 minutes (185 m) F1 reaches only a1', async () => {
    const res = await get('/v1/districts/310112/coverage?minutes=5').expect(200);
    expect(res.body.walkingModel).toMatchObject({ minutes: 5, radiusMetres: 185 });
    expect(res.body.district.coverage['day-care-centre']).toEqual({ covered: 1, sharePct: 14.29 });
    expect(res.body.district.coverage['meal-site']).toEqual({ covered: 0, sharePct: 0 });
  });

  it('exports the same report as CSV: the district, then one row per street', async () => {
    const res = await get('/v1/districts/310112/coverage.csv').expect(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="coverage-310112-\d{4}-\d{2}-\d{2}-15min\.csv"$/);
    expect(res.text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = res.text.slice(1).trimEnd().split('\r\n').map((line) => line.split(','));
    expect(rows).toHaveLength(3);
    const [district, xinzhuang, qibao] = rows.map((cells) => Object.fromEntries(header!.map((name, i) => [name, cells[i]])));
    expect(district).toMatchObject({
      area: 'district',
      code: '310112',
      population_source: 'mixed',
      registered_60_plus: '253',
      registered_65_plus: '202',
      seniors_on_platform: '7',
      covered_day_care_centre: '2',
      covered_day_care_centre_pct: '28.57',
      beds_total: '12',
      beds_per_100_older: '4.74',
      beds_per_100_older_target: '4',
      beds_per_100_older_met: 'yes',
      nursing_share_pct: '66.67',
      dementia_care_beds: '1',
      dementia_care_beds_met: 'no',
      meal_seats: '10',
      meals_needed: '11',
      meal_capacity_pct_of_65_plus: '4.95',
      meal_capacity_met: 'no',
      community_floor_m2_per_1000: '',
      bed_occupancy_pct: '8.33',
    });
    expect(xinzhuang).toMatchObject({ area: 'street', code: XINZHUANG, name: '莘庄镇', population_source: 'statistics', statistics_years: String(year - 1), registered_population: '10000', community_floor_m2_per_1000: '30', community_floor_met: 'no', nursing_share_pct: '60', nursing_share_met: 'yes' });
    expect(qibao).toMatchObject({ area: 'street', code: QIBAO, name: '', population_source: 'platform-registrations', registered_population: '', covered_small_care_home_pct: '100' });
  });

  it('clusters the seniors no day-care centre reaches by H3 cell, most first', async () => {
    const res = await get('/v1/districts/310112/coverage/gaps?type=day-care-centre').expect(200);
    expect(res.body).toMatchObject({ type: 'day-care-centre', resolution: 9, seniors: 7, uncovered: 5, cellCount: 2 });
    expect(res.body.cells.map((c: { cell: string; uncovered: number; streets: unknown }) => [c.cell, c.uncovered, c.streets])).toEqual([
      [CELL_B_ID, 3, [{ streetCode: QIBAO, uncovered: 3 }]],
      [CELL_A_ID, 2, [{ streetCode: XINZHUANG, uncovered: 2 }]],
    ]);
    const [cellB] = res.body.cells;
    expect(cellB.centre.lat).toBeCloseTo(CELL_B.lat, 5);
    expect(cellB.centre.lng).toBeCloseTo(CELL_B.lng, 5);
    expect(cellB.uncoveredCentroid.lat).toBeCloseTo(CELL_B.lat, 5);
    expect(cellB.boundary).toHaveLength(6);

    // One street only, and only the biggest cell.
    const street = await get(`/v1/districts/310112/coverage/gaps?type=day-care-centre&streetCode=${XINZHUANG}`).expect(200);
    expect(street.body).toMatchObject({ seniors: 4, uncovered: 2, cellCount: 1 });
    const top = await get('/v1/districts/310112/coverage/gaps?type=day-care-centre&limit=1').expect(200);
    expect(top.body.cells.map((c: { cell: string }) => c.cell)).toEqual([CELL_B_ID]);
    expect(top.body.cellCount).toBe(2);
    // Nobody lives within 554 m of the care institution: all 7 uncovered, in 4 cells (a1 and a2 each alone).
    const institutions = await get('/v1/districts/310112/coverage/gaps?type=care-institution').expect(200);
    expect(institutions.body.cells.map((c: { uncovered: number }) => c.uncovered)).toEqual([3, 2, 1, 1]);
  });

  it('answers "a day-care centre at P would cover 2 more seniors", district-wide and in P\'s street', async () => {
    const res = await whatIf({ type: 'day-care-centre', point: P, coordinateSystem: 'WGS-84' }).expect(200);
    // Within 554 m of P: a2 (already reached by F1), a3 and a4 (not yet).
    expect(res.body).toMatchObject({ withinCircle: 3, alreadyCovered: 1, newlyCovered: 2 });
    expect(res.body.district).toEqual({ seniors: 7, coveredBefore: 2, coveredAfter: 4, sharePctBefore: 28.57, sharePctAfter: 57.14 });
    // P's street is that of the nearest registered senior (a2, 莘庄镇).
    expect(res.body.street).toEqual({ streetCode: XINZHUANG, source: 'nearest-registered-senior', newlyCovered: 2, seniors: 4, coveredBefore: 2, coveredAfter: 4, sharePctBefore: 50, sharePctAfter: 100 });

    // A care institution at b1's building, given in GCJ-02 as a Chinese map shows it.
    const gcj = wgs84ToGcj02(CELL_B);
    const institution = await whatIf({ type: 'care-institution', point: gcj, coordinateSystem: 'GCJ-02' }).expect(200);
    expect(institution.body.point.lat).toBeCloseTo(CELL_B.lat, 6);
    expect(institution.body.point.lng).toBeCloseTo(CELL_B.lng, 6);
    expect(institution.body).toMatchObject({ withinCircle: 3, alreadyCovered: 0, newlyCovered: 3 });
    expect(institution.body.district).toMatchObject({ coveredBefore: 0, coveredAfter: 3, sharePctAfter: 42.86 });
    expect(institution.body.street).toMatchObject({ streetCode: QIBAO, newlyCovered: 3, sharePctBefore: 0, sharePctAfter: 100 });
    // The street can be named; a 10-minute circle (369 m) around P reaches nobody new.
    const named = await whatIf({ type: 'day-care-centre', point: P, coordinateSystem: 'WGS-84', minutes: 10, streetCode: QIBAO }).expect(200);
    expect(named.body).toMatchObject({ withinCircle: 0, newlyCovered: 0, street: { streetCode: QIBAO, source: 'request', newlyCovered: 0, seniors: 3 } });
  });

  it('refuses bad input, naming the field, and unknown districts', async () => {
    const unknown = await get('/v1/districts/999999/coverage').expect(404);
    expect(unknown.body).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('999999') });
    expect(fieldsOf((await get('/v1/districts/31011/coverage').expect(400)).body)).toEqual(['districtCode']);
    expect(fieldsOf((await get('/v1/districts/310112/coverage?minutes=7').expect(400)).body)).toEqual(['minutes']);
    expect(fieldsOf((await get('/v1/districts/310112/coverage.csv?minutes=20').expect(400)).body)).toEqual(['minutes']);
    expect(fieldsOf((await get('/v1/districts/310112/coverage/gaps?type=hospital').expect(400)).body)).toEqual(['type']);
    expect(fieldsOf((await get('/v1/districts/310112/coverage/gaps').expect(400)).body)).toEqual(['type']);
    expect(fieldsOf((await get('/v1/districts/310112/coverage/gaps?type=meal-site&resolution=3&limit=0&streetCode=abc').expect(400)).body)).toEqual(['limit', 'resolution', 'streetCode']);
    expect(fieldsOf((await get('/v1/districts/310112/coverage/gaps?type=meal-site&streetCode=320214001').expect(400)).body)).toEqual(['streetCode']);

    expect(fieldsOf((await whatIf({ type: 'hospital', point: { lat: 200, lng: 121 }, coordinateSystem: 'BD-09' }).expect(400)).body)).toEqual(['coordinateSystem', 'point.lat', 'type']);
    const paris = await whatIf({ type: 'meal-site', point: { lat: 48.8566, lng: 2.3522 }, coordinateSystem: 'WGS-84' }).expect(400);
    expect(paris.body.fields).toEqual([{ field: 'point', problems: [expect.stringContaining('outside China')] }]);
    const beijing = await whatIf({ type: 'meal-site', point: { lat: 39.9042, lng: 116.4074 }, coordinateSystem: 'WGS-84' }).expect(422);
    expect(beijing.body).toMatchObject({ code: 'OUTSIDE_DISTRICT', fields: [{ field: 'point', problems: ['is outside district 310112'] }] });
    await whatIf({ type: 'meal-site', point: P, coordinateSystem: 'WGS-84' }, '999999').expect(404);

    const plan = { effectiveFrom: '2026-01-01', bedsPer100Older: 4, nursingBedSharePct: 160, mealCapacityPctOf65Plus: 0, communityFloorM2Per1000: 40 };
    expect(fieldsOf((await put('/v1/districts/310112/planning-targets/v2', plan).expect(400)).body)).toEqual(['mealCapacityPctOf65Plus', 'nursingBedSharePct']);
    expect(fieldsOf((await put('/v1/districts/310112/planning-targets/bad%20version', { ...plan, nursingBedSharePct: 60, mealCapacityPctOf65Plus: 5 }).expect(400)).body)).toEqual(['version']);
    await put('/v1/districts/999999/planning-targets/v1', { ...plan, nursingBedSharePct: 60, mealCapacityPctOf65Plus: 5 }).expect(404);

    const street = { streetCode: QIBAO, name: '七宝镇', registeredPopulation: 1000, registered60Plus: 300, registered65Plus: 400 };
    const ages = await put('/v1/districts/310112/street-statistics/2025', { streets: [street] }).expect(400);
    expect(ages.body.fields).toEqual([{ field: 'streets.0.registered65Plus', problems: [expect.stringContaining('cannot exceed registered60Plus')] }]);
    expect(fieldsOf((await put('/v1/districts/310112/street-statistics/2025', { streets: [{ ...street, streetCode: '320214001', registered65Plus: 200 }] }).expect(400)).body)).toEqual(['streets.0.streetCode']);
    expect(fieldsOf((await put('/v1/districts/310112/street-statistics/1800', { streets: [{ ...street, registered65Plus: 200 }] }).expect(400)).body)).toEqual(['year']);
    expect(fieldsOf((await put('/v1/districts/310112/street-statistics/2025', { streets: [{ ...street, registeredPopulation: -1 }] }).expect(400)).body)).toEqual(['streets.0.registeredPopulation']);
    // Nothing of the refused statistics was written.
    expect((await get('/v1/districts/310112/street-statistics').expect(200)).body.map((s: { streetCode: string }) => s.streetCode)).toEqual([XINZHUANG]);
  });

  it('is for planners and admins only', async () => {
    const assessor = await platform.account(['assessor']);
    await platform.http().get('/v1/districts/310112/coverage').set(as(assessor.token)).expect(403);
    await platform.http().put('/v1/districts/310112/street-statistics/2025').set(as(assessor.token)).send({ streets: [] }).expect(403);
    await platform.http().get('/v1/districts/310112/coverage').expect(401);
  });
});
