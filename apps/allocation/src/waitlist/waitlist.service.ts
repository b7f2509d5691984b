import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import {
  type Actor,
  type BedApplicationKind,
  type BedApplicationRecord,
  type BedOfferRecord,
  DomainError,
  type PriorityRulesRecord,
  type PublishPriorityRulesCommand,
  SCHEDULE_QUEUES,
  sharedInBatch,
  type SubmitBedApplicationCommand,
  type WaitingListView,
  type WaitlistWhatIf,
} from '@app/contracts';
import {
  type Applicant,
  bedMisfits,
  compareRankings,
  DEFAULT_PRIORITY_RULES,
  DEFAULT_PRIORITY_RULES_VERSION,
  haversineMetres,
  localDate,
  type PriorityGroupId,
  type PriorityRules,
  rankApplicants,
  type RankedApplicant,
  validatePriorityRules,
  walkingMinutes,
  type WalkingModel,
} from '@app/domain';
import { AllocationOutboxEvent, type BedApplication, OutboxRelay, type PriorityRulesVersion, recordEvent, EXCLUSION_VIOLATION, UNIQUE_VIOLATION } from '@app/persistence';
import { BedsRepository } from '../beds/beds.repository';
import { CircleRepository } from '../circle/circle.repository';
import { SeniorViewsRepository } from '../senior-views/senior-views.repository';
import { type OfferRow, type VacantBedRow, type WaitingApplicantRow, WaitlistRepository } from './waitlist.repository';

interface RulesInForce {
  version: string;
  rules: PriorityRules;
}

/**
 * The bed waiting list. Applications are ranked by the district's priority rules in force; when a
 * bed is free, it is held for the highest-ranked waiting applicant it fits (an offer), and everyone
 * ranked above them who wanted that facility is logged as passed over, with the reasons. An offer
 * ends by the family's decline, the operator's admission, or the hold lapsing: a delayed job expires
 * it on time, and a sweep catches any whose job was lost. Every step is in the application's history.
 */
@Injectable()
export class WaitlistService {
  private readonly logger = new Logger(WaitlistService.name);

  constructor(
    private readonly waitlist: WaitlistRepository,
    private readonly beds: BedsRepository,
    private readonly seniors: SeniorViewsRepository,
    private readonly policies: CircleRepository,
    private readonly relay: OutboxRelay,
    @InjectQueue(SCHEDULE_QUEUES.allocation) private readonly schedules: Queue,
  ) {}

  // ---- applications -------------------------------------------------------------------------

