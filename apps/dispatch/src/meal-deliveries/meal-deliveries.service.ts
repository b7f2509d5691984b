import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import {
  type Actor,
  DomainError,
  type FollowUpRecord,
  type ManifestStop,
  type MealSlotName,
  type RouteManifest,
  type StopOutcomeName,
  type StopOutcomeRecord,
} from '@app/contracts';
import {
  addDays,
  buildProductionList,
  escalationLadder,
  type DishChoice,
  localDate,
  type MealCharge,
  monthlyStatement,
  type MonthlyStatement,
  type ProductionList,
  reassessmentDue,
  startsEscalation,
} from '@app/domain';
import { DispatchOutboxEvent, OutboxRelay, recordEvent, type StopOutcome } from '@app/persistence';
import { EscalationsService } from '../escalations/escalations.service';
import { requireKitchenAccess } from '../kitchens/kitchen-access';
import { MealPoliciesService } from '../meal-policies/meal-policies.service';
import { MealSubscriptionsRepository } from '../meal-subscriptions/meal-subscriptions.repository';
import { MealDeliveriesRepository, type OrderView, type RouteView } from './meal-deliveries.repository';

/** Outcomes that put a meal on the senior's bill: it reached them, or it is frozen and not yet reported. */
const BILLED = new Set(['delivered', 'served', 'planned']);

/**
 * What happens after the cutoff: the kitchen's production list and the couriers' manifests, each
 * door's outcome, the follow-up queue of every meal not delivered, and the senior's monthly bill.
 * A kitchen sees only its own lists; a courier only their own route.
 */
@Injectable()
export class MealDeliveriesService {
  constructor(
    private readonly deliveries: MealDeliveriesRepository,
    private readonly subscriptions: MealSubscriptionsRepository,
    private readonly policies: MealPoliciesService,
    private readonly relay: OutboxRelay,
    private readonly escalations: EscalationsService,
  ) {}

  async productionList(kitchenId: string, date: string, slot: MealSlotName, actor: Actor): Promise<ProductionList> {
    requireKitchenAccess(actor, kitchenId);
    const orders = await this.deliveries.kitchenOrders(kitchenId, date, slot);
    return buildProductionList(
      kitchenId,
      date,
      slot,
      orders.map((o) => ({
        orderId: o.id,
        seniorId: o.senior_id,
        seniorName: o.name,
        date: o.date,
        slot: o.slot as MealSlotName,
        mode: o.mode as 'delivery',
        diet: o.diet as 'regular',
        texture: o.texture as 'regular',
        choice: o.choice as DishChoice,
        routeId: o.route_id,
        stopNumber: o.stop_number,
        addressText: o.mode === 'delivery' ? o.address_text : null,
        deliveryNotes: o.delivery_notes,
        allergens: o.allergens,
      })),
    );
  }

  async manifests(kitchenId: string, date: string, slot: MealSlotName, actor: Actor): Promise<RouteManifest[]> {
    requireKitchenAccess(actor, kitchenId);
    const routes = await this.deliveries.kitchenRoutes(kitchenId, date, slot);
    const orders = await this.deliveries.routeOrders(routes.map((r) => r.id));
    return routes.map((route) => toManifest(route, orders.filter((o) => o.route_id === route.id)));
  }

  /** The calling courier's own route. */
  async courierRoute(date: string, slot: MealSlotName, actor: Actor): Promise<RouteManifest> {
    const route = await this.deliveries.courierRoute(actor.accountId, date, slot);
    if (!route) throw new DomainError('NOT_FOUND', `You have no ${slot} route on ${date}`);
    return toManifest(route, await this.deliveries.routeOrders([route.id]));
  }

  /**
   * Records what happened at the door, once. A courier may record only stops of their own route; a
   * kitchen's staff any of its meals. A senior reported in hospital has meals paused until further
   * notice; repeated refusals or missed meals ask the assessment service for a reassessment.
   */
  async recordOutcome(orderId: string, outcome: StopOutcomeName, at: string | null, note: string | null, actor: Actor, correlationId: string): Promise<StopOutcomeRecord> {
    const order = await this.deliveries.order(orderId);
    if (!order) throw new DomainError('ORDER_NOT_FOUND', `No meal order ${orderId}`);
    if (order.mode !== 'delivery' || !order.route_id) throw new DomainError('CONFLICT', `Meal ${orderId} is not on a delivery route (${order.mode}${order.route_id ? '' : ', unrouted'}); record it where it is served`);
    await this.requireOnRoute(order, actor);
    const when = at ? new Date(at) : new Date();
    if (when.getTime() > Date.now() + 5 * 60_000) throw new DomainError('VALIDATION_FAILED', 'An outcome cannot be in the future', [{ field: 'at', problems: ['is in the future'] }]);
    const { policy } = await this.policies.inForce(order.district_code, order.date);
    const today = localDate(new Date());
    const { escalation, reassessment } = await this.deliveries.transaction(async (manager) => {
      if (await this.deliveries.outcome(orderId, manager)) throw new DomainError('CONFLICT', `An outcome for meal ${orderId} is already recorded`);
      await this.deliveries.insertOutcome(manager, { orderId, seniorId: order.senior_id, outcome, at: when, recordedBy: actor.accountId, note });
      if (outcome === 'hospitalised') {
        await this.subscriptions.insertPause(manager, { id: randomUUID(), seniorId: order.senior_id, fromDate: addDays(order.date, 1), untilDate: null, reason: `in hospital (reported at the door on ${order.date}); resume when home`, createdBy: actor.accountId });
      }
      // Repeated refusals or missed meals: the request travels in the outcome's own transaction, so it cannot be lost.
      const due = reassessmentDue(await this.deliveries.recentOutcomes(order.senior_id, addDays(today, -policy.reassessment.withinDays), manager), policy.reassessment, today);
      if (due.due) {
        await recordEvent(manager, DispatchOutboxEvent, 'meals.reassessment-requested', { requestId: `meals:${order.senior_id}:${today}`, seniorId: order.senior_id, reason: due.reason!, raisedBy: actor.accountId }, correlationId);
      }
      // Nobody opened the door: an emergency until someone has seen the senior.
      return {
        escalation: startsEscalation(outcome, order.lives_alone) ? await this.escalations.start(manager, order, when, escalationLadder(policy)) : null,
        reassessment: due.due,
      };
    });
    if (reassessment) this.relay.kick();
    if (escalation) await this.escalations.schedule(escalation.caseId, escalation.step, escalation.deadline);
    return toOutcomeRecord((await this.deliveries.outcome(orderId))!);
  }

