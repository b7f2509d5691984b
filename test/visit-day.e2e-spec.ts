import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Client } from 'pg';
import { SCHEDULE_QUEUES } from '@app/contracts';
import { addDays, DEFAULT_VISIT_POLICY, isoWeekday, localDate } from '@app/domain';
import { eventually, seniorRegistration } from '@app/testing';
import { VisitAlertsService } from '../apps/dispatch/src/home-care/visit-alerts.service';
import { TestPlatform } from './platform';
import { seniorInReadModels } from './read-model-seniors';

/** Shanghai LTCI level 4: five one-hour visits a week, 90/10. */
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
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: '09:00', to: '10:00' }));
const HOME = { lat: 31.1124, lng: 121.3817 };
const FAR = { lat: 31.1224, lng: 121.3817 }; // about 1.1 km north
const profile = {
  gender: 'female',
  certification: 'senior',
  skills: ['personal-care', 'bathing'],
  languages: ['mandarin'],
  home: HOME,
  travelMode: 'e-bike',
  workingDays: [1, 2, 3, 4, 5, 6, 7],
  shift: { from: '07:00', to: '20:00' },
  maxHoursPerWeek: 40,
  daysOff: [],
};

/**
 * A day of home care as the people doing it see it: the caregiver checks in and out at the door,
 * coordinators get alerts for late visits and concerns, a sick caregiver's day is re-planned, and
 * the month's ledger and LTCI claim come from the visits that really happened.
 */
