import { ServiceClient } from '@app/contracts';
import { addDays, addMonths, localDate, SHANGHAI_MINHANG_POLICY } from '@app/domain';
import { eventually, gbtItems, seniorRegistration } from '@app/testing';
import { ReassessmentsService } from '../apps/assessment/src/reassessments/reassessments.service';
import { TestPlatform } from './platform';

/** A moderate case: total 52 (中度失能, level 2), eating 2, dementia F03 raises it to level 3. */
const MODERATE = gbtItems({
  'B1.1': 2, 'B1.2': 1, 'B1.3': 0, 'B1.4': 1, 'B1.5': 1, 'B1.8': 1, 'B2.2': 2, 'B2.3': 1, 'B2.4': 0, 'B3.4': 1, 'B4.3': 1, 'B4.4': 0, 'B4.5': 1,
});
const FIRST_HALF = Object.fromEntries(Object.entries(MODERATE).slice(0, 8));

describe('assessment lifecycle (e2e)', () => {
  let platform: TestPlatform;
  let assessor: { id: string; token: string };
  let secondAssessor: { id: string; token: string };
  let family: { id: string; token: string };
  let seniorId: string;
  const today = localDate(new Date());

  beforeAll(async () => {
    platform = await TestPlatform.start();
    assessor = await platform.account(['assessor']);
    secondAssessor = await platform.account(['assessor']);
    family = await platform.account(['family']);
    seniorId = (await platform.http().post('/v1/seniors').set('Authorization', `Bearer ${assessor.token}`).send(seniorRegistration()).expect(201)).body.seniorId;
  });
  afterAll(() => platform?.stop());

  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const start = (body: Record<string, unknown>, token = assessor.token) =>
    platform.http().post(`/v1/seniors/${seniorId}/assessments`).set(as(token)).send({ instrument: 'GB/T 42195-2022', reason: 'first', assessedOn: today, ...body });
  const save = (assessmentId: string, body: Record<string, unknown>, token = assessor.token) =>
    platform.http().patch(`/v1/seniors/${seniorId}/assessments/${assessmentId}/answers`).set(as(token)).send(body);
  const submit = (assessmentId: string, token = assessor.token) => platform.http().post(`/v1/seniors/${seniorId}/assessments/${assessmentId}/submit`).set(as(token));

  let firstId: string;

  it('keeps partial answers in a draft, refuses bad ones with every field named, and refuses an incomplete submit', async () => {
    const draft = await start({}).expect(201);
    firstId = draft.body.assessmentId;
    expect(draft.body).toMatchObject({ status: 'draft', state: 'draft', instrument: 'GB/T 42195-2022', reason: 'first', assessorId: assessor.id });

    const partial = await save(firstId, { items: FIRST_HALF }).expect(200);
    expect(Object.keys(partial.body.answers.items)).toHaveLength(8);

    const bad = await save(firstId, { items: { 'B2.4': 4, 'B9.9': 1 } }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['answers.items.B2.4', 'answers.items.B9.9']);

    const incomplete = await submit(firstId).expect(400);
    expect(incomplete.body.code).toBe('ASSESSMENT_INCOMPLETE');
    expect(incomplete.body.fields).toHaveLength(26 - 8);
    expect(incomplete.body.fields.map((f: { field: string }) => f.field)).toContain('answers.items.B4.5');
  });

  it('scores on the server at submit (ignoring client totals), makes the assessment final, and tells the other services', async () => {
    await save(firstId, { items: MODERATE, diagnoses: ['F03'], total: 90, finalLevel: 0 }).expect(200);
    const submitted = await submit(firstId).expect(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', state: 'current', finalLevel: 3, finalLevelName: '重度失能', dueOn: addMonths(today, 12) });
    expect(submitted.body.result).toMatchObject({ total: 52, domainScores: { B1: 14, B2: 7, B3: 25, B4: 6 }, preliminaryLevel: 2 });
    expect(submitted.body.result.changes.map((c: { code: string }) => c.code)).toEqual(['GBT_C2_MENTAL_DIAGNOSIS']);

    expect((await submit(firstId).expect(409)).body.code).toBe('ASSESSMENT_FINAL');
    expect((await save(firstId, { items: { 'B1.1': 4 } }).expect(409)).body.code).toBe('ASSESSMENT_FINAL');

    const client = platform.gateway.get(ServiceClient);
    const view = await eventually(async () => {
      const outcome = await client.call('allocation', 'senior-view.get', { seniorId }, { actor: null, correlationId: 'test', timeoutMs: 2000 });
      if (outcome.status !== 'done' || outcome.value.level !== 3 || !outcome.value.entitlements) throw new Error('not yet');
      return outcome.value;
    });
    expect(view).toMatchObject({ level: 3, levelInstrument: 'GB/T 42195-2022' });
  });

  it('derives entitlements from the level with the policy version and reasons', async () => {
    const res = await platform.http().get(`/v1/seniors/${seniorId}/entitlements`).set(as(assessor.token)).expect(200);
    expect(res.body).toMatchObject({ seniorId, districtCode: '310112', trigger: 'assessment-finalized' });
    expect(res.body.entitlements.safety.textureModifiedDiet).toBe(true);
    expect(res.body.policyVersion).toBeTruthy();
  });

  it('lets a different assessor dispute within the window, and only once', async () => {
    const sameAssessor = await start({ reason: 'dispute', supersedesId: firstId, correctionReason: 'Family disputes the mobility items' }).expect(409);
    expect(sameAssessor.body.code).toBe('DISPUTE_SAME_ASSESSOR');

    const dispute = await start({ reason: 'dispute', supersedesId: firstId, correctionReason: 'Family disputes the mobility items' }, secondAssessor.token).expect(201);
    await save(dispute.body.assessmentId, { items: gbtItems({ 'B1.1': 2 }) }, secondAssessor.token).expect(200);
    const decided = await submit(dispute.body.assessmentId, secondAssessor.token).expect(200);
    expect(decided.body).toMatchObject({ state: 'current', supersedesId: firstId, finalLevel: 1 });

    const list = await platform.http().get(`/v1/seniors/${seniorId}/assessments`).set(as(assessor.token)).expect(200);
    const first = list.body.find((a: { assessmentId: string }) => a.assessmentId === firstId);
    expect(first).toMatchObject({ state: 'superseded', supersededById: dispute.body.assessmentId });

    const again = await start({ reason: 'dispute', supersedesId: firstId, correctionReason: 'Another try at the same one' }, secondAssessor.token).expect(409);
    expect(again.body.code).toBe('ALREADY_SUPERSEDED');
  });

  it('refuses a future date, an unknown instrument and a second first assessment', async () => {
    const future = await start({ assessedOn: '2999-01-01', reason: 'routine' }).expect(400);
    expect(future.body.fields).toEqual([{ field: 'assessedOn', problems: ['is in the future'] }]);
    const unknown = await start({ instrument: 'NBA-2017', reason: 'routine' }).expect(400);
    expect(unknown.body.fields[0].field).toBe('instrument');
    expect((await start({}).expect(409)).body.code).toBe('CONFLICT');
  });

  it('gives the report as JSON and PDF to a family with report consent only, and audits each read', async () => {
    await platform.http().get(`/v1/seniors/${seniorId}/assessments/${firstId}/report`).set(as(family.token)).expect(404);
    await platform
      .http()
      .post(`/v1/seniors/${seniorId}/consents`)
      .set(as(assessor.token))
      .send({ familyAccountId: family.id, scopes: ['view-status', 'view-assessment-report'], basis: 'Signed form at the hub' })
      .expect(201);
    const report = await platform.http().get(`/v1/seniors/${seniorId}/assessments/${firstId}/report`).set(as(family.token)).expect(200);
    expect(report.body).toMatchObject({ total: 52, finalLevel: 3, preliminaryLevel: 2, domainScores: { B1: 14 }, state: 'superseded', senior: { seniorId, name: '张建国' } });

    const pdf = await platform.http().get(`/v1/seniors/${seniorId}/assessments/${firstId}/report.pdf`).set(as(family.token)).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    expect((pdf.body as Buffer).length).toBeGreaterThan(2000);

    const planner = await platform.account(['planner']);
    const audit = await platform.http().get(`/v1/seniors/${seniorId}/audit`).set(as(planner.token)).expect(200);
    const reads = audit.body.filter((e: { action: string; actorAccountId: string }) => e.action === 'assessment.report.read' && e.actorAccountId === family.id);
    expect(reads.map((e: { status: number }) => e.status).sort()).toEqual([200, 200, 404]);
  });

  it('raises immediate reassessment tasks on request, reminders before the due date and an expiry task after it, once each', async () => {
    // The day-care centre's operator passes on what its staff saw (a caregiver may ask only for the seniors they visit: visit-day e2e).
    const operator = await platform.account(['operator']);
    await platform.http().post(`/v1/seniors/${seniorId}/reassessment-requests`).set(as(operator.token)).set('Idempotency-Key', 'concern-0001').send({ reason: 'Two falls this week' }).expect(201);
    await platform.http().post(`/v1/seniors/${seniorId}/reassessment-requests`).set(as(operator.token)).set('Idempotency-Key', 'concern-0001').send({ reason: 'Two falls this week' }).expect(201);

    const sweeps = platform.service('assessment').get(ReassessmentsService);
    const due = addMonths(today, 12);
    await sweeps.sweep(addMonths(due, -1)); // within 60 and 30 days: one reminder (the nearer lead time)
    await sweeps.sweep(addMonths(due, -1));
    await sweeps.sweep(addMonths(due, 1)); // past due: expired

    const tasks = await platform.http().get('/v1/reassessments/tasks').set(as(assessor.token)).expect(200);
    const mine = tasks.body.filter((t: { seniorId: string }) => t.seniorId === seniorId);
    expect(mine.map((t: { kind: string }) => t.kind).sort()).toEqual(['expired', 'immediate', 'reminder']);
    const due60 = await platform.http().get('/v1/reassessments/due?withinDays=366').set(as(assessor.token)).expect(200);
    expect(due60.body.map((d: { seniorId: string }) => d.seniorId)).toContain(seniorId);
  });

  it('publishes a policy version, refusing an invalid one with every problem, and moves seniors to it when in force', async () => {
    const planner = await platform.account(['planner']);
    const invalid = await platform.http().post('/v1/policies').set(as(planner.token)).send({ document: { ...SHANGHAI_MINHANG_POLICY, version: '', reassessment: { routineMonths: -1 } } }).expect(400);
    expect(invalid.body.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['version', 'reassessment.routineMonths']));

    const next = { ...SHANGHAI_MINHANG_POLICY, version: '2099.1', effectiveFrom: today };
    const published = await platform.http().post('/v1/policies').set(as(planner.token)).send({ document: next }).expect(201);
    expect(published.body).toMatchObject({ districtCode: '310112', version: '2099.1', inForceToday: true });
    await platform.http().post('/v1/policies').set(as(planner.token)).send({ document: next }).expect(409);

    const moved = await eventually(async () => {
      const res = await platform.http().get(`/v1/seniors/${seniorId}/entitlements`).set(as(assessor.token)).expect(200);
      if (res.body.policyVersion !== '2099.1') throw new Error(`still on ${res.body.policyVersion}`);
      return res.body;
    });
    expect(moved.trigger).toBe('policy-version');
    await platform.http().post('/v1/policies').set(as(assessor.token)).send({ document: next }).expect(403);
  });

  it('derives entitlements again when a priority flag is granted or ended, and tells allocation', async () => {
    const entitlements = async () => (await platform.http().get(`/v1/seniors/${seniorId}/entitlements`).set(as(assessor.token)).expect(200)).body;
    expect((await entitlements()).entitlements.priorityGroups).not.toContain('extreme-poverty');

    const granted = await platform
      .http()
      .post(`/v1/seniors/${seniorId}/priority-flags`)
      .set(as(assessor.token))
      .send({ flag: 'extreme-poverty', evidence: '特困供养证 2026-118', validFrom: '2024-01-01' })
      .expect(201);
    const grant = granted.body.priorityFlags.find((f: { flag: string }) => f.flag === 'extreme-poverty');
    const after = await entitlements();
    expect(after).toMatchObject({ trigger: 'flags-changed' });
    expect(after.entitlements.priorityGroups).toContain('extreme-poverty');

    const client = platform.gateway.get(ServiceClient);
    await eventually(async () => {
      const outcome = await client.call('allocation', 'senior-view.get', { seniorId }, { actor: null, correlationId: 'test', timeoutMs: 2000 });
      if (outcome.status !== 'done' || !outcome.value.priorityFlags.includes('extreme-poverty')) throw new Error('not yet');
    });

    const end = (body: Record<string, unknown>) => platform.http().post(`/v1/seniors/${seniorId}/priority-flags/${grant.grantId}/end`).set(as(assessor.token)).send(body);
    expect((await end({ validUntil: '2023-12-31', reason: 'entered by mistake' }).expect(400)).body.fields[0].field).toBe('validUntil');
    await end({ validUntil: addDays(today, -1), reason: '特困 status ended by the street office' }).expect(200);
    expect((await entitlements()).entitlements.priorityGroups).not.toContain('extreme-poverty');
  });
});
