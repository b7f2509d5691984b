import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Access, UuidParam } from '@app/http';
import { BookingsService, type BookingView } from './bookings.service';

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

  @Get(':bookingId')
  @Access({ ...VIEW, audit: 'booking.get' })
  get(@UuidParam('seniorId') seniorId: string, @UuidParam('bookingId') bookingId: string): Promise<BookingView> {
    return this.bookings.get(seniorId, bookingId);
  }
}
