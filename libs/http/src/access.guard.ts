import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { Actor, ConsentScope, DomainError } from '@app/contracts';
import { ACCESS_RULE, AccessRule } from './access.decorator';

/** Identifies the caller from the request's credentials; null when it carries none. Throws UNAUTHENTICATED for bad ones. */
export interface Authenticator {
  authenticate(request: Request): Promise<Actor | null>;
}

/** Answers whether a family account holds an active consent with a scope for a senior. */
export interface ConsentChecker {
  hasConsent(familyAccountId: string, seniorId: string, scope: ConsentScope): Promise<boolean>;
}

/** Records a decision about a senior's data. */
export interface AccessAuditor {
  record(entry: { actor: Actor | null; action: string; seniorId: string | null; route: string; status: number; correlationId: string }): Promise<void>;
}

export const AUTHENTICATOR = Symbol('AUTHENTICATOR');
export const CONSENT_CHECKER = Symbol('CONSENT_CHECKER');
export const ACCESS_AUDITOR = Symbol('ACCESS_AUDITOR');

/** Where the guard leaves the authenticated caller for handlers (@CurrentActor). */
export type AuthenticatedRequest = Request & { actor?: Actor; correlationId?: string };

/**
 * The one gate of every route. Fails closed: a route without an access rule answers 403. A family
 * account without consent for the senior gets 404, so it cannot learn who is registered.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTHENTICATOR) private readonly authenticator: Authenticator,
    @Inject(CONSENT_CHECKER) private readonly consents: ConsentChecker,
    @Inject(ACCESS_AUDITOR) private readonly auditor: AccessAuditor,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [context.getHandler(), context.getClass()]);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!rule) {
      this.logger.error(`route ${request.method} ${request.route?.path ?? request.path} declares no access rule; refused`);
      throw new DomainError('FORBIDDEN', 'This route is not open to anyone');
    }
    if (rule.kind === 'public') return true;

    const actor = await this.authenticator.authenticate(request);
    if (!actor) throw new DomainError('UNAUTHENTICATED', 'Sign in first: send a bearer token or an API key');
    request.actor = actor;

    const seniorId = rule.senior ? seniorParam(request, rule.senior.param) : null;
    const allowedByRole = actor.roles.some((role) => role !== 'family' && rule.roles.includes(role));
    if (allowedByRole) return true;

    const familyMayAsk = actor.roles.includes('family') && rule.roles.includes('family');
    if (familyMayAsk && rule.senior && seniorId && (await this.consents.hasConsent(actor.accountId, seniorId, rule.senior.scope))) return true;
    if (familyMayAsk && !rule.senior) return true;

    const refusal = familyMayAsk
      ? new DomainError('SENIOR_NOT_FOUND', `No senior ${seniorId} among those you have consent for`)
      : new DomainError('FORBIDDEN', 'Your role may not do this');
    if (rule.audit) {
      await this.auditor.record({
        actor,
        action: rule.audit,
        seniorId,
        route: `${request.method} ${request.route?.path ?? request.path}`,
        status: familyMayAsk ? 404 : 403,
        correlationId: request.correlationId ?? '',
      });
    }
    throw refusal;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The senior a route is about, when its parameter is a well-formed id (a malformed one is the route's 400 to give). */
export function seniorParam(request: Request, param: string): string | null {
  const value = request.params[param];
  return typeof value === 'string' && UUID.test(value) ? value : null;
}
