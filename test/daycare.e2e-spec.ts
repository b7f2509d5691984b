import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ServiceClient } from '@app/contracts';
import { addDays, isoWeekday, localDate } from '@app/domain';
import { eventually } from '@app/testing';
import { TestPlatform } from './platform';
import { seniorInReadModels } from './read-model-seniors';

/** Day-care bookings: never above the places of a date and session, all dates of a request or none. */
describe('day-care bookings (e2e)', () => {
  let platform: TestPlatform;
  let db: Client;
  let operator: { id: string; token: string };
  let facilityId: string;
  const day = (n: number) => addDays(localDate(new Date()), n);

  const senior = (dayCare: boolean) => seniorInReadModels(db, { dayCare }, 'male');

  beforeAll(async () => {
    platform = await TestPlatform.start();
    db = new Client({ connectionString: platform.database.url });
    await db.connect();
    const planner = await platform.account(['planner']);
    facilityId = (
      await platform
        .http()
        .post('/v1/facilities')
        .set('Authorization', `Bearer ${planner.token}`)
        .send({ type: 'day-care-centre', name: '莘庄日间照料中心', districtCode: '310112', location: { lat: 31.1135, lng: 121.3817 }, coordinateSystem: 'WGS-84', operatorName: '莘庄镇', dayCarePlaces: 3 })
        .expect(201)
    ).body.facilityId;
    operator = await platform.account(['operator'], { facilityIds: [facilityId] });
  });
  afterAll(async () => {
    await db?.end();
    await platform?.stop();
  });

  const book = (seniorId: string, body: Record<string, unknown>) =>
    platform.http().post(`/v1/seniors/${seniorId}/daycare-bookings`).set('Authorization', `Bearer ${operator.token}`).send({ facilityId, session: 'morning', ...body });

  it('fills a session to its places and no further when many book at once', async () => {
    const seniors = await Promise.all(Array.from({ length: 8 }, () => senior(true)));
    const answers = await Promise.all(seniors.map((s) => book(s, { dates: [day(1)] })));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 201, 201, 409, 409, 409, 409, 409]);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'SESSION_FULL')).toBe(true);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM allocation.daycare_booking WHERE date = $1 AND status = 'booked'`, [day(1)]);
    expect(rows[0].n).toBe(3);
  });

  it('books a weekly pattern whole or not at all, and a cancellation frees the place', async () => {
    const regular = await senior(true);
    // Every day for a week, one of which (day 1, morning) is already full: nothing is booked.
    const refused = await book(regular, { pattern: { weekdays: [1, 2, 3, 4, 5, 6, 7], from: day(1), until: day(7) } }).expect(409);
    expect(refused.body.message).toContain(`${day(1)} morning`);
    expect((await platform.http().get(`/v1/seniors/${regular}/daycare-bookings`).set('Authorization', `Bearer ${operator.token}`).expect(200)).body).toEqual([]);

    const week = await book(regular, { pattern: { weekdays: [1, 2, 3, 4, 5, 6, 7], from: day(2), until: day(8) } }).expect(201);
    expect(week.body).toHaveLength(7);
    // Dispatch learns the day-care dates: no home delivery on those days.
    const client = platform.gateway.get(ServiceClient);
    const dayCareDates = async () => {
      const outcome = await client.call('dispatch', 'senior-view.get', { seniorId: regular }, { actor: null, correlationId: 'test', timeoutMs: 2000 });
      return outcome.status === 'done' ? outcome.value.dayCareDates : [];
    };
    await eventually(async () => expect(await dayCareDates()).toEqual([2, 3, 4, 5, 6, 7, 8].map(day)));
    await platform.http().post(`/v1/seniors/${regular}/daycare-bookings/${week.body[0].bookingId}/cancel`).set('Authorization', `Bearer ${operator.token}`).send({ reason: 'Family visit' }).expect(200);
    await eventually(async () => expect(await dayCareDates()).toEqual([3, 4, 5, 6, 7, 8].map(day)));
    await book(regular, { dates: [day(3)] }).expect(409); // already booked that morning

    const taken = (await db.query(`SELECT id, senior_id FROM allocation.daycare_booking WHERE date = $1 AND status = 'booked' LIMIT 1`, [day(1)])).rows[0];
    await platform.http().post(`/v1/seniors/${taken.senior_id}/daycare-bookings/${taken.id}/cancel`).set('Authorization', `Bearer ${operator.token}`).send({ reason: 'Hospital appointment' }).expect(200);
    await book(await senior(true), { dates: [day(1)] }).expect(201);
  });

  it('counts a full day against both sessions, and refuses a senior without day care', async () => {
    const a = await senior(true);
    await book(a, { dates: [day(20)], session: 'full-day' }).expect(201);
    const load = await db.query(`SELECT session, booked FROM allocation.daycare_session_load WHERE date = $1 ORDER BY session`, [day(20)]);
    expect(load.rows).toEqual([{ session: 'afternoon', booked: 1 }, { session: 'morning', booked: 1 }]);
    expect((await book(await senior(false), { dates: [day(20)] }).expect(422)).body.code).toBe('NOT_ELIGIBLE');
    await book(a, { dates: [day(-1)] }).expect(400);
  });

  it('keeps places per weekday and session: a centre closed on Sundays and smaller on Monday afternoons', async () => {
    const planner = await platform.account(['planner']);
    const centre = await platform
      .http()
      .post('/v1/facilities')
      .set('Authorization', `Bearer ${planner.token}`)
      .send({
        type: 'day-care-centre',
        name: '莘庄第二日间照料中心',
        districtCode: '310112',
        location: { lat: 31.1139, lng: 121.3817 },
        coordinateSystem: 'WGS-84',
        operatorName: '莘庄镇',
        dayCarePlaces: 5,
        dayCareWeek: { '1': { morning: 5, afternoon: 1 }, '7': { morning: 0, afternoon: 0 } },
      })
      .expect(201);
    expect(centre.body.dayCareWeek).toEqual({ '1': { morning: 5, afternoon: 1 }, '7': { morning: 0, afternoon: 0 } });
    const centreOperator = await platform.account(['operator'], { facilityIds: [centre.body.facilityId] });
    const bookAt = (seniorId: string, date: string, session: string) =>
      platform.http().post(`/v1/seniors/${seniorId}/daycare-bookings`).set('Authorization', `Bearer ${centreOperator.token}`).send({ facilityId: centre.body.facilityId, session, dates: [date] });
    const nextOn = (weekday: number) => [...Array(14).keys()].map((i) => day(i + 1)).find((d) => isoWeekday(d) === weekday)!;
    const [a, b] = [await senior(true), await senior(true)];
    const sunday = await bookAt(a, nextOn(7), 'morning').expect(409);
    expect(sunday.body.message).toContain(`closed on ${nextOn(7)} morning`);
    await bookAt(a, nextOn(1), 'afternoon').expect(201);
    expect((await bookAt(b, nextOn(1), 'afternoon').expect(409)).body.message).toContain(`full on ${nextOn(1)} afternoon`);
    await bookAt(b, nextOn(2), 'afternoon').expect(201); // Tuesdays keep the usual five places
    const bad = await platform.http().post('/v1/facilities').set('Authorization', `Bearer ${planner.token}`).send({ type: 'day-care-centre', name: '错误的中心', districtCode: '310112', location: { lat: 31.11, lng: 121.38 }, coordinateSystem: 'WGS-84', operatorName: '莘庄镇', dayCareWeek: { '8': { morning: 1, afternoon: 1 }, '1': { morning: -1, afternoon: 2 } } }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['dayCareWeek.1.morning', 'dayCareWeek.8']);
  });

  it('holds an operator to the centres they run, for bookings and cancellations', async () => {
    const stranger = await platform.account(['operator'], { facilityIds: [randomUUID()] });
    const a = await senior(true);
    const refused = await platform.http().post(`/v1/seniors/${a}/daycare-bookings`).set('Authorization', `Bearer ${stranger.token}`).send({ facilityId, session: 'morning', dates: [day(30)] }).expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    const booked = await book(a, { dates: [day(30)] }).expect(201);
    await platform.http().post(`/v1/seniors/${a}/daycare-bookings/${booked.body[0].bookingId}/cancel`).set('Authorization', `Bearer ${stranger.token}`).send({ reason: 'Not mine to cancel' }).expect(403);
    expect((await db.query(`SELECT status FROM allocation.daycare_booking WHERE id = $1`, [booked.body[0].bookingId])).rows[0].status).toBe('booked');
  });
});
