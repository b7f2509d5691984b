import { Injectable } from '@nestjs/common';
import {
  type Actor,
  DomainError,
  type MealChangeRecord,
  type MealSlotName,
  type MealSubscriptionRecord,
  type SetSubscriptionCommand,
  sharedInBatch,
} from '@app/contracts';
import {
  addDays,
  defaultTerms,
  type Entitlements,
  isBeforeCutoff,
  isoWeekday,
  localDate,
  MEAL_SLOTS,
  type MealServicePolicy,
  type MealSlot,
  type MealSubscriptionTerms,
  mealsForDate,
  type OneOffChange,
  type SubscriptionVersion,
  validateSubscriptionTerms,
} from '@app/domain';
import { type MealChange, type MealPause, type MealSubscriptionVersion, versionOn, UNIQUE_VIOLATION } from '@app/persistence';
import { FacilityViewsRepository } from '../facility-views/facility-views.repository';
import { KitchensRepository } from '../kitchens/kitchens.repository';
import { MealCutoffService } from '../meal-cutoff/meal-cutoff.service';
import { MealPoliciesService } from '../meal-policies/meal-policies.service';
import { SeniorViewsRepository } from '../senior-views/senior-views.repository';
import { MealSubscriptionsRepository } from './meal-subscriptions.repository';

const UPCOMING_DAYS = 7;
const BASE_TERMS: MealSubscriptionTerms = { slots: {}, mode: 'delivery', canteenFacilityId: null, diet: 'regular', texture: 'regular', allergens: [], avoid: [], deliveryNotes: null };

/**
 * A senior's meal subscription as effective-dated versions, pauses with automatic resume, and
 * one-off skips or extras before the cutoff. The plan of any date is computed from these facts and
 * the day's context (day care, a residential stay), never stored ahead.
 */
@Injectable()
export class MealSubscriptionsService {
  constructor(
    private readonly subscriptions: MealSubscriptionsRepository,
    private readonly seniors: SeniorViewsRepository,
    private readonly facilities: FacilityViewsRepository,
    private readonly policies: MealPoliciesService,
    private readonly cutoffs: MealCutoffService,
    private readonly kitchens: KitchensRepository,
  ) {}

  async set(command: SetSubscriptionCommand, actor: Actor): Promise<MealSubscriptionRecord> {
    const senior = await this.senior(command.seniorId);
    const entitlements = senior.entitlements as Entitlements | null;
    const { policy } = await this.policies.inForce(senior.districtCode);
    const now = new Date();
    const today = localDate(now);
    const versions = await this.subscriptions.versions(command.seniorId);
    const current = versionOn(versions, today) ?? versions.at(-1);
    const base = current ? (current.terms as MealSubscriptionTerms) : { ...BASE_TERMS, ...defaultTerms(entitlements?.meals ?? null, entitlements?.safety ?? null) };
    const terms = { ...base, ...command.terms } as MealSubscriptionTerms;
    const problems = validateSubscriptionTerms(terms, { entitlement: entitlements?.meals ?? null, safety: entitlements?.safety ?? null, policy });
    if (problems.length > 0) throw new DomainError('VALIDATION_FAILED', 'The meal subscription cannot be taken', problems.map((p) => ({ field: `terms.${p.path}`, problems: [p.message] })));
    const capable = (await this.kitchens.inDistrict(senior.districtCode)).filter((k) => k.diets.includes(terms.diet) && k.textures.includes(terms.texture));
    if (capable.length === 0) {
      throw new DomainError('NOT_ELIGIBLE', `No kitchen of district ${senior.districtCode} makes a ${terms.diet} diet in the ${terms.texture} texture`, [
        { field: 'terms.texture', problems: [`no kitchen makes ${terms.diet} ${terms.texture}`] },
      ]);
    }
    if (terms.mode === 'canteen' && terms.canteenFacilityId && !(await this.facilities.find(terms.canteenFacilityId))) {
      throw new DomainError('FACILITY_NOT_FOUND', `No canteen ${terms.canteenFacilityId} is known to dispatch`, [{ field: 'terms.canteenFacilityId', problems: ['not a registered facility'] }]);
    }
    let validFrom = command.validFrom ?? firstOpenDate(policy, terms, today, now);
    if (command.validFrom !== null) {
      if (command.validFrom < today) throw new DomainError('VALIDATION_FAILED', 'A subscription cannot start in the past', [{ field: 'validFrom', problems: [`${command.validFrom} is before today (${today})`] }]);
      const frozen: MealSlot[] = [];
      for (const slot of slotsServed(terms, command.validFrom)) if (!(await this.cutoffs.isOpen(senior.districtCode, slot, command.validFrom, now))) frozen.push(slot);
      if (frozen.length > 0) throw new DomainError('CUTOFF_PASSED', `The ${frozen.join(' and ')} cutoff for ${command.validFrom} has passed; start from ${firstOpenDate(policy, terms, today, now)}`);
      validFrom = command.validFrom;
    }
    await this.subscriptions.transaction((manager) => this.subscriptions.startVersion(manager, command.seniorId, validFrom, terms, actor.accountId));
    return this.get(command.seniorId);
  }

