/**
 * The words of meal assistance (助餐): meal slots, diets, IDDSI food textures and allergens, each a
 * stable id with the Chinese name a kitchen prints on labels. Texture safety lives here too: which
 * texture is safe for someone whose assessment calls for a texture-modified diet.
 */

export const MEAL_SLOTS = ['breakfast', 'lunch', 'dinner'] as const;
export type MealSlot = (typeof MEAL_SLOTS)[number];

export const DIETS = ['regular', 'low-salt', 'diabetic', 'low-fat', 'halal', 'vegetarian', 'low-purine', 'renal'] as const;
export type Diet = (typeof DIETS)[number];
export const DIET_NAMES: Readonly<Record<Diet, string>> = {
  regular: '普食',
  'low-salt': '低盐',
  diabetic: '糖尿病餐',
  'low-fat': '低脂',
  halal: '清真',
  vegetarian: '素食',
  'low-purine': '低嘌呤',
  renal: '肾病餐',
};

/** IDDSI food levels, from least to most modified: the order is what makes a texture safe. */
export const TEXTURES = ['regular', 'easy-to-chew', 'soft-bite-sized', 'minced-moist', 'pureed', 'liquidised'] as const;
export type Texture = (typeof TEXTURES)[number];
export const TEXTURE_IDDSI_LEVEL: Readonly<Record<Texture, string>> = {
  regular: '7',
  'easy-to-chew': '7EC',
  'soft-bite-sized': '6',
  'minced-moist': '5',
  pureed: '4',
  liquidised: '3',
};
/** The IDDSI framework's Chinese names (常规, 容易咀嚼, 软质及一口量, 细碎及湿软, 糊状, 流质). */
export const TEXTURE_NAMES: Readonly<Record<Texture, string>> = {
  regular: '常规',
  'easy-to-chew': '容易咀嚼',
  'soft-bite-sized': '软质及一口量',
  'minced-moist': '细碎及湿软',
  pureed: '糊状',
  liquidised: '流质',
};

const TEXTURE_BY_LEVEL: Readonly<Record<number, Texture>> = { 7: 'regular', 6: 'soft-bite-sized', 5: 'minced-moist', 4: 'pureed', 3: 'liquidised' };

/**
 * The texture for the numeric IDDSI food level an assessment suggests (3–7); null means no
 * suggestion, so regular food. A number between levels rounds down and one below 3 (a drinks
 * level) gives liquidised: an odd value always lands on the safer, more modified side.
 */
export function textureForIddsiLevel(level: number | null): Texture {
  if (level === null || level >= 7) return 'regular';
  return TEXTURE_BY_LEVEL[Math.max(3, Math.floor(level))]!;
}

/** A texture is safe when it is at least as modified as the one required: minced-moist is safe for soft-bite-sized, regular only when nothing is required. */
export function isTextureSafeFor(chosen: Texture, required: Texture): boolean {
  return TEXTURES.indexOf(chosen) >= TEXTURES.indexOf(required);
}

/** "IDDSI 5 细碎及湿软 (minced-moist)", for messages and labels. */
export function textureLabel(texture: Texture): string {
  return `IDDSI ${TEXTURE_IDDSI_LEVEL[texture]} ${TEXTURE_NAMES[texture]} (${texture})`;
}

/** The 14 allergens EU Regulation 1169/2011 names, which include the eight classes GB 7718 lists. */
export const ALLERGENS = ['gluten', 'crustaceans', 'egg', 'fish', 'peanut', 'soy', 'milk', 'tree-nuts', 'celery', 'mustard', 'sesame', 'sulphites', 'lupin', 'molluscs'] as const;
export type Allergen = (typeof ALLERGENS)[number];
export const ALLERGEN_NAMES: Readonly<Record<Allergen, string>> = {
  gluten: '麸质',
  crustaceans: '甲壳类',
  egg: '蛋',
  fish: '鱼',
  peanut: '花生',
  soy: '大豆',
  milk: '奶',
  'tree-nuts': '坚果',
  celery: '芹菜',
  mustard: '芥末',
  sesame: '芝麻',
  sulphites: '亚硫酸盐',
  lupin: '羽扇豆',
  molluscs: '软体动物',
};

export const MEAL_MODES = ['delivery', 'canteen'] as const;
export type MealMode = (typeof MEAL_MODES)[number];
/** How a planned meal reaches the senior: delivered (送餐), in a canteen (堂食) or at their day-care centre. */
export type ServiceMode = MealMode | 'day-care';
export const SERVICE_MODE_NAMES: Readonly<Record<ServiceMode, string>> = { delivery: '送餐', canteen: '堂食', 'day-care': '日间照料' };
