import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import IORedis from 'ioredis';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';

/** The longest a replica may answer from a consent it remembers: the bound when an invalidation message is lost. */
export const CONSENT_CACHE_TTL_MS = 1_000;
const MAX_ENTRIES = 50_000;

/**
 * A family account's active consent scopes per senior, remembered for at most CONSENT_CACHE_TTL_MS,
 * so the access guard does not query the database on every family read.
 *
 * Revocation still takes effect at once: every write to consent links (grant, revoke, erasure) calls
 * `changed()` after it has committed, which empties this replica's cache synchronously and publishes
 * on a Redis channel that every gateway replica listens to. A lookup that was already reading the
 * database when a change arrived is not remembered (generation check), so it cannot put a revoked
 * consent back. While the listener is not connected nothing is remembered at all; a lost message
 * (Redis failing between the commit and the publish) is bounded by the TTL of one second.
 */
@Injectable()
export class ConsentCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ConsentCache.name);
  private readonly entries = new Map<string, { scopes: readonly string[] | null; until: number }>();
  private generation = 0;
  private listening = false;
  private readonly channel: string;
  private subscriber: IORedis | null = null;
  private publisher: IORedis | null = null;

  constructor(@Inject(ENVIRONMENT) private readonly env: GatewayEnvironment) {
    this.channel = `${env.QUEUE_PREFIX}:consents:changed`;
  }

  onModuleInit(): void {
    const subscriber = new IORedis(this.env.REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true });
    this.subscriber = subscriber;
    // No offline queue: a revocation's answer must not wait for Redis to come back (the TTL bounds other replicas).
    this.publisher = new IORedis(this.env.REDIS_URL, { maxRetriesPerRequest: 1, lazyConnect: true, enableOfflineQueue: false });
    const stop = () => {
      this.listening = false;
      this.forget();
    };
    subscriber.on('close', stop);
    subscriber.on('end', stop);
    subscriber.on('error', () => undefined); // ioredis reconnects; nothing is cached meanwhile
    subscriber.on('message', (channel: string) => {
      if (channel === this.channel) this.forget();
    });
    // (Re)subscribed: start remembering again from an empty cache.
    subscriber.on('ready', () => {
      subscriber.subscribe(this.channel).then(
        () => {
          this.forget();
          this.listening = true;
        },
        () => stop(),
      );
    });
    subscriber.connect().catch(() => undefined);
    this.publisher.connect().catch(() => undefined);
    this.publisher.on('error', () => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    this.listening = false;
    await Promise.all([this.subscriber, this.publisher].map((c) => c?.quit().catch(() => c.disconnect())));
  }

  /** The scopes of the active consent (null: none), from memory when fresh, else from `load`. */
  async scopes(familyAccountId: string, seniorId: string, load: () => Promise<readonly string[] | null>): Promise<readonly string[] | null> {
    const key = `${familyAccountId}:${seniorId}`;
    const now = Date.now();
    const hit = this.listening ? this.entries.get(key) : undefined;
    if (hit && hit.until > now) return hit.scopes;
    const generation = this.generation;
    const scopes = await load();
    if (this.listening && generation === this.generation) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { scopes, until: now + CONSENT_CACHE_TTL_MS });
    }
    return scopes;
  }

  /** A consent link was written and committed: forget here at once and tell every other replica. */
  async changed(): Promise<void> {
    this.forget();
    try {
      await this.publisher?.publish(this.channel, '1');
    } catch (error) {
      this.logger.warn({ err: error }, `consent change not published; other replicas follow within ${CONSENT_CACHE_TTL_MS} ms`);
    }
  }

  private forget(): void {
    this.generation += 1;
    this.entries.clear();
  }
}
