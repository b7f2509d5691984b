import { type Actor, DomainError } from '@app/contracts';

/** Operators act only on the facilities they run; admins on all. For routes only operators and admins may call. */
export function requireOperatorOf(actor: Actor, facilityId: string): void {
  if (actor.roles.includes('admin')) return;
  if (actor.roles.includes('operator') && actor.facilityIds.includes(facilityId)) return;
  throw new DomainError('FORBIDDEN', 'You do not operate this facility');
}

/**
 * For routes other roles use too (day care booked by families and care advisers): whoever else may
 * call, an operator is held to the facilities they run.
 */
export function refuseOtherOperators(actor: Actor, facilityId: string): void {
  if (actor.roles.includes('admin') || !actor.roles.includes('operator')) return;
  if (!actor.facilityIds.includes(facilityId)) throw new DomainError('FORBIDDEN', 'You do not operate this facility');
}
