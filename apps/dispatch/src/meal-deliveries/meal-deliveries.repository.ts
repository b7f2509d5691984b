import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { MealOrder, StopOutcome } from '@app/persistence';

/** An order with what a kitchen list, a label or a manifest shows of its senior and route. */
export interface OrderView {
  id: string;
  senior_id: string;
  name: string;
  address_text: string;
  lat: number;
  lng: number;
  lives_alone: boolean;
  district_code: string;
  date: string;
  slot: string;
  mode: string;
  kitchen_id: string | null;
  diet: string;
  texture: string;
  choice: object;
  delivery_notes: string | null;
  route_id: string | null;
  stop_number: number | null;
  planned_arrival: Date | null;
  status: string;
  allergens: string[];
  outcome: string | null;
}

export interface RouteView {
  id: string;
  kitchen_id: string;
  kitchen_name: string;
  courier_id: string;
  courier_name: string;
  courier_account_id: string | null;
  mode: string;
  date: string;
  slot: string;
  depart_at: Date;
  return_at: Date;
  metres: number;
  meals: number;
  longest_pack_to_door_minutes: number;
}

const ORDER_COLUMNS = `o.id, o.senior_id, s.name, s.address_text, ST_Y(s.location::geometry) AS lat, ST_X(s.location::geometry) AS lng, s.lives_alone, o.district_code,
  o.date::text AS date, o.slot, o.mode, o.kitchen_id, o.diet, o.texture, o.choice, o.delivery_notes, o.route_id, o.stop_number, o.planned_arrival, o.status,
  ARRAY(SELECT jsonb_array_elements_text(coalesce(v.terms -> 'allergens', '[]'::jsonb))) AS allergens, so.outcome`;
const ORDER_FROM = `dispatch.meal_order o JOIN dispatch.senior_view s ON s.senior_id = o.senior_id
  LEFT JOIN dispatch.meal_subscription_version v ON v.senior_id = o.senior_id AND v.valid_from <= o.date AND (v.valid_until IS NULL OR v.valid_until >= o.date)
  LEFT JOIN dispatch.stop_outcome so ON so.order_id = o.id`;
const ROUTE_COLUMNS = `r.id, r.kitchen_id, k.name AS kitchen_name, r.courier_id, c.name AS courier_name, c.account_id AS courier_account_id, r.mode, r.date::text AS date, r.slot,
  r.depart_at, r.return_at, r.metres, r.meals, r.longest_pack_to_door_minutes`;
const ROUTE_FROM = `dispatch.delivery_route r JOIN dispatch.kitchen k ON k.id = r.kitchen_id JOIN dispatch.courier c ON c.id = r.courier_id`;

