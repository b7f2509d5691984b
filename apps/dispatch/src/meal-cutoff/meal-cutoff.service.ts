import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainError, type MealCutoffSummary, type MealSlotName } from '@app/contracts';
import {
  assignOrdersToKitchens,
  chargeFor,
  DISTRICT_TIME_ZONE,
  chooseDish,
  isBeforeCutoff,
  type CourierMode,
  DEFAULT_COURIER_MODES,
  type DeliveryPlan,
  type Dish,
  type DishChoice,
  type Entitlements,
  localDate,
  localInstantAtMinute,
  mealsForDate,
  type MealSubscriptionTerms,
  minutesOfDay,
  planDeliveries,
  type ServiceMode,
} from '@app/domain';
import type { Kitchen } from '@app/persistence';
import { KitchenWebhooksService } from '../kitchen-webhooks/kitchen-webhooks.service';
import { KitchensRepository } from '../kitchens/kitchens.repository';
import { MealPoliciesService } from '../meal-policies/meal-policies.service';
import { type OrderRow, MealCutoffRepository, type RouteRow, type SubscriberRow } from './meal-cutoff.repository';

/**
 * Routing time: the district's budget is shared in proportion to each kitchen's deliveries (a central
 * kitchen with 1,200 stops needs seconds, a canteen with 30 a fraction of one), never more than a
 * small round needs, never less than a floor. Keeps a Minhang-sized cutoff well within two minutes.
 */
const ROUTING_BUDGET_MS = 45_000;
/** Street distance over straight line, as the delivery routes assume. */
const STREET_DETOUR = 1.3;
const ROUTING_MS_MIN = 150;
const ROUTING_MS_BASE = 200;
const ROUTING_MS_PER_STOP = 20;

interface FrozenMeal {
  orderId: string;
  senior: SubscriberRow;
  mode: ServiceMode;
  diet: string;
  texture: string;
  allergens: string[];
  avoid: string[];
  deliveryNotes: string | null;
  /** Where the meal goes: the home, the canteen or the day-care centre. */
  location: { lat: number; lng: number };
  /** The canteen or centre it is served at (eat-in), or yesterday's kitchen (delivery). */
  preferredFacilityId: string | null;
  charge: ReturnType<typeof chargeFor>;
}

/**
 * The cutoff of a district's meal slot for a date, in four stages: freeze the day's orders from the
 * subscriptions (day care, stays and pauses applied), assign each to a kitchen by distance and
 * capacity with overflow, choose each meal's dish against the senior's restrictions, and plan the
 * couriers' routes per kitchen. Everything is computed first and written in one transaction, so a
 * crash leaves nothing half-written and a retry simply runs it again; a cutoff that is done is
 * never redone.
 */
@Injectable()
export class MealCutoffService {
  private readonly logger = new Logger(MealCutoffService.name);

  constructor(
    private readonly cutoffs: MealCutoffRepository,
    private readonly kitchens: KitchensRepository,
    private readonly policies: MealPoliciesService,
    private readonly webhooks: KitchenWebhooksService,
  ) {}

  /** Orders for a meal may change until its cutoff, and not once it has been frozen (a cutoff run early by an admin). */
  async isOpen(districtCode: string, slot: MealSlotName, date: string, now: Date = new Date()): Promise<boolean> {
    const { policy } = await this.policies.inForce(districtCode, date);
    if (!isBeforeCutoff(policy, slot, date, now)) return false;
    return (await this.cutoffs.run(districtCode, date, slot)) === null;
  }

