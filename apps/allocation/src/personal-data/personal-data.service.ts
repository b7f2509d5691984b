import { Injectable } from '@nestjs/common';
import { type Actor, type CommandName, DomainError, type EraseSeniorCommand, type ServiceErasureResult } from '@app/contracts';
import { BedsService } from '../beds/beds.service';
import { DaycareService } from '../daycare/daycare.service';
import { WaitlistService } from '../waitlist/waitlist.service';
import { ServicePersonalData } from '@app/persistence';
import { PersonalDataRepository } from './personal-data.repository';

/** Commands that book something new for a senior: refused after erasure. */
export const REFUSED_AFTER_ERASURE: ReadonlySet<CommandName<'allocation'>> = new Set(['daycare.book', 'bed-application.submit', 'bed.hold', 'bed-offer.accept']);

/** The reason written on what the erasure withdraws, releases or cancels: it names no one. */
export const ERASURE_REASON = 'personal data erased at the request of the senior or their guardian';

const ERASED_ON_REQUEST = 'PIPL art. 47: erased at the request of the senior or their guardian';

/**
 * Allocation's part of a senior's personal data: the copy (PIPL art. 45) and the erasure (art. 47).
 * What is still to come (a place on the waiting list, a held bed, day care after today) ends through
 * the same rules as a withdrawal or cancellation, so the bed goes to the next in line and dispatch
 * hears of it; stays and past attendance are kept for billing.
 */
@Injectable()
export class PersonalDataService extends ServicePersonalData {
  constructor(
    private readonly repository: PersonalDataRepository,
    private readonly waitlist: WaitlistService,
    private readonly beds: BedsService,
    private readonly daycare: DaycareService,
  ) {
    super('allocation', repository);
  }


  /**
   * Idempotent: each step acts only on what is still open, and the stored result answers a second
   * request. A crash between steps is retried by BullMQ and carries on where it stopped.
   */
  async erase(command: EraseSeniorCommand, actor: Actor | null, correlationId: string): Promise<ServiceErasureResult> {
    const done = await this.repository.erasure(command.seniorId);
    if (done) return done.result as unknown as ServiceErasureResult;
    // The gateway allowed the erasure (admin or planner); inside allocation it ends holds and bookings with an admin's reach.
    const acting: Actor = { accountId: actor?.accountId ?? command.requestedBy, roles: ['admin'], facilityIds: [], kitchenIds: [] };
    for (const applicationId of await this.repository.openApplicationIds(command.seniorId)) {
      await ignoreConflict(this.waitlist.withdraw(command.seniorId, applicationId, ERASURE_REASON, acting, correlationId));
    }
    for (const holdId of await this.repository.holdsInForce(command.seniorId)) {
      await ignoreConflict(this.beds.release(holdId, ERASURE_REASON, acting, correlationId));
    }
    for (const bookingId of await this.repository.bookingsAfterToday(command.seniorId)) {
      await ignoreConflict(this.daycare.cancel(command.seniorId, bookingId, ERASURE_REASON, acting, correlationId));
    }
    return this.repository.transaction(async (manager) => {
      const known = await this.repository.lockSenior(manager, command.seniorId);
      const again = await this.repository.erasure(command.seniorId, manager);
      if (again) return again.result as unknown as ServiceErasureResult;
      const location = known ? await this.repository.roundLocation(manager, command.seniorId) : 0;
      const reasons = await this.repository.eraseWrittenReasons(manager, command.seniorId, ERASURE_REASON);
      const c = await this.repository.counts(manager, command.seniorId, ERASURE_REASON);
      const result: ServiceErasureResult = {
        service: 'allocation',
        seniorId: command.seniorId,
        erasedAt: command.requestedAt,
        erased: [
          { what: 'home location in allocation’s copy of the senior, rounded to about 1 km', rows: location, why: ERASED_ON_REQUEST },
          { what: 'reasons people wrote on applications, offers, decisions, stays and bookings', rows: reasons, why: ERASED_ON_REQUEST },
          { what: 'places on the bed waiting list withdrawn (an offered bed goes to the next in line)', rows: c.applicationsClosed, why: `${ERASED_ON_REQUEST}; nothing new is arranged for an erased senior` },
          { what: 'bed holds released', rows: c.holdsReleased, why: 'a held bed is for someone the platform can still reach' },
          { what: 'day-care places after today cancelled', rows: c.bookingsCancelled, why: 'a place is for someone the platform can still reach' },
        ],
        kept: [
          { what: 'bed applications with their decisions and scores', rows: c.applications, why: 'the waiting list’s fairness must stay auditable (who was offered which bed, by which rules version); linked by the senior id only' },
          { what: 'stays in a bed (admission and discharge)', rows: c.stays, why: 'residential care billing and the subsidies paid for it' },
          { what: 'day-care places up to today', rows: c.bookingsKept, why: 'attendance billing and the day-care subsidy' },
          { what: 'sex, birth date, street, level and priority groups in allocation’s copy', rows: known ? 1 : 0, why: 'the district’s coverage indicators count seniors per street; no name, ID number or address is held here' },
        ],
      };
      await this.repository.recordErasure(manager, { seniorId: command.seniorId, reason: command.reason, requestedBy: command.requestedBy, erasedAt: new Date(command.requestedAt), result });
      return result;
    });
  }

}

/** Something already withdrawn, released or cancelled (by someone else, or a first attempt) is fine. */
async function ignoreConflict(step: Promise<unknown>): Promise<void> {
  try {
    await step;
  } catch (error) {
    if (error instanceof DomainError && error.code === 'CONFLICT') return;
    throw error;
  }
}
