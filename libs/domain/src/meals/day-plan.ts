/**
 * One senior's meals on one date, computed from effective-dated facts: the subscription version in
 * force, pauses, one-off changes, and the rest of the senior's day (day care, a bed, a hospital
 * stay). Nothing is switched on or off by a nightly job: a pause ends because its last day has
 * passed, and an admission stops home meals from its date on.
 */
import { isoWeekday } from '../calendar';
import { MEAL_SLOTS, type MealMode, type MealSlot, type ServiceMode } from './meal-vocabulary';
import type { MealSubscriptionTerms } from './subscription-terms';

/** Terms in force from `validFrom` to `validUntil` (both inclusive; null while open-ended). A change of terms is a new version. */
export interface SubscriptionVersion extends MealSubscriptionTerms {
  readonly validFrom: string;
  readonly validUntil: string | null;
}

export interface MealPause {
  readonly from: string;
  /** Last paused day (inclusive); meals resume the day after. Null: until further notice. */
  readonly until: string | null;
  readonly reason: string;
  /** The slots paused; absent: every slot. */
  readonly slots?: MealSlot[];
}

export interface OneOffChange {
  readonly date: string;
  readonly slot: MealSlot;
  /** `skip` drops a subscribed meal; `extra` adds one on a day not subscribed, or only changes the mode on a subscribed day (one meal per slot and day). */
  readonly kind: 'skip' | 'extra';
  readonly mode?: MealMode;
}

export interface DayContext {
  /** Dates the senior attends day care: lunch is served at the centre. */
  readonly dayCareDates: readonly string[];
  /** Admitted to a bed: the facility feeds the senior, no home meals. */
  readonly residentialFacilityId: string | null;
  /** Admission date; null with a facility id means admitted before any date asked about. */
  readonly residentialSince: string | null;
  /** `until` is the last day in hospital (inclusive); null while still there. */
  readonly hospitalStays?: ReadonlyArray<{ readonly from: string; readonly until: string | null }>;
}

/**
 * A meal to cook. `day-care`: lunch on a day-care day, served at the centre instead of the door or
 * the canteen. It stays a planned meal, so the kitchen cooks and counts it with the senior's own
 * diet and texture, and the ledger charges it like any other; it goes to the centre, not on a route.
 */
export interface PlannedMeal {
  readonly date: string;
  readonly slot: MealSlot;
  readonly mode: ServiceMode;
  readonly terms: MealSubscriptionTerms;
}

/** A meal the senior would otherwise have had, and why not, for the family and the kitchen to see. */
export interface SkippedMeal {
  readonly date: string;
  readonly slot: MealSlot;
  readonly reason: string;
}

export interface DayPlan {
  readonly planned: PlannedMeal[];
  readonly skipped: SkippedMeal[];
}

/** The version in force on a date; when versions overlap, the one that started last (then the later in the list) wins. */
export function subscriptionVersionOn(versions: readonly SubscriptionVersion[], date: string): SubscriptionVersion | undefined {
  let found: SubscriptionVersion | undefined;
  for (const version of versions) {
    const inForce = version.validFrom <= date && (version.validUntil === null || date <= version.validUntil);
    if (inForce && (found === undefined || version.validFrom >= found.validFrom)) found = version;
  }
  return found;
}

/**
 * The meals of one date, slot by slot in MEAL_SLOTS order. A meal is wanted when the version in
 * force orders its weekday or a one-off change adds it (the last change for a date and slot
 * counts). A wanted meal is skipped, with the first reason that applies, for a residential
 * admission, a hospital stay, a pause, or a one-off skip.
 */
export function mealsForDate(
  versions: readonly SubscriptionVersion[],
  pauses: readonly MealPause[],
  changes: readonly OneOffChange[],
  context: DayContext,
  date: string,
): DayPlan {
  const version = subscriptionVersionOn(versions, date);
  const planned: PlannedMeal[] = [];
  const skipped: SkippedMeal[] = [];
  for (const slot of MEAL_SLOTS) {
    const change = changes.findLast((c) => c.date === date && c.slot === slot);
    const subscribed = version?.slots[slot]?.includes(isoWeekday(date)) === true;
    if (!subscribed && change?.kind !== 'extra') continue;
    if (version === undefined) {
      skipped.push({ date, slot, reason: 'extra meal ordered, but no subscription is in force on this date to say how to prepare it' });
      continue;
    }
    const reason = absence(pauses, context, date, slot) ?? (change?.kind === 'skip' ? 'skipped by one-off change' : null);
    if (reason !== null) {
      skipped.push({ date, slot, reason });
      continue;
    }
    const { validFrom: _from, validUntil: _until, ...terms } = version;
    const mode: ServiceMode = slot === 'lunch' && context.dayCareDates.includes(date) ? 'day-care' : (change?.mode ?? version.mode);
    planned.push({ date, slot, mode, terms });
  }
  return { planned, skipped };
}

function absence(pauses: readonly MealPause[], context: DayContext, date: string, slot: MealSlot): string | null {
  const covers = (from: string, until: string | null) => from <= date && (until === null || date <= until);
  if (context.residentialFacilityId !== null && (context.residentialSince === null || context.residentialSince <= date)) {
    return context.residentialSince === null ? 'admitted to a residential facility' : `admitted to a residential facility since ${context.residentialSince}`;
  }
  const stay = context.hospitalStays?.find((s) => covers(s.from, s.until));
  if (stay !== undefined) return stay.until === null ? `in hospital since ${stay.from}` : `in hospital from ${stay.from} until ${stay.until}`;
  const pause = pauses.find((p) => covers(p.from, p.until) && (p.slots === undefined || p.slots.includes(slot)));
  if (pause !== undefined) return `paused: ${pause.reason} ${pause.until === null ? 'until further notice' : `until ${pause.until}`}`;
  return null;
}
