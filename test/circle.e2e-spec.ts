import { Client } from 'pg';
import { seniorRegistration, eventually } from '@app/testing';
import { ServiceClient } from '@app/contracts';
import { TestPlatform } from './platform';

/** Degrees of latitude for a distance in metres (about 111 km per degree). */
const north = (metres: number) => metres / 111_320;
const HOME = { lat: 31.1124, lng: 121.3817 };

describe('facilities and the 15-minute circle (e2e)', () => {
  let platform: TestPlatform;
  let db: Client;
  let planner: { id: string; token: string };
  let assessor: { id: string; token: string };
  let seniorId: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    platform = await TestPlatform.start();
    db = new Client({ connectionString: platform.database.url });
    await db.connect();
    planner = await platform.account(['planner']);
    assessor = await platform.account(['assessor']);
    seniorId = (await platform.http().post('/v1/seniors').set('Authorization', `Bearer ${assessor.token}`).send(seniorRegistration({ address: { text: '莘庄镇', streetCode: '310112102', location: HOME, coordinateSystem: 'WGS-84' } })).expect(201)).body.seniorId;
    // Until allocation holds the senior and their entitlements.
    const client = platform.gateway.get(ServiceClient);
    await eventually(async () => {
      const outcome = await client.call('allocation', 'senior-view.get', { seniorId }, { actor: null, correlationId: 'test', timeoutMs: 2000 });
      if (outcome.status !== 'done' || !outcome.value.entitlements) throw new Error(`not in allocation yet; queues:\n${await platform.deadLetters()}`);
    });
  });
  afterAll(async () => {
    await db?.end();
    await platform?.stop();
  });

  const register = (body: Record<string, unknown>) => platform.http().post('/v1/facilities').set('Authorization', `Bearer ${planner.token}`).send(body);
  const facility = (name: string, type: string, metresNorth: number, extra: Record<string, unknown> = {}) => ({
    type,
    name,
    districtCode: '310112',
    streetCode: '310112102',
    location: { lat: HOME.lat + north(metresNorth), lng: HOME.lng },
    coordinateSystem: 'WGS-84',
    operatorName: '闵行区民政局',
    ...extra,
  });

  it('registers facilities with rooms and beds, and refuses bad ones with every field named', async () => {
    const home = await register(
      facility('莘庄长者照护之家', 'small-care-home', 150, {
        rooms: [
          { name: '301', genderRule: 'female', beds: [{ label: '301-1', bedType: 'nursing' }, { label: '301-2', bedType: 'nursing' }] },
          { name: '302', genderRule: 'male', beds: [{ label: '302-1', bedType: 'general', respite: true }] },
        ],
      }),
    ).expect(201);
    expect(home.body).toMatchObject({ type: 'small-care-home', beds: { general: 1, nursing: 2, 'dementia-care': 0 }, respiteBeds: 1, coordinatesSource: 'WGS-84' });
    ids.home = home.body.facilityId;
    ids.dayCare = (await register(facility('莘庄日间照料中心', 'day-care-centre', 400, { dayCarePlaces: 20 })).expect(201)).body.facilityId;
    ids.canteen = (await register(facility('莘松长者食堂', 'meal-site', 2000, { mealSeats: 60 })).expect(201)).body.facilityId;

    const bad = await register({ ...facility('x', 'meal-site', 0), location: { lat: 200, lng: 121 }, rooms: [{ name: 'a', genderRule: 'both', beds: [] }] }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['location.lat', 'name', 'rooms.0.genderRule']);
    const paris = await register(facility('巴黎', 'meal-site', 0, { location: { lat: 48.8566, lng: 2.3522 } })).expect(400);
    expect(paris.body.fields).toEqual([{ field: 'location', problems: [expect.stringContaining('outside China')] }]);
    const canteenWithBeds = await register(facility('食堂', 'meal-site', 0, { rooms: [{ name: '1', genderRule: 'any', beds: [{ label: '1', bedType: 'general' }] }] })).expect(400);
    expect(canteenWithBeds.body.fields[0].field).toBe('rooms');
    const list = await platform.http().get('/v1/facilities?districtCode=310112').set('Authorization', `Bearer ${planner.token}`).expect(200);
    expect(list.body).toHaveLength(3);

    // Dispatch learns the registry from allocation's events: the canteen it will serve meals from.
    const client = platform.gateway.get(ServiceClient);
    await eventually(async () => {
      const outcome = await client.call('dispatch', 'facility-view.list', { districtCode: '310112', types: ['meal-site'] }, { actor: null, correlationId: 'test', timeoutMs: 2000 });
      expect(outcome.status === 'done' && outcome.value).toEqual([
        expect.objectContaining({ facilityId: ids.canteen, name: '莘松长者食堂', mealSeats: 60, location: { lat: expect.closeTo(HOME.lat + north(2000), 9), lng: expect.closeTo(HOME.lng, 9) } }),
      ]);
    });
  });

  it("ranks what is within a senior's walk by minutes, with vacancies today and why the senior may not use a place", async () => {
    const res = await platform.http().get(`/v1/seniors/${seniorId}/circle`).set('Authorization', `Bearer ${assessor.token}`).expect(200);
    expect(res.body.walkingModel).toMatchObject({ districtCode: '310112', walkingSpeedMps: 0.8, detourFactor: 1.3, minutes: 15, radiusMetres: 554 });
    expect(res.body.inside.map((f: { facilityId: string }) => f.facilityId)).toEqual([ids.home, ids.dayCare]);
    const [home, dayCare] = res.body.inside;
    expect(home.walkingMinutes).toBeCloseTo((150 * 1.3) / 0.8 / 60, 0);
    expect(home.vacantBeds).toEqual({ general: 1, nursing: 2, 'dementia-care': 0 });
    // Registered but not yet assessed: no residential bed or day care yet, each with its reason.
    expect(home).toMatchObject({ eligible: false, reasons: ['not entitled to a residential bed'] });
    expect(dayCare).toMatchObject({ eligible: false, reasons: ['not entitled to day care'] });
    // Nothing inside fits, so the nearest place outside that does is offered.
    expect(res.body.nearestOutside.map((f: { facilityId: string }) => f.facilityId)).toEqual([ids.canteen]);

    const fiveMinutes = await platform.http().get(`/v1/seniors/${seniorId}/circle?minutes=5`).set('Authorization', `Bearer ${assessor.token}`).expect(200);
    expect(fiveMinutes.body.inside.map((f: { facilityId: string }) => f.facilityId)).toEqual([ids.home]);
    await platform.http().get(`/v1/seniors/${seniorId}/circle?minutes=7`).set('Authorization', `Bearer ${assessor.token}`).expect(400);
  });

  it('counts a held or occupied bed as taken, and PostgreSQL refuses a second hold of the same bed at the same time', async () => {
    const { rows } = await db.query(`SELECT b.id FROM allocation.bed b WHERE b.facility_id = $1 AND b.bed_type = 'nursing' ORDER BY b.label LIMIT 1`, [ids.home]);
    const bedId = rows[0].id as string;
    await db.query(`INSERT INTO allocation.bed_occupancy (id, bed_id, senior_id, kind, during) VALUES (gen_random_uuid(), $1, $2, 'stay', tstzrange(now() - interval '1 day', NULL))`, [bedId, seniorId]);
    await expect(
      db.query(`INSERT INTO allocation.bed_occupancy (id, bed_id, senior_id, kind, during) VALUES (gen_random_uuid(), $1, gen_random_uuid(), 'hold', tstzrange(now(), now() + interval '2 days'))`, [bedId]),
    ).rejects.toMatchObject({ code: '23P01' });
    const res = await platform.http().get(`/v1/circle?lat=${HOME.lat}&lng=${HOME.lng}&coordinateSystem=WGS-84`).set('Authorization', `Bearer ${planner.token}`).expect(200);
    const home = res.body.inside.find((f: { facilityId: string }) => f.facilityId === ids.home);
    expect(home).toMatchObject({ vacantBeds: { general: 1, nursing: 1, 'dementia-care': 0 }, eligible: null });
  });

  it('converts an address given in GCJ-02 before searching', async () => {
    const res = await platform.http().get(`/v1/circle?lat=${HOME.lat}&lng=${HOME.lng}&coordinateSystem=GCJ-02`).set('Authorization', `Bearer ${planner.token}`).expect(200);
    // GCJ-02 lies a few hundred metres south-east of WGS-84 in Shanghai: the WGS-84 origin is north-west of the input.
    expect(res.body.origin.point.lat).toBeGreaterThan(HOME.lat);
    expect(res.body.origin.point.lng).toBeLessThan(HOME.lng);
    expect(HOME.lng - res.body.origin.point.lng).toBeGreaterThan(0.003);
  });

  it('keeps a family without consent away from the senior circle', async () => {
    const family = await platform.account(['family']);
    await platform.http().get(`/v1/seniors/${seniorId}/circle`).set('Authorization', `Bearer ${family.token}`).expect(404);
  });
});
