import { haversineMetres, SeededRandom } from '../district';
import { assignOrdersToKitchens, type KitchenAssignment, type KitchenForAssignment, type OrderForAssignment } from './kitchen-assignment';

// Points along one meridian in Minhang, so that distances are exact: a degree of latitude on the haversine sphere.
const METRES_PER_DEGREE = (6_371_008.8 * Math.PI) / 180;
const at = (northMetres: number) => ({ lat: 31.1 + northMetres / METRES_PER_DEGREE, lng: 121.4 });

const kitchen = (kitchenId: string, northMetres: number, capacity: number, extra: Partial<KitchenForAssignment> = {}): KitchenForAssignment => ({
  kitchenId,
  location: at(northMetres),
  capacity,
  diets: ['regular', 'low-salt'],
  textures: ['regular', 'soft'],
  ...extra,
});

const order = (orderId: string, northMetres: number, extra: Partial<OrderForAssignment> = {}): OrderForAssignment => ({
  orderId,
  location: at(northMetres),
  diet: 'regular',
  texture: 'regular',
  ...extra,
});

const placed = (result: KitchenAssignment, orderId: string) => result.assignments.find((a) => a.orderId === orderId);

describe('assigning orders to kitchens', () => {
  it('fills the nearest kitchen to capacity and overflows the rest to the next, saying why', () => {
    const kitchens = [kitchen('near', 0, 2), kitchen('far', 3000, 10)];
    const orders = ['o1', 'o2', 'o3', 'o4'].map((id, i) => order(id, 100 + 100 * i));
    const result = assignOrdersToKitchens(orders, kitchens);

    expect(result.load).toEqual({ near: 2, far: 2 });
    // The two nearest to the far kitchen are the ones that move: they lose least by moving.
    expect(placed(result, 'o1')).toMatchObject({ kitchenId: 'near', overflow: false, reason: 'nearest kitchen that makes regular regular' });
    expect(placed(result, 'o4')).toMatchObject({ kitchenId: 'far', overflow: true });
    expect(placed(result, 'o4')?.reason).toMatch(/^overflow: nearest kitchen that makes regular regular, near \(400 m\), is full; the nearest one with room is 2,200 m farther$/);
  });

  it('gives the last place to the order that has nowhere else to go', () => {
    // Only the near kitchen makes minced food; its one place goes to the minced order even though the regular one is nearer.
    const kitchens = [kitchen('near', 0, 1, { textures: ['regular', 'minced-moist'] }), kitchen('far', 2000, 5)];
    const result = assignOrdersToKitchens([order('regular', 50), order('minced', 400, { texture: 'minced-moist' })], kitchens);
    expect(placed(result, 'minced')?.kitchenId).toBe('near');
    expect(placed(result, 'regular')).toMatchObject({ kitchenId: 'far', overflow: true });
    expect(result.unassigned).toEqual([]);
  });

  it('leaves an order no kitchen can cook unassigned, with the diet and texture in the reason', () => {
    const kitchens = [kitchen('a', 0, 10, { diets: ['regular', 'halal'] }), kitchen('b', 500, 10, { textures: ['regular', 'minced-moist'] })];
    const result = assignOrdersToKitchens([order('halal-minced', 100, { diet: 'halal', texture: 'minced-moist' })], kitchens);
    expect(result.assignments).toEqual([]);
    expect(result.unassigned).toEqual([{ orderId: 'halal-minced', reason: 'no kitchen makes halal minced-moist' }]);
  });

  it('says when every capable kitchen is full, and when the capable ones are out of reach', () => {
    const kitchens = [kitchen('a', 0, 1), kitchen('b', 8000, 10)];
    const full = assignOrdersToKitchens([order('first', 100), order('second', 200)], kitchens, { maxMetres: 3000 });
    expect(full.unassigned).toEqual([{ orderId: 'second', reason: 'every capable kitchen within 3,000 m is full (nearest: a, 200 m)' }]);

    const far = assignOrdersToKitchens([order('lonely', 20_000)], kitchens, { maxMetres: 3000 });
    expect(far.unassigned).toEqual([{ orderId: 'lonely', reason: 'no kitchen that makes regular regular within 3,000 m (nearest: b, 12,000 m)' }]);
  });

  it('keeps the canteen a senior eats in at, and yesterday kitchen, while they have room', () => {
    const kitchens = [kitchen('lane-canteen', 1500, 1), kitchen('central', 0, 10), kitchen('yesterday', 900, 10)];
    const result = assignOrdersToKitchens(
      [
        order('eats-in', 100, { preferredKitchenId: 'lane-canteen', eatIn: true }),
        order('eats-in-too', 100, { preferredKitchenId: 'lane-canteen', eatIn: true }),
        order('regular-customer', 100, { preferredKitchenId: 'yesterday' }),
      ],
      kitchens,
    );
    expect(placed(result, 'eats-in')).toMatchObject({ kitchenId: 'lane-canteen', overflow: false, reason: 'eats in at this canteen' });
    expect(placed(result, 'eats-in-too')).toMatchObject({ kitchenId: 'central', overflow: true, reason: 'overflow: canteen lane-canteen is full; the nearest one with room is 1,300 m nearer' });
    expect(placed(result, 'regular-customer')).toMatchObject({ kitchenId: 'yesterday', overflow: false, reason: 'same kitchen as yesterday' });
  });

  it('explains why yesterday kitchen was not kept', () => {
    const kitchens = [kitchen('near', 0, 10, { textures: ['regular', 'soft', 'minced-moist'] }), kitchen('yesterday', 500, 10)];
    const result = assignOrdersToKitchens([order('now-minced', 100, { texture: 'minced-moist', preferredKitchenId: 'yesterday' })], kitchens);
    expect(placed(result, 'now-minced')).toMatchObject({ kitchenId: 'near', overflow: false, reason: 'nearest kitchen that makes regular minced-moist; yesterday does not make regular minced-moist' });
  });

  it('is deterministic whatever the input order, breaking distance ties by id', () => {
    const kitchens = [kitchen('k2', 1000, 1), kitchen('k1', 1000, 1), kitchen('k3', 5000, 5)];
    const orders = [order('b', 1000), order('a', 1000), order('c', 1000)];
    const forward = assignOrdersToKitchens(orders, kitchens);
    const backward = assignOrdersToKitchens([...orders].reverse(), [...kitchens].reverse());
    const byOrder = (result: KitchenAssignment) => Object.fromEntries(result.assignments.map((a) => [a.orderId, a.kitchenId]));
    expect(byOrder(forward)).toEqual({ a: 'k1', b: 'k2', c: 'k3' });
    expect(byOrder(backward)).toEqual(byOrder(forward));
  });

  it('refuses duplicate ids and impossible capacities', () => {
    expect(() => assignOrdersToKitchens([order('x', 0), order('x', 10)], [kitchen('a', 0, 5)])).toThrow('duplicate order id x');
    expect(() => assignOrdersToKitchens([order('x', 0)], [kitchen('a', 0, -1)])).toThrow(/capacity/);
  });

  it('assigns a district (20,000 orders, 120 kitchens) in well under a second without exceeding any capacity', () => {
    const random = new SeededRandom(42);
    const diets = ['regular', 'low-salt', 'diabetic', 'halal'];
    const textures = ['regular', 'soft-bite-sized', 'minced-moist', 'pureed'];
    const spot = () => ({ lat: 31.0 + random.next() * 0.2, lng: 121.3 + random.next() * 0.2 });
    const kitchens: KitchenForAssignment[] = Array.from({ length: 120 }, (_, i) => ({
      kitchenId: `k${String(i).padStart(3, '0')}`,
      location: spot(),
      capacity: random.int(120, 220),
      diets: diets.filter((_, j) => j === 0 || random.chance(0.5)),
      textures: textures.filter((_, j) => j === 0 || random.chance(0.5)),
    }));
    const orders: OrderForAssignment[] = Array.from({ length: 20_000 }, (_, i) => ({
      orderId: `o${i}`,
      location: spot(),
      diet: random.pick(diets),
      texture: random.pick(textures),
      preferredKitchenId: random.chance(0.6) ? random.pick(kitchens).kitchenId : null,
    }));

    const started = performance.now();
    const result = assignOrdersToKitchens(orders, kitchens, { maxMetres: 8000 });
    const elapsed = performance.now() - started;

    expect(elapsed).toBeLessThan(1000);
    expect(result.assignments.length + result.unassigned.length).toBe(orders.length);
    for (const k of kitchens) expect(result.load[k.kitchenId]).toBeLessThanOrEqual(k.capacity);
    expect(result.assignments.filter((a) => a.overflow).every((a) => a.reason.startsWith('overflow: '))).toBe(true);
    // Nobody is turned away while a capable kitchen within reach still has room.
    const room = (k: KitchenForAssignment) => result.load[k.kitchenId] < k.capacity;
    const byId = new Map(orders.map((o) => [o.orderId, o]));
    for (const missing of result.unassigned) {
      const o = byId.get(missing.orderId) as OrderForAssignment;
      expect(kitchens.some((k) => room(k) && k.diets.includes(o.diet) && k.textures.includes(o.texture) && haversineMetres(o.location, k.location) <= 8000)).toBe(false);
    }
  });
});

describe("a kitchen's delivery reach", () => {
  it('sends a delivery beyond what its couriers can carry hot to a kitchen that can, but keeps eat-in meals at their canteen', () => {
    const kitchens = [kitchen('walkers', 0, 10, { reachMetres: 2_000 }), kitchen('vans', 6_000, 10, { reachMetres: 12_000 })];
    const result = assignOrdersToKitchens([order('near', 1_000), order('far', 3_500), order('eat-in', 3_500, { eatIn: true, preferredKitchenId: 'walkers' })], kitchens);
    expect(placed(result, 'near')?.kitchenId).toBe('walkers');
    expect(placed(result, 'far')?.kitchenId).toBe('vans');
    expect(placed(result, 'eat-in')?.kitchenId).toBe('walkers');
  });

  it('leaves a delivery no kitchen can reach unassigned, with a reason', () => {
    const result = assignOrdersToKitchens([order('stranded', 9_000)], [kitchen('walkers', 0, 10, { reachMetres: 2_000 })]);
    expect(result.assignments).toEqual([]);
    expect(result.unassigned).toEqual([{ orderId: 'stranded', reason: expect.stringContaining('no kitchen') }]);
  });
});