  async submit(command: SubmitBedApplicationCommand, actor: Actor, correlationId: string): Promise<BedApplicationRecord> {
    const existing = await this.waitlist.application(command.applicationId);
    if (existing) return (await this.records([existing]))[0]; // a retried request
    const senior = await this.seniors.findById(command.seniorId);
    if (!senior) throw new DomainError('SENIOR_NOT_FOUND', `Allocation knows no senior ${command.seniorId}`);
    const entitled = ((senior.entitlements as { bedTypes?: string[] } | null)?.bedTypes ?? []) as string[];
    if (entitled.length === 0) throw new DomainError('NOT_ELIGIBLE', 'The senior is not entitled to a subsidised bed (no bed type in their current entitlements); reassess or appeal first');
    const unentitled = command.bedTypes.filter((t) => !entitled.includes(t));
    if (unentitled.length > 0) {
      throw new DomainError('NOT_ELIGIBLE', `The senior is entitled to ${entitled.join(', ')} beds, not ${unentitled.join(', ')}`, [{ field: 'bedTypes', problems: [`not entitled: ${unentitled.join(', ')}`] }]);
    }
    const known = await this.waitlist.residentialFacilityIds(senior.districtCode, command.facilityIds);
    const unknown = command.facilityIds.filter((id) => !known.includes(id));
    if (unknown.length > 0) {
      throw new DomainError('FACILITY_NOT_FOUND', `No residential facility ${unknown.join(', ')} in district ${senior.districtCode}`, [{ field: 'facilityIds', problems: unknown.map((id) => `${id} is not a care institution or small care home of the district`) }]);
    }
    try {
      await this.waitlist.transaction(async (manager) => {
        await this.waitlist.insertApplication(manager, {
          id: command.applicationId,
          seniorId: command.seniorId,
          districtCode: senior.districtCode,
          kind: command.kind,
          bedTypes: command.bedTypes,
          facilityIds: command.facilityIds,
          maxWalkingMinutes: command.maxWalkingMinutes,
          status: 'waiting',
          appliedAt: new Date(),
          createdBy: actor.accountId,
        });
        await this.waitlist.log(manager, [{ applicationId: command.applicationId, kind: 'applied', reason: `${command.kind} application by ${actor.roles.join('/')} ${actor.accountId}`, actorId: actor.accountId }]);
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new DomainError('CONFLICT', 'The senior already has an open bed application; withdraw it before applying again');
      throw error;
    }
    await this.matchSoon(senior.districtCode, correlationId);
    return (await this.records([(await this.waitlist.application(command.applicationId))!]))[0];
  }

  async list(seniorId: string): Promise<BedApplicationRecord[]> {
    return this.records(await this.waitlist.applicationsOf(seniorId));
  }

  async withdraw(seniorId: string, applicationId: string, reason: string, actor: Actor, correlationId: string): Promise<BedApplicationRecord> {
    const application = await this.ownApplication(seniorId, applicationId);
    const live = (await this.waitlist.liveOffers([applicationId]))[0] ?? null;
    await this.waitlist.transaction(async (manager) => {
      const locked = (await this.waitlist.applicationForUpdate(manager, applicationId))!;
      if (locked.status !== 'waiting' && locked.status !== 'offered') throw new DomainError('CONFLICT', `The application is already ${locked.status}`);
      if (live && (await this.waitlist.decideOffer(manager, live.id, ['open', 'accepted'], 'withdrawn', `application withdrawn: ${reason}`))) {
        await this.endHold(manager, live, 'withdrawn', correlationId);
      }
      await this.waitlist.setApplicationStatus(manager, applicationId, 'withdrawn', reason);
      await this.waitlist.log(manager, [{ applicationId, kind: 'withdrawn', reason, actorId: actor.accountId }]);
    });
    this.relay.kick();
    if (live) await this.matchSoon(application.districtCode, correlationId);
    return (await this.records([(await this.waitlist.application(applicationId))!]))[0];
  }

  // ---- offers -------------------------------------------------------------------------------

  async accept(seniorId: string, offerId: string, actor: Actor): Promise<BedApplicationRecord> {
    const offer = await this.ownOffer(seniorId, offerId);
    await this.waitlist.transaction(async (manager) => {
      if (offer.expires_at <= new Date() || !(await this.waitlist.decideOffer(manager, offerId, ['open'], 'accepted', null))) {
        throw new DomainError('CONFLICT', `The offer is ${offer.expires_at <= new Date() ? 'past its hold time' : offer.status}; it can no longer be accepted`);
      }
      await this.waitlist.log(manager, [{ applicationId: offer.application_id, kind: 'accepted', reason: `accepted bed ${offer.bed_label} at ${offer.facility_name}; the operator admits before ${offer.expires_at.toISOString()}`, bedId: offer.bed_id, facilityId: offer.facility_id, actorId: actor.accountId }]);
    });
    return (await this.records([(await this.waitlist.application(offer.application_id))!]))[0];
  }

  async decline(seniorId: string, offerId: string, reason: string, actor: Actor, correlationId: string): Promise<BedApplicationRecord> {
    const offer = await this.ownOffer(seniorId, offerId);
    await this.waitlist.transaction(async (manager) => {
      if (!(await this.waitlist.decideOffer(manager, offerId, ['open', 'accepted'], 'declined', reason))) throw new DomainError('CONFLICT', `The offer is already ${offer.status}`);
      await this.endHold(manager, offer, 'declined', correlationId);
      await this.waitlist.setApplicationStatus(manager, offer.application_id, 'waiting');
      await this.waitlist.log(manager, [{ applicationId: offer.application_id, kind: 'declined', reason, bedId: offer.bed_id, facilityId: offer.facility_id, actorId: actor.accountId }]);
    });
    this.relay.kick();
    await this.matchSoon(offer.district_code, correlationId);
    return (await this.records([(await this.waitlist.application(offer.application_id))!]))[0];
  }

  /** The delayed job at the end of an offer's hold: a lapsed offer expires and the bed goes to the next in line. */
  async expire(offerId: string, correlationId: string): Promise<boolean> {
    const offer = await this.waitlist.offer(offerId);
    if (!offer || offer.expires_at > new Date()) return false; // decided already, or a job that fired early
    const expired = await this.waitlist.transaction(async (manager) => {
      if (!(await this.waitlist.decideOffer(manager, offerId, ['open', 'accepted'], 'expired', 'the hold lapsed before admission'))) return false;
      await this.waitlist.markLapsed(manager, offerId, 'expired');
      await this.waitlist.setApplicationStatus(manager, offer.application_id, 'waiting');
      await this.waitlist.log(manager, [{ applicationId: offer.application_id, kind: 'expired', reason: `the hold on bed ${offer.bed_label} at ${offer.facility_name} lapsed at ${offer.expires_at.toISOString()} without an admission`, bedId: offer.bed_id, facilityId: offer.facility_id }]);
      await recordEvent(manager, AllocationOutboxEvent, 'bed.released', { occupancyId: offerId, seniorId: offer.senior_id, facilityId: offer.facility_id, kind: 'hold', at: offer.expires_at.toISOString(), reason: 'expired' }, correlationId);
      return true;
    });
    if (!expired) return false;
    this.relay.kick();
    await this.matchSoon(offer.district_code, correlationId);
    return true;
  }

  /** The safety net behind the delayed jobs: expires every lapsed offer, then offers every free bed. */
  async sweep(correlationId: string): Promise<{ expired: number; offersMade: number }> {
    let expired = 0;
    for (const offerId of await this.waitlist.lapsedOfferIds()) if (await this.expire(offerId, correlationId)) expired++;
    let offersMade = 0;
    for (const district of await this.waitlist.districtsWithWaiting()) offersMade += await this.match(district, correlationId);
    return { expired, offersMade };
  }

  // ---- what BedsService tells the list -------------------------------------------------------

  /**
   * In the admission's transaction: an admitted offer closes its application; so does an admission
   * the facility arranged directly, so nobody stays on the list who already has a bed.
   */
  async onAdmitted(manager: EntityManager, holdId: string, seniorId: string, actorId: string): Promise<void> {
    const offer = await this.waitlist.offer(holdId, manager);
    if (offer && (await this.waitlist.decideOffer(manager, holdId, ['open', 'accepted'], 'admitted', null))) {
      await this.waitlist.setApplicationStatus(manager, offer.application_id, 'admitted', `admitted to bed ${offer.bed_label} at ${offer.facility_name}`);
      await this.waitlist.log(manager, [{ applicationId: offer.application_id, kind: 'admitted', reason: `admitted to bed ${offer.bed_label} at ${offer.facility_name}`, bedId: offer.bed_id, facilityId: offer.facility_id, actorId }]);
      return;
    }
    const open = await this.waitlist.openApplicationOf(manager, seniorId);
    if (!open) return;
    const live = (await this.waitlist.liveOffers([open.id]))[0];
    if (live && (await this.waitlist.decideOffer(manager, live.id, ['open', 'accepted'], 'withdrawn', 'the senior was admitted elsewhere'))) await this.endHold(manager, live, 'withdrawn', 'admitted-elsewhere');
    await this.waitlist.setApplicationStatus(manager, open.id, 'admitted', 'admitted directly by a facility');
    await this.waitlist.log(manager, [{ applicationId: open.id, kind: 'admitted', reason: 'admitted directly by a facility, not from the list; the application is closed', actorId }]);
  }

  /** In the release's transaction: an operator who releases an offered hold sends the applicant back to the list. */
  async onReleased(manager: EntityManager, occupancyId: string, reason: string, actorId: string): Promise<void> {
    const offer = await this.waitlist.offer(occupancyId, manager);
    if (!offer || !(await this.waitlist.decideOffer(manager, occupancyId, ['open', 'accepted'], 'withdrawn', reason))) return;
    await this.waitlist.setApplicationStatus(manager, offer.application_id, 'waiting');
    await this.waitlist.log(manager, [{ applicationId: offer.application_id, kind: 'offer-withdrawn', reason: `the facility released the hold: ${reason}; the application waits again in its place`, bedId: offer.bed_id, facilityId: offer.facility_id, actorId }]);
  }

  /**
   * After a bed was freed or added: offers it now. A failure here does not undo what freed the bed;
   * the sweep offers it a few minutes later.
   */
  async matchAfterChange(facilityId: string, correlationId: string): Promise<void> {
    await this.matchSoon(() => this.waitlist.districtOfFacility(facilityId), correlationId);
  }

  /** Matching after a request's own change is done: its failure must not fail the request; the sweep retries. */
  private async matchSoon(district: string | (() => Promise<string | null>), correlationId: string): Promise<void> {
    try {
      const districtCode = typeof district === 'string' ? district : await district();
      if (districtCode) await this.match(districtCode, correlationId);
    } catch (error) {
      this.logger.warn({ err: error }, 'matching the waiting list failed; the sweep will retry');
    }
  }

  // ---- matching -----------------------------------------------------------------------------

  /**
   * Offers every free bed of the district to the highest-ranked waiting applicant it fits. One
   * matcher per district at a time (an advisory lock); a bed taken meanwhile by an operator's
   * direct hold is skipped (the exclusion constraint refuses the second hold).
   */
  async match(districtCode: string, correlationId: string): Promise<number> {
    const policy = await this.policies.walkingPolicy(districtCode, localDate(new Date()));
    if (!policy) return 0; // a district without an allocation policy cannot hold beds yet
    const model: WalkingModel = { walkingSpeedMetresPerSecond: policy.walkingSpeedMps, detourFactor: policy.detourFactor, circleMinutes: policy.circleMinutes as 15 };
    const { version, rules } = await this.rulesInForce(districtCode);
    const offers = await this.waitlist.transaction(async (manager) => {
      await this.waitlist.lockDistrict(manager, districtCode);
      const vacant = await this.waitlist.vacantBeds(manager, districtCode);
      if (vacant.length === 0) return [];
      const applicants = await this.waitlist.waitingApplicants(districtCode, null, manager);
      if (applicants.length === 0) return [];
      const byId = new Map(applicants.map((a) => [a.id, a]));
      const ranked = new Map<BedApplicationKind, RankedApplicant[]>();
      for (const kind of ['long-stay', 'respite'] as const) ranked.set(kind, rankApplicants(rules, applicants.filter((a) => a.kind === kind).map(toApplicant), new Date()));
      // Who would take a bed at each facility, in list order: computed once per facility, not per bed.
      const candidates = new Map<string, RankedApplicant[]>();
      const candidatesFor = (bed: VacantBedRow): RankedApplicant[] => {
        const key = `${bed.facility_id}|${bed.respite}`;
        let list = candidates.get(key);
        if (!list) {
          list = ranked.get(bed.respite ? 'respite' : 'long-stay')!.filter((row) => wantsFacility(byId.get(row.applicationId)!, bed, model));
          candidates.set(key, list);
        }
        return list;
      };
      const made: Array<{ offerId: string; expiresAt: Date }> = [];
      const offered = new Set<string>();
      for (const bed of vacant) {
        const passedOver: Array<{ row: RankedApplicant; reasons: string[] }> = [];
        for (const row of candidatesFor(bed)) {
          const applicant = byId.get(row.applicationId)!;
          if (offered.has(applicant.id) || applicant.refused_bed_ids.includes(bed.bed_id)) continue;
          const reasons = bedMisfits(
            { bedType: bed.bed_type, genderRule: bed.gender_rule, respite: bed.respite, roomName: bed.room_name },
            { kind: applicant.kind, sex: applicant.sex, entitledBedTypes: applicant.entitled_bed_types ?? [], wantedBedTypes: applicant.bed_types },
          );
          if (reasons.length > 0) {
            passedOver.push({ row, reasons });
            continue;
          }
          const offer = await this.offerBed(manager, bed, applicant, row, policy.holdHours, version, correlationId);
          if (!offer) break; // the bed was taken meanwhile
          offered.add(applicant.id);
          made.push(offer);
          await this.waitlist.log(
            manager,
            passedOver.map(({ row: skipped, reasons }) => ({
              applicationId: skipped.applicationId,
              kind: 'passed-over' as const,
              reason: `passed over for bed ${bed.label} at ${bed.facility_name} because ${reasons.join('; ')}`,
              bedId: bed.bed_id,
              facilityId: bed.facility_id,
              rulesVersion: version,
              score: skipped.total,
              position: skipped.position,
            })),
          );
          break;
        }
      }
      return made;
    });
    if (offers.length > 0) {
      this.relay.kick();
      for (const offer of offers) await this.scheduleExpiry(offer.offerId, offer.expiresAt);
    }
    return offers.length;
  }

  private async offerBed(manager: EntityManager, bed: VacantBedRow, applicant: WaitingApplicantRow, row: RankedApplicant, holdHours: number, version: string, correlationId: string): Promise<{ offerId: string; expiresAt: Date } | null> {
    const offerId = randomUUID();
    await manager.query('SAVEPOINT offer');
    try {
      await this.beds.insert(manager, { id: offerId, bedId: bed.bed_id, seniorId: applicant.senior_id, kind: 'hold', hours: holdHours, createdBy: null });
    } catch (error) {
      if ((error as { code?: string }).code !== EXCLUSION_VIOLATION) throw error;
      await manager.query('ROLLBACK TO SAVEPOINT offer');
      return null;
    }
    await manager.query('RELEASE SAVEPOINT offer');
    const hold = (await this.beds.occupancy(offerId, manager))!;
    const expiresAt = new Date(hold.until!);
    await this.waitlist.insertOffer(manager, { id: offerId, applicationId: applicant.id, bedId: bed.bed_id, facilityId: bed.facility_id, status: 'open', rulesVersion: version, score: row.total, offeredAt: new Date(hold.from), expiresAt });
    await this.waitlist.setApplicationStatus(manager, applicant.id, 'offered');
    await this.waitlist.log(manager, [
      {
        applicationId: applicant.id,
        kind: 'offered',
        reason: `bed ${bed.label} (${bed.bed_type}) at ${bed.facility_name} is held until ${expiresAt.toISOString()}: first in line it fits, at position ${row.position} with ${row.total} points`,
        bedId: bed.bed_id,
        facilityId: bed.facility_id,
        rulesVersion: version,
        score: row.total,
        position: row.position,
      },
    ]);
    await recordEvent(manager, AllocationOutboxEvent, 'bed.held', { occupancyId: offerId, seniorId: applicant.senior_id, facilityId: bed.facility_id, bedId: bed.bed_id, until: expiresAt.toISOString() }, correlationId);
    return { offerId, expiresAt };
  }

  /** A delayed job per offer, due when its hold lapses; the job id makes scheduling twice harmless. */
  private async scheduleExpiry(offerId: string, expiresAt: Date): Promise<void> {
    try {
      await this.schedules.add('offer.expire', { offerId }, { jobId: `offer-expire-${offerId}`, delay: Math.max(0, expiresAt.getTime() - Date.now()) });
    } catch (error) {
      // The sweep expires it anyway; the delayed job only makes it punctual.
      this.logger.warn({ err: error, offerId }, 'could not schedule the expiry of an offer; the sweep will expire it');
    }
  }

  private async endHold(manager: EntityManager, offer: OfferRow, reason: string, correlationId: string): Promise<void> {
    if (!(await this.beds.endNow(manager, offer.id, reason))) await this.waitlist.markLapsed(manager, offer.id, reason);
    await recordEvent(manager, AllocationOutboxEvent, 'bed.released', { occupancyId: offer.id, seniorId: offer.senior_id, facilityId: offer.facility_id, kind: 'hold', at: new Date().toISOString(), reason }, correlationId);
  }

  // ---- rules and the list -------------------------------------------------------------------

  async rulesInForce(districtCode: string): Promise<RulesInForce> {
    const row = await this.waitlist.rulesInForce(districtCode, localDate(new Date()));
    return row ? { version: row.version, rules: row.rules as PriorityRules } : { version: DEFAULT_PRIORITY_RULES_VERSION, rules: DEFAULT_PRIORITY_RULES };
  }

  async publishRules(command: PublishPriorityRulesCommand, actor: Actor): Promise<PriorityRulesRecord> {
    const problems = validatePriorityRules(command.rules);
    if (problems.length > 0) {
      throw new DomainError('VALIDATION_FAILED', `The priority rules have ${problems.length} problem(s)`, problems.map((p) => ({ field: `rules.${p.path}`, problems: [p.message] })));
    }
    if (await this.waitlist.rulesVersion(command.districtCode, command.version)) throw new DomainError('CONFLICT', `District ${command.districtCode} already has rules version ${command.version}; versions are never changed, publish a new one`);
    try {
      await this.waitlist.insertRules({ districtCode: command.districtCode, version: command.version, effectiveFrom: command.effectiveFrom, rules: command.rules as object, note: command.note, createdBy: actor.accountId });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new DomainError('CONFLICT', `District ${command.districtCode} already has rules version ${command.version}`);
      throw error;
    }
    return toRulesRecord((await this.waitlist.rulesVersion(command.districtCode, command.version))!);
  }

  async listRules(districtCode: string): Promise<PriorityRulesRecord[]> {
    return (await this.waitlist.rulesVersions(districtCode)).map(toRulesRecord);
  }

  async waitingList(districtCode: string, kind: BedApplicationKind): Promise<WaitingListView> {
    const { version, rules } = await this.rulesInForce(districtCode);
    const applicants = await this.waitlist.waitingApplicants(districtCode, kind);
    const byId = new Map(applicants.map((a) => [a.id, a]));
    const entries = rankApplicants(rules, applicants.map(toApplicant), new Date()).map((r) => {
      const a = byId.get(r.applicationId)!;
      return { applicationId: r.applicationId, seniorId: a.senior_id, position: r.position, score: r.total, parts: [...r.parts], appliedAt: a.applied_at.toISOString(), bedTypes: a.bed_types };
    });
    return { districtCode, kind, rulesVersion: version, entries };
  }

  async whatIf(districtCode: string, kind: BedApplicationKind, draftVersion: string): Promise<WaitlistWhatIf> {
    const draft = await this.waitlist.rulesVersion(districtCode, draftVersion);
    if (!draft) throw new DomainError('RULES_NOT_FOUND', `District ${districtCode} has no rules version ${draftVersion}`);
    const current = await this.rulesInForce(districtCode);
    const applicants = (await this.waitlist.waitingApplicants(districtCode, kind)).map(toApplicant);
    const changes = compareRankings(current.rules, draft.rules as PriorityRules, applicants, new Date());
    return {
      districtCode,
      kind,
      currentVersion: current.version,
      draftVersion,
      applicants: changes.length,
      movedUp: changes.filter((c) => c.movedBy > 0).length,
      movedDown: changes.filter((c) => c.movedBy < 0).length,
      unchanged: changes.filter((c) => c.movedBy === 0).length,
      changes,
    };
  }

  // ---- reading back -------------------------------------------------------------------------

  private async ownApplication(seniorId: string, applicationId: string): Promise<BedApplication> {
    const application = await this.waitlist.application(applicationId);
    if (!application || application.seniorId !== seniorId) throw new DomainError('APPLICATION_NOT_FOUND', `Senior ${seniorId} has no bed application ${applicationId}`);
    return application;
  }

  private async ownOffer(seniorId: string, offerId: string): Promise<OfferRow> {
    const offer = await this.waitlist.offer(offerId);
    if (!offer || offer.senior_id !== seniorId) throw new DomainError('OFFER_NOT_FOUND', `Senior ${seniorId} has no bed offer ${offerId}`);
    return offer;
  }

  private async records(applications: BedApplication[]): Promise<BedApplicationRecord[]> {
    const ids = applications.map((a) => a.id);
    const [offers, history] = await Promise.all([this.waitlist.liveOffers(ids), this.waitlist.history(ids)]);
    const standings = new Map<string, BedApplicationRecord['standing']>();
    const lists = new Set(applications.filter((a) => a.status === 'waiting').map((a) => `${a.districtCode}|${a.kind}`));
    for (const [district, kind] of Array.from(lists, (key) => key.split('|') as [string, BedApplicationKind])) {
      // Families reading their positions at the same moment share one ranking of the list.
      const { version, ranked } = await sharedInBatch(`waitlist-ranking:${district}:${kind}`, async () => {
        const { version, rules } = await this.rulesInForce(district);
        return { version, ranked: rankApplicants(rules, (await this.waitlist.waitingApplicants(district, kind)).map(toApplicant), new Date()) };
      });
      for (const r of ranked) standings.set(r.applicationId, { position: r.position, of: ranked.length, rulesVersion: version, score: r.total, parts: [...r.parts] });
    }
    return applications.map((a) => ({
      applicationId: a.id,
      seniorId: a.seniorId,
      districtCode: a.districtCode,
      kind: a.kind,
      bedTypes: a.bedTypes,
      facilityIds: a.facilityIds,
      maxWalkingMinutes: a.maxWalkingMinutes,
      status: a.status,
      appliedAt: a.appliedAt.toISOString(),
      closedReason: a.closedReason,
      standing: standings.get(a.id) ?? null,
      offer: toOfferRecord(offers.find((o) => o.application_id === a.id) ?? null),
      history: history
        .filter((d) => d.applicationId === a.id)
        .map((d) => ({ kind: d.kind, at: d.at.toISOString(), reason: d.reason, bedId: d.bedId, facilityId: d.facilityId, rulesVersion: d.rulesVersion, score: d.score, position: d.position })),
    }));
  }
}

function toApplicant(row: WaitingApplicantRow): Applicant {
  return {
    applicationId: row.id,
    appliedAt: row.applied_at,
    priorityFlags: row.priority_flags as PriorityGroupId[],
    level: row.level,
    levelInstrument: row.level_instrument,
    declinedOffers: row.declined,
  };
}

/** Whether the applicant would take a bed at this facility at all: named in the application, or near enough to home. */
function wantsFacility(applicant: WaitingApplicantRow, bed: VacantBedRow, model: WalkingModel): boolean {
  if (applicant.facility_ids.length > 0) return applicant.facility_ids.includes(bed.facility_id);
  if (applicant.max_walking_minutes === null) return true;
  return walkingMinutes(model, haversineMetres({ lat: applicant.lat, lng: applicant.lng }, { lat: bed.lat, lng: bed.lng })) <= applicant.max_walking_minutes;
}

function toOfferRecord(row: OfferRow | null): BedOfferRecord | null {
  if (!row) return null;
  return {
    offerId: row.id,
    bedId: row.bed_id,
    bedLabel: row.bed_label,
    bedType: row.bed_type,
    facilityId: row.facility_id,
    facilityName: row.facility_name,
    status: row.status,
    offeredAt: row.offered_at.toISOString(),
    expiresAt: row.expires_at.toISOString(),
  };
}

function toRulesRecord(row: PriorityRulesVersion): PriorityRulesRecord {
  return { districtCode: row.districtCode, version: row.version, effectiveFrom: row.effectiveFrom, rules: row.rules as PriorityRules, note: row.note, createdAt: row.createdAt.toISOString() };
}

