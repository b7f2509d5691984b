import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Observable } from 'rxjs';
import type { EntityManager } from 'typeorm';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import { type Actor, DomainError, type DomainErrorBody, ServiceClient } from '@app/contracts';
import type { Booking as BookingRow, BookingStatus } from '@app/persistence';
import { PollingTask } from '../background/polling-task';
import { FamilyWebhooksService } from '../family-webhooks/family-webhooks.service';
import type { BookingRule } from './booking.decorator';
import { BookingsRepository } from './bookings.repository';

/** Bookings waiting for an answer looked at per round (each is one Redis lookup). */
const BATCH = 500;
export const BOOKING_EVENT = 'booking.status-changed';
const STREAM_BATCH = 100;

/** A server-sent event: Nest writes `id`, `event` (from `type`) and `data`. */
export interface BookingChangeEvent {
  id: string;
  type: string;
  data: { bookingId: string; seniorId: string; kind: string; status: BookingStatus; reasonCode: string | null; onBehalf: boolean; at: string };
}

function parseEventId(id: string | null): { at: Date; id: string } | null {
  const match = id ? /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)\|([0-9a-f-]{36})$/.exec(id) : null;
  return match ? { at: new Date(match[1]!), id: match[2]! } : null;
}

export interface BookingView {
  bookingId: string;
  seniorId: string;
  kind: string;
  status: BookingStatus;
  requestedBy: string;
  /** Staff booked for the senior (counter or phone). */
  onBehalf: boolean;
  request: unknown;
  result: unknown;
  reason: { code: string; message: string } | null;
  /** While requested: where the queued request can be followed. */
  statusUrl: string | null;
  history: Array<{ status: BookingStatus; at: string; by: string | null; note?: string }>;
  createdAt: string;
  updatedAt: string;
}

/** The reason of a booking whose queued request the queue no longer keeps. */
export const OUTCOME_UNKNOWN = { code: 'OUTCOME_UNKNOWN', message: "The service's answer is no longer kept; staff will confirm this booking" } as const;

/** What became of a booking route's request. */
export type BookingOutcome = { kind: 'confirmed'; result: unknown } | { kind: 'requested'; requestId: string } | { kind: 'rejected'; error: DomainErrorBody };

/**
 * One booking model for every service a senior can be booked for, the same for families and staff.
 * A booking route's request is recorded with the owning service's answer: confirmed, rejected with
 * the reason, or requested while the service has not answered (this task follows the queued
 * request until it does). A successful cancellation marks what it cancelled. Each status change is
 * written with a webhook delivery for every family account with consent for the senior.
 */
@Injectable()
export class BookingsService extends PollingTask {
  protected readonly intervalMs: number;
  protected readonly batchSize = BATCH;

  constructor(
    private readonly bookings: BookingsRepository,
    private readonly webhooks: FamilyWebhooksService,
    private readonly client: ServiceClient,
    @Inject(ENVIRONMENT) env: GatewayEnvironment,
  ) {
    super();
    this.intervalMs = Math.max(200, env.OUTBOX_POLL_MS);
  }

  async record(rule: BookingRule, actor: Actor, seniorId: string, params: Record<string, string>, request: object, outcome: BookingOutcome): Promise<BookingView> {
    const now = new Date();
    const status: BookingStatus = outcome.kind;
    const row: BookingRow = {
      id: randomUUID(),
      seniorId,
      kind: rule.kind,
      status,
      requestedBy: actor.accountId,
      onBehalf: !actor.roles.includes('family'),
      // A cancellation keeps what it cancels, so a queued one can mark it when the service confirms it.
      request: rule.cancels ? { ...request, cancels: { ...rule.cancels, id: params[rule.cancels.param] } } : request,
      result: outcome.kind === 'confirmed' ? ((outcome.result ?? null) as object | null) : null,
      reason: outcome.kind === 'rejected' ? { code: outcome.error.code, message: outcome.error.message } : null,
      requestId: outcome.kind === 'requested' ? outcome.requestId : null,
      history: [{ status, at: now.toISOString(), by: actor.accountId }],
      createdAt: now,
      updatedAt: now,
    };
    await this.bookings.transaction(async (manager) => {
      await this.bookings.insert(manager, row);
      await this.announce(manager, row);
      if (outcome.kind === 'confirmed' && rule.cancels) await this.markCancelled(manager, seniorId, rule.cancels, params[rule.cancels.param]!, actor.accountId, rule.kind, now);
    });
    if (outcome.kind === 'requested') this.kick();
    return toView(row);
  }

  /**
   * The senior's booking changes as server-sent events, from just after `lastEventId` (a previous
   * event's id: `<updatedAt>|<bookingId>`) or from now; polled from the database, so any gateway
   * replica serves any client. Ends after `maxSeconds` (0: what is already there, then end); the
   * client reconnects with its Last-Event-ID and misses nothing.
   */
  changes(seniorId: string, lastEventId: string | null, maxSeconds: number): Observable<BookingChangeEvent> {
    const cursor = parseEventId(lastEventId) ?? { at: new Date(), id: '00000000-0000-0000-0000-000000000000' };
    const ends = Date.now() + maxSeconds * 1_000;
    return new Observable<BookingChangeEvent>((subscriber) => {
      let timer: NodeJS.Timeout | null = null;
      let closed = false;
      const poll = async (): Promise<void> => {
        try {
          for (const row of await this.bookings.changedAfter(seniorId, cursor.at, cursor.id, STREAM_BATCH)) {
            cursor.at = row.updatedAt;
            cursor.id = row.id;
            const data = changeOf(row);
            subscriber.next({ id: `${data.at}|${data.bookingId}`, type: BOOKING_EVENT, data });
          }
        } catch (error) {
          subscriber.error(error);
          return;
        }
        if (closed) return;
        if (Date.now() >= ends) subscriber.complete();
        else timer = setTimeout(() => void poll(), Math.min(this.intervalMs, Math.max(0, ends - Date.now())));
      };
      void poll();
      return () => {
        closed = true;
        if (timer) clearTimeout(timer);
      };
    });
  }

