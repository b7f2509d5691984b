// Weekly home-care schedule for a synthetic Minhang week:
//   npm run bench:visits [-- --seniors 5000 --caregivers 400 --seconds 45 --seed 1]
// Seniors at home around Minhang with the Shanghai LTCI mix (levels 2–3: 3 one-hour visits a week,
// level 4: 5, levels 5–6: 7), caregivers with skills, genders, travel modes, five working days out of
// seven and the policy's weekly maximum. Prints unassigned visits, continuity (seniors served by at
// most two caregivers in the week), total travel, the workload spread, the wall time, and the time
// to re-plan one sick caregiver's Wednesday. Writes nothing to disk.

import { type Caregiver, type CareSkill, DEFAULT_VISIT_POLICY, replanDay, scheduleWeek, type VisitPlan, visitsForWeek } from '../libs/domain/src/visits';
import { SeededRandom } from '../libs/domain/src/district';

const TARGET = 'target: weekly plan for 5,000 seniors and 400 caregivers under 60 s on two cores; re-plan of a sick caregiver\'s day in seconds';
const WEEK = '2026-03-02';
const CENTRE = { lat: 31.112, lng: 121.381 }; // Xinzhuang, Minhang

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const seniors = option('seniors', 5000);
const caregiverCount = option('caregivers', 400);
const seconds = option('seconds', 45);
const seed = option('seed', 1);

/** A point in a 12 × 10 km box around the centre, denser towards it. */
function spot(random: SeededRandom): { lat: number; lng: number } {
  const east = random.gaussian() * 3000;
  const north = random.gaussian() * 2500;
  return { lat: CENTRE.lat + north / 110_574, lng: CENTRE.lng + east / 95_300 };
}

function hh(hour: number, minute = 0): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

const caregiverRandom = SeededRandom.stream(seed, 'caregivers');
const caregivers: Caregiver[] = Array.from({ length: caregiverCount }, (_, i) => {
  const skills: CareSkill[] = ['personal-care', 'medication-help', 'housework', 'companionship'];
  if (caregiverRandom.chance(0.7)) skills.push('bathing', 'mobility-help');
  if (caregiverRandom.chance(0.3)) skills.push('dementia-care');
  if (caregiverRandom.chance(0.15)) skills.push('nursing-tasks');
  const rest = i % 7;
  return {
    caregiverId: `cg${String(i).padStart(4, '0')}`,
    gender: caregiverRandom.chance(0.85) ? 'female' : 'male',
    certification: caregiverRandom.pick(['junior', 'intermediate', 'senior'] as const),
    skills,
    languages: caregiverRandom.chance(0.6) ? ['mandarin', 'shanghainese'] : ['mandarin'],
    home: spot(caregiverRandom),
    travelMode: caregiverRandom.pick(['e-bike', 'e-bike', 'bicycle', 'walk'] as const),
    workingDays: [1, 2, 3, 4, 5, 6, 7].filter((d) => d !== rest + 1 && d !== ((rest + 1) % 7) + 1),
    shift: { from: '07:30', to: '18:30' },
    maxHoursPerWeek: null,
    daysOff: [],
  };
});

const seniorRandom = SeededRandom.stream(seed, 'seniors');
const WEEKDAYS_BY_VISITS: Record<number, number[]> = { 3: [1, 3, 5], 5: [1, 2, 3, 4, 5], 7: [1, 2, 3, 4, 5, 6, 7] };
const plans: VisitPlan[] = Array.from({ length: seniors }, (_, i) => {
  const level = seniorRandom.weightedIndex([30, 30, 25, 10, 5]) + 2;
  const visits = level <= 3 ? 3 : level === 4 ? 5 : 7;
  const hour = seniorRandom.int(8, 16);
  const tasks = ['washing-and-dressing', 'medication-reminder'];
  if (seniorRandom.chance(0.3)) tasks.push('assisted-shower');
  if (seniorRandom.chance(0.1)) tasks.push('dementia-support');
  return {
    seniorId: `sn${String(i).padStart(5, '0')}`,
    location: spot(seniorRandom),
    patterns: WEEKDAYS_BY_VISITS[visits].map((weekday) => ({ weekday, from: hh(hour), to: hh(hour + 1) })),
    visitMinutes: 60,
    flexibilityMinutes: 30,
    tasks,
    languages: seniorRandom.chance(0.1) ? ['shanghainese'] : [],
    genderPreference: seniorRandom.chance(0.2) ? 'female' : null,
    preferredCaregiverIds: [],
    blockedCaregiverIds: [],
  };
});

