// Meal assistance (助餐): vocabulary, the district's meal service policy, subscriptions and each
// senior's day plan, menu clash checks, kitchen production lists and the meal ledger.
export {
  ALLERGEN_NAMES,
  ALLERGENS,
  type Allergen,
  DIET_NAMES,
  DIETS,
  type Diet,
  isTextureSafeFor,
  MEAL_MODES,
  MEAL_SLOTS,
  type MealMode,
  type MealSlot,
  SERVICE_MODE_NAMES,
  type ServiceMode,
  TEXTURE_IDDSI_LEVEL,
  TEXTURE_NAMES,
  type Texture,
  textureForIddsiLevel,
  textureLabel,
  TEXTURES,
} from './meal-vocabulary';
export type { MealProblem } from './meal-problems';
export {
  cutoffInstant,
  DEFAULT_MEAL_POLICY,
  DEFAULT_MEAL_POLICY_VERSION,
  escalationLadder,
  isBeforeCutoff,
  type MealReassessmentRule,
  type MealServicePolicy,
  type MealSlotPolicy,
  mealSlotPolicy,
  validateMealPolicy,
} from './meal-policy';
export { defaultTerms, type MealSubscriptionTerms, requiredTexture, type TermsContext, validateSubscriptionTerms } from './subscription-terms';
export {
  type DayContext,
  type DayPlan,
  type MealPause,
  mealsForDate,
  type OneOffChange,
  type PlannedMeal,
  type SkippedMeal,
  subscriptionVersionOn,
  type SubscriptionVersion,
} from './day-plan';
export { chooseDish, type Dish, type DishChoice, dishClashes, type MealNeeds, type MenuOfDay, validateMenu } from './menu-matching';
export {
  buildProductionList,
  type ClashLine,
  type DishCount,
  type MealLabel,
  type OrderLine,
  type ProductionList,
  productionListCsv,
  type RouteCount,
  UNRESOLVED_DISH_NAME,
} from './production-list';
export { type MealObservation, reassessmentDue, type ReassessmentVerdict } from './reassessment-trigger';
export { type ChargeSplit, chargeFor, formatYuan, type MealCharge, monthlyStatement, type MonthlyStatement } from './meal-ledger';
