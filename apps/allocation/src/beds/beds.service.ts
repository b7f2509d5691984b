import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError, type Actor, type OccupancyRecord } from '@app/contracts';
import { localDate } from '@app/domain';
import { AllocationOutboxEvent, OutboxRelay, recordEvent } from '@app/persistence';
import { CircleRepository } from '../circle/circle.repository';
import { requireOperatorOf } from '../facilities/operator-scope';
import { SeniorViewsRepository } from '../senior-views/senior-views.repository';
import { WaitlistService } from '../waitlist/waitlist.service';
import { BedsRepository, type OccupancyRow } from './beds.repository';

const EXCLUSION_VIOLATION = '23P01';

/**
 * Holds, admissions and releases. A bed's state is never edited: it is the hold or stay that
 * covers now. PostgreSQL's exclusion constraint refuses a second hold or stay of the same bed over
 * the same time, so concurrent requests for one bed give exactly one winner; a hold simply ends
 * when its time is up.
 */
@Injectable()
export class BedsService {
  constructor(
    private readonly beds: BedsRepository,
    private readonly seniors: SeniorViewsRepository,
    private readonly policies: CircleRepository,
    private readonly relay: OutboxRelay,
    private readonly waitlist: WaitlistService,
  ) {}

  async hold(holdId: string, seniorId: string, bedId: string, actor: Actor, correlationId: string): Promise<OccupancyRecord> {
    const existing = await this.beds.occupancy(holdId);
    if (existing) return toRecord(existing); // a retried request
    const bed = await this.beds.bedWithRoom(bedId);
    if (!bed) throw new DomainError('BED_NOT_FOUND', `No bed ${bedId}`);
    requireOperatorOf(actor, bed.facilityId);
    const senior = await this.seniors.findById(seniorId);
    if (!senior) throw new DomainError('SENIOR_NOT_FOUND', `Allocation knows no senior ${seniorId}`);
    const allowed = ((senior.entitlements as { bedTypes?: string[] } | null)?.bedTypes ?? []) as string[];
    const reasons: string[] = [];
    if (!allowed.includes(bed.bedType)) reasons.push(`a ${bed.bedType} bed is not among the senior's entitled bed types (${allowed.join(', ') || 'none'})`);
    if (bed.room.genderRule !== 'any' && bed.room.genderRule !== senior.sex) reasons.push(`room ${bed.room.name} is for ${bed.room.genderRule === 'female' ? 'women' : 'men'}`);
    if (reasons.length > 0) throw new DomainError('NOT_ELIGIBLE', `The senior cannot take this bed: ${reasons.join('; ')}`);
    const policy = await this.policies.walkingPolicy(senior.districtCode, localDate(new Date()));
    if (!policy) throw new DomainError('POLICY_NOT_FOUND', `District ${senior.districtCode} has no allocation policy`);
    try {
      await this.beds.transaction(async (manager) => {
        const current = await this.beds.currentOf(seniorId, manager);
        if (current) throw new DomainError('CONFLICT', `The senior already ${current.kind === 'hold' ? 'holds' : 'occupies'} bed ${current.bed_id}`);
        await this.beds.insert(manager, { id: holdId, bedId, seniorId, kind: 'hold', hours: policy.holdHours, createdBy: actor.accountId });
        const held = (await this.beds.occupancy(holdId, manager))!;
        await recordEvent(manager, AllocationOutboxEvent, 'bed.held', { occupancyId: holdId, seniorId, facilityId: bed.facilityId, bedId, until: held.until ? new Date(held.until).toISOString() : null }, correlationId);
      });
    } catch (error) {
      const { code, constraint } = error as { code?: string; constraint?: string };
      if (code === EXCLUSION_VIOLATION && constraint === 'bed_occupancy_one_bed_per_senior') throw new DomainError('CONFLICT', 'The senior already holds or occupies a bed');
      if (code === EXCLUSION_VIOLATION) throw new DomainError('BED_TAKEN', `Bed ${bedId} is already held or occupied`);
      throw error;
    }
    this.relay.kick();
    return toRecord((await this.beds.occupancy(holdId))!);
  }

  /** The operator confirms the admission: the hold ends and a stay begins at the same instant. */
  async admit(holdId: string, actor: Actor, correlationId: string): Promise<OccupancyRecord> {
    const stayId = randomUUID();
    await this.beds.transaction(async (manager) => {
      const hold = await this.beds.occupancy(holdId, manager);
      if (!hold || hold.kind !== 'hold') throw new DomainError('OCCUPANCY_NOT_FOUND', `No hold ${holdId}`);
      requireOperatorOf(actor, hold.facility_id);
      if (!(await this.beds.endNow(manager, holdId, 'admitted'))) throw new DomainError('CONFLICT', `Hold ${holdId} has lapsed or ended; hold the bed again`);
      await this.beds.insert(manager, { id: stayId, bedId: hold.bed_id, seniorId: hold.senior_id, kind: 'stay', hours: null, createdBy: actor.accountId });
      await this.waitlist.onAdmitted(manager, holdId, actor.accountId);
      const stay = (await this.beds.occupancy(stayId, manager))!;
      await recordEvent(manager, AllocationOutboxEvent, 'bed.admitted', { occupancyId: stayId, seniorId: hold.senior_id, facilityId: hold.facility_id, bedId: hold.bed_id, from: new Date(stay.from).toISOString() }, correlationId);
    });
    this.relay.kick();
    return toRecord((await this.beds.occupancy(stayId))!);
  }

  /** Ends a hold (declined, withdrawn) or a stay (discharge) now; the freed bed goes to the waiting list. */
  async release(occupancyId: string, reason: string, actor: Actor, correlationId: string): Promise<OccupancyRecord> {
    const facilityId = await this.beds.transaction(async (manager) => {
      const occupancy = await this.beds.occupancy(occupancyId, manager);
      if (!occupancy) throw new DomainError('OCCUPANCY_NOT_FOUND', `No hold or stay ${occupancyId}`);
      requireOperatorOf(actor, occupancy.facility_id);
      if (!(await this.beds.endNow(manager, occupancyId, reason))) throw new DomainError('CONFLICT', `${occupancy.kind} ${occupancyId} has already ended`);
      const ended = (await this.beds.occupancy(occupancyId, manager))!;
      await recordEvent(
        manager,
        AllocationOutboxEvent,
        'bed.released',
        { occupancyId, seniorId: occupancy.senior_id, facilityId: occupancy.facility_id, kind: occupancy.kind, at: new Date(ended.until!).toISOString(), reason },
        correlationId,
      );
      await this.waitlist.onReleased(manager, occupancyId, reason, actor.accountId);
      return occupancy.facility_id;
    });
    this.relay.kick();
    await this.waitlist.matchAfterChange(facilityId, correlationId);
    return toRecord((await this.beds.occupancy(occupancyId))!);
  }
}

function toRecord(row: OccupancyRow): OccupancyRecord {
  return {
    occupancyId: row.id,
    bedId: row.bed_id,
    facilityId: row.facility_id,
    seniorId: row.senior_id,
    kind: row.kind,
    from: new Date(row.from).toISOString(),
    until: row.until ? new Date(row.until).toISOString() : null,
  };
}
