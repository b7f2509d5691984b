import { Client } from 'pg';
import { addDays, addMonths, localDate } from '@app/domain';
import { eventually, gbtItems, seniorRegistration } from '@app/testing';
import { SealedText } from '../apps/gateway/src/personal-data/sealed-text';
import { ADMIN_PASSWORD, TestPlatform } from './platform';

const MEALS = { eligible: true, delivery: true, subsidyTier: 'low-income', subsidyFenPerMeal: 500 };
const HOME_CARE = {
  source: { scheme: 'ltci', name: '长期护理保险', instrument: 'Shanghai 老年照护统一需求评估', level: 4 },
  visitsPerWeek: 7,
  visitMinutes: 60,
  hoursPerWeek: 7,
  bonusHoursPerMonth: 0,
  bonusCashAlternativeFenPerMonth: null,
  fundSharePercent: 90,
  coPayPercent: 10,
};
const SAFE = { textureModifiedDiet: false, iddsiLevel: null, fallRisk: false, wanderingRisk: false };

/** Every log line the four apps write, kept here instead of printed. */
const logLines: string[] = [];

/**
 * A senior's personal data on request (PIPL arts. 45 and 47): the guardian gets one copy of
 * everything every service holds; after an erasure the name, ID number, phone, address and notes
 * are gone from every schema while the records law requires still add up, nothing new can be
 * booked, and asking again answers the same. And the ID number and phone never reach a log line or
 * an error body, whatever fails.
 */
