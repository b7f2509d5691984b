import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError, type Actor, type DaycareBookingRecord, type DayCareWeek, type DaycareSession } from '@app/contracts';
import { addDays, DISTRICT_TIME_ZONE, isoWeekday, localDate, localInstant } from '@app/domain';
import { AllocationOutboxEvent, type AllocationPolicy, OutboxRelay, recordEvent, type DaycareBooking, UNIQUE_VIOLATION } from '@app/persistence';
import { CircleRepository } from '../circle/circle.repository';
import { FacilitiesRepository } from '../facilities/facilities.repository';
import { refuseOtherOperators } from '../facilities/operator-scope';
import { SeniorViewsRepository } from '../senior-views/senior-views.repository';
import { DaycareRepository } from './daycare.repository';

const DAY_CARE_TYPES = new Set(['day-care-centre', 'community-hub']);
/**
 * When a session starts under the district's policy (a full day starts with the morning), the
 * built-in times without one: a family's cancellation must come the policy's lead hours before.
 */
function sessionStart(session: DaycareSession, policy: Pick<AllocationPolicy, 'dayCareMorningStarts' | 'dayCareAfternoonStarts'> | null): string {
  const { dayCareMorningStarts: morning, dayCareAfternoonStarts: afternoon } = policy ?? BUILT_IN_SESSIONS;
  return session === 'afternoon' ? afternoon : morning;
}

const BUILT_IN_SESSIONS = { dayCareMorningStarts: '08:00', dayCareAfternoonStarts: '13:00' };
/** Until a district publishes its allocation policy. */
const DEFAULT_CANCEL_LEAD_HOURS = 12;
/** A full day takes a place in both half-day sessions. */
const PLACES_TAKEN: Record<DaycareSession, string[]> = { morning: ['morning'], afternoon: ['afternoon'], 'full-day': ['morning', 'afternoon'] };

/** Day-care bookings: never above a facility's places per date and session, all dates of a request or none. */
@Injectable()
export class DaycareService {
  constructor(
    private readonly bookings: DaycareRepository,
    private readonly facilities: FacilitiesRepository,
    private readonly seniors: SeniorViewsRepository,
    private readonly circle: CircleRepository,
    private readonly relay: OutboxRelay,
  ) {}

