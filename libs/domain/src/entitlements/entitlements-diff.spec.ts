import { SHANGHAI_MINHANG_POLICY as MINHANG, deriveEntitlements, diffEntitlements, hasEntitlementChanges } from './index';
import { editablePolicy, facts, gbt, shanghai } from './test/fixtures';

describe('diffEntitlements', () => {
  const level3 = deriveEntitlements(facts({ shanghai: shanghai(3) }), MINHANG);
  const level4 = deriveEntitlements(facts({ shanghai: shanghai(4) }), MINHANG);

  it('lists nothing when nothing changed', () => {
    expect(diffEntitlements(level3, deriveEntitlements(facts({ shanghai: shanghai(3) }), MINHANG))).toEqual([]);
  });

  it('Shanghai care level 3 → 4: two more visits a week, and the level', () => {
    expect(diffEntitlements(level3, level4)).toEqual([
      { path: 'homeCare.visitsPerWeek', kind: 'entitlement', previous: 3, next: 5, summary: 'home-care visits per week: 3 → 5' },
      { path: 'homeCare.hoursPerWeek', kind: 'entitlement', previous: 3, next: 5, summary: 'home-care hours per week: 3 → 5' },
      { path: 'levelUsed.level', kind: 'basis', previous: 3, next: 4, summary: 'level used: 3 → 4' },
    ]);
  });

  it('lists gained and lost entries of list fields', () => {
    const before = deriveEntitlements(facts({ gbt: gbt(1) }), MINHANG);
    const after = deriveEntitlements(facts({ gbt: gbt(2), livingArrangement: 'alone' }), MINHANG);
    const changes = diffEntitlements(before, after);
    expect(changes.find((c) => c.path === 'bedTypes')).toEqual({
      path: 'bedTypes', kind: 'entitlement', previous: ['general'], next: ['general', 'nursing'], added: ['nursing'], removed: [], summary: 'bed types: +nursing',
    });
    expect(changes.find((c) => c.path === 'priorityGroups')).toMatchObject({ added: ['living-alone', 'empty-nest', 'disabled'], removed: [] });
    expect(changes.find((c) => c.path === 'meals.delivery')).toMatchObject({ previous: false, next: true, summary: 'meal delivery: no → yes' });
  });

  it('losing an entitlement is a change too (previous values are kept for the event)', () => {
    const changes = diffEntitlements(level4, deriveEntitlements(facts({ shanghai: shanghai(1) }), MINHANG));
    expect(changes.find((c) => c.path === 'homeCare.source.scheme')).toEqual({
      path: 'homeCare.source.scheme', kind: 'entitlement', previous: 'ltci', next: null, summary: 'home-care scheme: ltci → none',
    });
    expect(changes.find((c) => c.path === 'subsidisedBed')).toMatchObject({ previous: true, next: false });
    expect(changes.find((c) => c.path === 'bedTypes')).toMatchObject({ removed: ['nursing'], summary: 'bed types: −nursing' });
  });

  it('a new policy version with the same values is a basis change only', () => {
    const policy = editablePolicy(MINHANG);
    policy.version = '2026.2';
    const changes = diffEntitlements(level3, deriveEntitlements(facts({ shanghai: shanghai(3) }), policy));
    expect(changes).toEqual([{ path: 'policy.version', kind: 'basis', previous: '2026.1', next: '2026.2', summary: 'policy version: 2026.1 → 2026.2' }]);
    expect(hasEntitlementChanges(changes)).toBe(false);
  });

  it('ignores reworded reasons and warnings', () => {
    const reworded = { ...level3, reasons: { ...level3.reasons, homeCare: ['something else'] }, warnings: ['a warning'] };
    expect(diffEntitlements(level3, reworded)).toEqual([]);
  });

  it('the first computation lists every field as new', () => {
    const changes = diffEntitlements(null, level3);
    expect(changes).toHaveLength(25);
    expect(changes.every((c) => c.previous === null)).toBe(true);
    expect(changes.find((c) => c.path === 'homeCare.hoursPerWeek')).toMatchObject({ next: 3, summary: 'home-care hours per week: none → 3' });
    expect(hasEntitlementChanges(changes)).toBe(true);
  });
});
