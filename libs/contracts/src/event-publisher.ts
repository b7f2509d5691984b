import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { EVENT_SUBSCRIBERS, EventCatalogue, EventType } from './catalogue';
import type { EventEnvelope } from './envelopes';
import { INBOX_QUEUES, ServiceName } from './queues';

/**
 * Delivers a committed event to each subscriber's inbox, with the event id as the job id so a
 * second delivery of the same outbox row is ignored by BullMQ (and by the consumer's receipt).
 * Only the outbox relay calls this: services record events in their outbox, never publish directly.
 */
@Injectable()
export class EventPublisher {
  private readonly inboxes: Record<ServiceName, Queue>;

  constructor(
    @InjectQueue(INBOX_QUEUES.assessment) assessment: Queue,
    @InjectQueue(INBOX_QUEUES.allocation) allocation: Queue,
    @InjectQueue(INBOX_QUEUES.dispatch) dispatch: Queue,
  ) {
    this.inboxes = { assessment, allocation, dispatch };
  }

  async publish<T extends EventType>(envelope: EventEnvelope<T, EventCatalogue[T]>): Promise<void> {
    const subscribers = EVENT_SUBSCRIBERS[envelope.type];
    if (!subscribers) throw new Error(`No subscribers declared for event type ${envelope.type}`);
    await Promise.all(subscribers.map((s) => this.inboxes[s].add(envelope.type, envelope, { jobId: envelope.eventId })));
  }
}
