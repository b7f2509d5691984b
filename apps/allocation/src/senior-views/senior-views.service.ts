import { Injectable } from '@nestjs/common';
import { localDate } from '@app/domain';
import { applyEntitlements, applyLevel } from '@app/persistence';
import { AllocationSeniorView, DomainError, AssessmentFinalizedEvent, EntitlementsChangedEvent, EventEnvelope, SeniorFlagsChangedEvent, LivingArrangement, PriorityFlag, SeniorRegisteredEvent } from '@app/contracts';
import { SeniorViewsRepository } from './senior-views.repository';

/** Allocation's copy of what it needs to know about seniors: where they live, sex, age, priority flags. */
@Injectable()
export class SeniorViewsService {
  constructor(private readonly views: SeniorViewsRepository) {}

  async applySeniorRegistered(event: EventEnvelope<'senior.registered', SeniorRegisteredEvent>): Promise<void> {
    const s = event.payload;
    await this.views.applyEventOnce(event, (manager) =>
      this.views.upsert(manager, {
        seniorId: s.seniorId,
        districtCode: s.districtCode,
        streetCode: s.address.streetCode,
        sex: s.sex,
        birthDate: s.birthDate,
        location: { type: 'Point', coordinates: [s.location.lng, s.location.lat] },
        livingArrangement: s.livingArrangement,
        priorityFlags: flagsInForce(s.priorityFlags, localDate(new Date())),
        priorityGrants: s.priorityFlags.map(({ flag, validFrom, validUntil }) => ({ flag, validFrom, validUntil })),
      }),
    );
  }

  /** Keeps the flags in force today or later; expired grants drop out (as at registration). */
  async applyFlagsChanged(event: EventEnvelope<'senior.flags-changed', SeniorFlagsChangedEvent>): Promise<void> {
    const flags = flagsInForce(event.payload.priorityFlags, localDate(new Date()));
    const grants = event.payload.priorityFlags.map(({ flag, validFrom, validUntil }) => ({ flag, validFrom, validUntil }));
    await this.views.applyEventOnce(event, (manager) => this.views.updateFlags(manager, event.payload.seniorId, flags, grants, event.payload.livingArrangement));
  }

  async applyAssessmentFinalized(event: EventEnvelope<'assessment.finalized', AssessmentFinalizedEvent>): Promise<void> {
    await this.views.applyEventOnce(event, (manager) => applyLevel(manager, this.views.entity, event.payload));
  }

  async applyEntitlementsChanged(event: EventEnvelope<'entitlements.changed', EntitlementsChangedEvent>): Promise<void> {
    await this.views.applyEventOnce(event, (manager) => applyEntitlements(manager, this.views.entity, event.payload, new Date(event.occurredAt)));
  }

  async get(seniorId: string): Promise<AllocationSeniorView> {
    const view = await this.views.findById(seniorId);
    if (!view) throw new DomainError('SENIOR_NOT_FOUND', `Allocation knows no senior ${seniorId}`);
    const [lng, lat] = view.location.coordinates as [number, number];
    return {
      seniorId: view.seniorId,
      sex: view.sex,
      birthDate: view.birthDate,
      location: { lat, lng },
      livingArrangement: view.livingArrangement as LivingArrangement,
      priorityFlags: view.priorityFlags as PriorityFlag[],
      districtCode: view.districtCode,
      streetCode: view.streetCode,
      level: view.level,
      levelInstrument: view.levelInstrument,
      entitlements: view.entitlements as Record<string, unknown> | null,
      updatedAt: view.updatedAt.toISOString(),
    };
  }
}

/** The groups of the grants not yet lapsed, once each. A grant that lapses later stays until the senior's flags next change. */
function flagsInForce(grants: ReadonlyArray<{ flag: PriorityFlag; validUntil: string | null }>, today: string): PriorityFlag[] {
  return [...new Set(grants.filter((g) => g.validUntil === null || g.validUntil >= today).map((g) => g.flag))];
}
