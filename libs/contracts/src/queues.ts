/**
 * Queue names are part of the wire contract: never rename one (jobs waiting under the old name would
 * be stranded). BullMQ forbids ':' in queue names, hence the dashes.
 */
export const SERVICE_NAMES = ['assessment', 'allocation', 'dispatch'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Commands and queries to the service that owns the data; each job's return value is the reply. */
export const COMMAND_QUEUES = {
  assessment: 'assessment-commands',
  allocation: 'allocation-commands',
  dispatch: 'dispatch-commands',
} as const satisfies Record<ServiceName, string>;

/** Events a service subscribes to arrive in its own inbox queue, one job per event (jobId = event id). */
export const INBOX_QUEUES = {
  assessment: 'assessment-inbox',
  allocation: 'allocation-inbox',
  dispatch: 'dispatch-inbox',
} as const satisfies Record<ServiceName, string>;

/** Business schedules of a service (BullMQ job schedulers): they fire once across replicas and survive restarts. */
export const SCHEDULE_QUEUES = {
  assessment: 'assessment-schedules',
  allocation: 'allocation-schedules',
  dispatch: 'dispatch-schedules',
} as const satisfies Record<ServiceName, string>;

/** Every scheduled job, by service. */
export interface ScheduleCatalogue {
  assessment: 'reassessment.sweep' | 'policy.activation';
  allocation: 'waitlist.sweep' | 'offer.expire';
  dispatch: 'meal.cutoff' | 'meal-schedules.refresh' | 'escalation.deadline' | 'escalation.sweep' | 'kitchen.webhook' | 'visit-schedule.weekly' | 'visit.late-check' | 'visit-alert.sweep';
}

export const ALL_QUEUES: readonly string[] = [...Object.values(COMMAND_QUEUES), ...Object.values(INBOX_QUEUES), ...Object.values(SCHEDULE_QUEUES)];
