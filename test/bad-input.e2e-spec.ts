import { seniorRegistration } from '@app/testing';
import { TestPlatform } from './platform';

/** Every route that takes input answers bad input with a 400 that names each bad field, and writes nothing. */
describe('bad input (e2e)', () => {
  let platform: TestPlatform;
  let admin: string;
  let assessor: { id: string; token: string };
  let family: { id: string; token: string };
  let seniorId: string;

  beforeAll(async () => {
    platform = await TestPlatform.start();
    admin = await platform.token('admin', 'admin-password-for-tests');
    assessor = await platform.account(['assessor']);
    family = await platform.account(['family']);
    seniorId = (await platform.http().post('/v1/seniors').set('Authorization', `Bearer ${assessor.token}`).send(seniorRegistration()).expect(201)).body.seniorId;
  });
  afterAll(() => platform?.stop());

  const fieldsOf = (body: { code: string; fields: Array<{ field: string }> }) => {
    expect(body.code).toBe('VALIDATION_FAILED');
    return body.fields.map((f) => f.field).sort();
  };

  it('POST /v1/seniors lists every bad field at once, nested ones by path, and never echoes the ID number', async () => {
    const res = await platform
      .http()
      .post('/v1/seniors')
      .set('Authorization', `Bearer ${assessor.token}`)
      .send(
        seniorRegistration({
          sex: 'unknown',
          birthDate: '2999-01-01',
          idNumber: '310112194001010010',
          address: { text: 'x', location: { lat: 123, lng: 121.4 }, coordinateSystem: 'GCJ-02' },
          priorityFlags: [{ flag: 'rich', evidence: 'e', validFrom: 'yesterday' }],
          shoeSize: 42,
        }),
      )
      .expect(400);
    expect(fieldsOf(res.body)).toEqual(
      [
        'address.coordinateSystem',
        'address.location.lat',
        'address.text',
        'birthDate',
        'idNumber',
        'priorityFlags.0.evidence',
        'priorityFlags.0.flag',
        'priorityFlags.0.validFrom',
        'sex',
        'shoeSize',
      ].sort(),
    );
    expect(JSON.stringify(res.body)).not.toContain('310112194001010010');
    expect(res.body.correlationId).toBeTruthy();
  });

  it('refuses an ID number that does not match the birth date or sex given', async () => {
    const body = seniorRegistration();
    const res = await platform.http().post('/v1/seniors').set('Authorization', `Bearer ${assessor.token}`).send({ ...body, birthDate: '1950-01-01', sex: 'female' }).expect(400);
    expect(res.body.fields.find((f: { field: string }) => f.field === 'idNumber').problems[0]).toMatch(/does not match/);
  });

  it('answers 400 on every other route that takes input', async () => {
    const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
    const cases: Array<[string, () => Promise<{ status: number; body: { fields: Array<{ field: string }>; code: string } }>, string[]]> = [
      ['POST /v1/auth/token', () => platform.http().post('/v1/auth/token').send({ username: '' }), ['password', 'username']],
      ['POST /v1/accounts', () => platform.http().post('/v1/accounts').set(auth(admin)).send({ username: 'a', password: 'short', roles: ['emperor'] }), ['displayName', 'password', 'roles', 'username']],
      ['POST /v1/accounts/:id/api-keys', () => platform.http().post('/v1/accounts/not-a-uuid/api-keys').set(auth(admin)).send({ label: 'printer' }), ['accountId']],
      ['GET /v1/seniors/:id', () => platform.http().get('/v1/seniors/123').set(auth(assessor.token)), ['seniorId']],
      ['POST /v1/seniors/:id/consents', () => platform.http().post(`/v1/seniors/${seniorId}/consents`).set(auth(assessor.token)).send({ familyAccountId: 'x', scopes: ['everything'] }), ['basis', 'familyAccountId', 'scopes']],
      ['DELETE /v1/consents/:id', () => platform.http().delete('/v1/consents/nope').set(auth(assessor.token)), ['consentId']],
      ['GET /v1/requests/:id', () => platform.http().get('/v1/requests/nope').set(auth(assessor.token)), ['requestId']],
      ['GET /v1/seniors/:id/audit', () => platform.http().get('/v1/seniors/nope/audit').set(auth(admin)), ['seniorId']],
      ['POST /v1/seniors Idempotency-Key', () => platform.http().post('/v1/seniors').set(auth(assessor.token)).set('Idempotency-Key', 'x').send(seniorRegistration()), ['Idempotency-Key']],
    ];
    for (const [route, call, fields] of cases) {
      const res = await call();
      expect({ route, status: res.status }).toEqual({ route, status: 400 });
      expect({ route, fields: fieldsOf(res.body) }).toEqual({ route, fields: fields.sort() });
    }
  });

  it('refuses a consent for an account that is not a family account, and writes nothing', async () => {
    const res = await platform
      .http()
      .post(`/v1/seniors/${seniorId}/consents`)
      .set('Authorization', `Bearer ${assessor.token}`)
      .send({ familyAccountId: assessor.id, scopes: ['view-status'], basis: 'form signed at hub' })
      .expect(400);
    expect(res.body.fields).toEqual([{ field: 'familyAccountId', problems: ['is not an active family account'] }]);
    const list = await platform.http().get(`/v1/seniors/${seniorId}/consents`).set('Authorization', `Bearer ${assessor.token}`).expect(200);
    expect(list.body).toEqual([]);
    expect(family.id).toBeTruthy();
  });

  it('answers malformed JSON and oversized bodies with 4xx, not 5xx', async () => {
    await platform.http().post('/v1/auth/token').set('Content-Type', 'application/json').send('{"username":').expect(400);
    await platform.http().post('/v1/auth/token').set('Content-Type', 'application/json').send(JSON.stringify({ username: 'x'.repeat(200_000), password: 'y' })).expect(413);
  });
});
