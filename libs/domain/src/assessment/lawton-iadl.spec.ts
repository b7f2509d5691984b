import { type LawtonResult, lawtonIadlInstrument } from './lawton-iadl';

const ALL_ONE: Readonly<Record<string, number | string>> = { A: 1, B: 1, C: 1, D: 1, E: 1, F: 1, G: 1, H: 1 };

function score(items: Record<string, number | string>, extra: Record<string, unknown> = {}): LawtonResult {
  const validation = lawtonIadlInstrument.validate({ instrument: 'Lawton IADL', items, ...extra });
  if (!validation.ok) throw new Error(validation.problems.map((p) => `${p.path} ${p.code}`).join('; '));
  return lawtonIadlInstrument.score(validation.answers);
}

describe('Lawton IADL (spec §5)', () => {
  it('sums eight 0/1 domains', () => {
    const result = score({ ...ALL_ONE, B: 0, G: 0 });
    expect(result.total).toBe(6);
    expect(result.maxTotal).toBe(8);
    expect(result.domainsNeedingHelp).toEqual(['B', 'G']);
    expect(result.mealSupportSignal).toBe(false);
    expect(result.finalLevel).toBeNull();
  });

  it('scores option ids by the spec table, including the counter-intuitive ones', () => {
    // A3 answers but does not dial → 1 · B2 small purchases only → 0 · C2 cooks if given
    // ingredients → 0 · D4 needs help with all home tasks → 1 · E2 small items → 1 ·
    // F3 public transport when accompanied → 1 · G2 doses prepared in advance → 0 · H2 → 1.
    const result = score({ A: 'A3', B: 'B2', C: 'C2', D: 'D4', E: 'E2', F: 'F3', G: 'G2', H: 'H2' });
    expect(result.items).toEqual({ A: 1, B: 0, C: 0, D: 1, E: 1, F: 1, G: 0, H: 1 });
    expect(result.options).toMatchObject({ A: 'A3', D: 'D4' });
    expect(result.total).toBe(5);
  });

  it.each([
    ['D5 does not take part', 'D', 'D5', 0],
    ['F4 only taxi with a helper', 'F', 'F4', 0],
    ['F2 arranges own taxi', 'F', 'F2', 1],
    ['A4 does not use the telephone', 'A', 'A4', 0],
    ['H3 cannot handle money', 'H', 'H3', 0],
    ['E3 all laundry by others', 'E', 'E3', 0],
  ])('%s scores %i', (_name, domain, option, points) => {
    expect(score({ ...ALL_ONE, [domain]: option }).items[domain as 'A']).toBe(points);
  });

  it('signals meal support when shopping and food preparation are both 0', () => {
    const result = score({ ...ALL_ONE, B: 'B4', C: 'C4' });
    expect(result.mealSupportSignal).toBe(true);
    expect(result.total).toBe(6);
  });

  it('scores five domains (A, B, F, G, H) under the original convention', () => {
    const result = score({ A: 1, B: 0, F: 1, G: 1, H: 1, C: 0 }, { policy: { scoredDomains: 'five' } });
    expect(result.total).toBe(4);
    expect(result.maxTotal).toBe(5);
    expect(result.scoredDomains).toEqual(['A', 'B', 'F', 'G', 'H']);
    expect(result.warnings).toEqual(['domain C is answered but not counted (policy scoredDomains = five)']);
  });

  it('accepts English domain names', () => {
    expect(score({ telephone: 1, shopping: 1, foodPreparation: 0, housekeeping: 1, laundry: 1, transportation: 1, medication: 1, finances: 0 }).total).toBe(6);
  });

  it('lists every problem at once', () => {
    const validation = lawtonIadlInstrument.validate({
      items: { A: 2, B: 'A1', C: 'C9', D: true, E: 1, F: 1, Z: 1 },
      policy: { scoredDomains: 'seven' },
    });
    expect(validation.ok).toBe(false);
    if (validation.ok) return;
    expect(validation.problems.map((p) => `${p.code} ${p.path}`).sort()).toEqual(
      [
        'VALUE_NOT_ALLOWED items.A',
        'VALUE_NOT_ALLOWED items.B', // an option id of another domain
        'VALUE_NOT_ALLOWED items.C',
        'WRONG_TYPE items.D',
        'UNKNOWN_ITEM items.Z',
        'MISSING_ITEM items.G',
        'MISSING_ITEM items.H',
        'BAD_POLICY_VALUE policy.scoredDomains',
      ].sort(),
    );
  });
});
