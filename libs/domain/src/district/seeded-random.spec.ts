import { apportion, apportionCapped, hash32, SeededRandom } from './seeded-random';

describe('seeded randomness', () => {
  it('is mulberry32: the published first outputs for seed 0 and seed 1', () => {
    // Reference values of bryc's mulberry32: seed 0 gives 1144304738 first, seed 1 gives 0.6270739405881613.
    const zero = new SeededRandom(0);
    expect(zero.nextUint32()).toBe(1144304738);
    const one = new SeededRandom(1);
    expect(one.next()).toBeCloseTo(0.6270739405881613, 12);
  });

  it('repeats a stream for the same seed and label, and separates labels', () => {
    const a = SeededRandom.stream(7, 'facilities');
    const b = SeededRandom.stream(7, 'facilities');
    const c = SeededRandom.stream(7, 'seniors:310112101');
    const seqA = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(seqA);
    expect(hash32('a')).not.toBe(hash32('b'));
  });

  it('draws Gaussians with mean 0 and deviation 1', () => {
    const random = new SeededRandom(42);
    const n = 20_000;
    let sum = 0;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      const g = random.gaussian();
      sum += g;
      squares += g * g;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.03);
    expect(Math.abs(Math.sqrt(squares / n) - 1)).toBeLessThan(0.03);
  });

  it('makes version-4-shaped UUIDs', () => {
    const random = new SeededRandom(3);
    for (let i = 0; i < 50; i++) expect(random.uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('apportions by largest remainder, with minimums, always to the total', () => {
    // 10 × 1/6 = 1.67, 10 × 2/6 = 3.33, 10 × 3/6 = 5: floors 1, 3, 5, the spare unit to the largest remainder (0.67).
    expect(apportion(10, [1, 2, 3])).toEqual([2, 3, 5]);
    // 100 − 3 × 30 = 10 left: 10 × 1/4 = 2.5, 2.5, 5 → 2, 2, 5 and one spare to the first tie.
    expect(apportion(100, [1, 1, 2], 30)).toEqual([33, 32, 35]);
    expect(apportion(7, [0, 0])).toEqual([4, 3]);
    expect(() => apportion(50, [1, 1], 30)).toThrow(/cannot split/);
  });

  it('apportions within caps', () => {
    // Proportional would be 50/25/25; the first part stops at 20, the rest share what is left.
    expect(apportionCapped(100, [2, 1, 1], [20, 100, 100])).toEqual([20, 40, 40]);
    expect(() => apportionCapped(10, [1], [5])).toThrow(/caps/);
  });
});
