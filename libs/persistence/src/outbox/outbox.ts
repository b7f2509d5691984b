import { randomUUID } from 'node:crypto';
import type { EntityManager, EntityTarget } from 'typeorm';
import type { EventCatalogue, EventType } from '@app/contracts';
import type { InboxReceipt } from './inbox-receipt.entity';
import type { OutboxEvent } from './outbox-event.entity';

/** Records an event in the service's outbox, inside the caller's transaction. Returns the event id. */
export async function recordEvent<T extends EventType>(
  manager: EntityManager,
  outbox: EntityTarget<OutboxEvent>,
  type: T,
  payload: EventCatalogue[T],
  correlationId: string | null,
): Promise<string> {
  const eventId = randomUUID();
  await manager.insert(outbox, { eventId, type, payload, correlationId, publishedAt: null });
  return eventId;
}

/**
 * Applies an event's effects at most once: the receipt and the effects commit together, so a
 * duplicate delivery finds the receipt and changes nothing. Returns false for a duplicate.
 */
export async function applyOnce(
  manager: EntityManager,
  receipts: EntityTarget<InboxReceipt>,
  event: { eventId: string; type: string },
  effects: (manager: EntityManager) => Promise<void>,
): Promise<boolean> {
  const inserted = await manager
    .createQueryBuilder()
    .insert()
    .into(receipts)
    .values({ eventId: event.eventId, type: event.type })
    .orIgnore()
    .returning(['eventId'])
    .execute();
  if ((inserted.raw as unknown[]).length === 0) return false;
  await effects(manager);
  return true;
}
