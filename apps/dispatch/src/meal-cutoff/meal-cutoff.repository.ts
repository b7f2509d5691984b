import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { MealCutoffRun } from '@app/persistence';

/** A senior with the subscription version in force on the date, and what the day plan and the door need of them. */
export interface SubscriberRow {
  senior_id: string;
  name: string;
  address_text: string;
  lat: number;
  lng: number;
  lives_alone: boolean;
  entitlements: object | null;
  residential_facility_id: string | null;
  residential_since: Date | null;
  valid_from: string;
  valid_until: string | null;
  terms: object;
}

export interface OrderRow {
  id: string;
  seniorId: string;
  mode: string;
  kitchenId: string | null;
  unassignedReason: string | null;
  diet: string;
  texture: string;
  choice: object;
  deliveryNotes: string | null;
  routeId: string | null;
  stopNumber: number | null;
  plannedArrival: string | null;
  priceFen: number;
  subsidyFen: number;
  coPayFen: number;
  subsidyTier: string | null;
  status: string;
}

export interface RouteRow {
  id: string;
  kitchenId: string;
  courierId: string;
  mode: string;
  departAt: string;
  returnAt: string;
  metres: number;
  meals: number;
  longestPackToDoorMinutes: number;
}

const BATCH = 2_000;

/** The only place that reads a district's subscriptions for a cutoff and writes its frozen orders and routes. */
@Injectable()
export class MealCutoffRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run(districtCode: string, date: string, slot: string): Promise<MealCutoffRun | null> {
    return this.dataSource.manager.findOne(MealCutoffRun, { where: { districtCode, date, slot } });
  }

  /** Claims the cutoff: false when another worker has it running or it is done. A run left 'running' by a crash is claimed again after 10 minutes. */
  async claim(districtCode: string, date: string, slot: string, policyVersion: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO dispatch.meal_cutoff_run (district_code, date, slot, status, policy_version, started_at)
       VALUES ($1, $2, $3, 'running', $4, now())
       ON CONFLICT (district_code, date, slot) DO UPDATE SET started_at = now(), policy_version = EXCLUDED.policy_version
         WHERE meal_cutoff_run.status = 'running' AND meal_cutoff_run.started_at < now() - interval '10 minutes'
       RETURNING 1`,
      [districtCode, date, slot, policyVersion],
    );
    return rows.length > 0;
  }

  subscribers(districtCode: string, date: string): Promise<SubscriberRow[]> {
    return this.dataSource.query(
      `SELECT s.senior_id, s.name, s.address_text, ST_Y(s.location::geometry) AS lat, ST_X(s.location::geometry) AS lng, s.lives_alone, s.entitlements,
              s.residential_facility_id, s.residential_since, v.valid_from::text AS valid_from, v.valid_until::text AS valid_until, v.terms
       FROM dispatch.meal_subscription_version v JOIN dispatch.senior_view s ON s.senior_id = v.senior_id
       WHERE s.district_code = $1 AND v.valid_from <= $2 AND (v.valid_until IS NULL OR v.valid_until >= $2)`,
      [districtCode, date],
    );
  }

  pausesOn(districtCode: string, date: string): Promise<Array<{ senior_id: string; from_date: string; until_date: string | null; reason: string }>> {
    return this.dataSource.query(
      `SELECT p.senior_id, p.from_date::text AS from_date, p.until_date::text AS until_date, p.reason FROM dispatch.meal_pause p JOIN dispatch.senior_view s ON s.senior_id = p.senior_id
       WHERE s.district_code = $1 AND p.from_date <= $2 AND (p.until_date IS NULL OR p.until_date >= $2)`,
      [districtCode, date],
    );
  }

  changesOn(districtCode: string, date: string): Promise<Array<{ senior_id: string; slot: string; kind: 'skip' | 'extra'; mode: 'delivery' | 'canteen' | null }>> {
    return this.dataSource.query(
      `SELECT c.senior_id, c.slot, c.kind, c.mode FROM dispatch.meal_change c JOIN dispatch.senior_view s ON s.senior_id = c.senior_id WHERE s.district_code = $1 AND c.date = $2`,
      [districtCode, date],
    );
  }

  dayCareOn(districtCode: string, date: string): Promise<Array<{ senior_id: string; facility_id: string; lat: number; lng: number }>> {
    return this.dataSource.query(
      `SELECT d.senior_id, d.facility_id, ST_Y(f.location::geometry) AS lat, ST_X(f.location::geometry) AS lng
       FROM dispatch.daycare_day d JOIN dispatch.senior_view s ON s.senior_id = d.senior_id LEFT JOIN dispatch.facility_view f ON f.facility_id = d.facility_id
       WHERE s.district_code = $1 AND d.date = $2`,
      [districtCode, date],
    );
  }

  facilityLocations(ids: string[]): Promise<Array<{ facility_id: string; lat: number; lng: number }>> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.dataSource.query(`SELECT facility_id, ST_Y(location::geometry) AS lat, ST_X(location::geometry) AS lng FROM dispatch.facility_view WHERE facility_id = ANY($1::uuid[])`, [ids]);
  }

  /** Who delivered each senior's meal of this slot on the previous day, and at which stop: kept unless a change pays off. */
  yesterday(districtCode: string, date: string, slot: string): Promise<Array<{ senior_id: string; kitchen_id: string | null; courier_id: string; stop_number: number }>> {
    return this.dataSource.query(
      `SELECT o.senior_id, o.kitchen_id, r.courier_id, o.stop_number FROM dispatch.meal_order o JOIN dispatch.delivery_route r ON r.id = o.route_id
       WHERE o.district_code = $1 AND o.date = $2::date - 1 AND o.slot = $3`,
      [districtCode, date, slot],
    );
  }

  /** Writes the frozen orders and routes in one transaction (replacing any left by a crashed run) and marks the cutoff done. */
  async save(districtCode: string, date: string, slot: string, orders: OrderRow[], routes: RouteRow[], summary: object): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM dispatch.meal_order WHERE district_code = $1 AND date = $2 AND slot = $3`, [districtCode, date, slot]);
      await manager.query(`DELETE FROM dispatch.delivery_route WHERE date = $1 AND slot = $2 AND kitchen_id IN (SELECT id FROM dispatch.kitchen WHERE district_code = $3)`, [date, slot, districtCode]);
      for (let i = 0; i < routes.length; i += BATCH) await insertRoutes(manager, date, slot, routes.slice(i, i + BATCH));
      for (let i = 0; i < orders.length; i += BATCH) await insertOrders(manager, districtCode, date, slot, orders.slice(i, i + BATCH));
      await manager.query(`UPDATE dispatch.meal_cutoff_run SET status = 'done', finished_at = now(), summary = $4 WHERE district_code = $1 AND date = $2 AND slot = $3`, [districtCode, date, slot, JSON.stringify(summary)]);
    });
  }
}

