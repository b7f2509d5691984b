import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { Actor, DomainError } from '@app/contracts';
import type { Authenticator } from '@app/http';
import { AccountsRepository } from '../accounts/accounts.repository';
import { actorOf, hashApiKey } from '../accounts/accounts.service';
import { AuthService } from './auth.service';

/**
 * Finds the caller from a bearer access token (people) or an X-Api-Key header (machines). The answer
 * is remembered per request: the rate-limit guard asks first, the access guard gets the same answer.
 */
@Injectable()
export class CredentialsAuthenticator implements Authenticator {
  private readonly answers = new WeakMap<Request, Promise<Actor | null>>();

  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountsRepository,
  ) {}

  authenticate(request: Request): Promise<Actor | null> {
    let answer = this.answers.get(request);
    if (!answer) {
      answer = this.identify(request);
      answer.catch(() => undefined); // a refusal is answered by whoever awaits it, never left unhandled
      this.answers.set(request, answer);
    }
    return answer;
  }

  private async identify(request: Request): Promise<Actor | null> {
    const authorization = request.headers.authorization;
    if (authorization) {
      const [scheme, token] = authorization.split(' ');
      if (scheme?.toLowerCase() !== 'bearer' || !token) throw new DomainError('UNAUTHENTICATED', 'Authorization must be "Bearer <token>"');
      return this.auth.verifyAccessToken(token);
    }
    const apiKey = request.headers['x-api-key'];
    if (typeof apiKey === 'string' && apiKey.length > 0) {
      const account = await this.accounts.findByApiKeyHash(hashApiKey(apiKey));
      if (!account) throw new DomainError('UNAUTHENTICATED', 'The API key is unknown or revoked');
      return actorOf(account);
    }
    return null;
  }
}
