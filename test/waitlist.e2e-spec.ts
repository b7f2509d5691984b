import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { SCHEDULE_QUEUES, ServiceClient } from '@app/contracts';
import { eventually, seniorRegistration } from '@app/testing';
import { TestPlatform } from './platform';
import { seniorInReadModels } from './read-model-seniors';

interface Application {
  applicationId: string;
  seniorId: string;
  status: string;
  standing: { position: number; of: number; score: number; rulesVersion: string; parts: Array<{ part: string; label: string; points: number }> } | null;
  offer: { offerId: string; bedLabel: string; facilityName: string; status: string; expiresAt: string } | null;
  history: Array<{ kind: string; reason: string; position: number | null; score: number | null }>;
}

/** The bed waiting list: ranked by named parts, a freed bed offered to the first it fits, every pass-over explained. */
describe('bed waiting list (e2e)', () => {
  let platform: TestPlatform;
  let db: Client;
  let staff: { id: string; token: string };
  let planner: { id: string; token: string };
  let operator: { id: string; token: string };
  const stays: Record<string, string> = {};
  const people: Record<'oldMan' | 'poorWoman' | 'plainWoman', string> = { oldMan: '', poorWoman: '', plainWoman: '' };

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const applications = async (seniorId: string): Promise<Application[]> =>
    (await platform.http().get(`/v1/seniors/${seniorId}/bed-applications`).set(as(staff.token)).expect(200)).body as Application[];
  const current = async (seniorId: string): Promise<Application> => (await applications(seniorId))[0]!;
  const discharge = (occupancyId: string) =>
    platform.http().post(`/v1/occupancies/${occupancyId}/release`).set(as(operator.token)).send({ reason: 'Discharged home' }).expect(200);

  beforeAll(async () => {
    platform = await TestPlatform.start();
    db = new Client({ connectionString: platform.database.url });
    await db.connect();
    staff = await platform.account(['assessor']);
    planner = await platform.account(['planner']);
    const facility = await platform
      .http()
      .post('/v1/facilities')
      .set(as(planner.token))
      .send({
        type: 'care-institution',
        name: '梅陇养老院',
        districtCode: '310112',
        location: { lat: 31.1135, lng: 121.3817 },
        coordinateSystem: 'WGS-84',
        operatorName: '闵行区社会福利中心',
        rooms: [
          { name: 'F', genderRule: 'female', beds: [{ label: 'F-1', bedType: 'nursing' }] },
          { name: 'G', genderRule: 'any', beds: [{ label: 'G-1', bedType: 'general' }] },
        ],
      })
      .expect(201);
    operator = await platform.account(['operator'], { facilityIds: [facility.body.facilityId] });
    // Both beds are taken before anyone applies.
    for (const [room, bedType, sex] of [['F', 'nursing', 'female'], ['G', 'general', 'male']] as const) {
      const bedId = facility.body.rooms.find((r: { name: string }) => r.name === room).beds[0].bedId as string;
      const filler = await seniorInReadModels(db, { bedTypes: [bedType] }, sex);
      const hold = await platform.http().post(`/v1/beds/${bedId}/holds`).set(as(operator.token)).send({ seniorId: filler }).expect(201);
      stays[room] = (await platform.http().post(`/v1/holds/${hold.body.occupancyId}/admit`).set(as(operator.token)).expect(200)).body.occupancyId;
    }
    people.oldMan = await seniorInReadModels(db, { bedTypes: ['general'] }, 'male', { priorityFlags: ['very-old', 'extreme-poverty'] });
    people.poorWoman = await seniorInReadModels(db, { bedTypes: ['general', 'nursing'] }, 'female', { priorityFlags: ['minimum-income'] });
    people.plainWoman = await seniorInReadModels(db, { bedTypes: ['general', 'nursing'] }, 'female', { priorityFlags: [] });
  });
  afterAll(async () => {
    await db?.end();
    await platform?.stop();
  });

  it('ranks applicants by the named parts of their score, and applies once per Idempotency-Key', async () => {
    for (const seniorId of [people.oldMan, people.poorWoman, people.plainWoman]) {
      const first = await platform.http().post(`/v1/seniors/${seniorId}/bed-applications`).set(as(staff.token)).set('Idempotency-Key', `apply-${seniorId}`).send({}).expect(201);
      const again = await platform.http().post(`/v1/seniors/${seniorId}/bed-applications`).set(as(staff.token)).set('Idempotency-Key', `apply-${seniorId}`).send({}).expect(201);
      expect(again.body.applicationId).toBe(first.body.applicationId);
      expect(first.body.status).toBe('waiting');
    }
    const oldMan = await current(people.oldMan);
    expect(oldMan.standing).toMatchObject({ position: 1, of: 3, score: 50, rulesVersion: 'built-in-2026' });
    expect(oldMan.standing!.parts).toEqual([
      { part: 'group:extreme-poverty', label: '特困 (extreme-poverty)', points: 40 },
      { part: 'group:very-old', label: '高龄 (very-old)', points: 10 },
    ]);
    expect((await current(people.poorWoman)).standing).toMatchObject({ position: 2, score: 30 });
    expect((await current(people.plainWoman)).standing).toMatchObject({ position: 3, score: 0, parts: [] });
    // Read at the same moment (one batch, one ranking shared between them), each still gets their own place.
    const together = await Promise.all([people.plainWoman, people.oldMan, people.poorWoman, people.oldMan].map((seniorId) => current(seniorId)));
    expect(together.map((a) => [a.seniorId, a.standing?.position])).toEqual([
      [people.plainWoman, 3],
      [people.oldMan, 1],
      [people.poorWoman, 2],
      [people.oldMan, 1],
    ]);

    const list = await platform.http().get('/v1/districts/310112/waiting-list').set(as(planner.token)).expect(200);
    expect(list.body.entries.map((e: { seniorId: string }) => e.seniorId)).toEqual([people.oldMan, people.poorWoman, people.plainWoman]);
    // A second open application for the same senior is refused.
    expect((await platform.http().post(`/v1/seniors/${people.oldMan}/bed-applications`).set(as(staff.token)).send({}).expect(409)).body.code).toBe('CONFLICT');
  });

  it('shows how the order would change under a draft rules version, without changing it', async () => {
    const draft = { groupPoints: { 'minimum-income': 60 }, levelPoints: {}, waitingPointsPerMonth: 2, maxWaitingPoints: 24, declinePenaltyPoints: 5 };
    await platform.http().post('/v1/districts/310112/priority-rules').set(as(planner.token)).send({ version: 'draft-1', rules: draft, note: 'income first' }).expect(201);
    const whatIf = await platform.http().get('/v1/districts/310112/waiting-list/what-if').query({ draftVersion: 'draft-1' }).set(as(planner.token)).expect(200);
    expect(whatIf.body).toMatchObject({ currentVersion: 'built-in-2026', draftVersion: 'draft-1', applicants: 3, movedUp: 1, movedDown: 1, unchanged: 1 });
    expect(whatIf.body.changes[0]).toMatchObject({ current: { position: 2, total: 30 }, draft: { position: 1, total: 60 }, movedBy: 1 });
    expect((await current(people.oldMan)).standing).toMatchObject({ position: 1, rulesVersion: 'built-in-2026' });

    const bad = await platform.http().post('/v1/districts/310112/priority-rules').set(as(planner.token)).send({ version: 'bad', rules: { ...draft, groupPoints: { rich: 5 } } }).expect(400);
    expect(bad.body.fields).toEqual([{ field: 'rules.groupPoints.rich', problems: [expect.stringContaining('unknown priority group')] }]);
    await platform.http().post('/v1/districts/310112/priority-rules').set(as(planner.token)).send({ version: 'draft-1', rules: draft }).expect(409);
    await platform.http().get('/v1/districts/310112/waiting-list/what-if').query({ draftVersion: 'nope' }).set(as(planner.token)).expect(404);
    await platform.http().get('/v1/districts/31011/waiting-list').set(as(planner.token)).expect(400);
    expect((await db.query(`SELECT count(*)::int AS n FROM allocation.priority_rules_version`)).rows[0].n).toBe(1);
  });

  it('offers a freed bed to the first applicant it fits and records why those above were passed over', async () => {
    await discharge(stays.F!);
    const poorWoman = await current(people.poorWoman);
    expect(poorWoman.status).toBe('offered');
    expect(poorWoman.offer).toMatchObject({ bedLabel: 'F-1', facilityName: '梅陇养老院', status: 'open' });
    const holdHours = (await db.query(`SELECT hold_hours FROM allocation.allocation_policy WHERE district_code = '310112'`)).rows[0].hold_hours as number;
    expect(Math.abs(Date.parse(poorWoman.offer!.expiresAt) - Date.now() - holdHours * 3_600_000)).toBeLessThan(60_000);

    const oldMan = await current(people.oldMan);
    expect(oldMan.status).toBe('waiting');
    const passedOver = oldMan.history.find((h) => h.kind === 'passed-over')!;
    expect(passedOver).toMatchObject({ position: 1, score: 50 });
    expect(passedOver.reason).toBe("passed over for bed F-1 at 梅陇养老院 because a nursing bed is not among the senior's entitled bed types (general); room F is for women");

    // The hold is real: nobody else can hold the bed, and its expiry is a delayed job.
    const queue = platform.service('allocation').get<Queue>(getQueueToken(SCHEDULE_QUEUES.allocation));
    const job = await queue.getJob(`offer-expire-${poorWoman.offer!.offerId}`);
    expect(job?.name).toBe('offer.expire');
    expect(Math.abs(job!.timestamp + job!.delay - Date.parse(poorWoman.offer!.expiresAt))).toBeLessThan(5_000);
  });

  it('gives a declined bed to the next in line, never offers it again to who declined, and takes the district\'s points off', async () => {
    const offerId = (await current(people.poorWoman)).offer!.offerId;
    const declined = await platform.http().post(`/v1/seniors/${people.poorWoman}/bed-offers/${offerId}/decline`).set(as(staff.token)).send({ reason: 'Too far from the daughter' }).expect(200);
    expect(declined.body.status).toBe('waiting');
    expect(declined.body.standing.parts).toContainEqual({ part: 'declined-offers', label: '1 offer declined or let lapse × −5', points: -5 });
    expect(declined.body.standing).toMatchObject({ score: 25, position: 2, of: 2 });

    const plainWoman = await current(people.plainWoman);
    expect(plainWoman.offer).toMatchObject({ bedLabel: 'F-1' });
    // A decision made twice is refused, and only the offer's own senior may act on it.
    await platform.http().post(`/v1/seniors/${people.poorWoman}/bed-offers/${offerId}/decline`).set(as(staff.token)).send({ reason: 'again' }).expect(409);
    await platform.http().post(`/v1/seniors/${people.poorWoman}/bed-offers/${plainWoman.offer!.offerId}/accept`).set(as(staff.token)).expect(404);

    await platform.http().post(`/v1/seniors/${people.plainWoman}/bed-offers/${plainWoman.offer!.offerId}/accept`).set(as(staff.token)).expect(200);
    await platform.http().post(`/v1/holds/${plainWoman.offer!.offerId}/admit`).set(as(operator.token)).expect(200);
    const admitted = await current(people.plainWoman);
    expect(admitted).toMatchObject({ status: 'admitted', standing: null, offer: null });
    expect(admitted.history.map((h) => h.kind)).toEqual(['applied', 'offered', 'accepted', 'admitted']);
  });

  it('expires a hold nobody admitted when its delayed job fires, and offers the bed to the next in line', async () => {
    await discharge(stays.G!);
    const offer = (await current(people.oldMan)).offer!;
    expect(offer).toMatchObject({ bedLabel: 'G-1', status: 'open' });
    // Time passes: the hold lapses, and the offer's delayed job fires.
    // The hold ends a moment after it began (inside its own range, so it cannot overlap the stay before it).
    await db.query(`UPDATE allocation.bed_occupancy SET during = tstzrange(lower(during), lower(during) + interval '1 millisecond') WHERE id = $1`, [offer.offerId]);
    await db.query(`UPDATE allocation.bed_offer SET expires_at = now() - interval '1 second' WHERE id = $1`, [offer.offerId]);
    const queue = platform.service('allocation').get<Queue>(getQueueToken(SCHEDULE_QUEUES.allocation));
    await (await queue.getJob(`offer-expire-${offer.offerId}`))!.promote();

    await eventually(async () => expect((await current(people.poorWoman)).offer).toMatchObject({ bedLabel: 'G-1' }));
    const oldMan = await current(people.oldMan);
    expect(oldMan.status).toBe('waiting');
    expect(oldMan.history.at(-1)).toMatchObject({ kind: 'expired', reason: expect.stringContaining('lapsed') });
    expect(oldMan.standing!.parts).toContainEqual({ part: 'declined-offers', label: '1 offer declined or let lapse × −5', points: -5 });
    const ended = await db.query(`SELECT end_reason FROM allocation.bed_occupancy WHERE id = $1`, [offer.offerId]);
    expect(ended.rows[0].end_reason).toBe('expired');
  });

  it('stops counting a priority grant the day after it lapses, without any event', async () => {
    const before = (await current(people.oldMan)).standing!;
    expect(before.parts.map((p) => p.part)).toContain('group:extreme-poverty');
    const yesterday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - 86_400_000));
    await db.query(
      `UPDATE allocation.senior_view SET priority_grants = jsonb_build_array(jsonb_build_object('flag', 'extreme-poverty', 'validFrom', '2020-01-01', 'validUntil', $2::text), jsonb_build_object('flag', 'very-old', 'validFrom', '2020-01-01', 'validUntil', NULL)) WHERE senior_id = $1`,
      [people.oldMan, yesterday],
    );
    const after = (await current(people.oldMan)).standing!;
    expect(after.parts.map((p) => p.part)).not.toContain('group:extreme-poverty');
    expect(after.score).toBe(before.score - 40);
  });

  it('ranks by a published rules version from its effective date', async () => {
    const rules = { groupPoints: { 'very-old': 100 }, levelPoints: {}, waitingPointsPerMonth: 0, maxWaitingPoints: 0, declinePenaltyPoints: 0 };
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    await platform.http().post('/v1/districts/310112/priority-rules').set(as(planner.token)).send({ version: '2027', effectiveFrom: today, rules }).expect(201);
    const oldMan = await current(people.oldMan);
    expect(oldMan.standing).toMatchObject({ rulesVersion: '2027', score: 100, parts: [{ part: 'group:very-old', label: '高龄 (very-old)', points: 100 }] });
    const versions = await platform.http().get('/v1/districts/310112/priority-rules').set(as(staff.token)).expect(200);
    expect(versions.body.map((v: { version: string; effectiveFrom: string | null }) => [v.version, v.effectiveFrom])).toEqual([
      ['draft-1', null],
      ['2027', today],
    ]);
  });

  it('lets a family apply only with consent, and refuses bad applications naming what is wrong', async () => {
    const family = await platform.account(['family']);
    // One grant lapsed last year: it earns no priority on the list.
    const lapsed = { flag: 'low-income', evidence: '低收入证明 2023-017', validFrom: '2023-01-01', validUntil: `${new Date().getUTCFullYear() - 1}-12-31` };
    const open = { flag: 'very-old', evidence: '户籍年龄', validFrom: '2020-01-01', validUntil: null };
    const registered = await platform.http().post('/v1/seniors').set(as(staff.token)).send(seniorRegistration({ priorityFlags: [lapsed, open] })).expect(201);
    const seniorId = registered.body.seniorId as string;
    const client = platform.gateway.get(ServiceClient);
    await eventually(async () => {
      const outcome = await client.call('allocation', 'senior-view.get', { seniorId }, { actor: null, correlationId: 'test', timeoutMs: 2000 });
      expect(outcome.status === 'done' && outcome.value.priorityFlags).toEqual(['very-old']);
    });
    const apply = (body: Record<string, unknown>, token = family.token) => platform.http().post(`/v1/seniors/${seniorId}/bed-applications`).set(as(token)).send(body);
    expect((await apply({})).status).toBe(404);
    await platform.http().post(`/v1/seniors/${seniorId}/consents`).set(as(staff.token)).send({ familyAccountId: family.id, scopes: ['view-status', 'apply-for-bed'], basis: 'Signed form at the hub, ID checked' }).expect(201);

    expect((await apply({ bedTypes: ['luxury'] }).expect(400)).body.fields).toEqual([{ field: 'bedTypes', problems: [expect.stringContaining('must be one of')] }]);
    expect((await apply({ facilityIds: ['not-a-uuid'], maxWalkingMinutes: 1 }).expect(400)).body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['facilityIds', 'maxWalkingMinutes']);
    // Registered but never assessed: no bed entitlement yet.
    expect((await apply({}).expect(422)).body).toMatchObject({ code: 'NOT_ELIGIBLE', message: expect.stringContaining('not entitled to a subsidised bed') });

    const entitled = await seniorInReadModels(db, { bedTypes: ['nursing'] });
    const unknown = await apply({ facilityIds: [randomUUID()] }, staff.token).expect(422);
    expect(unknown.body.code).toBe('NOT_ELIGIBLE');
    const notFacility = await platform.http().post(`/v1/seniors/${entitled}/bed-applications`).set(as(staff.token)).send({ facilityIds: [randomUUID()] }).expect(404);
    expect(notFacility.body).toMatchObject({ code: 'FACILITY_NOT_FOUND', fields: [{ field: 'facilityIds' }] });
    const wrongType = await platform.http().post(`/v1/seniors/${entitled}/bed-applications`).set(as(staff.token)).send({ bedTypes: ['general'] }).expect(422);
    expect(wrongType.body.fields).toEqual([{ field: 'bedTypes', problems: ['not entitled: general'] }]);
    expect((await db.query(`SELECT count(*)::int AS n FROM allocation.bed_application WHERE senior_id = ANY($1::uuid[])`, [[seniorId, entitled]])).rows[0].n).toBe(0);
  });
});
