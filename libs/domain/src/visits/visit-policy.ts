/**
 * A district's home-care visit policy, as versioned data: when a late visit raises an alert and how
 * severe, how close a check-in must be to the door, the flexibility a visit window gets by default,
 * a caregiver's weekly maximum, the LTCI fund share and the hourly rate claimed, and how long before
 * a visit a family may still cancel or move it. (Named
 * HomeCareVisitPolicy: the entitlement policy already has a `HomeCareScheme` and a `MealPolicy`.)
 */
import { at, item, JsonChecks } from '../entitlements/json-checks';

export const ALERT_SEVERITIES = ['none', 'medium', 'high', 'critical'] as const;
export type VisitAlertSeverity = (typeof ALERT_SEVERITIES)[number];

export interface AlertGrace {
  /** Minutes after the planned start without a check-in. */
  readonly afterMinutes: number;
  readonly severity: Exclude<VisitAlertSeverity, 'none'>;
}

export interface HomeCareVisitPolicy {
  readonly version: string;
  /** Strictly increasing minutes and severities. */
  readonly alertGraces: readonly AlertGrace[];
  /** A geofence check-in counts within this distance of the senior's door. */
  readonly checkInGeofenceMetres: number;
  /** Minutes a visit may start before or after the time the senior asked for, unless the plan says otherwise. */
  readonly defaultFlexibilityMinutes: number;
  /** Service plus travel a caregiver may be planned for in a week, unless the caregiver's contract says less. */
  readonly maxCaregiverHoursPerWeek: number;
  /** Defaults when the entitlement carries no split. */
  readonly fundSharePercent: number;
  /** What one hour of home care is claimed at, in fen. */
  readonly hourlyRateFen: number;
  /** Hours before a visit's planned start after which a family can no longer cancel or move it (the office can). */
  readonly familyChangeLeadHours: number;
}

/** What a district has until it publishes its own. Amounts are [assumption] (Shanghai LTCI home care: 65 yuan an hour, 90/10). */
export const DEFAULT_VISIT_POLICY: Readonly<HomeCareVisitPolicy> = Object.freeze({
  version: 'built-in-2026',
  alertGraces: Object.freeze([
    Object.freeze({ afterMinutes: 15, severity: 'medium' as const }),
    Object.freeze({ afterMinutes: 30, severity: 'high' as const }),
    Object.freeze({ afterMinutes: 60, severity: 'critical' as const }),
  ]),
  checkInGeofenceMetres: 100,
  defaultFlexibilityMinutes: 30,
  maxCaregiverHoursPerWeek: 44,
  fundSharePercent: 90,
  hourlyRateFen: 6500,
  familyChangeLeadHours: 24,
});

export interface VisitProblem {
  /** e.g. `alertGraces[1].afterMinutes`, `visits[0].from`; `$` for the whole document. */
  readonly path: string;
  readonly message: string;
}

/** Every problem with a policy document, each naming its path; empty when the policy can be used. */
export function validateVisitPolicy(input: unknown): VisitProblem[] {
  if (input === undefined) return [{ path: '$', message: 'the visit policy must be an object, got nothing' }];
  const checks = new JsonChecks();
  const policy = checks.object(input, '', ['version', 'alertGraces', 'checkInGeofenceMetres', 'defaultFlexibilityMinutes', 'maxCaregiverHoursPerWeek', 'fundSharePercent', 'hourlyRateFen', 'familyChangeLeadHours']);
  if (policy === undefined) return checks.problems.map(({ path, message }) => ({ path, message }));
  checks.string(policy.version, 'version');
  const graces = checks.array(policy.alertGraces, 'alertGraces', true);
  let lastMinutes = -1;
  let lastSeverity = 0;
  graces?.forEach((entry, index) => {
    const path = item('alertGraces', index);
    const grace = checks.object(entry, path, ['afterMinutes', 'severity']);
    if (grace === undefined) return;
    const minutes = checks.number(grace.afterMinutes, at(path, 'afterMinutes'), { min: 1, max: 24 * 60, integer: true });
    const severity = checks.oneOf(grace.severity, at(path, 'severity'), ALERT_SEVERITIES.slice(1));
    if (minutes !== undefined) {
      if (minutes <= lastMinutes) checks.report('NOT_INCREASING', at(path, 'afterMinutes'), `${at(path, 'afterMinutes')} ${minutes} must be later than the grace before it (${lastMinutes})`);
      lastMinutes = minutes;
    }
    if (severity !== undefined) {
      const rank = ALERT_SEVERITIES.indexOf(severity);
      if (rank <= lastSeverity) checks.report('NOT_INCREASING', at(path, 'severity'), `${at(path, 'severity')} ${severity} must be more severe than the grace before it`);
      lastSeverity = rank;
    }
  });
  checks.number(policy.checkInGeofenceMetres, 'checkInGeofenceMetres', { min: 10, max: 2000, integer: true });
  checks.number(policy.defaultFlexibilityMinutes, 'defaultFlexibilityMinutes', { min: 0, max: 240, integer: true });
  checks.number(policy.maxCaregiverHoursPerWeek, 'maxCaregiverHoursPerWeek', { min: 1, max: 84, integer: false });
  checks.number(policy.fundSharePercent, 'fundSharePercent', { min: 0, max: 100, integer: true });
  checks.number(policy.hourlyRateFen, 'hourlyRateFen', { min: 0, integer: true });
  checks.number(policy.familyChangeLeadHours, 'familyChangeLeadHours', { min: 0, max: 168, integer: true });
  return checks.problems.map(({ path, message }) => ({ path, message }));
}
