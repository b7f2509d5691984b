import type { EntityManager, EntityTarget } from 'typeorm';
import type { AssessmentFinalizedEvent, EntitlementsChangedEvent } from '@app/contracts';
import type { SeniorViewColumns as SeniorViewColumnsBase } from './senior-view-columns';

type SeniorViewColumns = SeniorViewColumnsBase & { seniorId: string };

/** The senior is not in this read model yet (senior.registered not applied): the caller throws so BullMQ retries. */
export class SeniorNotYetKnownError extends Error {
  constructor(seniorId: string) {
    super(`senior ${seniorId} is not in the read model yet; the event will be retried`);
  }
}

/**
 * Applies a finalized assessment's level unless a later assessment's level is already there
 * (events for one senior may arrive out of order).
 */
export async function applyLevel(manager: EntityManager, view: EntityTarget<SeniorViewColumns>, event: AssessmentFinalizedEvent): Promise<void> {
  await lockKnown(manager, view, event.seniorId);
  await manager
    .createQueryBuilder()
    .update(view)
    .set({ level: event.finalLevel, levelInstrument: event.instrument, levelAssessedOn: event.assessedOn })
    .where('senior_id = :seniorId AND (level_assessed_on IS NULL OR level_assessed_on <= :assessedOn)', { seniorId: event.seniorId, assessedOn: event.assessedOn })
    .execute();
}

/** Applies entitlements derived at `derivedAt` unless newer ones are already there. */
export async function applyEntitlements(manager: EntityManager, view: EntityTarget<SeniorViewColumns>, event: EntitlementsChangedEvent, derivedAt: Date): Promise<void> {
  await lockKnown(manager, view, event.seniorId);
  await manager
    .createQueryBuilder()
    .update(view)
    .set({ entitlements: event.entitlements, entitlementsAt: derivedAt })
    .where('senior_id = :seniorId AND (entitlements_at IS NULL OR entitlements_at <= :derivedAt)', { seniorId: event.seniorId, derivedAt })
    .execute();
}

/**
 * Locks the senior's row before a conditional update, so "no row updated" can only mean "stale
 * event". Without the lock, an update could miss a registration committing at that moment and
 * the event would be taken as applied while changing nothing (seen under load).
 */
async function lockKnown(manager: EntityManager, view: EntityTarget<SeniorViewColumns>, seniorId: string): Promise<void> {
  const row = await manager.createQueryBuilder(view, 'v').select('v.seniorId').where('v.senior_id = :seniorId', { seniorId }).setLock('pessimistic_write').getOne();
  if (!row) throw new SeniorNotYetKnownError(seniorId);
}
