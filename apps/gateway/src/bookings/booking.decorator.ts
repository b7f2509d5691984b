import { SetMetadata } from '@nestjs/common';

export const BOOKING_RULE = 'eldercare:booking';

/** The response header naming the booking a request made (repeated when an Idempotency-Key replays it). */
export const BOOKING_ID_HEADER = 'Booking-Id';

export interface BookingRule {
  /** What is booked: day-care, bed-application, meal-subscription, visit-cancellation, … */
  kind: string;
  /** A cancellation: the senior's booking of `kind` whose answer (an object, or a list of them) has field `ids` equal to route parameter `param`; cancelled when all it booked is. */
  cancels?: { kind: string; param: string; ids: string };
}

/**
 * The route books a service for the senior in its path: the request is recorded as a booking whose
 * status follows the owning service's answer (confirmed, rejected with the reason, or requested
 * while queued), the same for families and for staff acting on a senior's behalf.
 */
export const Booking = (rule: BookingRule): MethodDecorator => SetMetadata(BOOKING_RULE, rule);