  async followUps(districtCode: string, kitchenId: string | null, actor: Actor): Promise<FollowUpRecord[]> {
    if (kitchenId) requireKitchenAccess(actor, kitchenId);
    else if (!actor.roles.includes('admin') && !actor.roles.includes('planner')) throw new DomainError('FORBIDDEN', 'Kitchen staff see the follow-ups of their kitchen: give kitchenId');
    return (await this.deliveries.openFollowUps(districtCode, kitchenId)).map((o) => ({
      orderId: o.id,
      seniorId: o.senior_id,
      seniorName: o.name,
      kitchenId: o.kitchen_id,
      date: o.date,
      slot: o.slot as MealSlotName,
      outcome: o.outcome as StopOutcomeName,
      at: new Date(o.at).toISOString(),
      note: o.note,
    }));
  }

  async closeFollowUp(orderId: string, resolution: string, actor: Actor): Promise<StopOutcomeRecord> {
    const order = await this.deliveries.order(orderId);
    if (!order) throw new DomainError('ORDER_NOT_FOUND', `No meal order ${orderId}`);
    if (order.kitchen_id) requireKitchenAccess(actor, order.kitchen_id);
    if (!(await this.deliveries.closeFollowUp(orderId, actor.accountId, resolution))) throw new DomainError('CONFLICT', `Meal ${orderId} has no open follow-up`);
    return toOutcomeRecord((await this.deliveries.outcome(orderId))!);
  }

  async statement(seniorId: string, month: string): Promise<MonthlyStatement> {
    const orders = await this.deliveries.monthOrders(seniorId, month);
    const charges: MealCharge[] = orders
      .filter((o) => BILLED.has(o.status))
      .map((o) => ({ orderId: o.id, date: o.date, slot: o.slot as MealSlotName, priceFen: o.price_fen, subsidyFen: o.subsidy_fen, coPayFen: o.co_pay_fen, subsidyTier: o.subsidy_tier }));
    return monthlyStatement(seniorId, month, charges);
  }

  private async requireOnRoute(order: OrderView, actor: Actor): Promise<void> {
    if (actor.roles.includes('admin')) return;
    if (actor.roles.includes('kitchen') && order.kitchen_id && actor.kitchenIds.includes(order.kitchen_id)) return;
    const route = await this.deliveries.route(order.route_id!);
    if (actor.roles.includes('courier') && route?.courier_account_id === actor.accountId) return;
    throw new DomainError('FORBIDDEN', 'This stop is not on your route');
  }
}

function toManifest(route: RouteView, orders: OrderView[]): RouteManifest {
  const stops: ManifestStop[] = orders.map((o) => ({
    stopNumber: o.stop_number!,
    orderId: o.id,
    seniorId: o.senior_id,
    seniorName: o.name,
    addressText: o.address_text,
    location: { lat: o.lat, lng: o.lng },
    plannedArrival: o.planned_arrival ? new Date(o.planned_arrival).toISOString() : '',
    meals: 1,
    dish: (o.choice as DishChoice).dish?.name ?? null,
    diet: o.diet,
    texture: o.texture,
    deliveryNotes: o.delivery_notes,
    livesAlone: o.lives_alone,
    outcome: o.outcome as StopOutcomeName | null,
  }));
  return {
    routeId: route.id,
    kitchenId: route.kitchen_id,
    kitchenName: route.kitchen_name,
    courierId: route.courier_id,
    courierName: route.courier_name,
    mode: route.mode as RouteManifest['mode'],
    date: route.date,
    slot: route.slot as MealSlotName,
    departAt: new Date(route.depart_at).toISOString(),
    returnAt: new Date(route.return_at).toISOString(),
    metres: route.metres,
    meals: route.meals,
    longestPackToDoorMinutes: Number(route.longest_pack_to_door_minutes.toFixed(1)),
    stops: stops.sort((a, b) => a.stopNumber - b.stopNumber),
  };
}

function toOutcomeRecord(o: StopOutcome): StopOutcomeRecord {
  return {
    orderId: o.orderId,
    seniorId: o.seniorId,
    outcome: o.outcome,
    at: o.at.toISOString(),
    recordedBy: o.recordedBy,
    note: o.note,
    followUp: o.outcome === 'delivered' ? null : { open: o.followUpClosedAt === null, closedAt: o.followUpClosedAt?.toISOString() ?? null, resolution: o.followUpResolution },
  };
}