async function insertRoutes(manager: EntityManager, date: string, slot: string, routes: RouteRow[]): Promise<void> {
  await manager.query(
    `INSERT INTO dispatch.delivery_route (id, kitchen_id, courier_id, date, slot, mode, depart_at, return_at, metres, meals, longest_pack_to_door_minutes)
     SELECT r."id", r."kitchenId", r."courierId", $2, $3, r."mode", r."departAt", r."returnAt", r."metres", r."meals", r."longestPackToDoorMinutes"
     FROM jsonb_to_recordset($1::jsonb) AS r("id" uuid, "kitchenId" uuid, "courierId" uuid, "mode" text, "departAt" timestamptz, "returnAt" timestamptz, "metres" int, "meals" int, "longestPackToDoorMinutes" float8)`,
    [JSON.stringify(routes), date, slot],
  );
}

async function insertOrders(manager: EntityManager, districtCode: string, date: string, slot: string, orders: OrderRow[]): Promise<void> {
  await manager.query(
    `INSERT INTO dispatch.meal_order (id, district_code, senior_id, date, slot, mode, kitchen_id, unassigned_reason, diet, texture, choice, delivery_notes, route_id, stop_number, planned_arrival, price_fen, subsidy_fen, co_pay_fen, subsidy_tier, status, frozen_at)
     SELECT o."id", $2, o."seniorId", $3, $4, o."mode", o."kitchenId", o."unassignedReason", o."diet", o."texture", o."choice", o."deliveryNotes", o."routeId", o."stopNumber", o."plannedArrival",
            o."priceFen", o."subsidyFen", o."coPayFen", o."subsidyTier", o."status", now()
     FROM jsonb_to_recordset($1::jsonb) AS o("id" uuid, "seniorId" uuid, "mode" text, "kitchenId" uuid, "unassignedReason" text, "diet" text, "texture" text, "choice" jsonb, "deliveryNotes" text,
          "routeId" uuid, "stopNumber" int, "plannedArrival" timestamptz, "priceFen" int, "subsidyFen" int, "coPayFen" int, "subsidyTier" text, "status" text)`,
    [JSON.stringify(orders), districtCode, date, slot],
  );
}