  async book(requestId: string, seniorId: string, facilityId: string, session: DaycareSession, dates: string[], actor: Actor, correlationId: string): Promise<DaycareBookingRecord[]> {
    const existing = await this.bookings.byRequest(requestId);
    if (existing.length > 0) return existing.map(toRecord); // a retried request
    const facility = await this.facilities.findById(facilityId);
    if (!facility) throw new DomainError('FACILITY_NOT_FOUND', `No facility ${facilityId}`);
    refuseOtherOperators(actor, facilityId);
    const week = (facility.dayCareWeek ?? {}) as DayCareWeek;
    const places = (date: string, session: 'morning' | 'afternoon') => week[String(isoWeekday(date))]?.[session] ?? facility.dayCarePlaces;
    const anyPlaces = facility.dayCarePlaces > 0 || Object.values(week).some((w) => (w?.morning ?? 0) + (w?.afternoon ?? 0) > 0);
    if (!DAY_CARE_TYPES.has(facility.type) || !anyPlaces) throw new DomainError('NOT_ELIGIBLE', `${facility.name} offers no day-care places`);
    const senior = await this.seniors.findById(seniorId);
    if (!senior) throw new DomainError('SENIOR_NOT_FOUND', `Allocation knows no senior ${seniorId}`);
    if (!(senior.entitlements as { dayCare?: boolean } | null)?.dayCare) throw new DomainError('NOT_ELIGIBLE', 'The senior is not entitled to day care (see their entitlements for the reason)');
    const today = localDate(new Date());
    const unique = [...new Set(dates)].sort();
    const outOfRange = unique.filter((d) => d < today || d > addDays(today, 366));
    if (outOfRange.length > 0) throw new DomainError('VALIDATION_FAILED', 'Dates must be from today to a year ahead', [{ field: 'dates', problems: outOfRange.map((d) => `${d} is out of range`) }]);

    const rows: Array<Omit<DaycareBooking, 'createdAt' | 'facility'>> = unique.map((date) => ({
      id: randomUUID(),
      requestId,
      facilityId,
      seniorId,
      date,
      session,
      status: 'booked',
      createdBy: actor.accountId,
      cancelReason: null,
    }));
    try {
      await this.bookings.transaction(async (manager) => {
        const full: string[] = [];
        const closed: string[] = [];
        for (const date of unique) {
          for (const place of PLACES_TAKEN[session]) {
            const capacity = places(date, place as 'morning' | 'afternoon');
            if (capacity === 0) closed.push(`${date} ${place}`);
            else if (!(await this.bookings.takePlace(manager, facilityId, date, place, capacity))) full.push(`${date} ${place}`);
          }
        }
        if (full.length + closed.length > 0) {
          const why = [full.length > 0 ? `full on ${full.join(', ')}` : '', closed.length > 0 ? `closed on ${closed.join(', ')}` : ''].filter(Boolean).join('; ');
          throw new DomainError('SESSION_FULL', `${facility.name} is ${why}; nothing was booked`);
        }
        await this.bookings.insert(manager, rows);
        await recordEvent(manager, AllocationOutboxEvent, 'daycare.booked', { seniorId, facilityId, session, bookings: rows.map((r) => ({ bookingId: r.id, date: r.date })) }, correlationId);
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new DomainError('CONFLICT', 'The senior already has a place on one of these dates and sessions; nothing was booked');
      throw error;
    }
    this.relay.kick();
    return (await this.bookings.byRequest(requestId)).map(toRecord);
  }

  async cancel(seniorId: string, bookingId: string, reason: string, actor: Actor, correlationId: string): Promise<DaycareBookingRecord> {
    await this.bookings.transaction(async (manager) => {
      const booking = await this.bookings.byId(bookingId, manager);
      if (!booking || booking.seniorId !== seniorId) throw new DomainError('BOOKING_NOT_FOUND', `No booking ${bookingId}`);
      refuseOtherOperators(actor, booking.facilityId);
      if (actor.roles.includes('family')) await this.refuseLateFamilyCancellation(booking);
      if (!(await this.bookings.cancel(manager, bookingId, reason))) throw new DomainError('CONFLICT', `Booking ${bookingId} is already cancelled`);
      for (const place of PLACES_TAKEN[booking.session]) await this.bookings.freePlace(manager, booking.facilityId, booking.date, place);
      await recordEvent(manager, AllocationOutboxEvent, 'daycare.cancelled', { seniorId, facilityId: booking.facilityId, bookingId, date: booking.date, session: booking.session }, correlationId);
    });
    this.relay.kick();
    return toRecord((await this.bookings.byId(bookingId))!);
  }

  /** Families cancel up to the policy's lead time before the session starts; the centre's staff can cancel later. */
  private async refuseLateFamilyCancellation(booking: DaycareBooking): Promise<void> {
    const facility = await this.facilities.findById(booking.facilityId);
    const policy = facility ? await this.circle.walkingPolicy(facility.districtCode, booking.date) : null;
    const leadHours = policy?.dayCareCancelLeadHours ?? DEFAULT_CANCEL_LEAD_HOURS;
    const startsAt = sessionStart(booking.session, policy);
    const starts = localInstant(booking.date, startsAt, DISTRICT_TIME_ZONE);
    if (starts.getTime() - Date.now() < leadHours * 3_600_000) {
      throw new DomainError('TOO_LATE', `Day care can be cancelled up to ${leadHours} h before the session (${booking.date} ${startsAt}); call the centre`);
    }
  }

  async list(seniorId: string): Promise<DaycareBookingRecord[]> {
    return (await this.bookings.forSenior(seniorId)).map(toRecord);
  }
}

function toRecord(b: DaycareBooking): DaycareBookingRecord {
  return { bookingId: b.id, requestId: b.requestId, facilityId: b.facilityId, seniorId: b.seniorId, date: b.date, session: b.session, status: b.status, cancelReason: b.cancelReason };
}
