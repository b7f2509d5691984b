import type { CommandName } from './catalogue';
import type { CommandEnvelope, CommandReply } from './envelopes';
import type { ServiceName } from './queues';

/**
 * Point queries: reads of one senior's or one record's state, answered from an index in a few
 * milliseconds and changing nothing. The gateway carries those asked of one service in the same turn
 * of its event loop as one `query.batch` job, so a busy gateway makes one queue round trip for many
 * reads instead of one each (ADR 009). Heavier reads (reports, lists of a district) stay one job
 * each, so a quick read never waits behind a slow one.
 */
export const POINT_QUERIES = {
  assessment: ['senior.get', 'entitlements.get', 'assessment.get', 'assessment.list'],
  allocation: ['senior-view.get', 'facility.get', 'circle.search', 'daycare.list', 'bed-application.list'],
  dispatch: ['meal-subscription.get', 'visit-plan.get', 'visit.get', 'senior.visits', 'senior.visit-notices', 'staff.relation'],
} as const satisfies { readonly [S in ServiceName]: readonly CommandName<S>[] };

const POINT_QUERY_SETS: { readonly [S in ServiceName]: ReadonlySet<string> } = {
  assessment: new Set(POINT_QUERIES.assessment),
  allocation: new Set(POINT_QUERIES.allocation),
  dispatch: new Set(POINT_QUERIES.dispatch),
};

export function isPointQuery(service: ServiceName, name: string): boolean {
  return POINT_QUERY_SETS[service].has(name);
}

/** The job name of a batch of point queries on a command queue; no service has a command of that name. */
export const QUERY_BATCH_JOB = 'query.batch';

/** At most this many queries ride in one batch; more asked at once make several batches. */
export const MAX_QUERY_BATCH = 50;

/** The data of a `query.batch` job: each query with its own envelope (its actor and correlation id). */
export interface QueryBatch {
  queries: { name: string; envelope: CommandEnvelope }[];
}

/** A `query.batch` job's return value: one reply per query, in the batch's order. */
export type QueryBatchReply = CommandReply[];
