import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import { Actor, assertNever, DomainError, Role } from '@app/contracts';
import { AccountsRepository } from '../accounts/accounts.repository';
import { actorOf } from '../accounts/accounts.service';
import type { AccessTokenClaims } from './access-token';
import type { TokenResponse } from './auth.dto';
import { LoginLockout } from './login-lockout';
import { EndedSignIns } from './ended-sign-ins';
import { hashRefreshToken, isConcurrentRefresh, newRefreshToken, RefreshRefusal, refusalOf } from './refresh-token';
import { RefreshTokensRepository } from './refresh-tokens.repository';

/** A hash of a random password: verifying against it makes an unknown username cost as much as a known one. */
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$2h1H8jqtP6gy2sq3rs5mS0dqGCm7mdrcUX2pRGcVX6g';

/** What a client is told when its refresh token cannot be exchanged. */
function refused(refusal: RefreshRefusal): DomainError {
  switch (refusal) {
    case 'unknown':
      return new DomainError('REFRESH_TOKEN_INVALID', 'The refresh token is unknown; sign in again');
    case 'reused':
      return new DomainError('REFRESH_TOKEN_REUSED', 'The refresh token was already used, so it may have been copied: every token of this sign-in is now revoked; sign in again');
    case 'revoked':
      return new DomainError('REFRESH_TOKEN_INVALID', 'The refresh token was revoked (signed out, or reuse detected); sign in again');
    case 'expired':
      return new DomainError('REFRESH_TOKEN_INVALID', 'The refresh token has expired; sign in again');
    default:
      return assertNever(refusal);
  }
}

@Injectable()
export class AuthService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly lockout: LoginLockout,
    private readonly endedSignIns: EndedSignIns,
    private readonly jwt: JwtService,
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
  ) {}

  /** Signs in: an access token and the first refresh token of a new family. */
  async issueToken(username: string, password: string, ip?: string): Promise<TokenResponse> {
    const actor = await this.verifyPassword(username, password, ip);
    const refreshToken = newRefreshToken();
    const familyId = randomUUID();
    await this.refreshTokens.insert({ id: randomUUID(), familyId, accountId: actor.accountId, tokenHash: hashRefreshToken(refreshToken), expiresAt: this.refreshExpiry() });
    return this.tokens(actor, refreshToken, familyId);
  }

  /**
   * Exchanges a refresh token for a new access token and the next refresh token of its family, and
   * marks it used. A used token presented again revokes its family: whoever holds a copy (the thief
   * or the owner) is signed out, access tokens included. Within REFRESH_REUSE_LEEWAY_SECONDS of its
   * use it is a second tab refreshing at the same moment instead, and gets tokens of its own in the
   * same sign-in. A disabled account's family is revoked too.
   */
  async refresh(refreshToken: string): Promise<TokenResponse> {
    const tokenHash = hashRefreshToken(refreshToken);
    type Outcome = { refused: DomainError; revokedFamilyId: string | null } | { actor: Actor; next: string; familyId: string };
    const outcome = await this.refreshTokens.transaction(async (tx): Promise<Outcome> => {
      let current = await tx.markUsed(tokenHash);
      if (!current) {
        const stored = await tx.findByHash(tokenHash);
        const now = new Date();
        if (stored && isConcurrentRefresh(stored, now, this.env.REFRESH_REUSE_LEEWAY_SECONDS * 1000)) current = stored;
        else {
          const refusal = refusalOf(stored, now) ?? 'expired'; // only a race with expiry gets here without a refusal
          if (refusal === 'reused' && stored) {
            await tx.revokeFamily(stored.familyId);
            return { refused: refused(refusal), revokedFamilyId: stored.familyId };
          }
          return { refused: refused(refusal), revokedFamilyId: null };
        }
      }
      const account = await tx.findAccount(current.accountId);
      if (!account || account.disabledAt) {
        await tx.revokeFamily(current.familyId);
        return { refused: new DomainError('REFRESH_TOKEN_INVALID', 'The account is disabled'), revokedFamilyId: current.familyId };
      }
      const next = newRefreshToken();
      await tx.insert({ id: randomUUID(), familyId: current.familyId, accountId: account.id, tokenHash: hashRefreshToken(next), expiresAt: this.refreshExpiry() });
      return { actor: actorOf(account), next, familyId: current.familyId };
    });
    if ('refused' in outcome) {
      if (outcome.revokedFamilyId) this.endedSignIns.add(outcome.revokedFamilyId);
      throw outcome.refused;
    }
    return this.tokens(outcome.actor, outcome.next, outcome.familyId);
  }

  /** Signs out the sign-in the refresh token belongs to: every token of its family stops working, access tokens at once. */
  async logout(refreshToken: string): Promise<void> {
    const stored = await this.refreshTokens.findByHash(hashRefreshToken(refreshToken));
    if (!stored) throw refused('unknown');
    await this.refreshTokens.revokeFamily(stored.familyId);
    this.endedSignIns.add(stored.familyId);
  }

  /**
   * The actor for a username and password; the same error whether the name or the password is wrong.
   * Refused without checking while the username (from this address, or everywhere) or the caller's
   * address is locked by failures.
   */
  async verifyPassword(username: string, password: string, ip?: string): Promise<Actor> {
    await this.lockout.assertOpen(username, ip);
    const account = await this.accounts.findByUsername(username);
    const valid = await argon2.verify(account?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
    if (!account || !valid || account.disabledAt) {
      await this.lockout.recordFailure(username, ip);
      throw new DomainError('INVALID_CREDENTIALS', 'Wrong username or password');
    }
    await this.lockout.recordSuccess(username, ip);
    return actorOf(account);
  }

  async verifyAccessToken(token: string): Promise<Actor> {
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'The access token is invalid or expired');
    }
    if (claims.sid && this.endedSignIns.has(claims.sid)) throw new DomainError('UNAUTHENTICATED', 'The sign-in this access token belongs to has ended (signed out or revoked); sign in again');
    return { accountId: claims.sub, roles: claims.roles as Role[], facilityIds: claims.fac, kitchenIds: claims.kit };
  }

  private async tokens(actor: Actor, refreshToken: string, familyId: string): Promise<TokenResponse> {
    const claims: AccessTokenClaims = { sub: actor.accountId, roles: actor.roles, fac: actor.facilityIds, kit: actor.kitchenIds, sid: familyId };
    return {
      accessToken: await this.jwt.signAsync(claims),
      tokenType: 'Bearer',
      expiresIn: this.env.JWT_ACCESS_TTL_SECONDS,
      refreshToken,
      refreshExpiresIn: this.env.JWT_REFRESH_TTL_SECONDS,
    };
  }

  private refreshExpiry(): Date {
    return new Date(Date.now() + this.env.JWT_REFRESH_TTL_SECONDS * 1000);
  }
}
