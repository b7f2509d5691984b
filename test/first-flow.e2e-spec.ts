import { ServiceClient } from '@app/contracts';
import { eventually, seniorRegistration } from '@app/testing';
import { TestPlatform } from './platform';

/**
 * The first flow through all four apps: an assessor registers a senior through the gateway, the
 * assessment service stores it and publishes senior.registered, allocation and dispatch hold it in
 * their read models, and only a family linked by consent can read the senior.
 */
describe('registering a senior (e2e)', () => {
  let platform: TestPlatform;
  let assessor: { id: string; token: string };
  let family: { id: string; token: string };
  let otherFamily: { id: string; token: string };
  let planner: { id: string; token: string };

  beforeAll(async () => {
    platform = await TestPlatform.start();
    assessor = await platform.account(['assessor']);
    family = await platform.account(['family']);
    otherFamily = await platform.account(['family']);
    planner = await platform.account(['planner']);
  });
  afterAll(() => platform?.stop());

  const register = (body: Record<string, unknown>, token = assessor.token) => platform.http().post('/v1/seniors').set('Authorization', `Bearer ${token}`).send(body);
  const read = (seniorId: string, token: string) => platform.http().get(`/v1/seniors/${seniorId}`).set('Authorization', `Bearer ${token}`);

  it('stores the senior, shows the assessor the whole ID number, and reaches allocation and dispatch', async () => {
    const body = seniorRegistration();
    const res = await register(body).expect(201);
    expect(res.body).toMatchObject({ name: '张建国', sex: 'male', birthDate: body.birthDate, idNumber: body.idNumber, livingArrangement: 'alone' });
    expect(res.body.address.location).toEqual({ lat: 31.1124, lng: 121.3817 });
    expect(res.headers['x-correlation-id']).toBeTruthy();
    const seniorId = res.body.seniorId as string;

    const client = platform.gateway.get(ServiceClient);
    const ask = { actor: null, correlationId: 'test', timeoutMs: 2000 };
    const allocationView = await eventually(async () => {
      const outcome = await client.call('allocation', 'senior-view.get', { seniorId }, ask);
      if (outcome.status !== 'done') throw new Error('pending');
      return outcome.value;
    });
    expect(allocationView).toMatchObject({ seniorId, sex: 'male', birthDate: body.birthDate, location: { lat: 31.1124, lng: 121.3817 }, priorityFlags: ['minimum-income'] });
    const dispatchView = await eventually(async () => {
      const outcome = await client.call('dispatch', 'senior-view.get', { seniorId }, ask);
      if (outcome.status !== 'done') throw new Error('pending');
      return outcome.value;
    });
    expect(dispatchView).toMatchObject({ seniorId, name: '张建国', livesAlone: true });
  });

  it('lets only a family with consent read the senior, masks the ID number for it, and stops at revocation', async () => {
    const body = seniorRegistration();
    const seniorId = (await register(body).expect(201)).body.seniorId as string;

    await read(seniorId, family.token).expect(404);
    const consent = await platform
      .http()
      .post(`/v1/seniors/${seniorId}/consents`)
      .set('Authorization', `Bearer ${assessor.token}`)
      .send({ familyAccountId: family.id, scopes: ['view-status'], basis: 'Signed form at the Xinzhuang hub, ID checked' })
      .expect(201);

    const seen = await read(seniorId, family.token).expect(200);
    expect(seen.body.name).toBe('张建国');
    expect(seen.body.idNumber).toBe(`**************${(body.idNumber as string).slice(-4)}`);
    expect(seen.body.priorityFlags[0].evidence).toBe('[staff only]');

    await read(seniorId, otherFamily.token).expect(404);
    await platform.http().get(`/v1/seniors/${seniorId}`).expect(401);

    await platform.http().delete(`/v1/consents/${consent.body.consentId}`).set('Authorization', `Bearer ${assessor.token}`).expect(200);
    await read(seniorId, family.token).expect(404);

    const audit = await platform.http().get(`/v1/seniors/${seniorId}/audit`).set('Authorization', `Bearer ${planner.token}`).expect(200);
    const familyReads = (audit.body as Array<{ actorAccountId: string; action: string; status: number }>).filter((e) => e.action === 'senior.read');
    expect(familyReads.filter((e) => e.actorAccountId === family.id).map((e) => e.status).sort()).toEqual([200, 404, 404]);
    expect(familyReads.filter((e) => e.actorAccountId === otherFamily.id).map((e) => e.status)).toEqual([404]);
  });

  it('refuses roles without a reason: a family cannot register, a planner sees a masked ID number', async () => {
    await register(seniorRegistration(), family.token).expect(403);
    const seniorId = (await register(seniorRegistration()).expect(201)).body.seniorId as string;
    const seen = await read(seniorId, planner.token).expect(200);
    expect(seen.body.idNumber).toMatch(/^\*{14}.{4}$/);
  });

  it('registers once when a POST is retried with the same Idempotency-Key, and refuses a second senior with the same ID number', async () => {
    const body = seniorRegistration();
    const first = await register(body).set('Idempotency-Key', 'retry-key-0001').expect(201);
    const retry = await register(body).set('Idempotency-Key', 'retry-key-0001').expect(201);
    expect(retry.body.seniorId).toBe(first.body.seniorId);
    const duplicate = await register(body).expect(409);
    expect(duplicate.body).toMatchObject({ code: 'ID_NUMBER_TAKEN', fields: [{ field: 'idNumber', problems: ['is already registered'] }] });
  });
});
