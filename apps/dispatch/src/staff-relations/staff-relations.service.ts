import { Injectable } from '@nestjs/common';
import type { Actor, StaffRelation } from '@app/contracts';
import { addDays, localDate } from '@app/domain';
import { StaffRelationsRepository } from './staff-relations.repository';

/** How far back a visit or a delivery still makes a caregiver or courier someone who knows the senior. */
export const SERVED_WITHIN_PAST_DAYS = 30;
/** How far ahead planned visits and routed meals count (someone about to start with a senior). */
export const SERVED_AHEAD_DAYS = 14;

/**
 * Whether a caregiver or courier account serves a senior: a visit, or a meal on their route, from 30
 * days ago to 14 days ahead. What they may ask about a senior ("own work only") follows it.
 */
@Injectable()
export class StaffRelationsService {
  constructor(private readonly relations: StaffRelationsRepository) {}

  async of(actor: Actor, seniorId: string): Promise<StaffRelation> {
    const today = localDate(new Date());
    const [from, until] = [addDays(today, -SERVED_WITHIN_PAST_DAYS), addDays(today, SERVED_AHEAD_DAYS)];
    const [visits, delivers] = await Promise.all([
      actor.roles.includes('caregiver') ? this.relations.visits(actor.accountId, seniorId, from, until) : false,
      actor.roles.includes('courier') ? this.relations.deliversTo(actor.accountId, seniorId, from, until) : false,
    ]);
    return { seniorId, visits, delivers };
  }
}
