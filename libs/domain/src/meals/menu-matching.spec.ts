import { chooseDish, type MealNeeds, type MenuOfDay, validateMenu } from './menu-matching';
import { dish } from './test/fixtures';

const tomatoEgg = dish('d1', '番茄炒蛋套餐', { components: ['番茄', '鸡蛋', '葱花', '米饭'], allergens: ['egg'], diets: ['low-salt'], textures: ['regular', 'soft-bite-sized'] });
const steamedFish = dish('d2', '清蒸鲈鱼套餐', { components: ['鲈鱼', '姜', '米饭'], allergens: ['fish'], diets: ['low-salt', 'diabetic', 'low-fat'], textures: ['regular', 'minced-moist'] });
const tofu = dish('d3', '香菇豆腐套餐', { components: ['豆腐', '香菇', 'Peanut oil'], allergens: ['soy', 'peanut'], diets: ['vegetarian', 'diabetic'], textures: ['regular', 'pureed'] });
const menu: MenuOfDay = { date: '2026-12-02', slot: 'lunch', dishes: [tomatoEgg, steamedFish, tofu] };
const needs = (overrides: Partial<MealNeeds> = {}): MealNeeds => ({ diet: 'regular', texture: 'regular', allergens: [], avoid: [], ...overrides });

describe('choosing the dish for a senior', () => {
  it('gives the standard set meal when nothing clashes', () => {
    expect(chooseDish(menu, needs({ diet: 'low-salt', texture: 'soft-bite-sized' }))).toEqual({ dish: tomatoEgg, substituted: false, clashes: [], unresolved: false });
  });

  it('gives a diabetic senior with an egg allergy the alternative, and lists why', () => {
    expect(chooseDish(menu, needs({ diet: 'diabetic', allergens: ['egg'] }))).toEqual({
      dish: steamedFish,
      substituted: true,
      clashes: ['contains egg (allergen)', 'not suitable for a diabetic diet'],
      unresolved: false,
    });
  });

  it('matches ingredients to avoid inside components, ignoring case', () => {
    expect(chooseDish(menu, needs({ avoid: ['葱'] })).clashes).toEqual(['contains 葱 (to avoid)']);
    // the fish is ruled out by the allergy, the tofu by its peanut oil: nothing is left
    const choice = chooseDish(menu, needs({ allergens: ['fish'], avoid: ['葱', 'PEANUT'] }));
    expect(choice).toEqual({ dish: null, substituted: false, clashes: ['contains 葱 (to avoid)'], unresolved: true });
  });

  it('leaves an order the kitchen cannot make at the required texture unresolved', () => {
    const choice = chooseDish({ ...menu, dishes: [tomatoEgg, tofu] }, needs({ texture: 'minced-moist' }));
    expect(choice).toEqual({ dish: null, substituted: false, clashes: ['cannot be made minced-moist'], unresolved: true });
    expect(chooseDish(menu, needs({ texture: 'minced-moist' })).dish).toBe(steamedFish);
  });

  it('flags a slot without a menu for the kitchen', () => {
    expect(chooseDish({ ...menu, dishes: [] }, needs())).toEqual({ dish: null, substituted: false, clashes: ['no menu for lunch on 2026-12-02'], unresolved: true });
  });
});

describe('menu validation', () => {
  it('accepts a good menu', () => {
    expect(validateMenu(menu)).toEqual([]);
  });

  it('names every bad path', () => {
    const problems = validateMenu({
      date: '2026-02-30',
      slot: 'supper',
      dishes: [
        { ...tomatoEgg, allergens: ['eggs'], textures: [] },
        { ...steamedFish, dishId: 'd1', diets: ['keto'], hot: 'yes' },
        { ...tofu, components: ['豆腐', 3], colour: 'red' },
      ],
    });
    expect(problems.map((p) => p.path)).toEqual([
      'date',
      'slot',
      'dishes[0].allergens[0]',
      'dishes[0].textures',
      'dishes[1].dishId',
      'dishes[1].diets[0]',
      'dishes[1].hot',
      'dishes[2].colour',
      'dishes[2].components[1]',
    ]);
    expect(validateMenu({ date: '2026-12-02', slot: 'lunch', dishes: [] }).map((p) => p.path)).toEqual(['dishes']);
  });
});
