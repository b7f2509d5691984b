import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getQueueToken } from '@nestjs/bullmq';
import { Job, type Queue } from 'bullmq';
import { Client } from 'pg';
import { COMMAND_QUEUES } from '@app/contracts';
import { addDays, localDate } from '@app/domain';
import { eventually, seniorRegistration } from '@app/testing';
import { TestPlatform } from './platform';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/**
 * The families' API as an app built on it sees it: one booking model with statuses for every
 * service, retries that never book twice, and status changes pushed to the family's webhook,
 * signed, retried until the app takes them.
 */
describe("the families' booking API (e2e)", () => {
  let platform: TestPlatform;
  let db: Client;
  let staff: { id: string; token: string };
  let family: { id: string; token: string };
  let seniorId: string;
  let facilityId: string;
  let hook: Server;
  let hookUrl: string;
  const received: Received[] = [];
  let failNext = 0;
  const SECRET = 'family-app-secret-0123456789';
  const day = (n: number) => addDays(localDate(new Date()), n);
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const allocationCommands = () => platform.gateway.get<Queue>(getQueueToken(COMMAND_QUEUES.allocation), { strict: false });

  beforeAll(async () => {
    hook = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        if (failNext > 0) {
          failNext--;
          res.writeHead(503).end();
        } else res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hooks/eldercare`;

    platform = await TestPlatform.start();
    db = new Client({ connectionString: platform.database.url });
    await db.connect();
    staff = await platform.account(['admin']);
    family = await platform.account(['family']);
    const planner = await platform.account(['planner']);
    facilityId = (
      await platform
        .http()
        .post('/v1/facilities')
        .set(as(planner.token))
        .send({ type: 'day-care-centre', name: '莘庄日间照料中心', districtCode: '310112', location: { lat: 31.1135, lng: 121.3817 }, coordinateSystem: 'WGS-84', operatorName: '莘庄镇', dayCarePlaces: 1 })
        .expect(201)
    ).body.facilityId;
    seniorId = await registeredForDayCare();
    await platform
      .http()
      .post(`/v1/seniors/${seniorId}/consents`)
      .set(as(staff.token))
      .send({ familyAccountId: family.id, scopes: ['view-status', 'book-day-care'], basis: 'Guardian signed the consent form at the Xinzhuang hub' })
      .expect(201);
    await platform.http().put('/v1/accounts/me/webhook').set(as(family.token)).send({ url: hookUrl, secret: SECRET }).expect(200);
  });
  afterAll(async () => {
    await db?.end();
    await platform?.stop();
    await new Promise((resolve) => hook?.close(resolve));
  });

  /** A senior registered through the API whose entitlements (computed from the registration) are then widened to day care, as an assessment would. */
  async function registeredForDayCare(): Promise<string> {
    const id = (await platform.http().post('/v1/seniors').set(as(staff.token)).send(seniorRegistration()).expect(201)).body.seniorId as string;
    await eventually(async () => expect((await db.query(`SELECT 1 FROM allocation.senior_view WHERE senior_id = $1 AND entitlements_at IS NOT NULL`, [id])).rowCount).toBe(1));
    await db.query(`UPDATE allocation.senior_view SET entitlements = entitlements || '{"dayCare": true}' WHERE senior_id = $1`, [id]);
    return id;
  }

  const book = (token: string, dates: string[], key?: string) => {
    const request = platform.http().post(`/v1/seniors/${seniorId}/daycare-bookings`).set(as(token));
    if (key) request.set('Idempotency-Key', key);
    return request.send({ facilityId, session: 'morning', dates });
  };
  const bookings = async () => (await platform.http().get(`/v1/seniors/${seniorId}/bookings`).set(as(family.token)).expect(200)).body as Array<{ bookingId: string; kind: string; status: string; onBehalf: boolean; reason: { code: string } | null; history: Array<{ status: string }> }>;

  it('books once however often the app retries with the same Idempotency-Key, and refuses the key for another request', async () => {
    const first = await book(family.token, [day(1), day(2)], 'family-retry-0001').expect(201);
    const again = await book(family.token, [day(1), day(2)], 'family-retry-0001').expect(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(first.headers['booking-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(again.headers['booking-id']).toBe(first.headers['booking-id']);
    expect((await db.query(`SELECT count(*)::int AS n FROM allocation.daycare_booking WHERE senior_id = $1`, [seniorId])).rows[0].n).toBe(2);
    const other = await book(family.token, [day(3)], 'family-retry-0001').expect(422);
    expect(other.body).toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED', fields: [{ field: 'Idempotency-Key' }] });
    // A refused request keeps nothing: retried at once with its key, it runs again (no "still running").
    const unknownCentre = () => platform.http().post(`/v1/seniors/${seniorId}/daycare-bookings`).set(as(family.token)).set('Idempotency-Key', 'family-retry-0002').send({ facilityId: '0b0b0b0b-0b0b-4b0b-8b0b-0b0b0b0b0b0b', session: 'morning', dates: [day(4)] });
    expect((await unknownCentre()).body.code).toBe('FACILITY_NOT_FOUND');
    const retried = await unknownCentre();
    expect(retried.body).toMatchObject({ code: 'FACILITY_NOT_FOUND' });
    // One booking, confirmed, named in the answer's Booking-Id.
    const list = await bookings();
    expect(list.filter((b) => b.status === 'confirmed')).toEqual([expect.objectContaining({ bookingId: first.headers['booking-id'], kind: 'day-care', onBehalf: false })]);
    expect(list.filter((b) => b.status === 'rejected').map((b) => b.reason?.code)).toEqual(['FACILITY_NOT_FOUND', 'FACILITY_NOT_FOUND']);
  });

  it('records a refusal with its reason, staff bookings as made on the senior\'s behalf, and a cancellation on the booking it cancels', async () => {
    const other = await registeredForDayCare();
    await platform.http().post(`/v1/seniors/${other}/daycare-bookings`).set(as(staff.token)).send({ facilityId, session: 'morning', dates: [day(5)] }).expect(201);
    const full = await book(family.token, [day(5)]).expect(409); // the centre's one place that morning is taken
    const refused = (await bookings()).find((b) => b.bookingId === full.headers['booking-id']);
    expect(refused).toMatchObject({ status: 'rejected', reason: { code: 'SESSION_FULL' } });

    const byStaff = await book(staff.token, [day(6)]).expect(201);
    const staffBooking = (await bookings()).find((b) => b.bookingId === byStaff.headers['booking-id']);
    expect(staffBooking).toMatchObject({ status: 'confirmed', onBehalf: true });
    await platform.http().post(`/v1/seniors/${seniorId}/daycare-bookings/${byStaff.body[0].bookingId}/cancel`).set(as(family.token)).send({ reason: 'Grandson visiting' }).expect(200);
    const cancelled = (await bookings()).find((b) => b.bookingId === byStaff.headers['booking-id']);
    expect(cancelled?.status).toBe('cancelled');
    expect(cancelled?.history.map((h) => h.status)).toEqual(['confirmed', 'confirmed', 'cancelled']);
    await platform.http().get(`/v1/seniors/${other}/bookings`).set(as(family.token)).expect(404); // not their senior
  });

  it('lets the family cancel day care only up to the lead time before the session; the centre can cancel later', async () => {
    const today = await book(staff.token, [day(0)]).expect(201); // this morning's session starts within 12 hours, or has started
    const late = await platform.http().post(`/v1/seniors/${seniorId}/daycare-bookings/${today.body[0].bookingId}/cancel`).set(as(family.token)).send({ reason: 'Feeling unwell' }).expect(409);
    expect(late.body).toMatchObject({ code: 'TOO_LATE', message: expect.stringContaining('12 h before the session') });
    expect((await bookings()).find((b) => b.bookingId === late.headers['booking-id'])).toMatchObject({ kind: 'day-care-cancellation', status: 'rejected', reason: { code: 'TOO_LATE' } });
    await platform.http().post(`/v1/seniors/${seniorId}/daycare-bookings/${today.body[0].bookingId}/cancel`).set(as(staff.token)).send({ reason: 'Daughter phoned: unwell' }).expect(200);
  });

  it("follows the district's allocation policy: a new version moves the sessions' start and the family's lead, and every problem of a bad one is named", async () => {
    const planner = await platform.account(['planner']);
    const policyUrl = '/v1/districts/310112/allocation-policy';
    const inForce = (await platform.http().get(policyUrl).set(as(family.token)).expect(200)).body;
    expect(inForce.policy).toMatchObject({ circleMinutes: 15, dayCareCancelLeadHours: 12, dayCareSessions: { morning: '08:00', afternoon: '13:00' } });

    const bad = await platform
      .http()
      .post(policyUrl)
      .set(as(planner.token))
      .send({ version: 'bad-1', effectiveFrom: day(-1), policy: { ...inForce.policy, walkingSpeedMps: 5, circleMinutes: 20, dayCareSessions: { morning: '14:00', afternoon: '13:00' }, bedsPerNurse: 4 } })
      .expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['effectiveFrom', 'policy.bedsPerNurse', 'policy.circleMinutes', 'policy.dayCareSessions.afternoon', 'policy.walkingSpeedMps']);
    await platform.http().post(policyUrl).set(as(family.token)).send({ version: 'x', effectiveFrom: day(0), policy: inForce.policy }).expect(403);

    // A week's lead and a 09:30 morning from today: a family's cancellation three days ahead is now too late, and says when the session starts.
    const strict = { ...inForce.policy, dayCareCancelLeadHours: 168, dayCareSessions: { morning: '09:30', afternoon: '14:00' } };
    expect((await platform.http().post(policyUrl).set(as(planner.token)).send({ version: 'strict-week', effectiveFrom: day(0), policy: strict }).expect(201)).body).toMatchObject({ version: 'strict-week', policy: strict });
    await platform.http().post(policyUrl).set(as(planner.token)).send({ version: 'strict-week', effectiveFrom: day(0), policy: strict }).expect(409);
    expect((await platform.http().get(policyUrl).set(as(family.token)).expect(200)).body).toMatchObject({ version: 'strict-week', effectiveFrom: day(0) });
    const booked = await book(staff.token, [day(4)]).expect(201);
    const refused = await platform.http().post(`/v1/seniors/${seniorId}/daycare-bookings/${booked.body[0].bookingId}/cancel`).set(as(family.token)).send({ reason: 'Travelling' }).expect(409);
    expect(refused.body.message).toBe(`Day care can be cancelled up to 168 h before the session (${day(4)} 09:30); call the centre`);

    // Back to the district's usual rules for what follows.
    await platform.http().post(policyUrl).set(as(planner.token)).send({ version: 'usual-again', effectiveFrom: day(0), policy: inForce.policy }).expect(201);
    await platform.http().post(`/v1/seniors/${seniorId}/daycare-bookings/${booked.body[0].bookingId}/cancel`).set(as(family.token)).send({ reason: 'Travelling' }).expect(200);
  });

  it('keeps a booking requested while the service is down and confirms it when the service is back, telling the app each time', async () => {
    await platform.stopService('allocation');
    const queued = await book(family.token, [day(8)], 'family-queued-0001').expect(202);
    const bookingId = queued.headers['booking-id'] as string;
    expect((await bookings()).find((b) => b.bookingId === bookingId)).toMatchObject({ status: 'requested' });
    await platform.startService('allocation');
    await eventually(async () => expect((await bookings()).find((b) => b.bookingId === bookingId)).toMatchObject({ status: 'confirmed' }), { timeoutMs: 30_000 });
    const events = () => received.map((r) => JSON.parse(r.body) as { bookingId: string; status: string; event: string });
    await eventually(async () => expect(events().filter((e) => e.bookingId === bookingId).map((e) => e.status)).toEqual(['requested', 'confirmed']));

    // The 202's status resource names the booking and shows what was booked, from the queue while it
    // keeps the request and from the booking once it no longer does.
    const followed = () => platform.http().get(queued.body.statusUrl).set(as(family.token)).expect(200);
    const booked = (await bookings()).find((b) => b.bookingId === bookingId)!;
    const completed = { requestId: queued.body.requestId, bookingId, status: 'completed', result: (booked as unknown as { result: unknown }).result };
    expect((completed.result as unknown[]).length).toBe(1);
    expect((await followed()).body).toEqual(completed);
    await (await Job.fromId(allocationCommands(), queued.body.requestId))!.remove();
    expect((await followed()).body).toEqual(completed);

    // A cancellation queued while the service is down marks the booking cancelled once the service confirms it.
    const placeId = (await bookings()).find((b) => b.bookingId === bookingId) as unknown as { result: Array<{ bookingId: string }> };
    await platform.stopService('allocation');
    await platform.http().post(`/v1/seniors/${seniorId}/daycare-bookings/${placeId.result[0]!.bookingId}/cancel`).set(as(family.token)).send({ reason: 'Plans changed' }).expect(202);
    await platform.startService('allocation');
    await eventually(async () => expect((await bookings()).find((b) => b.bookingId === bookingId)).toMatchObject({ status: 'cancelled' }), { timeoutMs: 30_000 });
    await eventually(async () => expect(events().filter((e) => e.bookingId === bookingId).map((e) => e.status)).toEqual(['requested', 'confirmed', 'cancelled']));
  }, 60_000);

  it('says a booking\'s outcome is unknown, not refused, when the queue lost its request, and shows it from the booking', async () => {
    await platform.stopService('allocation');
    const queued = await book(family.token, [day(9)], 'family-lost-0001').expect(202);
    const bookingId = queued.headers['booking-id'] as string;
    await (await Job.fromId(allocationCommands(), queued.body.requestId))!.remove(); // as if Redis had lost it
    await platform.startService('allocation');

    await eventually(async () => expect((await bookings()).find((b) => b.bookingId === bookingId)).toMatchObject({ status: 'requested', reason: { code: 'OUTCOME_UNKNOWN' } }), { timeoutMs: 30_000 });
    const status = await platform.http().get(queued.body.statusUrl).set(as(family.token)).expect(200);
    expect(status.body).toEqual({ requestId: queued.body.requestId, bookingId, status: 'unknown', message: expect.stringMatching(/no longer kept; staff will confirm/) });
    const someoneElse = await platform.account(['family']);
    await platform.http().get(queued.body.statusUrl).set(as(someoneElse.token)).expect(404); // another account's request
    expect((await db.query(`SELECT count(*)::int AS n FROM allocation.daycare_booking WHERE senior_id = $1 AND date = $2`, [seniorId, day(9)])).rows[0].n).toBe(0);
  }, 60_000);

  it('pushes only to family accounts whose consent lets them see the senior\'s bookings', async () => {
    const mealsOnly = await platform.account(['family']);
    await platform.http().post(`/v1/seniors/${seniorId}/consents`).set(as(staff.token)).send({ familyAccountId: mealsOnly.id, scopes: ['book-day-care'], basis: 'Son, books day care only' }).expect(201);
    await platform.http().put('/v1/accounts/me/webhook').set(as(mealsOnly.token)).send({ url: `${hookUrl}?account=meals-only`, secret: SECRET }).expect(200);
    await book(staff.token, [day(12)]).expect(201);
    await eventually(async () => expect((await platform.http().get('/v1/accounts/me/webhook/deliveries').set(as(family.token)).expect(200)).body.length).toBeGreaterThan(0));
    expect((await platform.http().get('/v1/accounts/me/webhook/deliveries').set(as(mealsOnly.token)).expect(200)).body).toEqual([]);
  });

  it('signs every push so the app can check it came from the platform, and retries until the app takes it', async () => {
    const push = received.at(-1)!;
    const [t, v1] = String(push.headers['x-eldercare-signature']).split(',').map((part) => part.split('=')[1]);
    expect(createHmac('sha256', SECRET).update(`${t}.${push.body}`).digest('hex')).toBe(v1);
    expect(Math.abs(Date.now() / 1000 - Number(t))).toBeLessThan(60);
    expect(JSON.parse(push.body)).toMatchObject({ event: 'booking.status-changed', deliveryId: push.headers['x-eldercare-delivery'] });
    expect(Object.keys(JSON.parse(push.body)).sort()).toEqual(['at', 'bookingId', 'deliveryId', 'event', 'kind', 'onBehalf', 'reasonCode', 'seniorId', 'status']); // ids and statuses only: details are read through the API

    // Once every earlier push has landed, the app's next answer is a 503.
    await eventually(async () => expect((await platform.http().get('/v1/accounts/me/webhook/deliveries').set(as(family.token)).expect(200)).body.filter((d: { status: string }) => d.status === 'pending')).toEqual([]));
    failNext = 1;
    const before = received.length;
    const answer = await book(family.token, [day(9)]).expect(201);
    const triesOf = () => received.slice(before).filter((r) => JSON.parse(r.body).bookingId === answer.headers['booking-id']);
    await eventually(async () => expect(triesOf().length).toBe(2), { timeoutMs: 20_000 });
    const tries = triesOf();
    expect(tries.map((r) => r.headers['x-eldercare-delivery'])).toEqual([tries[0]!.headers['x-eldercare-delivery'], tries[0]!.headers['x-eldercare-delivery']]);
    const log = await platform.http().get('/v1/accounts/me/webhook/deliveries').set(as(family.token)).expect(200);
    const delivery = log.body.find((d: { deliveryId: string }) => d.deliveryId === tries[0]!.headers['x-eldercare-delivery']);
    expect(delivery).toMatchObject({ status: 'delivered', attempts: 2, log: [expect.objectContaining({ httpStatus: 503, error: 'HTTP 503' }), expect.objectContaining({ httpStatus: 204, error: null })] });
    await platform.http().put('/v1/accounts/me/webhook').set(as(family.token)).send({ url: 'http://10.0.0.8/hook', secret: SECRET }).expect(400);
  });

  it("lets a family ask for access by the senior's ID number, without learning whether it is registered, until staff approve it", async () => {
    const daughter = await platform.account(['family']);
    const assessor = await platform.account(['assessor']);
    const registration = seniorRegistration();
    const senior = (await platform.http().post('/v1/seniors').set(as(staff.token)).send(registration).expect(201)).body.seniorId as string;
    const stranger = seniorRegistration().idNumber as string; // valid, but nobody is registered with it
    const ask = (idNumber: string) => platform.http().post('/v1/access-requests').set(as(daughter.token)).send({ idNumber, relationship: 'child', scopes: ['view-status', 'manage-meals'] }).expect(201);
    const [known, unknown] = [await ask(registration.idNumber as string), await ask(stranger)];
    expect(Object.keys(known.body).sort()).toEqual(Object.keys(unknown.body).sort()); // the same answer either way
    expect(known.body).not.toHaveProperty('seniorId');
    expect(JSON.stringify((await db.query(`SELECT * FROM identity.access_request`)).rows)).not.toContain(registration.idNumber as string);
    await platform.http().post('/v1/access-requests').set(as(daughter.token)).send({ idNumber: '310112194003150000', relationship: 'child', scopes: ['view-status'] }).expect(400);
    await platform.http().get(`/v1/seniors/${senior}`).set(as(daughter.token)).expect(404); // nothing yet

    const pending = (await platform.http().get('/v1/access-requests').set(as(assessor.token)).expect(200)).body as Array<{ requestId: string; seniorId: string | null }>;
    expect(pending.find((r) => r.requestId === known.body.requestId)?.seniorId).toBe(senior);
    expect(pending.find((r) => r.requestId === unknown.body.requestId)?.seniorId).toBeNull();
    const beyond = await platform.http().post(`/v1/access-requests/${known.body.requestId}/approve`).set(as(assessor.token)).send({ basis: 'Met both at the hub; hukou book checked', scopes: ['apply-for-bed'] }).expect(400);
    expect(beyond.body.fields[0].field).toBe('scopes');
    const approved = await platform.http().post(`/v1/access-requests/${known.body.requestId}/approve`).set(as(assessor.token)).send({ basis: 'Met both at the hub; hukou book checked', scopes: ['view-status'] }).expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', scopes: ['view-status'], consentId: expect.any(String) });
    await platform.http().get(`/v1/seniors/${senior}`).set(as(daughter.token)).expect(200);
    await platform.http().post(`/v1/access-requests/${unknown.body.requestId}/approve`).set(as(assessor.token)).send({ basis: 'Met at the hub' }).expect(404);
    await platform.http().post(`/v1/access-requests/${unknown.body.requestId}/reject`).set(as(assessor.token)).send({ reason: 'No such senior registered in the district' }).expect(200);
    const mine = (await platform.http().get('/v1/access-requests/mine').set(as(daughter.token)).expect(200)).body as Array<{ requestId: string; status: string }>;
    expect(mine.map((r) => [r.requestId, r.status]).sort()).toEqual([[known.body.requestId, 'approved'], [unknown.body.requestId, 'rejected']].sort());
    await platform.http().get('/v1/access-requests').set(as(daughter.token)).expect(403);
  });

  it("streams the senior's booking changes as server-sent events that a client resumes from its last event id", async () => {
    const stream = (lastEventId: string | null, maxSeconds: number) => {
      const request = platform.http().get(`/v1/seniors/${seniorId}/bookings/events`).query({ maxSeconds }).set(as(family.token)).buffer(true).parse((res, done) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => done(null, text));
      });
      return lastEventId ? request.set('Last-Event-ID', lastEventId) : request;
    };
    const events = (text: string) => text.split('\n\n').filter((block) => block.includes('data:')).map((block) => ({ id: /^id: (.*)$/m.exec(block)![1]!, event: /^event: (.*)$/m.exec(block)![1]!, data: JSON.parse(/^data: (.*)$/m.exec(block)![1]!) }));
    const open = stream(null, 3);
    const listening = open.then((res) => res);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const booked = await book(family.token, [day(14)]).expect(201);
    const res = await listening;
    expect(res.headers['content-type']).toContain('text/event-stream');
    const live = events(res.body as string);
    expect(live).toEqual([expect.objectContaining({ event: 'booking.status-changed', data: expect.objectContaining({ bookingId: booked.headers['booking-id'], status: 'confirmed', kind: 'day-care' }) })]);
    // Reconnecting with an earlier event's id replays what came after it, and nothing before.
    const all = events((await stream(null, 0)).body as string);
    expect(all).toEqual([]); // from now: nothing new
    const replay = events((await stream('2000-01-01T00:00:00.000Z|00000000-0000-0000-0000-000000000000', 0)).body as string);
    expect(replay.length).toBe((await bookings()).length); // each booking's latest change, oldest first
    expect(replay.map((e) => e.data.bookingId)).toContain(booked.headers['booking-id']);
    const resumed = events((await stream(replay[0]!.id, 0)).body as string);
    expect(resumed.map((e) => e.id)).toEqual(replay.slice(1).map((e) => e.id));
    await platform.http().get(`/v1/seniors/${seniorId}/bookings/events`).query({ maxSeconds: 0 }).expect(401); // refusals come before the stream opens
  });
});
