import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { type Actor, type CareVisitDetail, type CheckEvidenceInput, DomainError, VISIT_CONCERN_KINDS, type VisitCheckInCommand, type VisitCheckOutCommand } from '@app/contracts';
import { CARE_TASKS, type CheckVerification, DEFAULT_VERIFICATION, doorCodeHash, localDate, verifyCheck, type VisitVerificationSettings } from '@app/domain';
import { type CaregiverRecord, type CareVisit, DispatchOutboxEvent, OutboxRelay, recordEvent, versionOn } from '@app/persistence';
import { SeniorViewsRepository } from '../senior-views/senior-views.repository';
import { CareVisitsRepository } from './care-visits.repository';
import { HomeCareRepository } from './home-care.repository';
import { VisitAlertsService } from './visit-alerts.service';
import { VisitPoliciesService } from './visit-policies.service';
import { VisitSchedulesRepository } from './visit-schedules.repository';

/** A phone that was offline sends its check later; one that claims a time ahead of the server's is refused beyond this. */
const CLOCK_SKEW_MS = 5 * 60_000;
/** A check sent later than this after the time it gives is kept but not verified: a coordinator confirms it (claims are paid on these times). */
const LATE_SEND_MS = 15 * 60_000;
/** Older than this, a check is refused: the office records it. */
const OLDEST_CHECK_MS = 12 * 3_600_000;
/** Unambiguous letters and digits for door-tag codes (no 0/O, 1/I/L). */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const STAFF = ['admin', 'planner'];

/**
 * Doing the visit: the assigned caregiver checks in and out at the door, each check verified the
 * way the senior's plan says (the door tag's code, or a geofence around the home). A failed check
 * still counts its time, flagged for a coordinator. At check-out: tasks done, notes and concerns
 * (sealed by the gateway); a fall, or a concern that asks for it, requests an immediate
 * reassessment in the same transaction.
 */
@Injectable()
export class VisitCheckInsService {
  constructor(
    private readonly visits: CareVisitsRepository,
    private readonly homeCare: HomeCareRepository,
    private readonly schedules: VisitSchedulesRepository,
    private readonly seniors: SeniorViewsRepository,
    private readonly policies: VisitPoliciesService,
    private readonly alerts: VisitAlertsService,
    private readonly relay: OutboxRelay,
  ) {}

  async checkIn(command: VisitCheckInCommand, actor: Actor): Promise<CareVisitDetail> {
    const caregiver = await this.ownCaregiver(actor);
    const at = when(command.at);
    await this.visits.transaction(async (manager) => {
      const visit = await this.assignedVisit(manager, command.visitId, caregiver);
      if (visit.checkInAt) throw new DomainError('CONFLICT', `Visit ${visit.id} was checked in at ${visit.checkInAt.toISOString()}`);
      if (visit.status !== 'planned' && visit.status !== 'missed') throw new DomainError('CONFLICT', `Visit ${visit.id} is ${visit.status}; only a planned visit can be checked in`);
      if (visit.date !== localDate(at)) throw new DomainError('VALIDATION_FAILED', `Visit ${visit.id} is on ${visit.date}, not ${localDate(at)}`, [{ field: 'at', problems: [`a check-in for this visit must be on ${visit.date}`] }]);
      const ongoing = await this.visits.inProgress(manager, caregiver.id);
      if (ongoing) throw new DomainError('CONFLICT', `Check out of visit ${ongoing.id} first: a caregiver makes one visit at a time`);
      const { check, location } = await this.verify(manager, visit, command.evidence, at);
      await this.visits.updateVisit(manager, visit.id, { status: 'in-progress', checkInAt: at, checkInVerified: check.verified, verification: { checkIn: check, checkOut: null, confirmedBy: null }, checkInLocation: location });
      await this.visits.clearLateAlert(manager, visit.id, at);
      if (!check.verified) await this.alerts.raiseVerificationFailed(manager, visit, check.problem!, at);
    });
    return this.detail(command.visitId);
  }

