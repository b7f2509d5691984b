import { Injectable } from '@nestjs/common';
import { Actor, DomainError, DomainErrorBody, type RequestState, SeniorRecord, ServiceClient } from '@app/contracts';
import { BookingsService, type BookingView, OUTCOME_UNKNOWN } from '../bookings/bookings.service';
import { SeniorsService } from '../seniors/seniors.service';

type RequestStatus =
  | { status: 'pending' }
  | { status: 'completed'; result: unknown }
  | { status: 'rejected'; error: DomainErrorBody }
  | { status: 'failed'; message: string }
  /** The queue no longer keeps the request (its answers are kept a day), and no booking recorded the outcome. */
  | { status: 'unknown'; message: string };

/** A queued request's status; a booking route's request names its booking too. */
export type RequestStatusView = { requestId: string; bookingId?: string } & RequestStatus;

/**
 * Status resources of queued requests, from the queue while it keeps the request (a day), and for a
 * booking route's request from its booking after that. Only the caller who made a request (or an
 * admin) can read it.
 */
@Injectable()
export class RequestsService {
  constructor(
    private readonly client: ServiceClient,
    private readonly seniors: SeniorsService,
    private readonly bookings: BookingsService,
  ) {}

  async status(requestId: string, actor: Actor): Promise<RequestStatusView> {
    const [state, booking] = await Promise.all([this.client.requestState(requestId), this.bookings.byRequest(requestId)]);
    const requester = state?.actorId ?? booking?.requestedBy ?? null;
    if (requester === null || (requester !== actor.accountId && !actor.roles.includes('admin'))) {
      throw new DomainError('REQUEST_NOT_FOUND', `No request ${requestId} of yours`);
    }
    const named = booking ? { requestId, bookingId: booking.bookingId } : { requestId };
    return state ? { ...named, ...this.fromQueue(state, booking, actor) } : { ...named, ...fromBooking(booking!) };
  }

  private fromQueue(state: RequestState, booking: BookingView | null, actor: Actor): RequestStatus {
    switch (state.status) {
      case 'pending':
        return { status: 'pending' };
      case 'failed':
        return { status: 'failed', message: 'The service could not complete this request; staff have been alerted' };
      case 'completed':
        if (!state.reply.ok) return { status: 'rejected', error: state.reply.error };
        return { status: 'completed', result: this.present(state.service, state.reply.value, booking, actor) };
    }
  }

  /**
   * Shows a completed result the way its route would have: a senior's registration as the senior, a
   * booking's answer as its booking shows it. Results of other shapes are not echoed.
   */
  private present(service: string, value: unknown, booking: BookingView | null, actor: Actor): unknown {
    if (service === 'assessment' && isSeniorRecord(value)) return this.seniors.present(value, actor);
    if (booking) return value ?? null;
    return null;
  }
}

/** The status of a booking route's request that the queue no longer keeps, from what its booking recorded. */
function fromBooking(booking: BookingView): RequestStatus {
  switch (booking.status) {
    case 'confirmed':
    case 'cancelled': // confirmed first, cancelled since: the request itself completed
      return { status: 'completed', result: booking.result };
    case 'rejected':
      return { status: 'rejected', error: { code: booking.reason?.code ?? 'REJECTED', message: booking.reason?.message ?? 'The service refused this request' } as DomainErrorBody };
    case 'requested':
      return { status: 'unknown', message: OUTCOME_UNKNOWN.message };
  }
}

function isSeniorRecord(value: unknown): value is SeniorRecord {
  return typeof value === 'object' && value !== null && 'seniorId' in value && 'idNumber' in value;
}
