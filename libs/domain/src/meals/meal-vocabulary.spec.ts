import { ALLERGEN_NAMES, ALLERGENS, DIET_NAMES, isTextureSafeFor, TEXTURE_IDDSI_LEVEL, textureForIddsiLevel, textureLabel, TEXTURES } from './meal-vocabulary';

describe('IDDSI food textures', () => {
  it.each([
    [7, 'regular'],
    [6, 'soft-bite-sized'],
    [5, 'minced-moist'],
    [4, 'pureed'],
    [3, 'liquidised'],
    [null, 'regular'],
  ] as const)('the assessment suggesting level %p gives %s', (level, texture) => {
    expect(textureForIddsiLevel(level)).toBe(texture);
  });

  it('lands an odd level on the safer, more modified side', () => {
    expect(textureForIddsiLevel(5.5)).toBe('minced-moist');
    expect(textureForIddsiLevel(2)).toBe('liquidised');
  });

  it('prints each texture with its IDDSI level and Chinese name', () => {
    expect(TEXTURES.map((t) => TEXTURE_IDDSI_LEVEL[t])).toEqual(['7', '7EC', '6', '5', '4', '3']);
    expect(textureLabel('minced-moist')).toBe('IDDSI 5 细碎及湿软 (minced-moist)');
  });

  it('a texture at least as modified as required is safe; regular never is when one is required', () => {
    expect(isTextureSafeFor('minced-moist', 'minced-moist')).toBe(true);
    expect(isTextureSafeFor('pureed', 'minced-moist')).toBe(true);
    expect(isTextureSafeFor('soft-bite-sized', 'minced-moist')).toBe(false);
    expect(isTextureSafeFor('regular', 'easy-to-chew')).toBe(false);
    expect(TEXTURES.every((t) => isTextureSafeFor(t, 'regular'))).toBe(true);
  });
});

describe('diets and allergens', () => {
  it('names every diet and allergen in Chinese for labels', () => {
    expect(DIET_NAMES['low-salt']).toBe('低盐');
    expect(DIET_NAMES.diabetic).toBe('糖尿病餐');
    expect(ALLERGENS).toHaveLength(14);
    expect(ALLERGENS.every((a) => ALLERGEN_NAMES[a] !== '')).toBe(true);
  });
});
