import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Actor } from '@app/contracts';
import type { AuthenticatedRequest } from './access.guard';

/** The authenticated caller of a non-public route, as the AccessGuard found it. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without an authenticated caller');
  return actor;
});
