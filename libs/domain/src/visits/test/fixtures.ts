// Factories for the visit specs: valid objects with overrides. Test-only: the build excludes test/ folders.
import type { HomeCareEntitlement } from '../../entitlements';
import type { Caregiver } from '../caregiver-day';
import type { VisitPlan } from '../visit-plan';

/** Near Xinzhuang, Minhang (WGS-84). */
export const MINHANG = { lat: 31.112, lng: 121.381 };

/** A point `east` and `north` metres from MINHANG. */
export const near = (east: number, north: number) => ({ lat: MINHANG.lat + north / 110_574, lng: MINHANG.lng + east / (111_320 * Math.cos((MINHANG.lat * Math.PI) / 180)) });

export const caregiver = (caregiverId: string, overrides: Partial<Caregiver> = {}): Caregiver => ({
  caregiverId,
  gender: 'female',
  certification: 'intermediate',
  skills: ['personal-care', 'bathing', 'medication-help', 'housework', 'mobility-help'],
  languages: ['mandarin', 'shanghainese'],
  home: MINHANG,
  travelMode: 'e-bike',
  workingDays: [1, 2, 3, 4, 5],
  shift: { from: '08:00', to: '17:00' },
  maxHoursPerWeek: null,
  daysOff: [],
  ...overrides,
});

/** Three one-hour visits, Monday, Wednesday, Friday at 09:00–10:00. */
export const plan = (seniorId: string, overrides: Partial<VisitPlan> = {}): VisitPlan => ({
  seniorId,
  location: MINHANG,
  patterns: [
    { weekday: 1, from: '09:00', to: '10:00' },
    { weekday: 3, from: '09:00', to: '10:00' },
    { weekday: 5, from: '09:00', to: '10:00' },
  ],
  visitMinutes: 60,
  tasks: ['washing-and-dressing', 'medication-reminder'],
  genderPreference: null,
  preferredCaregiverIds: [],
  blockedCaregiverIds: [],
  ...overrides,
});

/** Shanghai LTCI level 2–3: three one-hour visits a week, 90/10. */
export const homeCare = (overrides: Partial<HomeCareEntitlement> = {}): HomeCareEntitlement => ({
  source: { scheme: 'ltci', name: '长期护理保险', instrument: 'Shanghai 老年照护统一需求评估', level: 3 },
  visitsPerWeek: 3,
  visitMinutes: 60,
  hoursPerWeek: 3,
  bonusHoursPerMonth: 0,
  bonusCashAlternativeFenPerMonth: null,
  fundSharePercent: 90,
  coPayPercent: 10,
  ...overrides,
});

export const WEEK = '2026-03-02'; // a Monday
