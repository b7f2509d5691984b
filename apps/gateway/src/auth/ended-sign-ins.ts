import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/** How often a replica reads the sign-ins others ended: the longest another replica's sign-out takes to reach it. */
export const ENDED_SIGN_INS_POLL_MS = 1_000;

/**
 * Sign-ins that ended (signed out, or revoked when a used refresh token came back) while access
 * tokens issued to them may not have expired yet. Access tokens name their sign-in (`sid`), and the
 * authenticator refuses those of an ended one, so signing out ends access at once instead of up to
 * JWT_ACCESS_TTL_SECONDS later. This replica knows the sign-ins it ended as it ends them, and reads
 * those ended elsewhere from the database every second; a sign-in is forgotten once every access
 * token issued to it has expired. Held in memory: checking it costs a request nothing.
 */
@Injectable()
export class EndedSignIns implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(EndedSignIns.name);
  /** Family id → until when its access tokens could still be valid (ms since the epoch). */
  private ended = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly refreshTokens: RefreshTokensRepository,
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.load();
    let failing = false;
    this.timer = setInterval(() => {
      this.load().then(
        () => (failing = false),
        (error: unknown) => {
          // Sign-outs need the database too, so none can be missed meanwhile; say so once.
          if (!failing) this.logger.warn({ err: error }, 'could not read ended sign-ins; keeping the ones known');
          failing = true;
        },
      );
    }, ENDED_SIGN_INS_POLL_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Whether the sign-in has ended (its access tokens are refused). */
  has(familyId: string): boolean {
    const until = this.ended.get(familyId);
    return until !== undefined && until > Date.now();
  }

  /** Records a sign-in this replica has just ended (after its revocation committed). */
  add(familyId: string): void {
    this.ended.set(familyId, Date.now() + this.env.JWT_ACCESS_TTL_SECONDS * 1000);
  }

  private async load(): Promise<void> {
    const ttlMs = this.env.JWT_ACCESS_TTL_SECONDS * 1000;
    const now = Date.now();
    const next = new Map<string, number>();
    for (const { familyId, revokedAt } of await this.refreshTokens.revokedSince(this.env.JWT_ACCESS_TTL_SECONDS)) next.set(familyId, revokedAt.getTime() + ttlMs);
    // Ended here while the query ran: already committed, but perhaps after the query's snapshot.
    for (const [familyId, until] of this.ended) if (until > now && !next.has(familyId)) next.set(familyId, until);
    this.ended = next;
  }
}
