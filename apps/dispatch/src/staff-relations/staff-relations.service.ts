import { Injectable } from '@nestjs/common';
import type { Actor, StaffRelation } from '@app/contracts';
import { addDays, localDate } from '@app/domain';
import { StaffRelationsRepository } from './staff-relations.repository';

/** How far back a visit or a delivery still makes a caregiver or courier someone who knows the senior. */
export const SERVED_WITHIN_PAST_DAYS = 30;
/** How far ahead a caregiver's planned visits count (a caregiver about to start with a senior). */
export const VISITS_AHEAD_DAYS = 14;

/**
 * Whether a caregiver or courier account serves a senior: a visit from 30 days ago to 14 days ahead,
 * or a meal carried in the last 30 days. What they may ask about a senior ("own work only") follows it.
 */
@Injectable()
export class StaffRelationsService {
  constructor(private readonly relations: StaffRelationsRepository) {}

  async of(actor: Actor, seniorId: string): Promise<StaffRelation> {
    const today = localDate(new Date());
    const since = addDays(today, -SERVED_WITHIN_PAST_DAYS);
    const [visits, delivers] = await Promise.all([
      actor.roles.includes('caregiver') ? this.relations.visits(actor.accountId, seniorId, since, addDays(today, VISITS_AHEAD_DAYS)) : false,
      actor.roles.includes('courier') ? this.relations.deliversTo(actor.accountId, seniorId, since, today) : false,
    ]);
    return { seniorId, visits, delivers };
  }
}
