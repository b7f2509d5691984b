import { chargeFor, formatYuan, type MealCharge, monthlyStatement } from './meal-ledger';
import { entitlement } from './test/fixtures';

const charge = (orderId: string, date: string, slot: MealCharge['slot'], priceFen: number): MealCharge => ({ orderId, date, slot, ...chargeFor(priceFen, entitlement()) });

describe('meal charges', () => {
  it('splits a lunch between the district subsidy and the co-pay', () => {
    expect(chargeFor(1500, entitlement())).toEqual({ priceFen: 1500, subsidyFen: 800, coPayFen: 700, subsidyTier: 'tier-1-hardship' });
  });

  it('never lets the subsidy exceed the price', () => {
    expect(chargeFor(500, entitlement())).toEqual({ priceFen: 500, subsidyFen: 500, coPayFen: 0, subsidyTier: 'tier-1-hardship' });
    for (const price of [0, 1, 799, 800, 801, 1500]) {
      const split = chargeFor(price, entitlement());
      expect(split.subsidyFen).toBeLessThanOrEqual(price);
      expect(split.subsidyFen + split.coPayFen).toBe(price);
    }
  });

  it('charges the full price without an eligible entitlement or a subsidy tier', () => {
    const full = { priceFen: 1500, subsidyFen: 0, coPayFen: 1500, subsidyTier: null };
    expect(chargeFor(1500, null)).toEqual(full);
    expect(chargeFor(1500, entitlement({ eligible: false }))).toEqual(full);
    expect(chargeFor(1500, entitlement({ subsidyTier: null, subsidyFenPerMeal: 0 }))).toEqual(full);
  });

  it('refuses prices that are not whole fen', () => {
    expect(() => chargeFor(12.5, null)).toThrow('whole number of fen');
    expect(() => chargeFor(-100, null)).toThrow('cannot be negative');
  });
});

describe('monthly statement', () => {
  it('totals a month for the family, meals in date and slot order', () => {
    const statement = monthlyStatement('s1', '2026-12', [charge('o3', '2026-12-02', 'dinner', 1200), charge('o2', '2026-12-02', 'lunch', 1500), charge('o1', '2026-12-01', 'lunch', 1500)]);
    expect(statement).toMatchObject({ seniorId: 's1', month: '2026-12', meals: 3, priceFen: 4200, subsidyFen: 2400, coPayFen: 1800 });
    expect(statement.lines.map((l) => l.orderId)).toEqual(['o1', 'o2', 'o3']);
    expect(formatYuan(statement.coPayFen)).toBe('¥18.00');
  });

  it('refuses a meal of another month or one charged twice', () => {
    expect(() => monthlyStatement('s1', '2026-12', [charge('o1', '2027-01-01', 'lunch', 1500)])).toThrow('order o1 of 2027-01-01 is not in 2026-12');
    expect(() => monthlyStatement('s1', '2026-12', [charge('o1', '2026-12-01', 'lunch', 1500), charge('o1', '2026-12-01', 'lunch', 1500)])).toThrow('charged twice');
    expect(() => monthlyStatement('s1', '2026-13', [])).toThrow('YYYY-MM');
  });
});

describe('formatYuan', () => {
  it.each([
    [1250, '¥12.50'],
    [5, '¥0.05'],
    [0, '¥0.00'],
    [-300, '-¥3.00'],
  ])('%p fen → %s', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });
});