  async checkOut(command: VisitCheckOutCommand, actor: Actor, correlationId: string): Promise<CareVisitDetail> {
    const caregiver = await this.ownCaregiver(actor);
    const at = when(command.at);
    const unknownTasks = command.tasksDone.filter((task) => !CARE_TASKS.includes(task));
    if (unknownTasks.length > 0) throw new DomainError('VALIDATION_FAILED', 'Unknown care tasks', [{ field: 'tasksDone', problems: unknownTasks.map((task) => `${JSON.stringify(task)} is not a care task (one of ${CARE_TASKS.join(', ')})`) }]);
    const badConcerns = command.concerns.filter((c) => !(VISIT_CONCERN_KINDS as readonly string[]).includes(c.kind));
    if (badConcerns.length > 0) throw new DomainError('VALIDATION_FAILED', 'Unknown concern kinds', [{ field: 'concerns', problems: [`kind must be one of ${VISIT_CONCERN_KINDS.join(', ')}`] }]);
    const reassessment = await this.visits.transaction(async (manager) => {
      const visit = await this.assignedVisit(manager, command.visitId, caregiver);
      if (visit.status !== 'in-progress' || !visit.checkInAt) throw new DomainError('CONFLICT', visit.checkOutAt ? `Visit ${visit.id} was checked out at ${visit.checkOutAt.toISOString()}` : `Visit ${visit.id} has no check-in: check in before checking out`);
      if (at < visit.checkInAt) throw new DomainError('VALIDATION_FAILED', 'A check-out cannot be before the check-in', [{ field: 'at', problems: [`${at.toISOString()} is before the check-in at ${visit.checkInAt.toISOString()}`] }]);
      const { check, location } = await this.verify(manager, visit, command.evidence, at);
      const previous = (visit.verification as { checkIn: CheckVerification | null } | null) ?? { checkIn: null };
      await this.visits.updateVisit(manager, visit.id, {
        status: 'delivered',
        checkOutAt: at,
        checkOutVerified: check.verified,
        verification: { ...previous, checkOut: check, confirmedBy: null },
        checkOutLocation: location,
        tasksDone: [...new Set(command.tasksDone)],
        notesSealed: command.notesSealed,
        concerns: command.concerns.map((c) => ({ ...c, raisedAt: at.toISOString() })),
      });
      if (!check.verified) await this.alerts.raiseVerificationFailed(manager, visit, check.problem!, at);
      for (const concern of command.concerns) await this.alerts.raiseConcern(manager, visit, concern.kind, at);
      const asking = command.concerns.find((c) => c.kind === 'fall' || c.requestReassessment);
      if (asking) {
        const reason = `${asking.kind} reported by the caregiver at the visit of ${visit.date}`;
        await recordEvent(manager, DispatchOutboxEvent, 'visits.reassessment-requested', { requestId: `visits:${visit.seniorId}:${visit.date}`, seniorId: visit.seniorId, reason, raisedBy: actor.accountId }, correlationId);
      }
      return asking !== undefined;
    });
    if (reassessment) this.relay.kick();
    return this.detail(command.visitId);
  }

  /** The visit with what happened at it: for the caregiver it is assigned to, and for coordinators. */
  async get(visitId: string, actor: Actor): Promise<CareVisitDetail> {
    const visit = await this.visits.visit(visitId);
    if (!visit) throw new DomainError('NOT_FOUND', `No visit ${visitId}`);
    if (!STAFF.some((role) => actor.roles.includes(role as never))) {
      const caregiver = actor.roles.includes('caregiver') ? await this.homeCare.caregiverByAccount(actor.accountId) : null;
      if (!caregiver || caregiver.id !== visit.caregiverId) throw new DomainError('FORBIDDEN', `Visit ${visitId} is not yours`);
    }
    return this.detail(visitId);
  }

  /** A new door tag for the senior: the code is shown once, only its hash is kept, and the old tag stops working. */
  async issueDoorTag(seniorId: string, actor: Actor): Promise<{ seniorId: string; code: string; issuedAt: string }> {
    if (!await this.seniors.findById(seniorId)) throw new DomainError('SENIOR_NOT_FOUND', `Dispatch knows no senior ${seniorId}`);
    const bytes = randomBytes(8);
    const raw = [...bytes].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
    const code = `${raw.slice(0, 4)}-${raw.slice(4)}`;
    const issuedAt = new Date();
    await this.visits.saveDoorTag({ seniorId, codeHash: doorCodeHash(code), issuedAt, issuedBy: actor.accountId });
    return { seniorId, code, issuedAt: issuedAt.toISOString() };
  }

