/**
 * What a senior's standing meal order says (助餐订阅): which meals on which weekdays, delivered or in
 * a canteen, and what the kitchen must respect (diet, IDDSI texture, allergens, ingredients to avoid).
 * Terms are checked against the senior's entitlement and the assessment's safety flags, so a
 * family cannot book delivery the district does not grant, nor a texture that risks choking.
 */
import { at, describe, item, JsonChecks } from '../entitlements/json-checks';
import type { MealEntitlement, SafetyFlags } from '../entitlements';
import type { MealServicePolicy } from './meal-policy';
import { checkTextList, checkWordList, type MealProblem, mealProblems } from './meal-problems';
import {
  ALLERGENS,
  DIETS,
  type Diet,
  isTextureSafeFor,
  MEAL_MODES,
  MEAL_SLOTS,
  type MealMode,
  type MealSlot,
  type Texture,
  textureForIddsiLevel,
  textureLabel,
  TEXTURES,
} from './meal-vocabulary';

export interface MealSubscriptionTerms {
  /** ISO weekdays (1 = Monday … 7 = Sunday) each slot is ordered on; a slot absent or empty is not ordered. */
  readonly slots: Partial<Record<MealSlot, number[]>>;
  readonly mode: MealMode;
  /** The canteen for 堂食, and the kitchen that cooks for it; null for delivery. */
  readonly canteenFacilityId: string | null;
  readonly diet: Diet;
  readonly texture: Texture;
  /** Allergen ids (ALLERGENS). */
  readonly allergens: string[];
  /** Free-text ingredients to leave out (香菜, 葱), matched against dish components. */
  readonly avoid: string[];
  readonly deliveryNotes: string | null;
}

export interface TermsContext {
  /** The senior's meal entitlement; null before any has been derived. */
  readonly entitlement: MealEntitlement | null;
  readonly safety: SafetyFlags | null;
  /** When given, slots the district does not serve are refused. */
  readonly policy?: MealServicePolicy;
}

/**
 * The least modified texture that is safe for the senior: regular unless the assessment flags a
 * texture-modified diet; then the suggested IDDSI level's texture, or at least easy-to-chew while
 * no level is suggested (regular food is never safe for someone flagged).
 */
export function requiredTexture(safety: SafetyFlags | null): Texture {
  if (safety === null || !safety.textureModifiedDiet) return 'regular';
  return safety.iddsiLevel === null ? 'easy-to-chew' : textureForIddsiLevel(safety.iddsiLevel);
}

/** What the entitlement and the assessment already decide for a new subscription; the rest is the senior's choice. */
export function defaultTerms(entitlement: MealEntitlement | null, safety: SafetyFlags | null): Partial<MealSubscriptionTerms> {
  return { mode: entitlement?.delivery === true ? 'delivery' : 'canteen', texture: requiredTexture(safety) };
}

const FIELDS = ['slots', 'mode', 'canteenFacilityId', 'diet', 'texture', 'allergens', 'avoid', 'deliveryNotes'] as const;

/**
 * Every reason the terms cannot be booked, each naming its field. Without any entitlement yet the
 * senior may still eat in a canteen at the full price; delivery needs an entitlement that grants it.
 */
export function validateSubscriptionTerms(terms: MealSubscriptionTerms, context: TermsContext): MealProblem[] {
  const checks = new JsonChecks();
  const { entitlement, safety, policy } = context;
  for (const field of FIELDS) if (terms[field] === undefined) checks.report('MISSING_FIELD', field, `${field} is required`);
  if (entitlement !== null && !entitlement.eligible) {
    checks.report('NOT_ALLOWED_HERE', '$', "the senior is not eligible for meal assistance (助餐) under the district's policy (see the entitlement's reasons)");
  }
  checkWeekdays(checks, terms.slots, policy);

  const mode = checks.oneOf(terms.mode, 'mode', MEAL_MODES);
  if (mode === 'delivery' && entitlement?.delivery !== true) checks.report('NOT_ALLOWED_HERE', 'mode', deliveryRefusal(entitlement));
  if (mode === 'canteen' && (typeof terms.canteenFacilityId !== 'string' || terms.canteenFacilityId.trim() === '')) {
    checks.report('MISSING_FIELD', 'canteenFacilityId', 'canteen dining (堂食) needs the canteen the senior eats at');
  }

  checks.oneOf(terms.diet, 'diet', DIETS);
  const texture = checks.oneOf(terms.texture, 'texture', TEXTURES);
  const required = requiredTexture(safety);
  if (texture !== undefined && !isTextureSafeFor(texture, required)) {
    const why =
      safety?.iddsiLevel === null
        ? 'the assessment calls for a texture-modified diet and no IDDSI level is suggested yet, so regular food is not safe until a clinician sets one'
        : `the assessment calls for a texture-modified diet at ${textureLabel(required)}`;
    const safe = TEXTURES.filter((t) => isTextureSafeFor(t, required));
    checks.report('NOT_ALLOWED_HERE', 'texture', `${textureLabel(texture)} is not safe: ${why}; choose ${safe.join(', ')}`);
  }
  checkWordList(checks, terms.allergens, 'allergens', ALLERGENS);
  checkTextList(checks, terms.avoid, 'avoid');
  return mealProblems(checks);
}

function deliveryRefusal(entitlement: MealEntitlement | null): string {
  const instead = 'choose canteen dining (堂食)';
  if (entitlement === null) return `home delivery (送餐) needs a meal entitlement that grants it, and the senior has none yet (no assessment): ${instead}`;
  return `home delivery (送餐) is not in the senior's meal entitlement: the district grants it to seniors who cannot get to a canteen (see the entitlement's reasons); ${instead}, or ask for a reassessment if they can no longer go out`;
}

function checkWeekdays(checks: JsonChecks, value: unknown, policy: MealServicePolicy | undefined): void {
  const slots = checks.object(value, 'slots', [], MEAL_SLOTS);
  if (slots === undefined) return;
  for (const slot of MEAL_SLOTS) {
    const path = at('slots', slot);
    const days = checks.array(slots[slot], path, false);
    if (days === undefined) continue;
    if (policy !== undefined && policy.slots[slot] === undefined && days.length > 0) checks.report('NOT_ALLOWED_HERE', path, `the district serves no ${slot}`);
    days.forEach((day, index) => {
      if (typeof day !== 'number' || !Number.isInteger(day) || day < 1 || day > 7) {
        checks.report('OUT_OF_RANGE', item(path, index), `${describe(day)} is not an ISO weekday (1 = Monday … 7 = Sunday)`);
      } else if (days.indexOf(day) < index) checks.report('DUPLICATE', item(path, index), `weekday ${day} is listed twice in ${path}`);
    });
  }
}
