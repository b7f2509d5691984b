import type { AllocationCommands, AllocationEvents } from './allocation.contract';
import type { AssessmentCommands, AssessmentEvents } from './assessment.contract';
import type { DispatchCommands, DispatchEvents } from './dispatch.contract';
import type { EventEnvelope } from './envelopes';
import type { ServiceName } from './queues';

/** Every command and query, by owning service. */
export interface CommandCatalogue {
  assessment: AssessmentCommands;
  allocation: AllocationCommands;
  dispatch: DispatchCommands;
}

export type CommandName<S extends ServiceName> = keyof CommandCatalogue[S] & string;
export type CommandRequest<S extends ServiceName, N extends CommandName<S>> = CommandCatalogue[S][N] extends { request: infer R } ? R : never;
export type CommandResult<S extends ServiceName, N extends CommandName<S>> = CommandCatalogue[S][N] extends { reply: infer R } ? R : never;

/** Every event, by type. */
export type EventCatalogue = AssessmentEvents & AllocationEvents & DispatchEvents;
export type EventType = keyof EventCatalogue & string;

/** Which services receive each event in their inbox. Adding an event without subscribers fails to compile. */
export const EVENT_SUBSCRIBERS = {
  'senior.registered': ['allocation', 'dispatch'],
  'senior.flags-changed': ['allocation', 'dispatch'],
  'assessment.finalized': ['allocation', 'dispatch'],
  'entitlements.changed': ['allocation', 'dispatch'],
  'facility.registered': ['dispatch'],
  'bed.held': ['dispatch'],
  'bed.admitted': ['dispatch'],
  'bed.released': ['dispatch'],
  'daycare.booked': ['dispatch'],
  'daycare.cancelled': ['dispatch'],
  'meals.reassessment-requested': ['assessment'],
  'visits.reassessment-requested': ['assessment'],
} as const satisfies { readonly [T in EventType]: readonly ServiceName[] };

/** The events one service receives: its inbox processor switches over exactly these. */
export type SubscribedEvent<S extends ServiceName> = {
  [T in EventType]: S extends (typeof EVENT_SUBSCRIBERS)[T][number] ? T : never;
}[EventType];

/** Which service publishes each event. */
export const EVENT_SOURCES: { readonly [T in EventType]: ServiceName } = {
  'senior.registered': 'assessment',
  'senior.flags-changed': 'assessment',
  'assessment.finalized': 'assessment',
  'entitlements.changed': 'assessment',
  'bed.held': 'allocation',
  'facility.registered': 'allocation',
  'bed.admitted': 'allocation',
  'bed.released': 'allocation',
  'daycare.booked': 'allocation',
  'daycare.cancelled': 'allocation',
  'meals.reassessment-requested': 'dispatch',
  'visits.reassessment-requested': 'dispatch',
};

/** One of the events a service subscribes to, as a union discriminated by `type` (switch on it to narrow the payload). */
export type InboxEvent<S extends ServiceName> = {
  [T in SubscribedEvent<S>]: EventEnvelope<T, EventCatalogue[T]>;
}[SubscribedEvent<S>];