  private async ownCaregiver(actor: Actor): Promise<CaregiverRecord> {
    const caregiver = actor.roles.includes('caregiver') ? await this.homeCare.caregiverByAccount(actor.accountId) : null;
    if (!caregiver || !caregiver.active) throw new DomainError('FORBIDDEN', 'Only an active caregiver checks in and out of their own visits');
    return caregiver;
  }

  private async assignedVisit(manager: EntityManager, visitId: string, caregiver: CaregiverRecord): Promise<CareVisit> {
    const visit = await this.visits.lockVisit(manager, visitId);
    if (!visit) throw new DomainError('NOT_FOUND', `No visit ${visitId}`);
    if (visit.caregiverId !== caregiver.id) throw new DomainError('FORBIDDEN', `Visit ${visitId} is not assigned to you; only its caregiver can check in and out`);
    return visit;
  }

  /**
   * The check verified as the senior's plan says, and sent in time: one sent long after the time it
   * gives is kept unverified for a coordinator. The location is kept only when the senior consented.
   */
  private async verify(manager: EntityManager, visit: CareVisit, evidence: CheckEvidenceInput, at: Date): Promise<{ check: CheckVerification & { receivedAt: string }; location: { type: 'Point'; coordinates: [number, number] } | null }> {
    const [senior, tag, settings, { policy }] = await Promise.all([this.seniors.findById(visit.seniorId), this.visits.doorTag(visit.seniorId, manager), this.verificationSettings(visit), this.policies.inForce(visit.districtCode, visit.date)]);
    if (!senior) throw new DomainError('SENIOR_NOT_FOUND', `Dispatch knows no senior ${visit.seniorId}`);
    const [lng, lat] = senior.location.coordinates as [number, number];
    const received = new Date();
    const sentLate = received.getTime() - at.getTime() > LATE_SEND_MS;
    const door = verifyCheck(settings.method, evidence, { location: { lat, lng }, codeHash: tag?.codeHash ?? null }, policy);
    const lateBy = Math.round((received.getTime() - at.getTime()) / 60_000);
    const check = { ...door, ...(sentLate && door.verified ? { verified: false, problem: `sent ${lateBy} min after the time it gives: a coordinator confirms it` } : {}), receivedAt: received.toISOString() };
    const location = settings.keepLocation && evidence.location ? { type: 'Point' as const, coordinates: [evidence.location.lng, evidence.location.lat] as [number, number] } : null;
    return { check, location };
  }

  private async verificationSettings(visit: CareVisit): Promise<VisitVerificationSettings> {
    const versions = await this.homeCare.planVersions(visit.seniorId);
    const inForce = versionOn(versions, visit.date);
    return ((inForce?.plan as { verification?: VisitVerificationSettings } | undefined)?.verification ?? DEFAULT_VERIFICATION);
  }

  private async detail(visitId: string): Promise<CareVisitDetail> {
    const [record, visit] = await Promise.all([this.schedules.visitRecord(visitId), this.visits.visit(visitId)]);
    const v = visit!;
    return {
      ...record!,
      checkInAt: v.checkInAt?.toISOString() ?? null,
      checkOutAt: v.checkOutAt?.toISOString() ?? null,
      verification: v.verification as CareVisitDetail['verification'],
      tasksDone: v.tasksDone,
      notesSealed: v.notesSealed,
      concerns: v.concerns as CareVisitDetail['concerns'],
      cancelReason: v.cancelReason,
    };
  }
}

function when(at: string | null): Date {
  const instant = at ? new Date(at) : new Date();
  if (Number.isNaN(instant.getTime())) throw new DomainError('VALIDATION_FAILED', 'at must be an ISO 8601 instant', [{ field: 'at', problems: ['not a date-time'] }]);
  if (instant.getTime() > Date.now() + CLOCK_SKEW_MS) throw new DomainError('VALIDATION_FAILED', 'A check cannot be in the future', [{ field: 'at', problems: ['is in the future'] }]);
  if (instant.getTime() < Date.now() - OLDEST_CHECK_MS) throw new DomainError('VALIDATION_FAILED', 'A check more than 12 hours old is recorded by the office', [{ field: 'at', problems: ['is more than 12 hours ago'] }]);
  return instant;
}