  async pause(pauseId: string, seniorId: string, from: string, until: string | null, reason: string, actor: Actor | null): Promise<MealSubscriptionRecord> {
    if (await this.subscriptions.pause(pauseId)) return this.get(seniorId); // a retried request
    await this.senior(seniorId);
    const today = localDate(new Date());
    if (from < today) throw new DomainError('VALIDATION_FAILED', 'A pause cannot start in the past', [{ field: 'from', problems: [`${from} is before today (${today})`] }]);
    if (until !== null && until < from) throw new DomainError('VALIDATION_FAILED', 'A pause must end on or after its first day', [{ field: 'until', problems: [`${until} is before ${from}`] }]);
    await this.subscriptions.transaction((manager) => this.subscriptions.insertPause(manager, { id: pauseId, seniorId, fromDate: from, untilDate: until, reason, createdBy: actor?.accountId ?? null }));
    return this.get(seniorId);
  }

  async change(changeId: string, seniorId: string, date: string, slot: MealSlotName, kind: 'skip' | 'extra', mode: 'delivery' | 'canteen' | null, actor: Actor): Promise<MealChangeRecord> {
    const existing = await this.subscriptions.change(changeId);
    if (existing) return toChangeRecord(existing);
    const senior = await this.senior(seniorId);
    const { policy } = await this.policies.inForce(senior.districtCode, date);
    if (!policy.slots[slot]) throw new DomainError('VALIDATION_FAILED', `District ${senior.districtCode} serves no ${slot}`, [{ field: 'slot', problems: [`no ${slot} in the district's meal policy`] }]);
    if (!(await this.cutoffs.isOpen(senior.districtCode, slot, date))) throw new DomainError('CUTOFF_PASSED', `The ${slot} cutoff for ${date} has passed: the order is frozen`);
    try {
      await this.subscriptions.insertChange({ id: changeId, seniorId, date, slot, kind, mode, createdBy: actor.accountId });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw new DomainError('CONFLICT', `There is already a change for ${slot} on ${date}`);
      throw error;
    }
    return toChangeRecord((await this.subscriptions.change(changeId))!);
  }

  async get(seniorId: string): Promise<MealSubscriptionRecord> {
    const senior = await this.senior(seniorId);
    const now = new Date();
    const today = localDate(now);
    const [versions, pauses, changes, dayCare] = await Promise.all([
      this.subscriptions.versions(seniorId),
      this.subscriptions.pauses(seniorId),
      this.subscriptions.changes(seniorId, today),
      this.seniors.upcomingDaycareDates(seniorId, today),
    ]);
    const { policy } = await sharedInBatch(`meal-policy:${senior.districtCode}`, () => this.policies.inForce(senior.districtCode));
    const context = {
      dayCareDates: dayCare.map((d) => d.date),
      residentialFacilityId: senior.residentialFacilityId,
      residentialSince: senior.residentialSince ? localDate(senior.residentialSince) : null,
    };
    const upcoming: MealSubscriptionRecord['upcoming'] = [];
    for (let i = 0; i < UPCOMING_DAYS; i++) {
      const date = addDays(today, i);
      const day = mealsForDate(versions.map(toVersion), pauses.map(toPause), changes.map(toChange), context, date);
      for (const meal of day.planned) upcoming.push({ date, slot: meal.slot, mode: meal.mode, skippedBecause: null, orderable: isBeforeCutoff(policy, meal.slot, date, now) });
      for (const meal of day.skipped) upcoming.push({ date, slot: meal.slot, mode: null, skippedBecause: meal.reason, orderable: isBeforeCutoff(policy, meal.slot, date, now) });
    }
    upcoming.sort((a, b) => (a.date === b.date ? MEAL_SLOTS.indexOf(a.slot) - MEAL_SLOTS.indexOf(b.slot) : a.date < b.date ? -1 : 1));
    const records = versions.map((v) => ({ validFrom: v.validFrom, validUntil: v.validUntil, terms: v.terms as Record<string, unknown> }));
    return {
      seniorId,
      current: versionOn(records, today) ?? null,
      versions: records,
      pauses: pauses.map((p) => ({ pauseId: p.id, from: p.fromDate, until: p.untilDate, reason: p.reason })),
      changes: changes.map(toChangeRecord),
      upcoming,
    };
  }

  private async senior(seniorId: string) {
    const senior = await this.seniors.findById(seniorId);
    if (!senior) throw new DomainError('SENIOR_NOT_FOUND', `Dispatch knows no senior ${seniorId}`);
    return senior;
  }
}

/** The slots the terms serve on a date's weekday. */
function slotsServed(terms: MealSubscriptionTerms, date: string): MealSlot[] {
  const weekday = isoWeekday(date);
  return MEAL_SLOTS.filter((slot) => terms.slots[slot]?.includes(weekday));
}

/** The first date from today on whose served meals are all still before their cutoffs. */
function firstOpenDate(policy: MealServicePolicy, terms: MealSubscriptionTerms, today: string, now: Date): string {
  let date = today;
  for (let i = 0; i < 7 && slotsServed(terms, date).some((slot) => !isBeforeCutoff(policy, slot, date, now)); i++) date = addDays(date, 1);
  return date;
}

export function toVersion(v: MealSubscriptionVersion): SubscriptionVersion {
  return { ...(v.terms as MealSubscriptionTerms), validFrom: v.validFrom, validUntil: v.validUntil };
}

export function toPause(p: MealPause) {
  return { from: p.fromDate, until: p.untilDate, reason: p.reason };
}

export function toChange(c: MealChange): OneOffChange {
  return { date: c.date, slot: c.slot as MealSlot, kind: c.kind, ...(c.mode ? { mode: c.mode } : {}) };
}

function toChangeRecord(c: MealChange): MealChangeRecord {
  return { changeId: c.id, date: c.date, slot: c.slot as MealSlotName, kind: c.kind, mode: c.mode };
}