  async run(districtCode: string, date: string, slot: MealSlotName): Promise<MealCutoffSummary> {
    const started = performance.now();
    const { version, policy } = await this.policies.inForce(districtCode, date);
    const slotPolicy = policy.slots[slot];
    if (!slotPolicy) throw new DomainError('VALIDATION_FAILED', `District ${districtCode} serves no ${slot} under meal policy ${version}`, [{ field: 'slot', problems: [`not served in ${districtCode}`] }]);
    const done = await this.cutoffs.run(districtCode, date, slot);
    if (done?.status === 'done') return { ...(done.summary as MealCutoffSummary), alreadyDone: true };
    if (!(await this.cutoffs.claim(districtCode, date, slot, version))) throw new DomainError('CONFLICT', `The ${slot} cutoff for ${date} in ${districtCode} is running elsewhere`);

    // 1. Freeze: the meals of the date from the subscriptions in force.
    const [subscribers, pauses, changes, dayCare, kitchens, yesterday] = await Promise.all([
      this.cutoffs.subscribers(districtCode, date),
      this.cutoffs.pausesOn(districtCode, date),
      this.cutoffs.changesOn(districtCode, date),
      this.cutoffs.dayCareOn(districtCode, date),
      this.kitchens.inDistrict(districtCode),
      this.cutoffs.yesterday(districtCode, date, slot),
    ]);
    const bySenior = <T extends { senior_id: string }>(rows: T[]) => {
      const map = new Map<string, T[]>();
      for (const row of rows) {
        const list = map.get(row.senior_id);
        if (list) list.push(row);
        else map.set(row.senior_id, [row]);
      }
      return map;
    };
    const pausesOf = bySenior(pauses);
    const changesOf = bySenior(changes);
    const dayCareOf = new Map(dayCare.map((d) => [d.senior_id, d]));
    const yesterdayOf = new Map(yesterday.map((y) => [y.senior_id, y]));
    const canteenIds = [...new Set(subscribers.map((s) => (s.terms as { canteenFacilityId?: string | null }).canteenFacilityId).filter((id): id is string => !!id))];
    const canteenAt = new Map((await this.cutoffs.facilityLocations(canteenIds)).map((f) => [f.facility_id, { lat: f.lat, lng: f.lng }]));

    const meals: FrozenMeal[] = [];
    for (const senior of subscribers) {
      const centre = dayCareOf.get(senior.senior_id);
      const plan = mealsForDate(
        [{ ...(senior.terms as MealSubscriptionTerms), validFrom: senior.valid_from, validUntil: senior.valid_until }],
        (pausesOf.get(senior.senior_id) ?? []).map((p) => ({ from: p.from_date, until: p.until_date, reason: p.reason })),
        (changesOf.get(senior.senior_id) ?? []).map((c) => ({ date, slot: c.slot as MealSlotName, kind: c.kind, ...(c.mode ? { mode: c.mode } : {}) })),
        { dayCareDates: centre ? [date] : [], residentialFacilityId: senior.residential_facility_id, residentialSince: senior.residential_since ? localDate(senior.residential_since) : null },
        date,
      );
      const meal = plan.planned.find((m) => m.slot === slot);
      if (!meal) continue;
      const entitlements = senior.entitlements as Entitlements | null;
      const eatIn = meal.mode === 'canteen' ? meal.terms.canteenFacilityId : meal.mode === 'day-care' ? (centre?.facility_id ?? null) : null;
      const eatInAt = meal.mode === 'canteen' ? canteenAt.get(meal.terms.canteenFacilityId ?? '') : meal.mode === 'day-care' && centre?.lat != null ? { lat: centre.lat, lng: centre.lng } : undefined;
      meals.push({
        orderId: randomUUID(),
        senior,
        mode: meal.mode,
        diet: meal.terms.diet,
        texture: meal.terms.texture,
        allergens: meal.terms.allergens,
        avoid: meal.terms.avoid,
        deliveryNotes: meal.terms.deliveryNotes,
        location: eatInAt ?? { lat: senior.lat, lng: senior.lng },
        preferredFacilityId: eatIn,
        charge: chargeFor(slotPolicy.priceFen, entitlements?.meals ?? null),
      });
    }
    const frozenAt = performance.now();

    // 2. Assign to kitchens: eat-in meals to the kitchen at their canteen or centre when it can, deliveries nearest first with overflow.
    const kitchenAtFacility = new Map(kitchens.filter((k) => k.facilityId).map((k) => [k.facilityId!, k.id]));
    // How far each kitchen's fastest courier can carry a hot meal: deliveries beyond it go to another kitchen.
    const couriers = await this.kitchens.activeCouriers(kitchens.map((k) => k.id));
    const reachOf = new Map<string, number>();
    for (const c of couriers) {
      const metres = (DEFAULT_COURIER_MODES[c.mode as CourierMode].speedKmh * 1000 * policy.maxPackToDoorMinutes) / 60 / STREET_DETOUR;
      reachOf.set(c.kitchenId, Math.max(reachOf.get(c.kitchenId) ?? 0, metres));
    }
    const assignment = assignOrdersToKitchens(
      meals.map((m) => ({
        orderId: m.orderId,
        location: m.location,
        diet: m.diet,
        texture: m.texture,
        preferredKitchenId: m.preferredFacilityId ? (kitchenAtFacility.get(m.preferredFacilityId) ?? null) : (yesterdayOf.get(m.senior.senior_id)?.kitchen_id ?? null),
        eatIn: m.mode !== 'delivery',
      })),
      kitchens.map((k) => ({ kitchenId: k.id, location: pointOf(k), capacity: (k.capacity as Record<string, number>)[slot] ?? 0, diets: k.diets, textures: k.textures, reachMetres: reachOf.get(k.id) ?? 0 })),
    );
    const kitchenOf = new Map(assignment.assignments.map((a) => [a.orderId, a]));
    const unassignedReason = new Map(assignment.unassigned.map((u) => [u.orderId, u.reason]));
    const assignedAt = performance.now();

    // 3. Production: each meal's dish from its kitchen's menu, with clashes and substitutions.
    const menus = new Map((await this.kitchens.menus(kitchens.map((k) => k.id), date, slot)).map((m) => [m.kitchenId, m.dishes as unknown as Dish[]]));
    const choices = new Map<string, DishChoice>();
    for (const meal of meals) {
      const kitchenId = kitchenOf.get(meal.orderId)?.kitchenId;
      const dishes = kitchenId ? (menus.get(kitchenId) ?? []) : [];
      choices.set(meal.orderId, chooseDish({ date, slot, dishes }, { diet: meal.diet as never, texture: meal.texture as never, allergens: meal.allergens, avoid: meal.avoid }));
    }
    const producedAt = performance.now();

    // 4. Routes per kitchen for its deliveries, keeping yesterday's courier and order unless a change pays off.
    const window = { from: minutesOfDay(slotPolicy.deliveryWindow.from), to: minutesOfDay(slotPolicy.deliveryWindow.to) };
    const deliveriesOf = new Map<string, FrozenMeal[]>();
    for (const meal of meals) {
      const kitchenId = kitchenOf.get(meal.orderId)?.kitchenId;
      if (meal.mode !== 'delivery' || !kitchenId) continue;
      const list = deliveriesOf.get(kitchenId);
      if (list) list.push(meal);
      else deliveriesOf.set(kitchenId, [meal]);
    }
    const deliveriesTotal = [...deliveriesOf.values()].reduce((sum, d) => sum + d.length, 0);
    const routingMs = (stops: number) => Math.max(ROUTING_MS_MIN, Math.min(ROUTING_MS_BASE + ROUTING_MS_PER_STOP * stops, Math.floor((ROUTING_BUDGET_MS * stops) / Math.max(1, deliveriesTotal))));
    const plans = new Map<string, DeliveryPlan>();
    const routeRows: RouteRow[] = [];
    const stopOf = new Map<string, { routeId: string; stopNumber: number; arriveAt: number }>();
    const unrouted = new Map<string, string>();
    for (const [kitchenId, deliveries] of deliveriesOf) {
      const kitchen = kitchens.find((k) => k.id === kitchenId)!;
      const fleet = couriers.filter((c) => c.kitchenId === kitchenId).map((c) => ({ courierId: c.id, mode: c.mode as CourierMode, ...(c.capacity ? { capacity: c.capacity } : {}), shift: { from: c.shiftFrom, to: c.shiftTo } }));
      if (fleet.length === 0) {
        for (const meal of deliveries) unrouted.set(meal.orderId, `${kitchen.name} has no active courier`);
        continue;
      }
      const plan = planDeliveries(
        { kitchenId, location: pointOf(kitchen) },
        deliveries.map((meal) => ({
          orderId: meal.orderId,
          seniorId: meal.senior.senior_id,
          location: meal.location,
          meals: 1,
          window,
          hot: choices.get(meal.orderId)?.dish?.hot ?? true,
          yesterdayCourierId: yesterdayOf.get(meal.senior.senior_id)?.courier_id ?? null,
          yesterdayPosition: yesterdayOf.get(meal.senior.senior_id)?.stop_number ?? null,
        })),
        fleet,
        { maxPackToDoorMinutes: policy.maxPackToDoorMinutes, timeLimitMs: routingMs(deliveries.length) },
      );
      plans.set(kitchenId, plan);
      for (const route of plan.routes) {
        const routeId = randomUUID();
        routeRows.push({
          id: routeId,
          kitchenId,
          courierId: route.courierId,
          mode: route.mode,
          departAt: localInstantAtMinute(date, route.departAt, DISTRICT_TIME_ZONE).toISOString(),
          returnAt: localInstantAtMinute(date, route.returnAt, DISTRICT_TIME_ZONE).toISOString(),
          metres: Math.round(route.metres),
          meals: route.meals,
          longestPackToDoorMinutes: Math.max(0, ...route.stops.map((s) => s.packToDoorMinutes)),
        });
        for (const stop of route.stops) stopOf.set(stop.orderId, { routeId, stopNumber: stop.position, arriveAt: stop.arriveAt });
      }
      for (const missed of plan.unassigned) unrouted.set(missed.orderId, missed.reason);
    }
    const routedAt = performance.now();

    const orders: OrderRow[] = meals.map((meal) => {
      const kitchen = kitchenOf.get(meal.orderId);
      const stop = stopOf.get(meal.orderId);
      return {
        id: meal.orderId,
        seniorId: meal.senior.senior_id,
        mode: meal.mode,
        kitchenId: kitchen?.kitchenId ?? null,
        unassignedReason: unassignedReason.get(meal.orderId) ?? unrouted.get(meal.orderId) ?? null,
        diet: meal.diet,
        texture: meal.texture,
        choice: choices.get(meal.orderId)!,
        deliveryNotes: meal.deliveryNotes,
        routeId: stop?.routeId ?? null,
        stopNumber: stop?.stopNumber ?? null,
        plannedArrival: stop ? localInstantAtMinute(date, stop.arriveAt, DISTRICT_TIME_ZONE).toISOString() : null,
        priceFen: meal.charge.priceFen,
        subsidyFen: meal.charge.subsidyFen,
        coPayFen: meal.charge.coPayFen,
        subsidyTier: meal.charge.subsidyTier,
        status: kitchen ? 'planned' : 'unassigned',
      };
    });
    const allPlans = [...plans.values()];
    const kept = allPlans.reduce((sum, p) => ({ stops: sum.stops + p.keptFromYesterday.stops, of: sum.of + p.keptFromYesterday.of }), { stops: 0, of: 0 });
    const seconds = (from: number, to: number) => Number(((to - from) / 1000).toFixed(3));
    const summary: MealCutoffSummary = {
      districtCode,
      date,
      slot,
      policyVersion: version,
      alreadyDone: false,
      orders: orders.length,
      delivery: meals.filter((m) => m.mode === 'delivery').length,
      canteen: meals.filter((m) => m.mode === 'canteen').length,
      dayCare: meals.filter((m) => m.mode === 'day-care').length,
      unassigned: assignment.unassigned.length,
      overflow: assignment.assignments.filter((a) => a.overflow).length,
      kitchens: new Set(assignment.assignments.map((a) => a.kitchenId)).size,
      couriersUsed: allPlans.reduce((sum, p) => sum + p.couriersUsed, 0),
      longestPackToDoorMinutes: Math.max(0, ...allPlans.map((p) => p.longestPackToDoorMinutes)),
      keptFromYesterday: { ...kept, share: kept.of === 0 ? 1 : Number((kept.stops / kept.of).toFixed(4)) },
      unrouted: unrouted.size,
      seconds: { freeze: seconds(started, frozenAt), assign: seconds(frozenAt, assignedAt), production: seconds(assignedAt, producedAt), routes: seconds(producedAt, routedAt), total: 0 },
    };
    await this.cutoffs.save(districtCode, date, slot, orders, routeRows, summary);
    await this.webhooks.enqueue([...new Set(assignment.assignments.map((a) => a.kitchenId))], date, slot);
    summary.seconds.total = seconds(started, performance.now());
    this.logger.log({ districtCode, date, slot, orders: summary.orders, seconds: summary.seconds }, 'meal cutoff done');
    return summary;
  }
}

function pointOf(kitchen: Kitchen): { lat: number; lng: number } {
  const [lng, lat] = kitchen.location.coordinates as [number, number];
  return { lat, lng };
}