describe('personal data: export and erasure (e2e)', () => {
  let platform: TestPlatform;
  let db: Client;
  let admin: string;
  let assessor: { id: string; token: string };
  let planner: { id: string; token: string };
  let family: { id: string; token: string };
  let statusOnlyFamily: { id: string; token: string };
  let facilityId: string;
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const errorBodies: string[] = [];
  const today = localDate(new Date());
  const lastMonth = addMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7);

  const registration = seniorRegistration({ name: '欧阳建华', phone: '13912345678', address: { text: '莘庄镇莘松路 88 弄 7 号 301 室', streetCode: '310112102', location: { lat: 31.11237, lng: 121.38164 }, coordinateSystem: 'WGS-84' } });
  const secrets = { name: '欧阳建华', idNumber: registration.idNumber as string, phone: '13912345678', address: '莘松路 88 弄 7 号', deliveryNotes: '钥匙在门口鞋柜里', courierNote: '邻居说她去女儿家了', visitNotes: '右膝疼痛，服药后好转', concern: '夜里起床两次差点摔倒' };
  let seniorId: string;
  let sealedNotes: string;
  let sealedConcern: string;
  let idCipher: string;
  let idHash: string;

  beforeAll(async () => {
    // Before any app starts: pino writes to process.stdout itself (not straight to fd 1) when stdout.write is replaced.
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      logLines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    });
    platform = await TestPlatform.start({ env: { LOG_LEVEL: 'info' } });
    db = new Client({ connectionString: platform.database.url });
    await db.connect();
    admin = await platform.token('admin', ADMIN_PASSWORD);
    assessor = await platform.account(['assessor']);
    planner = await platform.account(['planner']);
    family = await platform.account(['family']);
    statusOnlyFamily = await platform.account(['family']);
    facilityId = (
      await platform
        .http()
        .post('/v1/facilities')
        .set(as(planner.token))
        .send({ type: 'day-care-centre', name: '莘庄日间照料中心', districtCode: '310112', location: { lat: 31.1135, lng: 121.3817 }, coordinateSystem: 'WGS-84', operatorName: '莘庄镇', dayCarePlaces: 5 })
        .expect(201)
    ).body.facilityId;

    await platform
      .http()
      .post('/v1/kitchens')
      .set(as(planner.token))
      .send({ districtCode: '310112', coordinateSystem: 'WGS-84', name: '闵行中央厨房', kind: 'central-kitchen', location: { lat: 31.13, lng: 121.4 }, capacity: { lunch: 50 }, diets: ['regular'], textures: ['regular'] })
      .expect(201);

    // Registered and assessed through the API; the submitted assessment reaches the other services.
    seniorId = (await platform.http().post('/v1/seniors').set(as(assessor.token)).send(registration).expect(201)).body.seniorId;
    const draft = await platform.http().post(`/v1/seniors/${seniorId}/assessments`).set(as(assessor.token)).send({ instrument: 'GB/T 42195-2022', reason: 'first', assessedOn: today }).expect(201);
    await platform.http().patch(`/v1/seniors/${seniorId}/assessments/${draft.body.assessmentId}/answers`).set(as(assessor.token)).send({ items: gbtItems({ 'B1.1': 2, 'B1.5': 1 }) }).expect(200);
    await platform.http().post(`/v1/seniors/${seniorId}/assessments/${draft.body.assessmentId}/submit`).set(as(assessor.token)).expect(200);
    await platform.http().post(`/v1/seniors/${seniorId}/assessments`).set(as(assessor.token)).send({ instrument: 'GB/T 42195-2022', reason: 'routine', assessedOn: today }).expect(201); // a draft left open
    await eventually(async () => {
      for (const schema of ['allocation', 'dispatch']) {
        const row = (await db.query(`SELECT entitlements_at FROM ${schema}.senior_view WHERE senior_id = $1`, [seniorId])).rows[0];
        expect(row?.entitlements_at).toBeTruthy();
      }
    });
    // This district's policy gives nothing at the level she scored: the services are told she may use meals, home care and day care.
    const entitlements = JSON.stringify({ bedTypes: ['general'], dayCare: true, meals: MEALS, safety: SAFE, homeCare: HOME_CARE });
    for (const schema of ['allocation', 'dispatch']) await db.query(`UPDATE ${schema}.senior_view SET entitlements = $2, entitlements_at = now() + interval '1 hour' WHERE senior_id = $1`, [seniorId, entitlements]);

    await platform
      .http()
      .post(`/v1/seniors/${seniorId}/consents`)
      .set(as(assessor.token))
      .send({ familyAccountId: family.id, scopes: ['view-status', 'view-assessment-report', 'book-day-care', 'manage-meals'], basis: 'Guardian’s signed form at the Xinzhuang hub, ID checked' })
      .expect(201);
    await platform.http().post(`/v1/seniors/${seniorId}/consents`).set(as(assessor.token)).send({ familyAccountId: statusOnlyFamily.id, scopes: ['view-status'], basis: 'Signed form, son' }).expect(201);
    await platform.http().post(`/v1/seniors/${seniorId}/daycare-bookings`).set(as(family.token)).send({ facilityId, session: 'morning', dates: [addDays(today, 3), addDays(today, 4)] }).expect(201);
    await platform.http().put(`/v1/seniors/${seniorId}/meal-subscription`).set(as(family.token)).send({ terms: { slots: { lunch: [1, 2, 3, 4, 5] }, deliveryNotes: secrets.deliveryNotes } }).expect(200);

    // Last month, as the cutoffs, couriers and caregivers left it: two lunches delivered, one visit made with notes.
    const sealed = platform.gateway.get(SealedText);
    sealedNotes = sealed.seal(secrets.visitNotes);
    sealedConcern = sealed.seal(secrets.concern);
    for (const [n, day] of [`${lastMonth}-10`, `${lastMonth}-11`].entries()) {
      const orderId = (
        await db.query(
          `INSERT INTO dispatch.meal_order (id, district_code, senior_id, date, slot, mode, diet, texture, choice, delivery_notes, price_fen, subsidy_fen, co_pay_fen, subsidy_tier, status, frozen_at)
           VALUES (gen_random_uuid(), '310112', $1, $2, 'lunch', 'delivery', 'regular', 'regular', '{}', $3, 1500, 500, 1000, 'low-income', 'delivered', now()) RETURNING id`,
          [seniorId, day, secrets.deliveryNotes],
        )
      ).rows[0].id;
      await db.query(`INSERT INTO dispatch.stop_outcome (order_id, senior_id, outcome, at, recorded_by, note) VALUES ($1, $2, $3, $4, $5, $6)`, [
        orderId,
        seniorId,
        n === 0 ? 'delivered' : 'not-home',
        `${day}T04:00:00Z`,
        planner.id,
        secrets.courierNote,
      ]);
    }
    await db.query(
      `INSERT INTO dispatch.care_visit (id, district_code, week_start, senior_id, date, planned_start, duration_minutes, tasks, status, request, check_in_at, check_in_verified, check_out_at, check_out_verified,
         verification, check_in_location, check_out_location, tasks_done, notes_sealed, concerns)
       VALUES ($1, '310112', $2, $3, $2, $4, 60, '{bed-bath}', 'delivered', $5, $4, true, $6, true, '{}', ST_SetSRID(ST_MakePoint(121.38164, 31.11237), 4326)::geography,
         ST_SetSRID(ST_MakePoint(121.38164, 31.11237), 4326)::geography, '{bed-bath}', $7, $8)`,
      [
        `visit-${seniorId}-last-month`,
        `${lastMonth}-12`,
        seniorId,
        `${lastMonth}-12T01:00:00Z`,
        JSON.stringify({ seniorId, location: { lat: 31.11237, lng: 121.38164 }, minutes: 60 }),
        `${lastMonth}-12T02:00:00Z`,
        sealedNotes,
        JSON.stringify([{ kind: 'fall-risk', detailSealed: sealedConcern, requestReassessment: false, raisedAt: `${lastMonth}-12T02:00:00Z` }]),
      ],
    );
    const stored = (await db.query(`SELECT id_number_cipher, id_number_hash FROM assessment.senior WHERE id = $1`, [seniorId])).rows[0];
    idCipher = stored.id_number_cipher;
    idHash = stored.id_number_hash;
  });
  afterAll(async () => {
    await db?.end();
    await platform?.stop();
    jest.restoreAllMocks();
  });

  /** Every row of every table of the four schemas, as text. */
  async function everyRow(except: string[] = []): Promise<string> {
    const tables = (await db.query(`SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema IN ('identity','assessment','allocation','dispatch') AND table_type = 'BASE TABLE'`)).rows.filter(
      (t) => !except.includes(`${t.table_schema}.${t.table_name}`),
    );
    const texts: string[] = [];
    for (const t of tables) texts.push(...(await db.query(`SELECT t::text AS row FROM "${t.table_schema}"."${t.table_name}" t`)).rows.map((r) => `${t.table_schema}.${t.table_name}: ${r.row}`));
    return texts.join('\n');
  }

  const exportFor = (token: string, id = seniorId) => platform.http().get(`/v1/seniors/${id}/personal-data`).set(as(token));
  const erase = (token: string, body: Record<string, unknown> = { reason: 'Written request of her daughter (guardian) of today, identity checked' }, id = seniorId) =>
    platform.http().post(`/v1/seniors/${id}/erasure`).set(as(token)).send(body);

  it('gives the guardian one copy of everything every service holds about her, with the notes readable and the ID number masked', async () => {
    const res = await exportFor(family.token).expect(200);
    const copy = res.body;
    expect(copy.gateway.registration).toMatchObject({ seniorId, name: secrets.name, phone: secrets.phone, idNumber: `**************${secrets.idNumber.slice(-4)}` });
    expect(copy.gateway.consents.map((c: { familyAccountId: string }) => c.familyAccountId).sort()).toEqual([family.id, statusOnlyFamily.id].sort());
    expect(copy.gateway.auditEntries.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['senior.register', 'consent.grant']));
    expect(copy.gateway.erasure).toBeNull();

    expect(copy.assessment.tables.senior).toEqual([expect.objectContaining({ id: seniorId, name: secrets.name, phone: secrets.phone, address_text: registration.address && (registration.address as { text: string }).text, location: { lat: 31.11237, lng: 121.38164 } })]);
    expect(JSON.stringify(copy.assessment.tables.senior)).not.toContain(idCipher); // the cipher is the gateway's, not a copy of her data
    expect(copy.assessment.tables.assessment.map((a: { status: string }) => a.status).sort()).toEqual(['draft', 'submitted']);
    expect(copy.assessment.tables.entitlement_snapshot.length).toBeGreaterThan(0);
    expect(copy.assessment.tables.senior_priority_flag).toEqual([expect.objectContaining({ flag: 'minimum-income', evidence: '低保证 2024-0311' })]);

    expect(copy.allocation.tables.senior_view).toEqual([expect.objectContaining({ senior_id: seniorId })]);
    expect(copy.allocation.tables.daycare_booking.map((b: { date: string; status: string }) => [b.date, b.status])).toEqual([
      [addDays(today, 3), 'booked'],
      [addDays(today, 4), 'booked'],
    ]);

    expect(copy.dispatch.tables.senior_view).toEqual([expect.objectContaining({ name: secrets.name, address_text: (registration.address as { text: string }).text })]);
    expect(copy.dispatch.tables.meal_subscription_version[0].terms).toMatchObject({ deliveryNotes: secrets.deliveryNotes });
    expect(copy.dispatch.tables.meal_order).toHaveLength(2);
    expect(copy.dispatch.tables.stop_outcome.map((o: { note: string }) => o.note)).toEqual([secrets.courierNote, secrets.courierNote]);
    expect(copy.dispatch.tables.care_visit).toEqual([
      expect.objectContaining({ status: 'delivered', notes: secrets.visitNotes, concerns: [expect.objectContaining({ kind: 'fall-risk', detail: secrets.concern })], check_in_location: { lat: 31.11237, lng: 121.38164 } }),
    ]);
    expect(JSON.stringify(copy.dispatch)).not.toContain(sealedNotes);

    // The export itself is in the audit log.
    const audit = await platform.http().get(`/v1/seniors/${seniorId}/audit`).set(as(planner.token)).expect(200);
    expect(audit.body).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'senior.personal-data.export', actorAccountId: family.id, status: 200 })]));
  });

  it('shows the whole ID number to an assessor, and refuses a family without the health scope, other staff and malformed ids', async () => {
    expect((await exportFor(assessor.token).expect(200)).body.gateway.registration.idNumber).toBe(secrets.idNumber);
    await exportFor(statusOnlyFamily.token).expect(404);
    await exportFor(planner.token).expect(403);
    const bad = await platform.http().get('/v1/seniors/not-a-uuid/personal-data').set(as(admin)).expect(400);
    errorBodies.push(JSON.stringify(bad.body));
    const unknown = await exportFor(admin, '00000000-0000-4000-8000-000000000000').expect(404);
    expect(unknown.body.code).toBe('SENIOR_NOT_FOUND');
  });

  it('refuses an erasure without a reason, or asked by a family or an assessor', async () => {
    const noReason = await erase(planner.token, {}).expect(400);
    expect(noReason.body.fields).toEqual([expect.objectContaining({ field: 'reason' })]);
    errorBodies.push(JSON.stringify(noReason.body));
    await erase(family.token).expect(403);
    await erase(assessor.token).expect(403);
    expect((await db.query(`SELECT count(*)::int AS n FROM identity.senior_erasure_request`)).rows[0].n).toBe(0);
  });

  it('erases her name, ID number, phone, address and notes from every schema, keeps what law requires, and the kept records still add up', async () => {
    const statementBefore = (await platform.http().get(`/v1/seniors/${seniorId}/meal-statements/${lastMonth}`).set(as(planner.token)).expect(200)).body;
    const ledgerBefore = (await platform.http().get(`/v1/seniors/${seniorId}/care-ledger/${lastMonth}`).set(as(planner.token)).expect(200)).body;
    expect(statementBefore).toMatchObject({ priceFen: 3000, subsidyFen: 1000, coPayFen: 2000 });
    const before = await everyRow();
    for (const s of [secrets.name, secrets.phone, secrets.address, secrets.deliveryNotes, secrets.courierNote, idCipher, idHash, sealedNotes, sealedConcern]) expect(before).toContain(s);

    const res = await erase(planner.token).expect(200);
    expect(res.body).toMatchObject({ seniorId, status: 'completed', requestedBy: planner.id, completedAt: expect.any(String) });
    expect(Object.keys(res.body.parts).sort()).toEqual(['allocation', 'assessment', 'dispatch', 'gateway']);
    for (const part of Object.values(res.body.parts) as Array<{ erased: Array<{ what: string; rows: number; why: string }>; kept: Array<{ why: string }> }>) {
      expect(part.erased.length).toBeGreaterThan(0);
      for (const kept of part.kept) expect(kept.why.length).toBeGreaterThan(20); // every kept record says why
    }
    const what = (part: string, list: 'erased' | 'kept', text: string) => (res.body.parts[part][list] as Array<{ what: string; rows: number }>).find((i) => i.what.includes(text));
    expect(what('gateway', 'erased', 'consents')?.rows).toBe(2);
    expect(what('assessment', 'kept', 'submitted assessments')?.rows).toBe(1);
    expect(what('assessment', 'erased', 'draft')?.rows).toBe(1);
    expect(what('allocation', 'erased', 'day-care places after today')?.rows).toBe(2);
    expect(what('dispatch', 'kept', 'meal orders')?.rows).toBe(2);
    expect(what('dispatch', 'kept', 'home-care visits')?.rows).toBe(1);

    // Nowhere in any schema: not her name, phone, address, ID number (cipher or hash), nor any note.
    const after = await everyRow();
    for (const [label, s] of Object.entries({ ...secrets, idCipher, idHash, sealedNotes, sealedConcern })) {
      if (after.includes(s)) throw new Error(`${label} is still stored: ${after.split('\n').find((l) => l.includes(s))}`);
    }
    const senior = (await db.query(`SELECT name, phone, ST_Y(location::geometry) AS lat, ST_X(location::geometry) AS lng, sex, birth_date::text AS birth FROM assessment.senior WHERE id = $1`, [seniorId])).rows[0];
    expect(senior).toEqual({ name: '[erased]', phone: null, lat: 31.11, lng: 121.38, sex: 'male', birth: registration.birthDate });
    const visit = (await db.query(`SELECT notes_sealed, check_in_location, duration_minutes, status FROM dispatch.care_visit WHERE senior_id = $1`, [seniorId])).rows[0];
    expect(visit).toEqual({ notes_sealed: null, check_in_location: null, duration_minutes: 60, status: 'delivered' });

    // What law requires is still there, linked by her id, and adds up to the same.
    expect((await db.query(`SELECT final_level, status FROM assessment.assessment WHERE senior_id = $1`, [seniorId])).rows).toEqual([{ final_level: expect.any(Number), status: 'submitted' }]);
    expect((await platform.http().get(`/v1/seniors/${seniorId}/meal-statements/${lastMonth}`).set(as(planner.token)).expect(200)).body).toEqual(statementBefore);
    expect((await platform.http().get(`/v1/seniors/${seniorId}/care-ledger/${lastMonth}`).set(as(planner.token)).expect(200)).body).toEqual(ledgerBefore);
    expect((await db.query(`SELECT count(*)::int AS n FROM identity.audit_entry WHERE senior_id = $1`, [seniorId])).rows[0].n).toBeGreaterThan(5);
    // Day care after today is cancelled, and the places are free again.
    expect((await db.query(`SELECT status FROM allocation.daycare_booking WHERE senior_id = $1`, [seniorId])).rows.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
  });

  it('refuses anything new for her with 410 naming the erasure, and ends the family’s access', async () => {
    const refusals = [
      await platform.http().post(`/v1/seniors/${seniorId}/daycare-bookings`).set(as(admin)).send({ facilityId, session: 'morning', dates: [addDays(today, 5)] }),
      await platform.http().put(`/v1/seniors/${seniorId}/meal-subscription`).set(as(admin)).send({ terms: { slots: { lunch: [1, 2, 3] } } }),
      await platform.http().post(`/v1/seniors/${seniorId}/assessments`).set(as(assessor.token)).send({ instrument: 'GB/T 42195-2022', reason: 'routine', assessedOn: today }),
      await platform.http().post(`/v1/seniors/${seniorId}/bed-applications`).set(as(admin)).send({ kind: 'long-stay', bedTypes: ['general'], maxWalkingMinutes: 30 }),
    ];
    for (const refused of refusals) {
      expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 410, code: 'SENIOR_ERASED' });
      expect(refused.body.message).toMatch(/erased on \d{4}-\d{2}-\d{2} at their request/);
    }
    await exportFor(family.token).expect(404); // consent revoked
    const copy = (await exportFor(admin).expect(200)).body;
    expect(copy.gateway.registration.name).toBe('[erased]');
    expect(copy.gateway.erasure.status).toBe('completed');
    expect(copy.dispatch.erasure.service).toBe('dispatch');
  });

  it('answers a second erasure request with the same result, changing nothing', async () => {
    const first = (await platform.http().get(`/v1/seniors/${seniorId}/erasure`).set(as(planner.token)).expect(200)).body;
    const rows = await everyRow(['identity.audit_entry']); // the audit log records the second request too
    const again = await erase(admin, { reason: 'Asked again by the daughter' }).expect(200);
    expect(again.body).toEqual(first);
    expect(await everyRow(['identity.audit_entry'])).toBe(rows);
  });

  it('with dispatch down, answers 202 with the parts that confirmed, refuses bookings at once, and completes when dispatch is back', async () => {
    const other = seniorRegistration({ phone: '13700001111' });
    const otherId = (await platform.http().post('/v1/seniors').set(as(assessor.token)).send(other).expect(201)).body.seniorId as string;
    await eventually(async () => expect((await db.query(`SELECT 1 FROM dispatch.senior_view WHERE senior_id = $1`, [otherId])).rowCount).toBe(1));
    await platform.stopService('dispatch');
    try {
      const pending = await erase(planner.token, { reason: 'Her own written request' }, otherId).expect(202);
      expect(pending.headers.location).toBe(`/v1/seniors/${otherId}/erasure`);
      expect(pending.body).toMatchObject({ status: 'in-progress', parts: { dispatch: { status: 'pending' }, assessment: { service: 'assessment' }, allocation: { service: 'allocation' }, gateway: { service: 'gateway' } } });
      const refused = await platform.http().post(`/v1/seniors/${otherId}/daycare-bookings`).set(as(admin)).send({ facilityId, session: 'morning', dates: [addDays(today, 6)] }).expect(410);
      expect(refused.body.code).toBe('SENIOR_ERASED');
      expect((await db.query(`SELECT name FROM dispatch.senior_view WHERE senior_id = $1`, [otherId])).rows[0].name).toBe('张建国'); // not yet
    } finally {
      await platform.startService('dispatch');
    }
    const done = await eventually(async () => {
      const res = await platform.http().get(`/v1/seniors/${otherId}/erasure`).set(as(planner.token));
      expect(res.status).toBe(200);
      return res.body;
    });
    expect(done).toMatchObject({ status: 'completed', parts: { dispatch: { service: 'dispatch' } } });
    expect((await db.query(`SELECT name, address_text FROM dispatch.senior_view WHERE senior_id = $1`, [otherId])).rows[0]).toEqual({ name: '[erased]', address_text: '[erased]' });
    expect((await erase(planner.token, { reason: 'again' }, otherId).expect(200)).body).toEqual(done);
  });

  it('never writes an ID number or a phone into a log line or an error body, whatever fails', async () => {
    const body = seniorRegistration({ phone: '13655556666' });
    const failures = [
      // Validation: a wrong check character, a malformed phone, a missing name.
      await platform.http().post('/v1/seniors').set(as(assessor.token)).send({ ...body, idNumber: `${(body.idNumber as string).slice(0, 17)}${(body.idNumber as string).endsWith('0') ? '1' : '0'}` }),
      await platform.http().post('/v1/seniors').set(as(assessor.token)).send({ ...body, phone: '1365555666x' }),
      await platform.http().post('/v1/seniors').set(as(assessor.token)).send({ ...body, name: undefined }),
    ];
    for (const failure of failures) expect(failure.status).toBe(400);
    await platform.http().post('/v1/seniors').set(as(assessor.token)).send(body).expect(201);
    const duplicate = await platform.http().post('/v1/seniors').set(as(assessor.token)).set('X-Correlation-Id', 'trace-duplicate-0001').send(body).expect(409); // the same person twice
    expect(duplicate.headers['x-correlation-id']).toBe('trace-duplicate-0001');
    // The assessment service times out: the request is queued (202) and completes when it is back.
    await platform.stopService('assessment');
    let queued: { body: { statusUrl: string } };
    const late = seniorRegistration({ phone: '13577778888' });
    try {
      queued = await platform.http().post('/v1/seniors').set(as(assessor.token)).send(late).expect(202);
    } finally {
      await platform.startService('assessment');
    }
    await eventually(async () => expect((await platform.http().get(queued.body.statusUrl).set(as(assessor.token)).expect(200)).body.status).toBe('completed'));
    errorBodies.push(...[...failures, duplicate].map((f) => JSON.stringify(f.body)));

    const watched = [secrets.idNumber, secrets.phone, body.idNumber as string, '13655556666', late.idNumber as string, '13577778888', other(body.idNumber as string)];
    expect(logLines.length).toBeGreaterThan(50); // the apps did log: every request, job and failure above
    // The request's line names its answer and carries the caller's correlation id.
    const duplicateLine = JSON.parse(logLines.find((l) => l.includes('"statusCode":409'))!);
    expect(duplicateLine).toMatchObject({ app: 'gateway', correlationId: 'trace-duplicate-0001', method: 'POST', url: '/v1/seniors', statusCode: 409, msg: 'request completed' });
    for (const secret of watched) {
      const inLog = logLines.find((l) => l.includes(secret));
      if (inLog) throw new Error(`a log line holds ${secret}: ${inLog}`);
      const inError = errorBodies.find((b) => b.includes(secret));
      if (inError) throw new Error(`an error body holds ${secret}: ${inError}`);
    }
  });
});

/** The ID number with its check character changed: what the first failure above sent. */
function other(idNumber: string): string {
  return `${idNumber.slice(0, 17)}${idNumber.endsWith('0') ? '1' : '0'}`;
}
