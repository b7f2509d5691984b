/**
 * A kitchen's production list for one meal: counts by dish × diet × texture, the same per delivery
 * route for packing, every order whose standard dish was replaced or could not be, and one label
 * per meal. Counts are exact by construction: each order line is counted once, and a line for
 * another meal or a repeated order is refused rather than silently added or dropped.
 */
import { csvCell } from '../planning';
import type { DishChoice } from './menu-matching';
import {
  ALLERGEN_NAMES,
  type Allergen,
  DIET_NAMES,
  DIETS,
  type Diet,
  type MealSlot,
  SERVICE_MODE_NAMES,
  type ServiceMode,
  TEXTURE_IDDSI_LEVEL,
  type Texture,
  textureLabel,
  TEXTURES,
} from './meal-vocabulary';

export interface OrderLine {
  readonly orderId: string;
  readonly seniorId: string;
  readonly seniorName: string;
  readonly date: string;
  readonly slot: MealSlot;
  readonly mode: ServiceMode;
  readonly diet: Diet;
  readonly texture: Texture;
  readonly choice: DishChoice;
  readonly routeId?: string | null;
  readonly stopNumber?: number | null;
  readonly addressText?: string | null;
  readonly deliveryNotes?: string | null;
  /** The senior's allergens, printed on the label as what the meal is free from. */
  readonly allergens?: string[];
}

export interface DishCount {
  /** Null for orders no dish fits (the kitchen decides). */
  readonly dishId: string | null;
  readonly dishName: string;
  readonly diet: Diet;
  readonly texture: Texture;
  readonly count: number;
}

export interface RouteCount {
  /** Null: delivery orders not on a route yet. */
  readonly routeId: string | null;
  readonly count: number;
  readonly byDish: DishCount[];
}

export interface ClashLine {
  readonly orderId: string;
  readonly seniorName: string;
  readonly clashes: string[];
  readonly substitutedWith: string | null;
  readonly unresolved: boolean;
}

export interface MealLabel {
  readonly orderId: string;
  /** Name and how the meal is served: "王秀英 · 送餐". */
  readonly line1: string;
  /** Dish, diet and texture: "清蒸鲈鱼 · 低盐 · IDDSI 5 细碎及湿软 (minced-moist)". */
  readonly line2: string;
  /** Free-from allergens, route and stop, notes: "不含 蛋、花生 · 线路 R1 第3站 · 备注: 敲门大声". */
  readonly line3: string;
}

export interface ProductionList {
  readonly kitchenId: string;
  readonly date: string;
  readonly slot: MealSlot;
  readonly total: number;
  readonly byMode: Record<ServiceMode, number>;
  /** Sorted by dish id (unresolved last), then diet and texture in vocabulary order. */
  readonly byDish: DishCount[];
  /** Delivery orders only (canteen and day-care meals are not on routes), sorted by route id, unrouted last. */
  readonly byRoute: RouteCount[];
  /** Orders that did not get the standard dish; unresolved first. */
  readonly clashes: ClashLine[];
  /** In packing order: by route and stop, then by name. */
  readonly labels: MealLabel[];
}

export const UNRESOLVED_DISH_NAME = '待定 (unresolved)';

export function buildProductionList(kitchenId: string, date: string, slot: MealSlot, lines: readonly OrderLine[]): ProductionList {
  const seen = new Set<string>();
  for (const line of lines) {
    if (line.date !== date || line.slot !== slot) throw new RangeError(`order ${line.orderId} is for ${line.slot} on ${line.date}, not ${slot} on ${date}`);
    if (seen.has(line.orderId)) throw new RangeError(`order ${line.orderId} appears twice`);
    seen.add(line.orderId);
  }
  const deliveries = lines.filter((l) => l.mode === 'delivery');
  const routeIds = [...new Set(deliveries.map((l) => l.routeId ?? null))].sort(nullsLast);
  return {
    kitchenId,
    date,
    slot,
    total: lines.length,
    byMode: { delivery: deliveries.length, canteen: lines.filter((l) => l.mode === 'canteen').length, 'day-care': lines.filter((l) => l.mode === 'day-care').length },
    byDish: countByDish(lines),
    byRoute: routeIds.map((routeId) => {
      const onRoute = deliveries.filter((l) => (l.routeId ?? null) === routeId);
      return { routeId, count: onRoute.length, byDish: countByDish(onRoute) };
    }),
    clashes: lines
      .filter((l) => l.choice.unresolved || l.choice.clashes.length > 0)
      .sort((a, b) => Number(b.choice.unresolved) - Number(a.choice.unresolved) || a.seniorName.localeCompare(b.seniorName, 'zh-CN') || a.orderId.localeCompare(b.orderId))
      .map((l) => ({
        orderId: l.orderId,
        seniorName: l.seniorName,
        clashes: l.choice.clashes,
        substitutedWith: l.choice.substituted ? (l.choice.dish?.name ?? null) : null,
        unresolved: l.choice.unresolved,
      })),
    labels: [...lines].sort(packingOrder).map(label),
  };
}

