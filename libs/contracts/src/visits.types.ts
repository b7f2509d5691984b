import type { VisitRequest } from '@app/domain';

/** Shapes of home-care visits (居家照护) as they cross queues; the rules are in libs/domain/src/visits. */

export interface RegisterCaregiverCommand {
  caregiverId: string;
  districtCode: string;
  accountId: string | null;
  name: string;
  /** The domain's Caregiver without its id: gender, certification, skills, languages, home, travelMode, workingDays, shift, maxHoursPerWeek, daysOff. */
  profile: Record<string, unknown>;
}

export interface CaregiverRecord {
  caregiverId: string;
  districtCode: string;
  accountId: string | null;
  name: string;
  profile: Record<string, unknown>;
  active: boolean;
}

export interface SetVisitPlanCommand {
  seniorId: string;
  /** First date of the new plan; null: next Monday. */
  validFrom: string | null;
  /** The domain's VisitPlan without seniorId and location: patterns, visitMinutes, flexibilityMinutes, tasks, extraSkills, languages, genderPreference, preferredCaregiverIds, blockedCaregiverIds, overrideReason. */
  plan: Record<string, unknown>;
}

export interface VisitPlanRecord {
  seniorId: string;
  /** From the current entitlements (null before any home-care entitlement). */
  entitledHoursPerWeek: number | null;
  plannedHoursPerWeek: number | null;
  current: { validFrom: string; validUntil: string | null; plan: Record<string, unknown> } | null;
  versions: Array<{ validFrom: string; validUntil: string | null; plan: Record<string, unknown> }>;
  /** The visits the plan asks for in the week from the next Monday on which it is in force. */
  nextWeek: VisitRequest[];
}

/** One visit of a week's schedule, as a caregiver or a family sees it. */
export interface CareVisitRecord {
  visitId: string;
  seniorId: string;
  date: string;
  status: 'planned' | 'unassigned';
  /** Local start; null when nobody could be planned. */
  plannedStart: string | null;
  durationMinutes: number;
  tasks: string[];
  caregiverId: string | null;
  caregiverName: string | null;
  /** Shown to the caregiver: whom to visit and where. */
  seniorName: string | null;
  addressText: string | null;
  unassignedReason: string | null;
}
