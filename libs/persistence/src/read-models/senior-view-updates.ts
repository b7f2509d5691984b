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
  const result = await manager
    .createQueryBuilder()
    .update(view)
    .set({ level: event.finalLevel, levelInstrument: event.instrument, levelAssessedOn: event.assessedOn })
    .where('senior_id = :seniorId AND (level_assessed_on IS NULL OR level_assessed_on <= :assessedOn)', { seniorId: event.seniorId, assessedOn: event.assessedOn })
    .execute();
  if (!result.affected) await requireKnown(manager, view, event.seniorId);
}

/** Applies entitlements derived at `derivedAt` unless newer ones are already there. */
export async function applyEntitlements(manager: EntityManager, view: EntityTarget<SeniorViewColumns>, event: EntitlementsChangedEvent, derivedAt: Date): Promise<void> {
  const result = await manager
    .createQueryBuilder()
    .update(view)
    .set({ entitlements: event.entitlements, entitlementsAt: derivedAt })
    .where('senior_id = :seniorId AND (entitlements_at IS NULL OR entitlements_at <= :derivedAt)', { seniorId: event.seniorId, derivedAt })
    .execute();
  if (!result.affected) await requireKnown(manager, view, event.seniorId);
}

async function requireKnown(manager: EntityManager, view: EntityTarget<SeniorViewColumns>, seniorId: string): Promise<void> {
  if (!(await manager.exists(view, { where: { seniorId } }))) throw new SeniorNotYetKnownError(seniorId);
}
