/**
 * What each meal costs and who pays: the district's subsidy by the senior's tier, never more than
 * the price, and the senior's co-pay for the rest; then a family's monthly statement. Money is
 * integer fen throughout, so totals add up to the fen.
 */
import type { MealEntitlement } from '../entitlements';
import { MEAL_SLOTS, type MealSlot } from './meal-vocabulary';

export interface ChargeSplit {
  readonly priceFen: number;
  readonly subsidyFen: number;
  readonly coPayFen: number;
  /** The tier that paid the subsidy; null when none did. */
  readonly subsidyTier: string | null;
}

export interface MealCharge extends ChargeSplit {
  readonly orderId: string;
  readonly date: string;
  readonly slot: MealSlot;
}

export interface MonthlyStatement {
  readonly seniorId: string;
  /** YYYY-MM */
  readonly month: string;
  readonly meals: number;
  readonly priceFen: number;
  readonly subsidyFen: number;
  readonly coPayFen: number;
  /** By date, then slot. */
  readonly lines: MealCharge[];
}

function assertFen(fen: number, what: string): void {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`${what} must be a whole number of fen, got ${fen}`);
}

/** Splits a meal's price: the entitlement's subsidy per meal, capped at the price; nothing without an eligible entitlement. */
export function chargeFor(priceFen: number, entitlement: MealEntitlement | null): ChargeSplit {
  assertFen(priceFen, 'a meal price');
  if (priceFen < 0) throw new RangeError(`a meal price cannot be negative, got ${priceFen}`);
  const entitled = entitlement?.eligible === true ? entitlement : null;
  const subsidyFen = Math.min(Math.max(0, entitled?.subsidyFenPerMeal ?? 0), priceFen);
  return { priceFen, subsidyFen, coPayFen: priceFen - subsidyFen, subsidyTier: subsidyFen > 0 ? (entitled?.subsidyTier ?? null) : null };
}

/** The month's charges for one senior, totalled; a charge from another month or a repeated order is refused. */
export function monthlyStatement(seniorId: string, month: string, charges: readonly MealCharge[]): MonthlyStatement {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new RangeError(`month must be YYYY-MM, got ${month}`);
  const orders = new Set<string>();
  for (const charge of charges) {
    if (!charge.date.startsWith(`${month}-`)) throw new RangeError(`order ${charge.orderId} of ${charge.date} is not in ${month}`);
    if (orders.has(charge.orderId)) throw new RangeError(`order ${charge.orderId} is charged twice`);
    orders.add(charge.orderId);
  }
  const lines = [...charges].sort((a, b) => a.date.localeCompare(b.date) || MEAL_SLOTS.indexOf(a.slot) - MEAL_SLOTS.indexOf(b.slot) || a.orderId.localeCompare(b.orderId));
  const sum = (pick: (c: MealCharge) => number) => lines.reduce((total, c) => total + pick(c), 0);
  return { seniorId, month, meals: lines.length, priceFen: sum((c) => c.priceFen), subsidyFen: sum((c) => c.subsidyFen), coPayFen: sum((c) => c.coPayFen), lines };
}

/** 1250 → "¥12.50", −300 → "-¥3.00"; integer arithmetic, so no floating-point cents. */
export function formatYuan(fen: number): string {
  assertFen(fen, 'an amount');
  const abs = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}¥${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
