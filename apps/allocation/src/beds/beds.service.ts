import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError, type Actor, type BedReconciliation, type FacilityBedBoard, type OccupancyRecord } from '@app/contracts';
import { bedMisfits, localDate } from '@app/domain';
import { AllocationOutboxEvent, type AllocationSeniorViewRecord, type Bed, OutboxRelay, recordEvent, type Room, EXCLUSION_VIOLATION } from '@app/persistence';
import { CircleRepository } from '../circle/circle.repository';
import { requireOperatorOf } from '../facilities/operator-scope';
import { SeniorViewsRepository } from '../senior-views/senior-views.repository';
import { WaitlistService } from '../waitlist/waitlist.service';
import { BedsRepository, type OccupancyRow } from './beds.repository';

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
    requireFit(senior, bed);
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
      await this.waitlist.onAdmitted(manager, holdId, hold.senior_id, actor.accountId);
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

  /**
   * Moves a resident to another bed (same or another facility) at one instant: the old stay ends
   * and the new one begins in the same transaction, so the senior is never without a bed or in two.
   * The operator must run both facilities (or be an admin).
   */
  async transfer(stayId: string, toBedId: string, reason: string, actor: Actor, correlationId: string): Promise<OccupancyRecord> {
    const bed = await this.beds.bedWithRoom(toBedId);
    if (!bed) throw new DomainError('BED_NOT_FOUND', `No bed ${toBedId}`);
    requireOperatorOf(actor, bed.facilityId);
    const newStayId = randomUUID();
    let fromFacilityId = '';
    try {
      await this.beds.transaction(async (manager) => {
        const stay = await this.beds.occupancy(stayId, manager);
        if (!stay || stay.kind !== 'stay') throw new DomainError('OCCUPANCY_NOT_FOUND', `No stay ${stayId}`);
        requireOperatorOf(actor, stay.facility_id);
        if (stay.bed_id === toBedId) throw new DomainError('CONFLICT', 'The senior already occupies this bed');
        const senior = await this.seniors.findById(stay.senior_id);
        if (!senior) throw new DomainError('SENIOR_NOT_FOUND', `Allocation knows no senior ${stay.senior_id}`);
        requireFit(senior, bed);
        if (!(await this.beds.endNow(manager, stayId, `transferred: ${reason}`))) throw new DomainError('CONFLICT', `Stay ${stayId} has already ended`);
        await this.beds.insert(manager, { id: newStayId, bedId: toBedId, seniorId: stay.senior_id, kind: 'stay', hours: null, createdBy: actor.accountId });
        const started = (await this.beds.occupancy(newStayId, manager))!;
        const at = new Date(started.from).toISOString();
        fromFacilityId = stay.facility_id;
        await recordEvent(manager, AllocationOutboxEvent, 'bed.released', { occupancyId: stayId, seniorId: stay.senior_id, facilityId: stay.facility_id, kind: 'stay', at, reason: `transferred: ${reason}` }, correlationId);
        await recordEvent(manager, AllocationOutboxEvent, 'bed.admitted', { occupancyId: newStayId, seniorId: stay.senior_id, facilityId: bed.facilityId, bedId: toBedId, from: at }, correlationId);
      });
    } catch (error) {
      if ((error as { code?: string }).code === EXCLUSION_VIOLATION) throw new DomainError('BED_TAKEN', `Bed ${toBedId} is already held or occupied`);
      throw error;
    }
    this.relay.kick();
    await this.waitlist.matchAfterChange(fromFacilityId, correlationId);
    return toRecord((await this.beds.occupancy(newStayId))!);
  }

  /** The operator's bed board: every bed of a facility with who holds or occupies it now. */
  async board(facilityId: string, actor: Actor): Promise<FacilityBedBoard> {
    requireOperatorOf(actor, facilityId);
    const rows = await this.beds.board(facilityId);
    if (rows.length === 0 && !(await this.beds.facilityExists(facilityId))) throw new DomainError('FACILITY_NOT_FOUND', `No facility ${facilityId}`);
    const beds = rows.map((r) => ({
      bedId: r.bed_id,
      label: r.label,
      room: r.room_name,
      genderRule: r.gender_rule,
      bedType: r.bed_type,
      respite: r.respite,
      status: r.kind === null ? ('vacant' as const) : r.kind === 'hold' ? ('held' as const) : ('occupied' as const),
      occupancyId: r.occupancy_id,
      seniorId: r.senior_id,
      since: r.from ? new Date(r.from).toISOString() : null,
      until: r.until ? new Date(r.until).toISOString() : null,
      fromWaitingList: r.offer_id !== null,
    }));
    return {
      facilityId,
      at: new Date().toISOString(),
      counts: { vacant: beds.filter((b) => b.status === 'vacant').length, held: beds.filter((b) => b.status === 'held').length, occupied: beds.filter((b) => b.status === 'occupied').length },
      beds,
    };
  }

  /** Checks that beds, residents and the waiting list agree; each disagreement is named with its rows. */
  async reconcile(districtCode: string): Promise<BedReconciliation> {
    const [counts, problems] = await Promise.all([this.beds.districtCounts(districtCode), this.beds.disagreements(districtCode)]);
    return { districtCode, checkedAt: new Date().toISOString(), ...counts, consistent: problems.length === 0, problems };
  }
}

/** The senior's entitlements and the room's gender rule must fit the bed (the same reasons the waiting list gives). */
function requireFit(senior: AllocationSeniorViewRecord, bed: Bed & { room: Room }): void {
  const reasons = bedMisfits(
    { bedType: bed.bedType, genderRule: bed.room.genderRule as 'female' | 'male' | 'any', respite: bed.respite, roomName: bed.room.name },
    { kind: bed.respite ? 'respite' : 'long-stay', sex: senior.sex, entitledBedTypes: ((senior.entitlements as { bedTypes?: string[] } | null)?.bedTypes ?? []) as string[], wantedBedTypes: [] },
  );
  if (reasons.length > 0) throw new DomainError('NOT_ELIGIBLE', `The senior cannot take this bed: ${reasons.join('; ')}`);
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