/** The only place that reads frozen orders, routes and door outcomes, and writes outcomes and follow-ups. */
@Injectable()
export class MealDeliveriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  kitchenOrders(kitchenId: string, date: string, slot: string): Promise<OrderView[]> {
    return this.dataSource.query(`SELECT ${ORDER_COLUMNS} FROM ${ORDER_FROM} WHERE o.kitchen_id = $1 AND o.date = $2 AND o.slot = $3 ORDER BY o.route_id NULLS LAST, o.stop_number, s.name`, [kitchenId, date, slot]);
  }

  routeOrders(routeIds: string[]): Promise<OrderView[]> {
    if (routeIds.length === 0) return Promise.resolve([]);
    return this.dataSource.query(`SELECT ${ORDER_COLUMNS} FROM ${ORDER_FROM} WHERE o.route_id = ANY($1::uuid[]) ORDER BY o.route_id, o.stop_number`, [routeIds]);
  }

  async order(orderId: string): Promise<OrderView | null> {
    const rows: OrderView[] = await this.dataSource.query(`SELECT ${ORDER_COLUMNS} FROM ${ORDER_FROM} WHERE o.id = $1`, [orderId]);
    return rows[0] ?? null;
  }

  kitchenRoutes(kitchenId: string, date: string, slot: string): Promise<RouteView[]> {
    return this.dataSource.query(`SELECT ${ROUTE_COLUMNS} FROM ${ROUTE_FROM} WHERE r.kitchen_id = $1 AND r.date = $2 AND r.slot = $3 ORDER BY c.name`, [kitchenId, date, slot]);
  }

  async courierRoute(accountId: string, date: string, slot: string): Promise<RouteView | null> {
    const rows: RouteView[] = await this.dataSource.query(`SELECT ${ROUTE_COLUMNS} FROM ${ROUTE_FROM} WHERE c.account_id = $1 AND r.date = $2 AND r.slot = $3`, [accountId, date, slot]);
    return rows[0] ?? null;
  }

  async route(routeId: string): Promise<RouteView | null> {
    const rows: RouteView[] = await this.dataSource.query(`SELECT ${ROUTE_COLUMNS} FROM ${ROUTE_FROM} WHERE r.id = $1`, [routeId]);
    return rows[0] ?? null;
  }

  outcome(orderId: string, manager: EntityManager = this.dataSource.manager): Promise<StopOutcome | null> {
    return manager.findOne(StopOutcome, { where: { orderId } });
  }

  async insertOutcome(manager: EntityManager, outcome: Omit<StopOutcome, 'recordedAt' | 'followUpClosedAt' | 'followUpClosedBy' | 'followUpResolution'>): Promise<void> {
    await manager.insert(StopOutcome, outcome);
    await manager.update(MealOrder, { id: outcome.orderId }, { status: outcome.outcome });
  }

  /** The senior's door outcomes of the last days, for the reassessment rule. */
  recentOutcomes(seniorId: string, fromDate: string, manager: EntityManager = this.dataSource.manager): Promise<Array<{ date: string; outcome: StopOutcome['outcome'] }>> {
    return manager.query(
      `SELECT o.date::text AS date, so.outcome FROM dispatch.stop_outcome so JOIN dispatch.meal_order o ON o.id = so.order_id WHERE so.senior_id = $1 AND o.date >= $2 ORDER BY o.date`,
      [seniorId, fromDate],
    );
  }

  openFollowUps(districtCode: string, kitchenId: string | null): Promise<Array<OrderView & { at: Date; note: string | null }>> {
    return this.dataSource.query(
      `SELECT ${ORDER_COLUMNS}, so.at, so.note FROM ${ORDER_FROM}
       WHERE o.district_code = $1 AND ($2::uuid IS NULL OR o.kitchen_id = $2) AND so.outcome <> 'delivered' AND so.follow_up_closed_at IS NULL
       ORDER BY so.at`,
      [districtCode, kitchenId],
    );
  }

  async closeFollowUp(orderId: string, by: string, resolution: string): Promise<boolean> {
    const result: [unknown[], number] = await this.dataSource.query(
      `UPDATE dispatch.stop_outcome SET follow_up_closed_at = now(), follow_up_closed_by = $2, follow_up_resolution = $3 WHERE order_id = $1 AND outcome <> 'delivered' AND follow_up_closed_at IS NULL`,
      [orderId, by, resolution],
    );
    return result[1] > 0;
  }

  /** The senior's orders of a month that count on the bill: delivered or served, or frozen and not yet reported. */
  monthOrders(seniorId: string, month: string): Promise<Array<{ id: string; date: string; slot: string; price_fen: number; subsidy_fen: number; co_pay_fen: number; subsidy_tier: string | null; status: string }>> {
    return this.dataSource.query(
      `SELECT id, date::text AS date, slot, price_fen, subsidy_fen, co_pay_fen, subsidy_tier, status FROM dispatch.meal_order
       WHERE senior_id = $1 AND to_char(date, 'YYYY-MM') = $2 ORDER BY date, slot`,
      [seniorId, month],
    );
  }
}