  async list(seniorId: string): Promise<BookingView[]> {
    return (await this.bookings.forSenior(seniorId)).map(toView);
  }

  /** The booking a queued request made, or null when the request was not a booking route's. */
  async byRequest(requestId: string): Promise<BookingView | null> {
    const row = await this.bookings.byRequestId(requestId);
    return row ? toView(row) : null;
  }

  async get(seniorId: string, bookingId: string): Promise<BookingView> {
    const row = await this.bookings.byId(bookingId);
    if (!row || row.seniorId !== seniorId) throw new DomainError('BOOKING_NOT_FOUND', `No booking ${bookingId} for senior ${seniorId}`);
    return toView(row);
  }

  /** Bookings whose service has answered since: confirmed or rejected now. */
  protected runOnce(): Promise<number> {
    return this.bookings.transaction(async (manager) => {
      const waiting = await this.bookings.waiting(manager, BATCH);
      for (const row of waiting) {
        const state = await this.client.requestState(row.requestId!);
        if (state?.status === 'pending') continue;
        const now = new Date();
        let changes: Partial<BookingRow>;
        if (state === null) {
          // The queue no longer keeps the request (answers are kept a day): the outcome is unknown, not refused; staff confirm it.
          // The request id stays, so its status resource still answers from this booking.
          await this.bookings.update(manager, row.id, { reason: OUTCOME_UNKNOWN });
          continue;
        }
        if (state.status === 'completed' && state.reply.ok) changes = { status: 'confirmed', result: (state.reply.value ?? null) as object | null };
        else if (state.status === 'completed' && !state.reply.ok) changes = { status: 'rejected', reason: { code: state.reply.error.code, message: state.reply.error.message } };
        else changes = { status: 'rejected', reason: { code: 'SERVICE_FAILURE', message: 'The service could not complete this request; staff have been alerted' } };
        const history = [...(row.history as unknown as BookingView['history']), { status: changes.status!, at: now.toISOString(), by: null }];
        const updated = { ...row, ...changes, history: history as unknown as object, updatedAt: now };
        await this.bookings.update(manager, row.id, { ...changes, history: updated.history, updatedAt: now });
        await this.announce(manager, updated);
        const cancels = (row.request as { cancels?: NonNullable<BookingRule['cancels']> & { id: string } }).cancels;
        if (changes.status === 'confirmed' && cancels) await this.markCancelled(manager, row.seniorId, cancels, cancels.id, row.requestedBy, row.kind, now);
      }
      return 0; // every waiting booking was looked at; the next round comes with the interval
    });
  }

  /** The senior's booking that held what was cancelled: cancelled when nothing it booked is left. */
  private async markCancelled(manager: EntityManager, seniorId: string, { kind, ids: idField }: NonNullable<BookingRule['cancels']>, cancelledId: string, by: string, cancellationKind: string, now: Date): Promise<void> {
    const held = await this.bookings.holding(manager, seniorId, kind, idField, cancelledId);
    if (!held || held.status === 'cancelled') return;
    const history = [...(held.history as unknown as BookingView['history']), { status: held.status, at: now.toISOString(), by, note: `${cancellationKind}: ${cancelledId}` }];
    const booked = (Array.isArray(held.result) ? held.result : [held.result]).map((item) => String((item as Record<string, unknown>)?.[idField]));
    const cancelled = new Set(history.filter((h) => h.note?.startsWith(`${cancellationKind}: `)).map((h) => h.note!.slice(cancellationKind.length + 2)));
    const all = booked.every((id) => cancelled.has(id));
    if (all) history.push({ status: 'cancelled', at: now.toISOString(), by });
    const updated = { ...held, status: all ? ('cancelled' as const) : held.status, history: history as unknown as object, updatedAt: now };
    await this.bookings.update(manager, held.id, { status: updated.status, history: updated.history, updatedAt: now });
    if (all) await this.announce(manager, updated);
  }

  private async announce(manager: EntityManager, row: BookingRow): Promise<void> {
    const accounts = await this.bookings.webhookAccounts(manager, row.seniorId);
    await this.webhooks.enqueue(manager, accounts, BOOKING_EVENT, changeOf(row));
  }
}

/** A status change as webhooks and the event stream carry it: ids, the status and the reason's code only; details are read through the API, with consent. */
function changeOf(row: BookingRow): BookingChangeEvent['data'] {
  const { bookingId, seniorId, kind, status, reason, onBehalf, updatedAt } = toView(row);
  return { bookingId, seniorId, kind, status, reasonCode: reason?.code ?? null, onBehalf, at: updatedAt };
}

function toView(b: BookingRow): BookingView {
  return {
    bookingId: b.id,
    seniorId: b.seniorId,
    kind: b.kind,
    status: b.status,
    requestedBy: b.requestedBy,
    onBehalf: b.onBehalf,
    request: b.request,
    result: b.result,
    reason: b.reason as BookingView['reason'],
    statusUrl: b.status === 'requested' && b.requestId ? `/v1/requests/${b.requestId}` : null,
    history: b.history as unknown as BookingView['history'],
    createdAt: b.createdAt.toISOString(),
    updatedAt: b.updatedAt.toISOString(),
  };
}
