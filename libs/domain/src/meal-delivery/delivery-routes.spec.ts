import { checkDeliveryPlan, type CourierForRouting, type DeliveryPlan, type DeliveryPlanOptions, type DeliveryStop, planDeliveries } from './delivery-routes';
import { randomDeliveryDay } from './test/random-delivery-day';

/** Small budgets keep the suite fast; the iteration cap makes the fresh search deterministic. */
const FAST = { timeLimitMs: 800, maxIterations: 30, seed: 1 };

const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;
const KITCHEN = { kitchenId: 'kitchen', location: { lat: 31.1, lng: 121.4 } };
const north = (metres: number) => ({ lat: KITCHEN.location.lat + metres / METRES_PER_DEGREE, lng: KITCHEN.location.lng });
const LUNCH = { from: 11 * 60, to: 13 * 60 };

const stop = (orderId: string, northMetres: number, extra: Partial<DeliveryStop> = {}): DeliveryStop => ({
  orderId,
  seniorId: `senior-of-${orderId}`,
  location: north(northMetres),
  meals: 1,
  window: LUNCH,
  hot: true,
  ...extra,
});
const courier = (courierId: string, mode: CourierForRouting['mode'], extra: Partial<CourierForRouting> = {}): CourierForRouting => ({
  courierId,
  mode,
  shift: { from: 10 * 60, to: 14 * 60 },
  ...extra,
});

const courierOf = (plan: DeliveryPlan, orderId: string) => plan.routes.find((route) => route.stops.some((s) => s.orderId === orderId))?.courierId;

/** Today's stops carrying yesterday's courier and place from a plan. */
function asYesterday(stops: readonly DeliveryStop[], plan: DeliveryPlan): DeliveryStop[] {
  const served = new Map(plan.routes.flatMap((route) => route.stops.map((s) => [s.orderId, { courierId: route.courierId, position: s.position }] as const)));
  return stops.map((s) => ({ ...s, yesterdayCourierId: served.get(s.orderId)?.courierId ?? null, yesterdayPosition: served.get(s.orderId)?.position ?? null }));
}

