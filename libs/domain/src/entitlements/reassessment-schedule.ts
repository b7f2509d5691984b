// When a GB/T assessment is due again (spec §8 platform defaults, configurable per district). The
// assessment service turns these dates into BullMQ schedules; the entitlement rules use the
// overdue date to decide whether a level still counts.

import { addDays, addMonths } from '../calendar';
import type { IsoDate } from './date-checks';
import type { ReassessmentPolicy } from './district-policy';

export interface ReassessmentSchedule {
  readonly assessedOn: IsoDate;
  /** Routine reassessment due: `routineMonths` after the assessment (month-end clamped). */
  readonly dueOn: IsoDate;
  /** Reminder dates, earliest first. */
  readonly remindOn: readonly IsoDate[];
  /**
   * First day the assessment counts as overdue: the day after the due date plus the grace days.
   * "Overdue after the due date" (issue 3): on the due date itself a reassessment is still on time.
   */
  readonly overdueFrom: IsoDate;
  /** Last day a dispute reassessment can be requested (inclusive). */
  readonly disputeUntil: IsoDate;
}

export type ReassessmentStatus = 'current' | 'reminder-sent' | 'overdue';

export function reassessmentSchedule(assessedOn: IsoDate, policy: ReassessmentPolicy): ReassessmentSchedule {
  const dueOn = addMonths(assessedOn, policy.routineMonths);
  return {
    assessedOn,
    dueOn,
    remindOn: [...new Set(policy.reminderDaysBeforeDue)].sort((a, b) => b - a).map((days) => addDays(dueOn, -days)),
    overdueFrom: addDays(dueOn, policy.overdueGraceDays + 1),
    disputeUntil: addDays(assessedOn, policy.disputeWindowDays),
  };
}

/** `reminder-sent` from the first reminder date until the assessment is overdue. */
export function reassessmentStatusOn(schedule: ReassessmentSchedule, date: IsoDate): ReassessmentStatus {
  if (date >= schedule.overdueFrom) return 'overdue';
  const firstReminder = schedule.remindOn[0];
  return firstReminder !== undefined && date >= firstReminder ? 'reminder-sent' : 'current';
}
