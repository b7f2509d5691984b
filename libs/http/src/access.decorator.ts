import { SetMetadata } from '@nestjs/common';
import type { ConsentScope, Role } from '@app/contracts';

export const ACCESS_RULE = 'eldercare:access-rule';

/**
 * Who may call a route. Every route declares one (the guard refuses routes without, and a test
 * lists every route): public, or a set of roles, optionally with the senior the route is about and
 * the consent scope a family account needs for that senior.
 */
export type AccessRule =
  | { kind: 'public' }
  | {
      kind: 'roles';
      roles: readonly Role[];
      /** The route is about one senior, named by this route parameter; family accounts need consent with `scope`. */
      senior?: { param: string; scope: ConsentScope };
      /** Audit action recorded for every call (allowed or refused). */
      audit?: string;
    };

export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

export const Access = (rule: Omit<Extract<AccessRule, { kind: 'roles' }>, 'kind'>): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_RULE, { kind: 'roles', ...rule } satisfies AccessRule);
