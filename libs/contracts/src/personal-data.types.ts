import type { ServiceName } from './queues';
import { DomainError } from './errors';

/**
 * A senior's personal data on request (PIPL arts. 45 and 47): each service answers with its part of
 * the copy, and erases or de-identifies what it may when asked. See docs/adr/007.
 */

/** One table's rows about the senior, as plain JSON (snake_case columns, geography as { lat, lng }). */
export type PersonalDataRows = Array<Record<string, unknown>>;

/** A service's part of the copy: its tables by name, and its erasure when there was one. */
export interface PersonalDataPart {
  service: ServiceName;
  seniorId: string;
  exportedAt: string;
  tables: Record<string, PersonalDataRows>;
  erasure: ServiceErasureResult | null;
}

export interface EraseSeniorCommand {
  seniorId: string;
  /** Why the erasure was asked for (e.g. "guardian's written request of 2026-11-30"). */
  reason: string;
  requestedBy: string;
  /** When the gateway accepted the request: every service dates its erasure from it. */
  requestedAt: string;
}

/** One kind of data: how many rows, and (for kept data) the law or reason it is kept for. */
export interface ErasureItem {
  what: string;
  rows: number;
  why: string;
}

/** What one service erased and kept; stored, so a second request answers the same. */
export interface ServiceErasureResult {
  service: ServiceName;
  seniorId: string;
  erasedAt: string;
  erased: ErasureItem[];
  kept: ErasureItem[];
}

/** Text written in place of erased free text and names. */
export const ERASED_TEXT = '[erased]';

/** Decimal places a location keeps after erasure: 2 is about 1 km, enough for district statistics, not for a door. */
export const ERASED_LOCATION_DECIMALS = 2;

/** The refusal of anything new for a senior whose personal data was erased: 410 at the gateway. */
export function seniorErasedError(seniorId: string, erasedAt: Date): DomainError {
  return new DomainError(
    'SENIOR_ERASED',
    `Senior ${seniorId}'s personal data was erased on ${erasedAt.toISOString().slice(0, 10)} at their request: nothing new can be booked or recorded for them`,
  );
}
