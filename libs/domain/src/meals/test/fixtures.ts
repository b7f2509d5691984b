// Factories for the meal specs: valid objects with overrides. Test-only: the build excludes test/ folders.
import type { MealEntitlement, SafetyFlags } from '../../entitlements';
import type { SubscriptionVersion } from '../day-plan';
import type { Dish, DishChoice } from '../menu-matching';
import type { OrderLine } from '../production-list';
import type { MealSubscriptionTerms } from '../subscription-terms';

export const entitlement = (overrides: Partial<MealEntitlement> = {}): MealEntitlement => ({
  eligible: true,
  delivery: true,
  subsidyTier: 'tier-1-hardship',
  subsidyFenPerMeal: 800,
  ...overrides,
});

export const safety = (overrides: Partial<SafetyFlags> = {}): SafetyFlags => ({ textureModifiedDiet: false, iddsiLevel: null, fallRisk: false, wanderingRisk: false, ...overrides });

/** Weekday lunches delivered, regular food. */
export const terms = (overrides: Partial<MealSubscriptionTerms> = {}): MealSubscriptionTerms => ({
  slots: { lunch: [1, 2, 3, 4, 5] },
  mode: 'delivery',
  canteenFacilityId: null,
  diet: 'regular',
  texture: 'regular',
  allergens: [],
  avoid: [],
  deliveryNotes: null,
  ...overrides,
});

export const version = (validFrom: string, validUntil: string | null, overrides: Partial<MealSubscriptionTerms> = {}): SubscriptionVersion => ({ ...terms(overrides), validFrom, validUntil });

export const dish = (dishId: string, name: string, overrides: Partial<Dish> = {}): Dish => ({
  dishId,
  name,
  components: [],
  allergens: [],
  diets: [],
  textures: ['regular'],
  hot: true,
  ...overrides,
});

export const served = (d: Dish): DishChoice => ({ dish: d, substituted: false, clashes: [], unresolved: false });

export const orderLine = (orderId: string, choice: DishChoice, overrides: Partial<OrderLine> = {}): OrderLine => ({
  orderId,
  seniorId: `senior-${orderId}`,
  seniorName: `长者${orderId}`,
  date: '2026-12-02',
  slot: 'lunch',
  mode: 'delivery',
  diet: 'regular',
  texture: 'regular',
  choice,
  routeId: null,
  stopNumber: null,
  ...overrides,
});