function nullsLast(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a.localeCompare(b);
}

function countByDish(lines: readonly OrderLine[]): DishCount[] {
  const counts = new Map<string, DishCount>();
  for (const line of lines) {
    const dishId = line.choice.dish?.dishId ?? null;
    const key = JSON.stringify([dishId, line.diet, line.texture]);
    const count = counts.get(key);
    counts.set(key, { dishId, dishName: line.choice.dish?.name ?? UNRESOLVED_DISH_NAME, diet: line.diet, texture: line.texture, count: (count?.count ?? 0) + 1 });
  }
  return [...counts.values()].sort(
    (a, b) => nullsLast(a.dishId, b.dishId) || DIETS.indexOf(a.diet) - DIETS.indexOf(b.diet) || TEXTURES.indexOf(a.texture) - TEXTURES.indexOf(b.texture),
  );
}

function packingOrder(a: OrderLine, b: OrderLine): number {
  const stop = (l: OrderLine) => l.stopNumber ?? Number.MAX_SAFE_INTEGER;
  return nullsLast(a.routeId ?? null, b.routeId ?? null) || stop(a) - stop(b) || a.seniorName.localeCompare(b.seniorName, 'zh-CN') || a.orderId.localeCompare(b.orderId);
}

function label(line: OrderLine): MealLabel {
  const allergens = line.allergens ?? [];
  const line3 = [
    allergens.length > 0 ? `不含 ${allergens.map((a) => ALLERGEN_NAMES[a as Allergen] ?? a).join('、')}` : null,
    line.routeId ? `线路 ${line.routeId} 第${line.stopNumber ?? '?'}站` : null,
    line.deliveryNotes ? `备注: ${line.deliveryNotes}` : null,
  ];
  return {
    orderId: line.orderId,
    line1: `${line.seniorName} · ${SERVICE_MODE_NAMES[line.mode]}`,
    line2: `${line.choice.dish?.name ?? UNRESOLVED_DISH_NAME} · ${DIET_NAMES[line.diet]} · ${textureLabel(line.texture)}`,
    line3: line3.filter((part) => part !== null).join(' · '),
  };
}

const CSV_HEADER = ['kitchen_id', 'date', 'slot', 'scope', 'route_id', 'dish_id', 'dish_name', 'diet', 'diet_name', 'texture', 'iddsi_level', 'count'];

/**
 * The counts as CSV for spreadsheets, one row per dish × diet × texture: `kitchen` rows (summing
 * to the total) then `route` rows per delivery route. Cells are quoted as needed and text a
 * spreadsheet would run as a formula ("=cmd") gets a leading apostrophe; UTF-8 BOM, CRLF.
 */
export function productionListCsv(list: ProductionList): string {
  const row = (scope: 'kitchen' | 'route', routeId: string | null, d: DishCount) =>
    [list.kitchenId, list.date, list.slot, scope, routeId, d.dishId, d.dishName, d.diet, DIET_NAMES[d.diet], d.texture, TEXTURE_IDDSI_LEVEL[d.texture], d.count].map(csvCell).join(',');
  const rows = [...list.byDish.map((d) => row('kitchen', null, d)), ...list.byRoute.flatMap((r) => r.byDish.map((d) => row('route', r.routeId, d)))];
  return `\uFEFF${[CSV_HEADER.join(','), ...rows].join('\r\n')}\r\n`;
}
