import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { SchedulerRegistry } from '@nestjs/schedule';
import type { DataSource, EntityTarget } from 'typeorm';
import type { EventCatalogue, EventEnvelope, EventPublisher, EventType, ServiceName } from '@app/contracts';
import type { OutboxEvent } from './outbox-event.entity';

const BATCH = 200;
/** A publish that Redis does not confirm in this time rolls the batch back rather than hold row locks. */
const PUBLISH_TIMEOUT_MS = 5000;

/**
 * Moves committed events from a service's outbox to the subscribers' inboxes. Rows are locked with
 * SKIP LOCKED so replicas share the work; the event id is the inbox job id, so a row sent twice
 * (a crash between add and update) is one job. Woken after each commit (kick) and by a poll.
 */
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private draining: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EntityTarget<OutboxEvent>,
    private readonly source: ServiceName,
    private readonly publisher: EventPublisher,
    private readonly pollMs: number,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  private get intervalName(): string {
    return `outbox-relay-${this.source}`;
  }

  onApplicationBootstrap(): void {
    this.scheduler.addInterval(this.intervalName, setInterval(() => this.kick(), this.pollMs));
    this.kick();
  }

  /** Stops polling and waits for a drain in progress, so no batch is left half-sent at shutdown. */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.scheduler.doesExist('interval', this.intervalName)) this.scheduler.deleteInterval(this.intervalName);
    await this.draining;
  }

  /** Asks for a drain now (after a commit); coalesces with one already running. */
  kick(): void {
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().finally(() => (this.draining = null));
  }

  /** Sends everything unpublished; resolves when the outbox was empty once. */
  async drain(): Promise<void> {
    do {
      this.again = false;
      try {
        while ((await this.relayBatch()) === BATCH);
      } catch (error) {
        // The database or Redis is away: rows stay unpublished and the next poll retries.
        this.logger.warn(`outbox relay of ${this.source} paused: ${(error as Error).message}`);
        return;
      }
    } while (this.again);
  }

  private relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = await manager
        .createQueryBuilder(this.outbox, 'o')
        .where('o.published_at IS NULL')
        .orderBy('o.id')
        .limit(BATCH)
        .setLock('pessimistic_write')
        .setOnLocked('skip_locked')
        .getMany();
      if (rows.length === 0) return 0;
      await withTimeout(Promise.all(rows.map((row) => this.publisher.publish(this.envelopeOf(row)))), PUBLISH_TIMEOUT_MS);
      await manager.update(this.outbox, rows.map((r) => r.id), { publishedAt: new Date() });
      return rows.length;
    });
  }

  private envelopeOf(row: OutboxEvent): EventEnvelope<EventType, EventCatalogue[EventType]> {
    return {
      eventId: row.eventId,
      type: row.type as EventType,
      source: this.source,
      occurredAt: row.occurredAt.toISOString(),
      correlationId: row.correlationId,
      payload: row.payload as EventCatalogue[EventType],
    };
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer from Redis in ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}
