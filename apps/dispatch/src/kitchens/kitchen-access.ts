import { type Actor, DomainError } from '@app/contracts';

/** Admins and planners see every kitchen; a kitchen's staff only their own. */
export function requireKitchenAccess(actor: Actor, kitchenId: string): void {
  if (actor.roles.includes('admin') || actor.roles.includes('planner')) return;
  if (actor.roles.includes('kitchen') && actor.kitchenIds.includes(kitchenId)) return;
  throw new DomainError('FORBIDDEN', 'You do not work for this kitchen');
}
