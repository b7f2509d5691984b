import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, IsNull } from 'typeorm';
import { IdempotentRequest } from '@app/persistence';

/** Background attempts, a second apart, to release a claim while the database is away. */
const RELEASE_RETRIES = 30;
/** How long an answer is kept for retries. */
const KEEP_HOURS = 24;
/** A claim older than this without an answer belongs to a request that died: a retry may take it over. Longer than any route waits (the week's schedule: 120 s). */
const STALE_CLAIM_SECONDS = 300;

export type Claim =
  | { kind: 'first' }
  | { kind: 'replay'; answer: KeptAnswer }
  | { kind: 'in-flight' }
  | { kind: 'mismatch' };

/** The first request's answer, as kept for its retries. */
export interface KeptAnswer {
  status: number;
  body: unknown;
  location: string | null;
  bookingId: string | null;
}

/** The only place that reads and writes idempotent requests. */
@Injectable()
export class IdempotentRequestsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Claims the key for this request, or says what happened to the first one. */
  async claim(accountId: string, key: string, fingerprint: string): Promise<Claim> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO identity.idempotent_request (account_id, key, fingerprint) VALUES ($1, $2, $3)
       ON CONFLICT (account_id, key) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, status = NULL, body = NULL, location = NULL, booking_id = NULL, created_at = now()
         WHERE identity.idempotent_request.created_at < now() - make_interval(hours => $4)
            OR (identity.idempotent_request.status IS NULL AND identity.idempotent_request.created_at < now() - make_interval(secs => $5) AND identity.idempotent_request.fingerprint = EXCLUDED.fingerprint)
       RETURNING 1`,
      [accountId, key, fingerprint, KEEP_HOURS, STALE_CLAIM_SECONDS],
    );
    if (inserted.length > 0) return { kind: 'first' };
    const first = await this.dataSource.manager.findOne(IdempotentRequest, { where: { accountId, key } });
    if (!first) return this.claim(accountId, key, fingerprint); // expired and removed in between
    if (first.fingerprint !== fingerprint) return { kind: 'mismatch' };
    if (first.status === null) return { kind: 'in-flight' };
    return { kind: 'replay', answer: { status: first.status, body: first.body, location: first.location, bookingId: first.bookingId } };
  }

  async complete(accountId: string, key: string, answer: KeptAnswer): Promise<void> {
    const { status, body, location, bookingId } = answer;
    await this.dataSource.manager.update(IdempotentRequest, { accountId, key }, { status, body: (body ?? null) as object | null, location, bookingId });
  }

  /**
   * The first request failed without an answer worth keeping: a retry runs it again. When the
   * database itself is away (often why the request failed), the release is tried again every second
   * for half a minute in the background; meanwhile a retry is told the key is still in use.
   */
  async release(accountId: string, key: string): Promise<void> {
    const once = () => this.dataSource.manager.delete(IdempotentRequest, { accountId, key, status: IsNull() });
    try {
      await once();
    } catch {
      let left = RELEASE_RETRIES;
      const timer = setInterval(() => {
        if (--left <= 0) clearInterval(timer);
        once().then(() => clearInterval(timer), () => undefined);
      }, 1_000);
      timer.unref();
    }
  }
}
