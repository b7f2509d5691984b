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
});