const visits = plans.flatMap((plan) => visitsForWeek(plan, WEEK));
const demandHours = visits.reduce((sum, v) => sum + v.durationMinutes, 0) / 60;
const capacityHours = caregivers.length * DEFAULT_VISIT_POLICY.maxCaregiverHoursPerWeek;
console.log(`synthetic Minhang week of ${WEEK}: ${seniors} seniors, ${caregivers.length} caregivers, ${visits.length} visits`);
console.log(`demand ${demandHours.toFixed(0)} visit-hours; caregivers' weekly maximum ${capacityHours} h (service + travel) at ${DEFAULT_VISIT_POLICY.maxCaregiverHoursPerWeek} h each`);

const started = Date.now();
const schedule = scheduleWeek(visits, caregivers, { weekStart: WEEK, timeLimitMs: seconds * 1000, seed });
const wall = (Date.now() - started) / 1000;
const m = schedule.metrics;
const reasons = new Map<string, number>();
for (const u of schedule.unassigned) reasons.set(u.reason, (reasons.get(u.reason) ?? 0) + 1);

const wednesday = '2026-03-04';
const busiest = schedule.days.filter((d) => d.date === wednesday).sort((a, b) => b.visitIds.length - a.visitIds.length)[0];
const replanStarted = Date.now();
const replan = replanDay(schedule, wednesday, { sickCaregiverId: busiest.caregiverId }, caregivers);
const replanMs = Date.now() - replanStarted;
const moved = replan.changes.filter((c) => c.kind === 'reassigned').length;
const lost = replan.changes.filter((c) => c.kind === 'unassigned').length;

console.log(`zones: ${m.zones}`);
console.log(`unassigned visits: ${m.unassigned} of ${m.visits} (${[...reasons].map(([r, n]) => `${r} ${n}`).join(', ') || 'none'})`);
console.log(`continuity: ${(m.continuityShare * 100).toFixed(1)}% of ${m.seniorsServed} seniors served by at most two caregivers this week`);
console.log(`total travel: ${Math.round(m.totalTravelMinutes)} min (${(m.totalTravelMinutes / Math.max(1, m.assigned)).toFixed(1)} min per visit)`);
console.log(`workload: min ${m.workload.minHours.toFixed(1)} h, max ${m.workload.maxHours.toFixed(1)} h, mean ${m.workload.meanHours.toFixed(1)} h, stdev ${m.workload.stdevHours.toFixed(1)} h over ${m.workload.caregivers} caregivers`);
console.log(`wall time: ${wall.toFixed(1)} s (budget ${seconds} s)`);
console.log(`re-plan ${busiest.caregiverId} sick on ${wednesday} (${busiest.visitIds.length} visits): ${replanMs} ms, ${moved} moved, ${lost} left unassigned, ${replan.changes.length} changes, notify ${replan.notify.caregiverIds.length} caregivers and ${replan.notify.seniorIds.length} seniors`);
console.log(TARGET);
console.log(JSON.stringify({ seniors, caregivers: caregivers.length, visits: m.visits, unassigned: m.unassigned, continuity: m.continuityShare, travelMinutes: Math.round(m.totalTravelMinutes), workload: m.workload, wallSeconds: wall, replanMs }));
