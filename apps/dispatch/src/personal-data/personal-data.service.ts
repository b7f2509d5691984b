import { Injectable } from '@nestjs/common';
import { type CommandName, type EraseSeniorCommand, type ServiceErasureResult } from '@app/contracts';
import { localDate } from '@app/domain';
import { ServicePersonalData } from '@app/persistence';
import { PersonalDataRepository } from './personal-data.repository';

/** Commands that start something new for a senior: refused after erasure. */
export const REFUSED_AFTER_ERASURE: ReadonlySet<CommandName<'dispatch'>> = new Set(['meal-subscription.set', 'meal-change.add', 'meal-pause.add', 'visit-plan.set', 'door-tag.issue']);

const ERASURE_REASON = 'personal data erased at the request of the senior or their guardian';
const ERASED_ON_REQUEST = 'PIPL art. 47: erased at the request of the senior or their guardian';

/**
 * Dispatch's part of a senior's personal data: the copy (PIPL art. 45) and the erasure (art. 47).
 * Meals served and visits made stay (the monthly statement, the care ledger and LTCI claims are
 * built from them), without the name, the address, notes or where anyone stood.
 */
@Injectable()
export class PersonalDataService extends ServicePersonalData {
  constructor(private readonly repository: PersonalDataRepository) {
    super('dispatch', repository);
  }


  /** Idempotent: one transaction under the senior's lock; a second request answers the stored result. */
  async erase(command: EraseSeniorCommand): Promise<ServiceErasureResult> {
    const today = localDate(new Date());
    return this.repository.transaction(async (manager) => {
      const known = await this.repository.lockSenior(manager, command.seniorId);
      const done = await this.repository.erasure(command.seniorId, manager);
      if (done) return done.result as unknown as ServiceErasureResult;
      const seniorView = await this.repository.eraseSeniorView(manager, command.seniorId);
      if (known) await this.repository.endVersions(manager, command.seniorId, today);
      const changes = await this.repository.deleteFutureChanges(manager, command.seniorId, today);
      const visits = await this.repository.cancelComingVisits(manager, command.seniorId, today, ERASURE_REASON);
      const deliveryNotes = await this.repository.eraseDeliveryNotes(manager, command.seniorId);
      const notes = await this.repository.eraseWrittenNotes(manager, command.seniorId, ERASURE_REASON);
      const cases = await this.repository.closeOpenEscalations(manager, command.seniorId, ERASURE_REASON);
      const locations = await this.repository.erasePreciseLocations(manager, command.seniorId);
      const notices = await this.repository.deleteNoticesAndDoorTag(manager, command.seniorId);
      const kept = await this.repository.keptCounts(manager, command.seniorId);
      const result: ServiceErasureResult = {
        service: 'dispatch',
        seniorId: command.seniorId,
        erasedAt: command.requestedAt,
        erased: [
          { what: 'name and address text in dispatch’s copy of the senior; home location rounded to about 1 km', rows: seniorView, why: ERASED_ON_REQUEST },
          { what: 'delivery notes of the meal subscription and of every meal order', rows: deliveryNotes, why: ERASED_ON_REQUEST },
          {
            what: 'free text: caregivers’ visit notes and concern details, couriers’ door notes, follow-up and escalation notes, pause and cancellation reasons, override reasons of visit plans',
            rows: notes,
            why: ERASED_ON_REQUEST,
          },
          { what: 'caregivers’ check-in and check-out positions; the home’s point in each visit rounded to about 1 km', rows: locations, why: ERASED_ON_REQUEST },
          { what: 'notices to the senior and the door tag', rows: notices, why: ERASED_ON_REQUEST },
          { what: 'meal subscription and visit plan ended before today; skips and extras from today deleted', rows: changes, why: 'nothing new is ordered or planned for an erased senior' },
          { what: 'home-care visits from today on cancelled', rows: visits, why: 'nothing new is planned for an erased senior' },
          { what: 'open “no answer at the door” cases closed', rows: cases, why: 'the platform can no longer reach the senior' },
        ],
        kept: [
          { what: 'meal orders with dish, prices, subsidy and co-payment', rows: kept.orders, why: 'the monthly meal statement and the meal subsidy paid by the district must stay accountable (accounting records)' },
          { what: 'delivery outcomes (delivered, not home…) with their times, without notes', rows: kept.outcomes, why: 'proof of delivery behind each billed meal' },
          { what: 'home-care visits made, missed or in progress: times, duration, tasks, verification', rows: kept.visits, why: 'the care ledger and long-term care insurance (LTCI) claims are built from them; the fund audits claims' },
          { what: 'meal subscription and visit plan versions (without delivery notes or override reasons)', rows: kept.versions, why: 'what was ordered and entitled when the kept meals and visits were billed' },
          { what: 'escalation cases (steps and times, without notes)', rows: kept.cases, why: 'the safety record of every “no answer at the door”' },
        ],
      };
      await this.repository.recordErasure(manager, { seniorId: command.seniorId, reason: command.reason, requestedBy: command.requestedBy, erasedAt: new Date(command.requestedAt), result });
      return result;
    });
  }

}
