/**
 * The day's menu against one senior's restrictions: the standard set meal when nothing clashes,
 * otherwise the first alternative that fits, with the clashes that ruled the standard dish out; when
 * nothing fits, the order is unresolved and the kitchen must act. Nothing is silently served.
 */
import { at, item, JsonChecks } from '../entitlements/json-checks';
import { checkTextList, checkWordList, type MealProblem, mealProblems } from './meal-problems';
import { ALLERGENS, DIETS, type Diet, MEAL_SLOTS, type MealSlot, type Texture, TEXTURES } from './meal-vocabulary';

export interface Dish {
  readonly dishId: string;
  readonly name: string;
  /** Ingredients, as the kitchen writes them (红烧肉, 香菜, 鸡蛋). */
  readonly components: string[];
  /** Allergen ids (ALLERGENS) the dish contains. */
  readonly allergens: string[];
  /** The diets the dish suits; every dish suits the regular diet (普食). */
  readonly diets: Diet[];
  /** The textures the kitchen can prepare it in. */
  readonly textures: Texture[];
  /** Served hot: counts against the policy's pack-to-door limit. */
  readonly hot: boolean;
}

export interface MenuOfDay {
  readonly date: string;
  readonly slot: MealSlot;
  /** The first is the standard set meal; the others are alternatives, tried in order. */
  readonly dishes: Dish[];
}

export interface MealNeeds {
  readonly diet: Diet;
  readonly texture: Texture;
  readonly allergens: readonly string[];
  readonly avoid: readonly string[];
}

export interface DishChoice {
  readonly dish: Dish | null;
  readonly substituted: boolean;
  /** Why the standard dish was not given ('contains egg (allergen)', 'not suitable for a low-salt diet'…); empty when it was. */
  readonly clashes: string[];
  /** No dish fits: the kitchen must act. */
  readonly unresolved: boolean;
}

/**
 * Every reason a dish does not fit. Texture must match exactly: the kitchen prepares each meal at
 * the level the senior's clinician set, and an avoided ingredient matches any component containing
 * it, ignoring case ("葱" matches "葱花").
 */
export function dishClashes(dish: Dish, needs: MealNeeds): string[] {
  const clashes = needs.allergens.filter((a) => dish.allergens.includes(a)).map((a) => `contains ${a} (allergen)`);
  if (needs.diet !== 'regular' && !dish.diets.includes(needs.diet)) clashes.push(`not suitable for a ${needs.diet} diet`);
  const components = dish.components.map((c) => c.toLowerCase());
  for (const avoided of needs.avoid) {
    const term = avoided.trim();
    if (term !== '' && components.some((c) => c.includes(term.toLowerCase()))) clashes.push(`contains ${term} (to avoid)`);
  }
  if (!dish.textures.includes(needs.texture)) clashes.push(`cannot be made ${needs.texture}`);
  return clashes;
}

export function chooseDish(menu: MenuOfDay, needs: MealNeeds): DishChoice {
  const [standard, ...alternatives] = menu.dishes;
  if (standard === undefined) return { dish: null, substituted: false, clashes: [`no menu for ${menu.slot} on ${menu.date}`], unresolved: true };
  const clashes = dishClashes(standard, needs);
  if (clashes.length === 0) return { dish: standard, substituted: false, clashes, unresolved: false };
  const alternative = alternatives.find((dish) => dishClashes(dish, needs).length === 0);
  return alternative === undefined ? { dish: null, substituted: false, clashes, unresolved: true } : { dish: alternative, substituted: true, clashes, unresolved: false };
}

/** Every problem with a menu from a kitchen's form or file, each naming its path. */
export function validateMenu(input: unknown): MealProblem[] {
  if (input === undefined) return [{ path: '$', message: 'the menu must be an object, got nothing' }];
  const checks = new JsonChecks();
  const menu = checks.object(input, '', ['date', 'slot', 'dishes']);
  if (menu === undefined) return mealProblems(checks);
  checks.date(menu['date'], 'date');
  checks.oneOf(menu['slot'], 'slot', MEAL_SLOTS);
  const dishes = checks.array(menu['dishes'], 'dishes', true);
  const ids = new Set<string>();
  dishes?.forEach((value, index) => {
    const path = item('dishes', index);
    const dish = checks.object(value, path, ['dishId', 'name', 'components', 'allergens', 'diets', 'textures', 'hot']);
    if (dish === undefined) return;
    const id = checks.string(dish['dishId'], at(path, 'dishId'));
    if (id !== undefined && ids.has(id)) checks.report('DUPLICATE', at(path, 'dishId'), `dish ${id} is on the menu twice`);
    if (id !== undefined) ids.add(id);
    checks.string(dish['name'], at(path, 'name'));
    checkTextList(checks, dish['components'], at(path, 'components'));
    checkWordList(checks, dish['allergens'], at(path, 'allergens'), ALLERGENS);
    checkWordList(checks, dish['diets'], at(path, 'diets'), DIETS);
    checkWordList(checks, dish['textures'], at(path, 'textures'), TEXTURES, true);
    if (dish['hot'] !== undefined && typeof dish['hot'] !== 'boolean') checks.report('WRONG_TYPE', at(path, 'hot'), `${at(path, 'hot')} must be true or false`);
  });
  return mealProblems(checks);
}
