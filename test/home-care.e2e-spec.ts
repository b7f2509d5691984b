import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { addDays, isoWeekday, localDate } from '@app/domain';
import { SeniorViewsService } from '../apps/dispatch/src/senior-views/senior-views.service';
import { TestPlatform } from './platform';
import { seniorInReadModels } from './read-model-seniors';

/** Shanghai LTCI level 4: five one-hour visits a week. */
const HOME_CARE = {
  source: { scheme: 'ltci', name: '长期护理保险', instrument: 'Shanghai 老年照护统一需求评估', level: 4 },
  visitsPerWeek: 5,
  visitMinutes: 60,
  hoursPerWeek: 5,
  bonusHoursPerMonth: 0,
  bonusCashAlternativeFenPerMonth: null,
  fundSharePercent: 90,
  coPayPercent: 10,
};
const NO_HOME_CARE = { ...HOME_CARE, source: null, visitsPerWeek: 0, hoursPerWeek: 0 };
const weekdays = (n: number) => [1, 2, 3, 4, 5, 6, 7].slice(0, n).map((weekday) => ({ weekday, from: '09:00', to: '10:00' }));

/** Home care's standing data: caregivers with what they can do, and visit plans held to the entitlement. */
describe('caregivers and visit plans (e2e)', () => {
  let platform: TestPlatform;
  let db: Client;
  let planner: { id: string; token: string };
  let assessor: { id: string; token: string };
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    platform = await TestPlatform.start();
    db = new Client({ connectionString: platform.database.url });
    await db.connect();
    planner = await platform.account(['planner']);
    assessor = await platform.account(['assessor']);
  });
  afterAll(async () => {
    await db?.end();
    await platform?.stop();
  });

  const profile = {
    gender: 'female',
    certification: 'senior',
    skills: ['personal-care', 'bathing'],
    languages: ['mandarin', 'shanghainese'],
    home: { lat: 31.11, lng: 121.38 },
    travelMode: 'e-bike',
    workingDays: [1, 2, 3, 4, 5],
    shift: { from: '08:00', to: '17:00' },
    maxHoursPerWeek: 40,
    daysOff: [],
  };

  it('registers caregivers with their skills, languages and hours, and names every bad field', async () => {
    const caregiver = await platform.http().post('/v1/caregivers').set(as(planner.token)).send({ districtCode: '310112', name: '陈护理员', profile }).expect(201);
    expect(caregiver.body).toMatchObject({ name: '陈护理员', active: true, profile: { skills: ['personal-care', 'bathing'] } });
    const bad = await platform
      .http()
      .post('/v1/caregivers')
      .set(as(planner.token))
      .send({ districtCode: '310112', name: '错误', profile: { ...profile, skills: ['juggling'], shift: { from: '17:00', to: '08:00' }, break: { from: '12:00', to: '12:15', minutes: 30 }, workingDays: [0], home: { lat: 48.85, lng: 2.35 } } })
      .expect(400);
    expect(bad.body.fields.map((f: { field: string }) => f.field).sort()).toEqual(['profile.break', 'profile.home', 'profile.shift', 'profile.skills', 'profile.workingDays']);
    await platform.http().post('/v1/caregivers').set(as(assessor.token)).send({ districtCode: '310112', name: '陈护理员', profile }).expect(403);
    const list = await platform.http().get('/v1/districts/310112/caregivers').set(as(planner.token)).expect(200);
    expect(list.body.map((c: { name: string }) => c.name)).toEqual(['陈护理员']);
  });

  it('takes a visit plan within the entitlement, shows the coming week, and asks for a reason beyond it', async () => {
    const seniorId = await seniorInReadModels(db, { bedTypes: [], homeCare: HOME_CARE });
    const plan = { patterns: weekdays(5), visitMinutes: 60, tasks: ['bed-bath', 'medication-reminder'], genderPreference: 'female', preferredCaregiverIds: [], blockedCaregiverIds: [] };
    const set = await platform.http().put(`/v1/seniors/${seniorId}/visit-plan`).set(as(assessor.token)).send({ plan }).expect(200);
    expect(set.body).toMatchObject({ entitledHoursPerWeek: 5, plannedHoursPerWeek: 5 });
    expect(set.body.nextWeek).toHaveLength(5);
    const monday = set.body.nextWeek[0];
    expect(isoWeekday(monday.date)).toBe(1);
    expect(monday.date > localDate(new Date())).toBe(true);
    expect(monday).toMatchObject({ durationMinutes: 60, genderPreference: 'female', requiredSkills: expect.arrayContaining(['bathing', 'personal-care', 'medication-help']) });

    // Seven visits for a five-visit entitlement: refused without a reason, kept with one, history kept.
    const beyond = await platform.http().put(`/v1/seniors/${seniorId}/visit-plan`).set(as(assessor.token)).send({ plan: { ...plan, patterns: weekdays(7) } }).expect(422);
    expect(beyond.body.message).toContain('overrideReason');
    const nextMonday = set.body.nextWeek[0].date as string;
    const later = addDays(nextMonday, 7);
    const overridden = await platform
      .http()
      .put(`/v1/seniors/${seniorId}/visit-plan`)
      .set(as(assessor.token))
      .send({ validFrom: later, plan: { ...plan, patterns: weekdays(7), overrideReason: 'Discharged from hospital: two extra visits paid by the family' } })
      .expect(200);
    expect(overridden.body.versions.map((v: { validFrom: string; validUntil: string | null }) => [v.validFrom, v.validUntil])).toEqual([
      [nextMonday, addDays(later, -1)],
      [later, null],
    ]);
    const badTasks = await platform.http().put(`/v1/seniors/${seniorId}/visit-plan`).set(as(assessor.token)).send({ plan: { ...plan, tasks: ['juggling'] } }).expect(400);
    expect(badTasks.body.fields[0].field).toBe('plan.tasks[0]');
  });

  it('plans the week: each visit to a caregiver with the skills and the gender asked for, seen by the caregiver and the family', async () => {
    const caregiverAccount = await platform.account(['caregiver']);
    const otherAccount = await platform.account(['caregiver']);
    const female = await platform.http().post('/v1/caregivers').set(as(planner.token)).send({ districtCode: '310112', accountId: caregiverAccount.id, name: '王阿姨', profile: { ...profile, home: { lat: 31.1124, lng: 121.3817 } } }).expect(201);
    await platform.http().post('/v1/caregivers').set(as(planner.token)).send({ districtCode: '310112', accountId: otherAccount.id, name: '李师傅', profile: { ...profile, gender: 'male', skills: ['personal-care'], home: { lat: 31.1124, lng: 121.3817 } } }).expect(201);
    const seniorId = await seniorInReadModels(db, { bedTypes: [], homeCare: HOME_CARE }, 'female', { name: '赵奶奶', location: { lat: 31.1134, lng: 121.3827 } });
    const plan = { patterns: weekdays(3), visitMinutes: 60, tasks: ['bed-bath'], genderPreference: 'female', preferredCaregiverIds: [], blockedCaregiverIds: [] };
    const set = await platform.http().put(`/v1/seniors/${seniorId}/visit-plan`).set(as(assessor.token)).send({ plan }).expect(200);
    const weekStart = set.body.nextWeek[0].date as string;

    const admin = await platform.account(['admin']);
    const run = await platform.http().post(`/v1/districts/310112/visit-schedules/${weekStart}`).set(as(admin.token)).expect(201);
    // The earlier senior's plan asks for medication help, which no caregiver of the district has: said, not hidden.
    expect(run.body).toMatchObject({ weekStart, assigned: 3, unassigned: 5 });
    const reasons = await db.query(`SELECT DISTINCT unassigned_reason FROM dispatch.care_visit WHERE status = 'unassigned'`);
    expect(reasons.rows).toEqual([{ unassigned_reason: expect.stringContaining('medication-help') }]);
    const visits = await platform.http().get(`/v1/seniors/${seniorId}/visits`).set(as(assessor.token)).expect(200);
    expect(visits.body).toHaveLength(3);
    for (const visit of visits.body) {
      expect(visit).toMatchObject({ status: 'planned', caregiverId: female.body.caregiverId, caregiverName: '王阿姨', durationMinutes: 60, tasks: ['bed-bath'] });
      const local = new Date(visit.plannedStart).toLocaleTimeString('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit' });
      expect(local >= '08:30' && local <= '10:30').toBe(true); // 09:00–10:00 with the default half-hour flexibility
    }
    const own = await platform.http().get('/v1/caregiver/visits').query({ from: weekStart, until: addDays(weekStart, 6) }).set(as(caregiverAccount.token)).expect(200);
    expect(own.body.filter((v: { seniorId: string }) => v.seniorId === seniorId).map((v: { seniorName: string }) => v.seniorName)).toEqual(['赵奶奶', '赵奶奶', '赵奶奶']);
    const others = await platform.http().get('/v1/caregiver/visits').query({ from: weekStart, until: addDays(weekStart, 6) }).set(as(otherAccount.token)).expect(200);
    expect(others.body.some((v: { seniorId: string }) => v.seniorId === seniorId)).toBe(false);
    await platform.http().post(`/v1/districts/310112/visit-schedules/${addDays(weekStart, 1)}`).set(as(admin.token)).expect(400);
  });

  it('cuts a plan to a lower entitlement from next Monday when the entitlements change (a version not yet started is replaced)', async () => {
    const seniorId = await seniorInReadModels(db, { bedTypes: [], homeCare: HOME_CARE });
    const plan = { patterns: weekdays(5), visitMinutes: 60, tasks: [], genderPreference: null, preferredCaregiverIds: [], blockedCaregiverIds: [] };
    const set = await platform.http().put(`/v1/seniors/${seniorId}/visit-plan`).set(as(assessor.token)).send({ plan }).expect(200);
    const monday = set.body.nextWeek[0].date as string;
    // What the inbox does with the event: the reassessment found level 2, three visits a week.
    const lower = { ...HOME_CARE, source: { ...HOME_CARE.source, level: 2 }, visitsPerWeek: 3, hoursPerWeek: 3 };
    await platform
      .service('dispatch')
      .get(SeniorViewsService)
      .applyEntitlementsChanged({
        eventId: randomUUID(),
        type: 'entitlements.changed',
        source: 'assessment',
        occurredAt: new Date().toISOString(),
        correlationId: null,
        payload: { seniorId, entitlements: { bedTypes: [], homeCare: lower }, previous: null, changes: [], districtCode: '310112', policyVersion: 'test', trigger: 'reassessment' },
      });
    // An older event delivered late (level 1: one visit) changes neither the entitlements nor the plan.
    await platform
      .service('dispatch')
      .get(SeniorViewsService)
      .applyEntitlementsChanged({
        eventId: randomUUID(),
        type: 'entitlements.changed',
        source: 'assessment',
        occurredAt: new Date(Date.now() - 86_400_000).toISOString(),
        correlationId: null,
        payload: { seniorId, entitlements: { bedTypes: [], homeCare: { ...lower, visitsPerWeek: 1, hoursPerWeek: 1 } }, previous: null, changes: [], districtCode: '310112', policyVersion: 'test', trigger: 'late delivery' },
      });
    const after = await platform.http().get(`/v1/seniors/${seniorId}/visit-plan`).set(as(assessor.token)).expect(200);
    expect(after.body).toMatchObject({ entitledHoursPerWeek: 3, plannedHoursPerWeek: 3 });
    expect(after.body.versions.map((v: { validFrom: string; plan: { patterns: unknown[] } }) => [v.validFrom, v.plan.patterns.length])).toEqual([[monday, 3]]);
    expect(after.body.nextWeek.map((v: { date: string }) => isoWeekday(v.date))).toEqual([1, 2, 3]);
  });

  it('refuses a plan for a senior without a home-care entitlement', async () => {
    const seniorId = await seniorInReadModels(db, { bedTypes: [], homeCare: NO_HOME_CARE });
    const refused = await platform.http().put(`/v1/seniors/${seniorId}/visit-plan`).set(as(assessor.token)).send({ plan: { patterns: weekdays(1), visitMinutes: 60, tasks: [] } }).expect(422);
    expect(refused.body.code).toBe('NOT_ELIGIBLE');
    expect((await db.query(`SELECT count(*)::int AS n FROM dispatch.visit_plan_version WHERE senior_id = $1`, [seniorId])).rows[0].n).toBe(0);
  });
});
