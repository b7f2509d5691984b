import type { AllocationPolicyDocument } from '@app/contracts';
import { isClockTime } from '@app/domain';

/** A problem with a published document, named by its path (`dayCareSessions.morning`). */
export interface PolicyProblem {
  path: string;
  message: string;
}

const CIRCLE_MINUTES = [5, 10, 15];

/**
 * Every problem of an allocation policy document, each named by its path; none when it can be
 * published. Ranges are what a district could mean: a walk between 0.3 and 2 m/s, streets up to three
 * times the straight line, a hold of up to 30 days, a lead of up to a week.
 */
export function allocationPolicyProblems(document: unknown): PolicyProblem[] {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return [{ path: '', message: 'must be an object' }];
  const doc = document as Record<string, unknown>;
  const problems: PolicyProblem[] = [];
  const number = (path: string, min: number, max: number, integer: boolean) => {
    const value = doc[path];
    if (typeof value !== 'number' || !Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
      problems.push({ path, message: `must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}` });
    }
  };
  number('walkingSpeedMps', 0.3, 2, false);
  number('detourFactor', 1, 3, false);
  if (!CIRCLE_MINUTES.includes(doc.circleMinutes as number)) problems.push({ path: 'circleMinutes', message: 'must be 5, 10 or 15' });
  number('holdHours', 1, 720, true);
  number('dayCareCancelLeadHours', 0, 168, true);
  const sessions = doc.dayCareSessions as Record<string, unknown> | undefined;
  if (typeof sessions !== 'object' || sessions === null || Array.isArray(sessions)) problems.push({ path: 'dayCareSessions', message: 'must be { morning, afternoon } start times' });
  else {
    for (const session of ['morning', 'afternoon'] as const) {
      if (!isClockTime(sessions[session])) problems.push({ path: `dayCareSessions.${session}`, message: 'must be a time of day as HH:MM' });
    }
    if (problems.every((p) => !p.path.startsWith('dayCareSessions')) && (sessions.morning as string) >= (sessions.afternoon as string)) {
      problems.push({ path: 'dayCareSessions.afternoon', message: 'must start after the morning session' });
    }
  }
  const known = new Set(['walkingSpeedMps', 'detourFactor', 'circleMinutes', 'holdHours', 'dayCareCancelLeadHours', 'dayCareSessions']);
  for (const key of Object.keys(doc)) if (!known.has(key)) problems.push({ path: key, message: 'is not part of the allocation policy' });
  return problems;
}

/** The document of a version with no problems. */
export function asAllocationPolicy(document: unknown): AllocationPolicyDocument {
  const doc = document as AllocationPolicyDocument;
  return {
    walkingSpeedMps: doc.walkingSpeedMps,
    detourFactor: doc.detourFactor,
    circleMinutes: doc.circleMinutes,
    holdHours: doc.holdHours,
    dayCareCancelLeadHours: doc.dayCareCancelLeadHours,
    dayCareSessions: { morning: doc.dayCareSessions.morning, afternoon: doc.dayCareSessions.afternoon },
  };
}