describe('planning a kitchen’s delivery rounds', () => {
  it('gets every hot meal to the door within the pack-to-door limit, as the solver’s checker confirms', () => {
    const day = randomDeliveryDay({ stops: 60, couriers: 8, seed: 3, radiusMetres: 1500 });
    const options: DeliveryPlanOptions = { maxPackToDoorMinutes: 40, ...FAST };
    const plan = planDeliveries(day.kitchen, day.stops, day.couriers, options);

    expect(checkDeliveryPlan(day.kitchen, day.stops, day.couriers, options, plan).violations).toEqual([]);
    const hot = new Set(day.stops.filter((s) => s.hot).map((s) => s.orderId));
    for (const route of plan.routes) {
      expect(route.stops.map((s) => s.position)).toEqual(route.stops.map((_, i) => i + 1));
      for (const s of route.stops) {
        expect(s.packToDoorMinutes).toBeCloseTo(s.arriveAt - route.departAt, 9);
        if (hot.has(s.orderId)) expect(s.packToDoorMinutes).toBeLessThanOrEqual(40 + 1e-6);
      }
    }
    expect(plan.longestPackToDoorMinutes).toBeLessThanOrEqual(40 + 1e-6);
    expect(plan.routes.reduce((n, route) => n + route.stops.length, 0) + plan.unassigned.length).toBe(60);
    expect(plan.unassigned).toEqual([]);
    expect(plan.couriersUsed).toBe(plan.routes.length);
    expect(plan.metres).toBeCloseTo(plan.routes.reduce((sum, route) => sum + route.metres, 0), 6);

    // Without the limit the same day has meals on the road much longer: the limit is what keeps them hot.
    const unlimited = planDeliveries(day.kitchen, day.stops, day.couriers, { ...options, maxPackToDoorMinutes: 600 });
    expect(unlimited.longestPackToDoorMinutes).toBeGreaterThan(40);
  });

  it('packs as late as the round allows, and the checker catches a round packed too early', () => {
    const stops = [stop('near', 500), stop('far', 1000)];
    const walker = [courier('walker', 'walk')];
    const options: DeliveryPlanOptions = { maxPackToDoorMinutes: 30, ...FAST };
    const plan = planDeliveries(KITCHEN, stops, walker, options);
    // 650 m of street at 4 km/h is 9.75 minutes: leave so as to ring the first door as the window opens.
    const [route] = plan.routes;
    expect(route.stops.map((s) => s.orderId)).toEqual(['near', 'far']);
    expect(route.departAt).toBeCloseTo(11 * 60 - 9.75, 6);
    expect(route.stops[1].packToDoorMinutes).toBeCloseTo(9.75 + 2 + 9.75, 6);

    const packedEarly: DeliveryPlan = { ...plan, routes: [{ ...route, departAt: route.departAt - 30 }] };
    const check = checkDeliveryPlan(KITCHEN, stops, walker, options, packedEarly);
    expect(check.feasible).toBe(false);
    expect(check.violations.join('\n')).toMatch(/job far reached .* after departure, limit 30/);
  });

  it('times travel by mode and by the courier’s own pace', () => {
    const single = (c: CourierForRouting) => planDeliveries(KITCHEN, [stop('door', 1000)], [c], { maxPackToDoorMinutes: 60, ...FAST }).routes[0].stops[0].packToDoorMinutes;
    // 1,300 m of street: walking at 4 km/h, an older volunteer at 80 % of that, an e-bike at 18 km/h.
    expect(single(courier('a', 'walk'))).toBeCloseTo(19.5, 6);
    expect(single(courier('b', 'walk', { speedFactor: 0.8 }))).toBeCloseTo(24.375, 6);
    expect(single(courier('c', 'e-bike'))).toBeCloseTo(1.3 / 18 * 60, 6);
  });

  it('never gives a walking courier more than 8 meals, nor a courier more than their own capacity', () => {
    const stops = Array.from({ length: 30 }, (_, i) => stop(`o${String(i).padStart(2, '0')}`, 100 + 20 * i, { meals: i % 5 === 0 ? 2 : 1 }));
    const couriers = [courier('walk-1', 'walk'), courier('walk-2', 'walk'), courier('walk-3', 'walk'), courier('small-bike', 'bicycle', { capacity: 5 }), courier('van', 'van')];
    const plan = planDeliveries(KITCHEN, stops, couriers, { maxPackToDoorMinutes: 45, ...FAST });
    expect(plan.unassigned).toEqual([]);
    for (const route of plan.routes) {
      if (route.mode === 'walk') expect(route.meals).toBeLessThanOrEqual(8);
      if (route.courierId === 'small-bike') expect(route.meals).toBeLessThanOrEqual(5);
    }
    expect(plan.routes.reduce((sum, route) => sum + route.meals, 0)).toBe(36);
  });

  it('keeps every senior with yesterday’s courier, in yesterday’s order, when nothing changed', () => {
    const day = randomDeliveryDay({ stops: 60, couriers: 6, seed: 5, radiusMetres: 1500 });
    const options: DeliveryPlanOptions = { maxPackToDoorMinutes: 40, ...FAST };
    const yesterday = planDeliveries(day.kitchen, day.stops, day.couriers, options);
    const today = planDeliveries(day.kitchen, asYesterday(day.stops, yesterday), day.couriers, { ...options, seed: 7 });

    expect(today.keptFromYesterday.of).toBe(60 - yesterday.unassigned.length);
    expect(today.keptFromYesterday.share).toBeGreaterThanOrEqual(0.9);
    const order = (plan: DeliveryPlan) => Object.fromEntries(plan.routes.map((route) => [route.courierId, route.stops.map((s) => s.orderId)]));
    expect(order(today)).toEqual(order(yesterday));
  });

  it('when a courier is off, the others keep their seniors and the absent courier’s seniors are still served', () => {
    const day = randomDeliveryDay({ stops: 40, couriers: 6, seed: 8, radiusMetres: 1200 });
    const options: DeliveryPlanOptions = { maxPackToDoorMinutes: 45, ...FAST };
    const yesterday = planDeliveries(day.kitchen, day.stops, day.couriers, options);
    const absent = yesterday.routes[0];
    const today = planDeliveries(
      day.kitchen,
      asYesterday(day.stops, yesterday),
      day.couriers.filter((c) => c.courierId !== absent.courierId),
      options,
    );

    expect(today.unassigned).toEqual([]);
    const others = 40 - absent.stops.length;
    expect(today.keptFromYesterday.stops).toBeGreaterThanOrEqual(0.9 * others);
    for (const s of absent.stops) expect(courierOf(today, s.orderId)).toBeDefined();
  });

  it('leaves out a hot meal no courier can bring within the limit, and says so; a cold one goes', () => {
    const stops = [stop('hot-far', 5000), stop('cold-far', 5001, { hot: false }), stop('near', 300)];
    const plan = planDeliveries(KITCHEN, stops, [courier('bike', 'bicycle')], { maxPackToDoorMinutes: 20, ...FAST });
    expect(plan.unassigned).toEqual([{ orderId: 'hot-far', reason: 'too far for a hot meal: no courier reaches the door within 20 minutes of packing' }]);
    expect(courierOf(plan, 'cold-far')).toBe('bike');
    expect(plan.keptFromYesterday).toEqual({ stops: 0, of: 0, share: 1 });
  });
});
