/**
 * Late and missed visits: minutes past the planned start without a check-in raise an alert whose
 * severity follows the policy's grace periods (by default 15 → medium, 30 → high, 60 → critical).
 * The alert clears the moment the caregiver checks in; the lateness stays on record.
 */
import { DEFAULT_VISIT_POLICY, type HomeCareVisitPolicy, type VisitAlertSeverity } from './visit-policy';

export interface LateVisitAlert {
  readonly severity: VisitAlertSeverity;
  /** Whole minutes past the planned start: at check-in when there is one, else now. Never negative. */
  readonly minutesLate: number;
  readonly checkedIn: boolean;
  /** Minutes until the next, more severe step; null when checked in or at the last step. */
  readonly nextStepInMinutes: number | null;
}

export function lateVisitAlerts(plannedStart: Date, checkedInAt: Date | null, now: Date, policy: HomeCareVisitPolicy = DEFAULT_VISIT_POLICY): LateVisitAlert {
  const late = (until: Date) => Math.max(0, Math.floor((until.getTime() - plannedStart.getTime()) / 60_000));
  if (checkedInAt !== null) return { severity: 'none', minutesLate: late(checkedInAt), checkedIn: true, nextStepInMinutes: null };
  const minutesLate = late(now);
  const graces = [...policy.alertGraces].sort((a, b) => a.afterMinutes - b.afterMinutes);
  const reached = graces.filter((grace) => minutesLate >= grace.afterMinutes).pop();
  const next = graces.find((grace) => minutesLate < grace.afterMinutes);
  return { severity: reached?.severity ?? 'none', minutesLate, checkedIn: false, nextStepInMinutes: next ? next.afterMinutes - minutesLate : null };
}
