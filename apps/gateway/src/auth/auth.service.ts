import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import { Actor, DomainError, Role } from '@app/contracts';
import { AccountsRepository } from '../accounts/accounts.repository';
import { actorOf } from '../accounts/accounts.service';
import type { AccessTokenClaims } from './access-token';
import type { TokenResponse } from './auth.dto';

/** A hash of a random password: verifying against it makes an unknown username cost as much as a known one. */
const DUMMY_HASH = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$2h1H8jqtP6gy2sq3rs5mS0dqGCm7mdrcUX2pRGcVX6g';

@Injectable()
export class AuthService {
  constructor(
    private readonly accounts: AccountsRepository,
    private readonly jwt: JwtService,
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
  ) {}

  async issueToken(username: string, password: string): Promise<TokenResponse> {
    const actor = await this.verifyPassword(username, password);
    const claims: AccessTokenClaims = { sub: actor.accountId, roles: actor.roles, fac: actor.facilityIds, kit: actor.kitchenIds };
    return { accessToken: await this.jwt.signAsync(claims), tokenType: 'Bearer', expiresIn: this.env.JWT_ACCESS_TTL_SECONDS };
  }

  /** The actor for a username and password; the same error whether the name or the password is wrong. */
  async verifyPassword(username: string, password: string): Promise<Actor> {
    const account = await this.accounts.findByUsername(username);
    const valid = await argon2.verify(account?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
    if (!account || !valid || account.disabledAt) throw new DomainError('INVALID_CREDENTIALS', 'Wrong username or password');
    return actorOf(account);
  }

  async verifyAccessToken(token: string): Promise<Actor> {
    try {
      const claims = await this.jwt.verifyAsync<AccessTokenClaims>(token);
      return { accountId: claims.sub, roles: claims.roles as Role[], facilityIds: claims.fac, kitchenIds: claims.kit };
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'The access token is invalid or expired');
    }
  }
}
