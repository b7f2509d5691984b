import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ServiceClient } from '@app/contracts';
import { eventually } from '@app/testing';
import { TestPlatform } from './platform';
import { seniorInReadModels } from './read-model-seniors';

/** Holds, admissions and releases: a bed is never held or occupied twice, however many ask at once. */
describe('bed holds and admissions (e2e)', () => {
  let platform: TestPlatform;
  let db: Client;
  let operator: { id: string; token: string };
  let otherOperator: { id: string; token: string };
  let bedIds: string[];
  let facilityId: string;
  const seniors: string[] = [];

  const seniorWith = (bedTypes: string[]) => seniorInReadModels(db, { bedTypes });

  beforeAll(async () => {
    platform = await TestPlatform.start();
    db = new Client({ connectionString: platform.database.url });
    await db.connect();
    const planner = await platform.account(['planner']);
    const facility = await platform
      .http()
      .post('/v1/facilities')
      .set('Authorization', `Bearer ${planner.token}`)
      .send({
        type: 'care-institution',
        name: '莘庄养老院',
        districtCode: '310112',
        location: { lat: 31.1135, lng: 121.3817 },
        coordinateSystem: 'WGS-84',
        operatorName: '闵行区社会福利中心',
        rooms: [{ name: '1', genderRule: 'any', beds: [1, 2, 3, 4, 5].map((n) => ({ label: `1-${n}`, bedType: 'nursing' })) }],
      })
      .expect(201);
    bedIds = facility.body.rooms[0].beds.map((b: { bedId: string }) => b.bedId);
    facilityId = facility.body.facilityId;
    operator = await platform.account(['operator'], { facilityIds: [facility.body.facilityId] });
    otherOperator = await platform.account(['operator'], { facilityIds: [randomUUID()] });
    for (let i = 0; i < 60; i += 1) seniors.push(await seniorWith(['general', 'nursing']));
  });
  afterAll(async () => {
    await db?.end();
    await platform?.stop();
  });

  const hold = (bedId: string, seniorId: string, token = operator.token) =>
    platform.http().post(`/v1/beds/${bedId}/holds`).set('Authorization', `Bearer ${token}`).send({ seniorId });

  it('gives each of five beds to exactly one of sixty concurrent requests, with no server error', async () => {
    const answers = await Promise.all(seniors.map((seniorId, i) => hold(bedIds[i % bedIds.length]!, seniorId)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(5);
    expect(statuses.filter((s) => s === 409)).toHaveLength(55);
    expect(answers.filter((a) => a.status === 409).every((a) => a.body.code === 'BED_TAKEN')).toBe(true);
    const { rows } = await db.query(`SELECT bed_id, count(*)::int AS n FROM allocation.bed_occupancy WHERE during @> now() GROUP BY bed_id`);
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  });

  it('admits a held bed, refuses another operator, and frees the bed on release with the reason kept', async () => {
    const { rows } = await db.query(`SELECT id FROM allocation.bed_occupancy WHERE bed_id = $1 AND during @> now()`, [bedIds[0]]);
    const holdId = rows[0].id as string;
    await platform.http().post(`/v1/holds/${holdId}/admit`).set('Authorization', `Bearer ${otherOperator.token}`).expect(403);
    const stay = await platform.http().post(`/v1/holds/${holdId}/admit`).set('Authorization', `Bearer ${operator.token}`).expect(200);
    expect(stay.body).toMatchObject({ kind: 'stay', bedId: bedIds[0], until: null });
    // Dispatch learns of the admission: home meals and visits pause.
    const client = platform.gateway.get(ServiceClient);
    const residence = async () => {
      const outcome = await client.call('dispatch', 'senior-view.get', { seniorId: stay.body.seniorId }, { actor: null, correlationId: 'test', timeoutMs: 2000 });
      return outcome.status === 'done' ? outcome.value.residentialFacilityId : 'pending';
    };
    await eventually(async () => expect(await residence()).toBe(stay.body.facilityId));
    expect((await platform.http().post(`/v1/holds/${holdId}/admit`).set('Authorization', `Bearer ${operator.token}`).expect(409)).body.message).toContain('ended');

    await platform.http().post(`/v1/occupancies/${stay.body.occupancyId}/release`).set('Authorization', `Bearer ${operator.token}`).send({ reason: 'Discharged home' }).expect(200);
    const ended = await db.query(`SELECT end_reason, upper(during) IS NOT NULL AS ended FROM allocation.bed_occupancy WHERE id = $1`, [stay.body.occupancyId]);
    expect(ended.rows[0]).toEqual({ end_reason: 'Discharged home', ended: true });
    await eventually(async () => expect(await residence()).toBeNull());
    await hold(bedIds[0]!, await seniorWith(['nursing'])).expect(201);
  });

  it('refuses a senior the bed type does not fit, and a second bed for the same senior even when asked at once', async () => {
    const notEntitled = await hold(bedIds[0]!, await seniorWith(['general'])).expect(422);
    expect(notEntitled.body).toMatchObject({ code: 'NOT_ELIGIBLE', message: expect.stringContaining('nursing') });
    const holder = (await db.query(`SELECT senior_id FROM allocation.bed_occupancy WHERE bed_id = $1 AND during @> now() AND kind = 'hold'`, [bedIds[1]])).rows[0].senior_id as string;
    expect((await hold(bedIds[0]!, holder).expect(409)).body.code).toBe('CONFLICT');

    // Two beds for one new senior at the same moment: PostgreSQL lets only one through.
    await platform.http().post(`/v1/occupancies/${(await db.query(`SELECT id FROM allocation.bed_occupancy WHERE bed_id = $1 AND during @> now()`, [bedIds[2]])).rows[0].id}/release`).set('Authorization', `Bearer ${operator.token}`).send({ reason: 'declined' }).expect(200);
    await platform.http().post(`/v1/occupancies/${(await db.query(`SELECT id FROM allocation.bed_occupancy WHERE bed_id = $1 AND during @> now()`, [bedIds[3]])).rows[0].id}/release`).set('Authorization', `Bearer ${operator.token}`).send({ reason: 'declined' }).expect(200);
    const newcomer = await seniorWith(['nursing']);
    const both = await Promise.all([hold(bedIds[2]!, newcomer), hold(bedIds[3]!, newcomer)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
  });

  it('shows the operator a bed board, transfers a resident at one instant, and proves beds and residents agree', async () => {
    const board = async () => (await platform.http().get(`/v1/facilities/${facilityId}/beds`).set('Authorization', `Bearer ${operator.token}`).expect(200)).body;
    await platform.http().get(`/v1/facilities/${facilityId}/beds`).set('Authorization', `Bearer ${otherOperator.token}`).expect(403);
    const before = await board();
    expect(before.counts).toEqual({ vacant: 1, held: 4, occupied: 0 });
    const vacantBed = before.beds.find((b: { status: string }) => b.status === 'vacant').bedId as string;
    const held = before.beds.find((b: { bedId: string }) => b.bedId === bedIds[4]);
    expect(held).toMatchObject({ status: 'held', fromWaitingList: false, until: expect.any(String) });

    const stay = await platform.http().post(`/v1/holds/${held.occupancyId}/admit`).set('Authorization', `Bearer ${operator.token}`).expect(200);
    const moved = await platform.http().post(`/v1/occupancies/${stay.body.occupancyId}/transfer`).set('Authorization', `Bearer ${operator.token}`).send({ toBedId: vacantBed, reason: 'Nearer the nurses\' station' }).expect(200);
    expect(moved.body).toMatchObject({ kind: 'stay', bedId: vacantBed, seniorId: held.seniorId, until: null });
    const ended = (await db.query(`SELECT upper(during) AS until, end_reason FROM allocation.bed_occupancy WHERE id = $1`, [stay.body.occupancyId])).rows[0];
    expect(ended.until.toISOString()).toBe(moved.body.from);
    expect(ended.end_reason).toBe("transferred: Nearer the nurses' station");
    const after = await board();
    expect(after.counts).toEqual({ vacant: 1, held: 3, occupied: 1 });
    expect(after.beds.find((b: { bedId: string }) => b.bedId === bedIds[4]).status).toBe('vacant');
    // A transfer to a taken bed, or by an operator of neither facility, changes nothing.
    await platform.http().post(`/v1/occupancies/${moved.body.occupancyId}/transfer`).set('Authorization', `Bearer ${operator.token}`).send({ toBedId: bedIds[1], reason: 'Swap rooms' }).expect(409);
    await platform.http().post(`/v1/occupancies/${moved.body.occupancyId}/transfer`).set('Authorization', `Bearer ${otherOperator.token}`).send({ toBedId: bedIds[4], reason: 'Swap rooms' }).expect(403);
    expect((await board()).counts).toEqual({ vacant: 1, held: 3, occupied: 1 });

    // Once dispatch has applied both of the transfer's events, it still sees the senior in the
    // facility: home meals stay paused across the transfer, whichever event it applied first.
    const transferEvents = await db.query(`SELECT event_id FROM allocation.outbox_event WHERE payload->>'occupancyId' IN ($1, $2)`, [stay.body.occupancyId, moved.body.occupancyId]);
    expect(transferEvents.rows).toHaveLength(3); // admitted, then released and admitted by the transfer
    await eventually(async () => {
      const applied = await db.query(`SELECT count(*)::int AS n FROM dispatch.inbox_receipt WHERE event_id = ANY($1::uuid[])`, [transferEvents.rows.map((r) => r.event_id)]);
      expect(applied.rows[0].n).toBe(3);
    });
    const client = platform.gateway.get(ServiceClient);
    const outcome = await client.call('dispatch', 'senior-view.get', { seniorId: held.seniorId }, { actor: null, correlationId: 'test', timeoutMs: 2000 });
    expect(outcome.status === 'done' && outcome.value.residentialFacilityId).toBe(facilityId);

    const planner = await platform.account(['planner']);
    const reconciled = await platform.http().get('/v1/districts/310112/beds/reconciliation').set('Authorization', `Bearer ${planner.token}`).expect(200);
    expect(reconciled.body).toMatchObject({ beds: 5, vacant: 1, held: 3, occupied: 1, consistent: true, problems: [] });
    // A disagreement is named: an application marked offered with no offer behind it.
    await db.query(`INSERT INTO allocation.bed_application (id, senior_id, district_code, kind, bed_types, facility_ids, status, applied_at) VALUES ($1, $2, '310112', 'long-stay', '{}', '{}', 'offered', now())`, [randomUUID(), held.seniorId]);
    const broken = await platform.http().get('/v1/districts/310112/beds/reconciliation').set('Authorization', `Bearer ${planner.token}`).expect(200);
    expect(broken.body.consistent).toBe(false);
    expect(broken.body.problems.map((p: { check: string }) => p.check).sort()).toEqual(['a resident still waiting for a bed', 'an application whose status disagrees with its offers']);
  });
});
