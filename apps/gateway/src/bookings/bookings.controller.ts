import { Controller, Get, Query, Req, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { Access, AuthenticatedRequest, UuidParam } from '@app/http';
import { type BookingChangeEvent, BookingsService, type BookingView } from './bookings.service';

const DEFAULT_STREAM_SECONDS = 300;
const MAX_STREAM_SECONDS = 3600;
const VIEW = { roles: ['admin', 'assessor', 'operator', 'planner', 'family'], senior: { param: 'seniorId', scope: 'view-status' } } as const;

/**
 * Every booking made for a senior, by the family or by staff on the senior's behalf: day care,
 * meals, visits, beds; each with its status (requested, confirmed, rejected with the reason,
 * cancelled) and the history of how it got there. Booking routes name theirs in `Booking-Id`.
 */
@ApiTags('bookings')
@ApiBearerAuth()
@Controller('v1/seniors/:seniorId/bookings')
export class BookingsController {
  constructor(private readonly bookings: BookingsService) {}

  /** Newest first. */
  @Get()
  @Access({ ...VIEW, audit: 'bookings.list' })
  list(@UuidParam('seniorId') seniorId: string): Promise<BookingView[]> {
    return this.bookings.list(seniorId);
  }

  /**
   * The senior's booking status changes as server-sent events (`event: booking.status-changed`, ids
   * to resume from with Last-Event-ID). The stream ends after `maxSeconds` (300 by default); EventSource
   * clients reconnect by themselves and miss nothing.
   */
  @Sse('events')
  @Access({ ...VIEW, audit: 'bookings.events' })
  @ApiQuery({ name: 'maxSeconds', required: false, example: 300, description: 'Seconds before the stream ends, 0–3600 (clamped; a stream has sent its 200 before anything could refuse it); 0: what is there, then end' })
  events(@UuidParam('seniorId') seniorId: string, @Query('maxSeconds') maxSeconds: string | undefined, @Req() req: AuthenticatedRequest): Observable<BookingChangeEvent> {
    const seconds = /^\d{1,5}$/.test(maxSeconds ?? '') ? Math.min(MAX_STREAM_SECONDS, Number(maxSeconds)) : DEFAULT_STREAM_SECONDS;
    return this.bookings.changes(seniorId, req.header('last-event-id') ?? null, seconds);
  }

  @Get(':bookingId')
  @Access({ ...VIEW, audit: 'booking.get' })
  get(@UuidParam('seniorId') seniorId: string, @UuidParam('bookingId') bookingId: string): Promise<BookingView> {
    return this.bookings.get(seniorId, bookingId);
  }
}