describe('doing the visits (e2e)', () => {
  let platform: TestPlatform;
  let db: Client;
  let planner: { id: string; token: string };
  let admin: { id: string; token: string };
  const caregiverAccounts: Array<{ id: string; token: string }> = [];
  const caregiverIds: string[] = [];
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });
  const today = localDate(new Date());
  const monday = addDays(today, 1 - isoWeekday(today));
  let geofenced: string; // senior verified by geofence, location not kept
  let tagged: string; // senior verified by door tag, consented to location being kept
  let registered: string; // a senior known to the assessment service too

  /** The senior's visit today and the token of the caregiver it went to. */
  async function todaysVisit(seniorId: string) {
    const row = (await db.query(`SELECT id, caregiver_id FROM dispatch.care_visit WHERE senior_id = $1 AND date = $2`, [seniorId, today])).rows[0];
    const index = caregiverIds.indexOf(row.caregiver_id);
    return { visitId: row.id as string, token: caregiverAccounts[index]!.token, other: caregiverAccounts[1 - index]!.token, caregiverId: row.caregiver_id as string };
  }

  /** A visit plan in force since Monday (a plan set through the API starts next Monday at the earliest). */
  async function planSinceMonday(seniorId: string, verification: object) {
    await db.query(`INSERT INTO dispatch.visit_plan_version (senior_id, valid_from, valid_until, plan, created_by) VALUES ($1, $2, NULL, $3, $4)`, [
      seniorId,
      monday,
      JSON.stringify({ patterns: EVERY_DAY, visitMinutes: 60, flexibilityMinutes: 180, tasks: ['bed-bath'], genderPreference: null, preferredCaregiverIds: [], blockedCaregiverIds: [], verification }),
      planner.id,
    ]);
  }

  beforeAll(async () => {
    platform = await TestPlatform.start();
    db = new Client({ connectionString: platform.database.url });
    await db.connect();
    planner = await platform.account(['planner']);
    admin = await platform.account(['admin']);
    for (const name of ['王阿姨', '刘阿姨']) {
      const account = await platform.account(['caregiver']);
      const caregiver = await platform.http().post('/v1/caregivers').set(as(planner.token)).send({ districtCode: '310112', accountId: account.id, name, profile }).expect(201);
      caregiverAccounts.push(account);
      caregiverIds.push(caregiver.body.caregiverId);
    }
    geofenced = await seniorInReadModels(db, { bedTypes: [], homeCare: HOME_CARE }, 'female', { name: '赵奶奶', location: HOME });
    tagged = await seniorInReadModels(db, { bedTypes: [], homeCare: HOME_CARE }, 'female', { name: '钱奶奶', location: { lat: 31.1134, lng: 121.3827 } });
    const senior = await platform.http().post('/v1/seniors').set(as(admin.token)).send(seniorRegistration()).expect(201);
    registered = senior.body.seniorId;
    await eventually(async () => expect((await db.query(`SELECT 1 FROM dispatch.senior_view WHERE senior_id = $1`, [registered])).rowCount).toBe(1));
    await db.query(`UPDATE dispatch.senior_view SET entitlements = $2, location = ST_SetSRID(ST_MakePoint($3, $4), 4326)::geography WHERE senior_id = $1`, [registered, JSON.stringify({ bedTypes: [], homeCare: HOME_CARE }), HOME.lng + 0.002, HOME.lat]);
    await planSinceMonday(geofenced, { method: 'geofence', keepLocation: false });
    await planSinceMonday(tagged, { method: 'door-code', keepLocation: true });
    await planSinceMonday(registered, { method: 'geofence', keepLocation: false });
    const run = await platform.http().post(`/v1/districts/310112/visit-schedules/${monday}`).set(as(admin.token)).expect(201);
    expect(run.body).toMatchObject({ version: 1, unassigned: 0, assigned: 21 });
  });
  afterAll(async () => {
    await db?.end();
    await platform?.stop();
  });

  it('lets only the assigned caregiver check in, verifies by geofence, keeps no location without consent, and refuses check-out before check-in', async () => {
    const { visitId, token, other } = await todaysVisit(geofenced);
    const url = `/v1/visits/${encodeURIComponent(visitId)}`;
    const notMine = await platform.http().post(`${url}/check-in`).set(as(other)).send({ method: 'geofence', location: HOME }).expect(403);
    expect(notMine.body.message).toContain('not assigned to you');
    const early = await platform.http().post(`${url}/check-out`).set(as(token)).send({ method: 'geofence', location: HOME, tasksDone: [] }).expect(409);
    expect(early.body.message).toContain('check in before checking out');
    expect((await db.query(`SELECT status, check_in_at FROM dispatch.care_visit WHERE id = $1`, [visitId])).rows[0]).toEqual({ status: 'planned', check_in_at: null });

    // Checked in from a kilometre away: the time counts, the check is marked failed, a coordinator is asked.
    const checkedIn = await platform.http().post(`${url}/check-in`).set(as(token)).send({ method: 'geofence', location: FAR }).expect(200);
    expect(checkedIn.body).toMatchObject({ status: 'in-progress', verification: { checkIn: { method: 'geofence', verified: false, distanceMetres: expect.any(Number) } } });
    expect(checkedIn.body.verification.checkIn.problem).toContain('beyond the 100 m geofence');
    expect((await db.query(`SELECT check_in_location FROM dispatch.care_visit WHERE id = $1`, [visitId])).rows[0].check_in_location).toBeNull();
    await platform.http().post(`${url}/check-in`).set(as(token)).send({ method: 'geofence', location: HOME }).expect(409);
    const alerts = await platform.http().get('/v1/districts/310112/visit-alerts').set(as(planner.token)).expect(200);
    const failed = alerts.body.find((a: { visitId: string; kind: string }) => a.visitId === visitId && a.kind === 'verification-failed');
    expect(failed).toMatchObject({ severity: 'medium', summary: expect.stringContaining('check not verified') });

    const done = await platform.http().post(`${url}/check-out`).set(as(token)).send({ method: 'geofence', location: HOME, tasksDone: ['bed-bath'], notes: '精神不错，皮肤无压红' }).expect(200);
    expect(done.body).toMatchObject({ status: 'delivered', tasksDone: ['bed-bath'], notes: '精神不错，皮肤无压红', verification: { checkOut: { verified: true } } });
    const stored = (await db.query(`SELECT notes_sealed FROM dispatch.care_visit WHERE id = $1`, [visitId])).rows[0].notes_sealed as string;
    expect(stored).not.toContain('精神'); // sealed at the gateway, never stored in clear

    // Not claimed until a coordinator confirms the failed check; then claimed.
    const month = today.slice(0, 7);
    const before = await platform.http().get(`/v1/seniors/${geofenced}/care-ledger/${month}`).set(as(planner.token)).expect(200);
    expect(before.body.unverifiedVisits).toEqual([visitId]);
    expect(before.body.claim.lines).toEqual([]);
    await platform.http().post(`/v1/visit-alerts/${failed.alertId}/resolve`).set(as(planner.token)).send({ resolution: 'GPS drift in the stairwell; the senior confirmed by phone', confirmVisit: true }).expect(200);
    const after = await platform.http().get(`/v1/seniors/${geofenced}/care-ledger/${month}`).set(as(planner.token)).expect(200);
    expect(after.body.unverifiedVisits).toEqual([]);
    expect(after.body.claim.lines).toEqual([expect.objectContaining({ visitId, fundSharePercent: 90 })]);
  });

  it('verifies by the door tag, keeps the location the senior consented to, and names a wrong code', async () => {
    const { visitId, token } = await todaysVisit(tagged);
    const tag = await platform.http().post(`/v1/seniors/${tagged}/door-tag`).set(as(planner.token)).expect(201);
    expect(tag.body.code).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect((await db.query(`SELECT code_hash FROM dispatch.care_door_tag WHERE senior_id = $1`, [tagged])).rows[0].code_hash).not.toContain(tag.body.code);
    const url = `/v1/visits/${encodeURIComponent(visitId)}`;
    const wrong = await platform.http().post(`${url}/check-in`).set(as(token)).send({ method: 'door-code', code: 'AAAA-AAAA', location: HOME }).expect(200);
    expect(wrong.body.verification.checkIn).toMatchObject({ verified: false, problem: "the code does not match the senior's door tag" });
    expect((await db.query(`SELECT ST_AsText(check_in_location) AS at FROM dispatch.care_visit WHERE id = $1`, [visitId])).rows[0].at).toBe(`POINT(${HOME.lng} ${HOME.lat})`);
    const out = await platform.http().post(`${url}/check-out`).set(as(token)).send({ method: 'door-code', code: tag.body.code.toLowerCase(), tasksDone: ['bed-bath', 'juggling'] }).expect(400);
    expect(out.body.fields[0]).toMatchObject({ field: 'tasksDone' });
    const ok = await platform.http().post(`${url}/check-out`).set(as(token)).send({ method: 'door-code', code: tag.body.code.toLowerCase(), tasksDone: ['bed-bath'] }).expect(200);
    expect(ok.body.verification.checkOut).toMatchObject({ method: 'door-code', verified: true });
  });

  it('turns a fall reported at check-out into a critical alert and an immediate reassessment', async () => {
    const { visitId, token } = await todaysVisit(registered);
    const url = `/v1/visits/${encodeURIComponent(visitId)}`;
    await platform.http().post(`${url}/check-in`).set(as(token)).send({ method: 'geofence', location: { lat: HOME.lat, lng: HOME.lng + 0.002 } }).expect(200);
    const out = await platform
      .http()
      .post(`${url}/check-out`)
      .set(as(token))
      .send({ method: 'geofence', location: { lat: HOME.lat, lng: HOME.lng + 0.002 }, tasksDone: ['bed-bath'], concerns: [{ kind: 'fall', detail: '昨晚在卫生间滑倒，右腕肿痛' }] })
      .expect(200);
    expect(out.body.concerns).toEqual([expect.objectContaining({ kind: 'fall', detail: '昨晚在卫生间滑倒，右腕肿痛' })]);
    const concerns = (await platform.http().get('/v1/districts/310112/visit-alerts').set(as(planner.token)).expect(200)).body.filter((a: { kind: string; visitId: string }) => a.kind === 'concern' && a.visitId === visitId);
    expect(concerns).toEqual([expect.objectContaining({ severity: 'critical', summary: `fall reported at the visit of ${today}` })]);
    expect(JSON.stringify(concerns)).not.toContain('卫生间'); // the detail stays sealed on the visit
    await eventually(async () => {
      const tasks = await platform.http().get('/v1/reassessments/tasks').set(as(admin.token)).expect(200);
      expect(tasks.body.filter((t: { seniorId: string }) => t.seniorId === registered)).toEqual([expect.objectContaining({ kind: 'immediate', reason: expect.stringContaining('fall reported by the caregiver') })]);
    });
  });

  it("lets a caregiver ask for a reassessment of a senior they visit, and of no one else", async () => {
    const { token } = await todaysVisit(registered);
    const asked = await platform.http().post(`/v1/seniors/${registered}/reassessment-requests`).set(as(token)).send({ reason: '最近两次探访都说头晕' }).expect(201);
    expect(asked.body).toMatchObject({ seniorId: registered, kind: 'immediate' });

    const stranger = await platform.account(['caregiver']);
    const refused = await platform.http().post(`/v1/seniors/${registered}/reassessment-requests`).set(as(stranger.token)).send({ reason: '最近两次探访都说头晕' }).expect(403);
    expect(refused.body).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/only of a senior they visit/) });
  });

  it('raises a late alert at each grace period, marks the visit missed at the last, and clears it when the check-in arrives', async () => {
    const senior = await seniorInReadModels(db, { bedTypes: [], homeCare: HOME_CARE }, 'female', { name: '孙奶奶', location: HOME });
    await planSinceMonday(senior, { method: 'geofence', keepLocation: false });
    const rerun = await platform.http().post(`/v1/districts/310112/visit-schedules/${monday}`).set(as(admin.token)).expect(201);
    expect(rerun.body.version).toBe(2); // a re-run is a new version; visits already done stay as they were
    expect((await db.query(`SELECT status FROM dispatch.care_visit WHERE senior_id = $1 AND date = $2`, [geofenced, today])).rows[0].status).toBe('delivered');
    const { visitId, token } = await todaysVisit(senior);
    // The first late check is a delayed job at the planned start plus the first grace period.
    const queue = platform.service('dispatch').get<Queue>(getQueueToken(SCHEDULE_QUEUES.dispatch));
    const planned = (await db.query(`SELECT planned_start FROM dispatch.care_visit WHERE id = $1`, [visitId])).rows[0].planned_start as Date;
    const jobs = (await queue.getDelayed()).filter((job) => job.name === 'visit.late-check' && job.data.visitId === visitId);
    const due = planned.getTime() + 15 * 60_000;
    expect(jobs.some((job) => Math.abs(job.timestamp + job.opts.delay! - due) < 2_000 && job.id!.endsWith(`-${due}`))).toBe(true);

    const alerts = platform.service('dispatch').get(VisitAlertsService);
    const lateBy = async (minutes: number) => {
      await db.query(`UPDATE dispatch.care_visit SET planned_start = now() - make_interval(mins => $2) WHERE id = $1`, [visitId, minutes]);
      const start = (await db.query(`SELECT planned_start FROM dispatch.care_visit WHERE id = $1`, [visitId])).rows[0].planned_start as Date;
      return alerts.lateCheck(visitId, start.toISOString());
    };
    const alertOf = async () => (await platform.http().get('/v1/districts/310112/visit-alerts').set(as(planner.token)).expect(200)).body.find((a: { visitId: string; kind: string }) => a.visitId === visitId && a.kind === 'late');
    expect(await lateBy(5)).toBe('waiting');
    expect(await alertOf()).toBeUndefined();
    expect(await lateBy(16)).toBe('medium');
    expect(await alertOf()).toMatchObject({ severity: 'medium', minutesLate: 16 });
    expect(await lateBy(31)).toBe('high');
    const acknowledged = await platform.http().post(`/v1/visit-alerts/${(await alertOf()).alertId}/acknowledge`).set(as(planner.token)).expect(200);
    expect(acknowledged.body).toMatchObject({ severity: 'high', acknowledgedBy: planner.id });
    expect(await lateBy(61)).toBe('critical');
    expect(await alertOf()).toMatchObject({ severity: 'critical', summary: expect.stringContaining('missed'), acknowledgedBy: planner.id });
    expect((await db.query(`SELECT status FROM dispatch.care_visit WHERE id = $1`, [visitId])).rows[0].status).toBe('missed');
    // A check-in after all: the alert clears itself, the lateness stays on record.
    await platform.http().post(`/v1/visits/${encodeURIComponent(visitId)}/check-in`).set(as(token)).send({ method: 'geofence', location: HOME }).expect(200);
    expect(await alertOf()).toBeUndefined();
    const all = await platform.http().get('/v1/districts/310112/visit-alerts').query({ open: 'false' }).set(as(planner.token)).expect(200);
    expect(all.body.find((a: { visitId: string; kind: string }) => a.visitId === visitId && a.kind === 'late')).toMatchObject({ minutesLate: 61, clearedAt: expect.any(String) });
    await platform.http().get('/v1/districts/310112/visit-alerts').set(as(caregiverAccounts[0]!.token)).expect(403);
  });

  it('re-plans tomorrow for a sick caregiver: their visits go to the other, everyone affected is told, and the week keeps its versions', async () => {
    const tomorrow = addDays(today, 1);
    const weekOfTomorrow = addDays(tomorrow, 1 - isoWeekday(tomorrow));
    if (weekOfTomorrow !== monday) await platform.http().post(`/v1/districts/310112/visit-schedules/${weekOfTomorrow}`).set(as(admin.token)).expect(201);
    const rows = (await db.query(`SELECT id, senior_id, caregiver_id FROM dispatch.care_visit WHERE date = $1 AND status = 'planned'`, [tomorrow])).rows;
    const sick = rows[0].caregiver_id as string;
    const theirs = rows.filter((r) => r.caregiver_id === sick).map((r) => r.id).sort();
    const replan = await platform.http().post(`/v1/districts/310112/visit-replans/${tomorrow}`).set(as(planner.token)).send({ sickCaregiverId: sick }).expect(200);
    expect(replan.body.changes.filter((c: { kind: string }) => c.kind === 'reassigned').map((c: { visitId: string }) => c.visitId).sort()).toEqual(theirs);
    const healthy = caregiverIds.find((id) => id !== sick)!;
    expect((await db.query(`SELECT DISTINCT caregiver_id FROM dispatch.care_visit WHERE date = $1 AND status = 'planned'`, [tomorrow])).rows).toEqual([{ caregiver_id: healthy }]);
    expect(replan.body.notified.caregiverIds.sort()).toEqual([...caregiverIds].sort());
    const sickAccount = caregiverAccounts[caregiverIds.indexOf(sick)]!;
    const notices = await platform.http().get('/v1/caregiver/notices').set(as(sickAccount.token)).expect(200);
    expect(notices.body.map((n: { visitId: string }) => n.visitId).sort()).toEqual(theirs);
    expect(notices.body[0].message).toContain('no longer yours');
    const family = await platform.http().get(`/v1/seniors/${rows.find((r) => r.caregiver_id === sick).senior_id}/visit-notices`).set(as(planner.token)).expect(200);
    expect(family.body[0].message).toMatch(/^Visit now at .*: the caregiver planned is unavailable that day\.$/); // no caregiver's health, no ids

    // A hand edit that would overlap the healthy caregiver's other visit is refused, and nothing changes.
    const [first, second] = (await db.query(`SELECT id, planned_start FROM dispatch.care_visit WHERE date = $1 AND caregiver_id = $2 ORDER BY planned_start`, [tomorrow, healthy])).rows;
    const overlap = await platform.http().put(`/v1/visits/${encodeURIComponent(second.id)}/assignment`).set(as(planner.token)).send({ caregiverId: healthy, plannedStart: new Date(first.planned_start.getTime() + 30 * 60_000).toISOString(), reason: 'asked for earlier' }).expect(409);
    expect(overlap.body.message).toContain(first.id);
    expect((await db.query(`SELECT planned_start FROM dispatch.care_visit WHERE id = $1`, [second.id])).rows[0].planned_start).toEqual(second.planned_start);

    const versions = await platform.http().get(`/v1/districts/310112/visit-schedules/${weekOfTomorrow}/versions`).set(as(planner.token)).expect(200);
    const replanVersion = versions.body.find((v: { kind: string }) => v.kind === 'replan');
    expect(replanVersion).toMatchObject({ number: replan.body.version, visits: replan.body.changes.length });
    const before = await platform.http().get(`/v1/districts/310112/visit-schedules/${weekOfTomorrow}/versions/${replan.body.version - 1}`).set(as(planner.token)).expect(200);
    const afterIt = await platform.http().get(`/v1/districts/310112/visit-schedules/${weekOfTomorrow}/versions/${replan.body.version}`).set(as(planner.token)).expect(200);
    const caregiverOf = (view: { visits: Array<{ visitId: string; caregiverId: string }> }, id: string) => view.visits.find((v) => v.visitId === id)?.caregiverId;
    expect(theirs.map((id) => caregiverOf(before.body, id))).toEqual(theirs.map(() => sick));
    expect(theirs.map((id) => caregiverOf(afterIt.body, id))).toEqual(theirs.map(() => healthy));
    await platform.http().post(`/v1/districts/310112/visit-replans/${addDays(today, -1)}`).set(as(planner.token)).send({ sickCaregiverId: sick }).expect(400);
    const dateTime = await platform.http().post(`/v1/districts/310112/visit-replans/${encodeURIComponent(`${tomorrow} 12:00`)}`).set(as(planner.token)).send({ sickCaregiverId: sick }).expect(400);
    expect(dateTime.body.fields).toEqual([{ field: 'date', problems: ['date must be a calendar date, YYYY-MM-DD'] }]);
  });

  it('cancels one visit and fits an extra one in, moving nothing else', async () => {
    const tomorrow = addDays(today, 1);
    const before = new Map((await db.query(`SELECT id, caregiver_id, planned_start FROM dispatch.care_visit WHERE date = $1 AND status = 'planned'`, [tomorrow])).rows.map((r) => [r.id, r]));
    const [cancelled] = [...before.keys()].sort();
    await platform.http().post(`/v1/districts/310112/visit-replans/${tomorrow}`).set(as(planner.token)).send({ cancelledVisitId: cancelled }).expect(400); // a cancellation needs a reason
    const cancel = await platform.http().post(`/v1/districts/310112/visit-replans/${tomorrow}`).set(as(planner.token)).send({ cancelledVisitId: cancelled, reason: 'hospital check-up' }).expect(200);
    expect(cancel.body.changes).toEqual([expect.objectContaining({ visitId: cancelled, kind: 'cancelled' })]);
    expect((await db.query(`SELECT status, cancel_reason FROM dispatch.care_visit WHERE id = $1`, [cancelled])).rows[0]).toEqual({ status: 'cancelled', cancel_reason: 'hospital check-up' });

    const extra = await platform.http().post(`/v1/districts/310112/visit-replans/${tomorrow}`).set(as(planner.token)).send({ extraVisit: { seniorId: tagged, from: '15:00', to: '16:00', durationMinutes: 45 } }).expect(200);
    expect(extra.body.changes).toEqual([expect.objectContaining({ visitId: `${tagged}:${tomorrow}:2`, kind: 'added', toCaregiverId: expect.any(String) })]);
    const added = (await db.query(`SELECT status, duration_minutes, tasks FROM dispatch.care_visit WHERE id = $1`, [`${tagged}:${tomorrow}:2`])).rows[0];
    expect(added).toEqual({ status: 'planned', duration_minutes: 45, tasks: ['bed-bath'] });
    for (const [id, row] of before) {
      if (id === cancelled) continue;
      const now = (await db.query(`SELECT caregiver_id, planned_start FROM dispatch.care_visit WHERE id = $1`, [id])).rows[0];
      expect(now).toEqual({ caregiver_id: row.caregiver_id, planned_start: row.planned_start });
    }
    const bad = await platform.http().post(`/v1/districts/310112/visit-replans/${tomorrow}`).set(as(planner.token)).send({ extraVisit: { seniorId: tagged, from: '16:00', to: '25:00' } }).expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['extraVisit.to']);
  });

  it('lets the family move or cancel a coming visit up to the lead time the district set, and records each as a booking', async () => {
    const family = await platform.account(['family']);
    await platform.http().post(`/v1/seniors/${registered}/consents`).set(as(admin.token)).send({ familyAccountId: family.id, scopes: ['view-status', 'manage-visits'], basis: 'Daughter, guardian papers checked at the hub' }).expect(201);
    const later = addDays(today, 2);
    const laterWeek = addDays(later, 1 - isoWeekday(later));
    if (laterWeek !== monday) await platform.http().post(`/v1/districts/310112/visit-schedules/${laterWeek}`).set(as(admin.token)).expect(201);
    const visit = (await db.query(`SELECT id, caregiver_id, planned_start FROM dispatch.care_visit WHERE senior_id = $1 AND date = $2`, [registered, later])).rows[0];
    const url = `/v1/seniors/${registered}/visits/${encodeURIComponent(visit.id)}`;
    const policy = (version: string, familyChangeLeadHours: number) => ({ version, effectiveFrom: today, policy: { ...DEFAULT_VISIT_POLICY, version, familyChangeLeadHours } });
    await platform.http().post('/v1/districts/310112/visit-policy').set(as(planner.token)).send(policy('strict-3-days', 72)).expect(201);
    const tooLate = await platform.http().post(`${url}/cancel`).set(as(family.token)).send({ reason: 'going to her daughter' }).expect(409);
    expect(tooLate.body).toMatchObject({ code: 'TOO_LATE', message: expect.stringContaining('72 h') });

    await platform.http().post('/v1/districts/310112/visit-policy').set(as(planner.token)).send(policy('one-day', 24)).expect(201);
    // A time without its offset would be read in the server's zone; one outside the caregiver's hours cannot be kept.
    const noOffset = await platform.http().post(`${url}/reschedule`).set(as(family.token)).send({ plannedStart: `${later}T16:00:00` }).expect(400);
    expect(noOffset.body.fields).toEqual([{ field: 'plannedStart', problems: ['plannedStart must be a date-time with its offset, e.g. 2026-12-07T09:00:00+08:00'] }]);
    const night = await platform.http().post(`${url}/reschedule`).set(as(family.token)).send({ plannedStart: `${later}T23:30:00+08:00` }).expect(400);
    expect(night.body.message).toContain('The caregiver works 07:00–20:00');
    const afternoon = new Date(`${later}T16:00:00+08:00`).toISOString();
    const moved = await platform.http().post(`${url}/reschedule`).set(as(family.token)).send({ plannedStart: afternoon }).expect(200);
    expect(moved.body.changes).toEqual([expect.objectContaining({ visitId: visit.id, kind: 'retimed', toCaregiverId: visit.caregiver_id, toStart: afternoon })]);
    const caregiverToken = caregiverAccounts[caregiverIds.indexOf(visit.caregiver_id)]!.token;
    expect((await platform.http().get('/v1/caregiver/notices').set(as(caregiverToken)).expect(200)).body[0]).toMatchObject({ visitId: visit.id, message: expect.stringContaining('Your visit moved') });
    await platform.http().post(`${url}/cancel`).set(as(family.token)).send({ reason: 'going to her daughter' }).expect(200);
    expect((await db.query(`SELECT status, cancel_reason FROM dispatch.care_visit WHERE id = $1`, [visit.id])).rows[0]).toEqual({ status: 'cancelled', cancel_reason: 'asked by the family: going to her daughter' });
    const bookings = (await platform.http().get(`/v1/seniors/${registered}/bookings`).set(as(family.token)).expect(200)).body;
    expect(bookings.map((b: { kind: string; status: string }) => [b.kind, b.status])).toEqual([
      ['visit-cancellation', 'confirmed'],
      ['visit-reschedule', 'confirmed'],
      ['visit-cancellation', 'rejected'],
    ]);
  });

  it('produces the LTCI claim for the fund as CSV from the delivered visits', async () => {
    const month = today.slice(0, 7);
    // The geofenced senior's visit (confirmed by the coordinator above) lasted 55 minutes.
    await db.query(`UPDATE dispatch.care_visit SET check_in_at = check_out_at - interval '55 minutes' WHERE senior_id = $1 AND date = $2`, [geofenced, today]);
    const csv = await platform.http().get(`/v1/districts/310112/ltci-claims/${month}/claims.csv`).set(as(planner.token)).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('senior_id,month,visit_id,date,caregiver_id,minutes,covered_minutes,amount_fen,fund_share_pct,fund_fen,co_pay_fen,self_pay_fen');
    const total = lines.find((l) => l.startsWith(`${geofenced},${month},total`))!.split(',');
    const [amount, fund, coPay] = [Number(total[7]), Number(total[9]), Number(total[10])];
    expect(amount).toBe(Math.round((55 * 6500) / 60)); // 55 minutes at the built-in 65 yuan an hour
    expect(fund + coPay).toBe(amount);
    expect(fund).toBe(Math.round(amount * 0.9));
    const family = await platform.account(['family']);
    await platform.http().get(`/v1/seniors/${tagged}/care-ledger/${month}`).set(as(family.token)).expect(404); // no consent: a family cannot even learn the senior is registered
  });
});
