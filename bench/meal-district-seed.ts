import type { Client } from 'pg';
import {
  ageOn,
  apportionCapped,
  DEFAULT_DISTRICT_POLICIES,
  type Diet,
  type Dish,
  type Entitlements,
  explainPolicySelection,
  haversineMetres,
  isTextureSafeFor,
  type LatLng,
  type MealSubscriptionTerms,
  requiredTexture,
  SeededRandom,
  type SyntheticDistrict,
  type SyntheticFacility,
  type SyntheticSenior,
  type Texture,
} from '@app/domain';
import { seniorViewRow } from '../libs/persistence/src/seeding/senior-view-rows';

/**
 * A SEEDING STEP for bench:meals, not the production path. It puts a synthetic district's meal
 * service straight into dispatch's tables: the meal-serving facilities (what allocation's events
 * would give), one kitchen per meal site with its couriers and its lunch menus (what planners and
 * kitchens register through the API), the subscribers in dispatch's senior read model (what the
 * assessment service's events would give) and their subscriptions (what staff book through the
 * API, here without validateSubscriptionTerms). In production all of it arrives through the API
 * and the services' events.
 *
 * Who subscribes: `share` (5%) of the district's people aged `minimumAge` (65) or more on
 * `ageOn`, chosen by weighted sampling without replacement (older people, people living alone and
 * people with a GB/T level of 2 or more are more likely), never someone living in an institution
 * (the facility feeds them) nor someone whose assessment calls for a texture no kitchen makes.
 * About 80% have meals delivered (everyone entitled to delivery, and others at random to reach
 * the share: the entitlement rules alone would give far fewer), the rest eat at the nearest meal
 * site. Lunch every day, from `validFrom`.
 *
 * Kitchens: one per meal site, at the site. About 10% of them, spread over the streets by their
 * seniors, are central kitchens (every diet, five textures) whose capacity is planned from the
 * subscribers' demand (what the canteens around them cannot take, plus 20%); the others are
 * canteens (three diets, three textures) with the site's meals per slot as capacity. Couriers
 * per kitchen are sized to the deliveries it is expected to cook (30% above, at least two),
 * walking, cycling and on e-bikes, on shift 10:00–13:30. Everything is reproducible from the district's seed.
 */
export interface MealSeedOptions {
  /** Ages are counted on this date (the meal date). */
  ageOn: string;
  /** First day of every subscription. */
  validFrom: string;
  /** Dates each kitchen gets a lunch menu for. */
  menuDates: readonly string[];
  /** Share of the people aged minimumAge+ who subscribe. Default 0.05. */
  share?: number;
  /** Default 65. */
  minimumAge?: number;
  /** Share of subscribers whose meals are delivered. Default 0.8. */
  deliveryShare?: number;
}

export interface MealSeedSummary {
  districtCode: string;
  /** All seniors (60+ on the profile's date) generated. */
  seniors: number;
  /** Of them, aged minimumAge+ on `ageOn`. */
  seniorsOfAge: number;
  /** The same on the profile's own date (the population snapshot's date). */
  seniorsOfAgeOnProfileDate: number;
  profileDate: string;
  ageOn: string;
  minimumAge: number;
  share: number;
  /** round(share × seniorsOfAge). */
  target: number;
  subscribers: number;
  delivery: number;
  canteen: number;
  /** Subscribers whose entitlements (district default policy) grant delivery. */
  entitledToDelivery: number;
  diets: Record<string, number>;
  textures: Record<string, number>;
  withAllergens: number;
  livingAlone: number;
  aged80Plus: number;
  facilities: { mealSites: number; communityHubs: number; dayCareCentres: number };
  kitchens: { canteens: number; central: number; capacity: number; canteenCapacity: number; centralCapacity: number[] };
  couriers: { total: number; walk: number; bicycle: number; 'e-bike': number };
  menus: number;
  seconds: { generate: number; write: number; total: number };
}

export const CANTEEN_DIETS: readonly Diet[] = ['regular', 'low-salt', 'diabetic'];
export const CENTRAL_DIETS: readonly Diet[] = ['regular', 'low-salt', 'diabetic', 'low-fat', 'halal', 'vegetarian'];
export const CANTEEN_TEXTURES: readonly Texture[] = ['regular', 'soft-bite-sized', 'minced-moist'];
export const CENTRAL_TEXTURES: readonly Texture[] = ['regular', 'easy-to-chew', 'soft-bite-sized', 'minced-moist', 'pureed'];

const CENTRAL_SHARE = 0.1;
/** Capacity planned above a central kitchen's expected meals. */
const CENTRAL_HEADROOM = 1.2;
const MIN_CENTRAL_CAPACITY = 200;
/** Courier seats planned above a kitchen's expected deliveries. */
const COURIER_HEADROOM = 1.3;
/**
 * Meals a courier in each mode is planned for: below the mode's capacity, as the 45-minute
 * pack-to-door limit and 2 minutes a door bound a round; fewer from a central kitchen, whose doors
 * are farther and more scattered.
 */
const PLANNED_MEALS = {
  canteen: { walk: 6, bicycle: 10, 'e-bike': 14 },
  'central-kitchen': { walk: 4, bicycle: 7, 'e-bike': 10 },
} as const;
type SeedCourierMode = keyof (typeof PLANNED_MEALS)['canteen'];
/** A kitchen expecting deliveries has at least two couriers. */
const MIN_FLEET = 2;
const CANTEEN_FLEET: readonly SeedCourierMode[] = ['bicycle', 'walk', 'e-bike'];
const CENTRAL_FLEET: readonly SeedCourierMode[] = ['e-bike', 'e-bike', 'bicycle', 'e-bike'];
const SHIFT = { from: 10 * 60, to: 13 * 60 + 30 };
const BATCH = 2_000;

const DIET_SHARES: ReadonlyArray<[Diet, number]> = [
  ['regular', 0.72],
  ['low-salt', 0.11],
  ['diabetic', 0.11],
  ['halal', 0.02],
  ['low-fat', 0.02],
  ['vegetarian', 0.02],
];
const ALLERGEN_CHOICES = ['egg', 'fish', 'peanut', 'soy', 'milk', 'crustaceans', 'sesame', 'gluten'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '朱', '马', '胡', '郭', '林', '何', '高', '罗'];

interface SeedKitchen {
  id: string;
  site: SyntheticFacility;
  kind: 'canteen' | 'central-kitchen';
  name: string;
  capacity: number;
  diets: readonly Diet[];
  textures: readonly Texture[];
  /** Expected by the capacity plan. */
  eatIn: number;
  deliveries: Array<{ subscriber: Subscriber; metres: number }>;
  expectedDeliveries: number;
  fleet: SeedCourierMode[];
}

interface Subscriber {
  senior: SyntheticSenior;
  age: number;
  entitlements: Entitlements;
  level: number | null;
  instrument: string | null;
  assessedOn: string | null;
  terms: MealSubscriptionTerms;
}

export async function seedMealDistrict(db: Client, district: SyntheticDistrict, options: MealSeedOptions): Promise<MealSeedSummary> {
  const started = performance.now();
  const share = options.share ?? 0.05;
  const minimumAge = options.minimumAge ?? 65;
  const selection = explainPolicySelection(DEFAULT_DISTRICT_POLICIES, district.districtCode, options.ageOn);
  if (!selection.ok) throw new Error(`cannot derive entitlements: ${selection.message}`);

  // 1. Who subscribes: weighted sampling without replacement (Efraimidis–Spirakis keys ln(u)/w, largest first).
  const pick = SeededRandom.stream(district.seed, 'meal-subscribers');
  const keep = Math.ceil(district.population.seniors * share * 1.1) + 20;
  let pool: Array<{ key: number; senior: SyntheticSenior; age: number }> = [];
  let seniors = 0;
  let seniorsOfAge = 0;
  let seniorsOfAgeOnProfileDate = 0;
  for (const senior of district.seniors()) {
    seniors += 1;
    const u = pick.next();
    if (ageOn(senior.birthDate, district.asOf) >= minimumAge) seniorsOfAgeOnProfileDate += 1;
    const age = ageOn(senior.birthDate, options.ageOn);
    if (age < minimumAge) continue;
    seniorsOfAge += 1;
    if (senior.livingArrangement === 'in-institution') continue;
    pool.push({ key: Math.log(1 - u) / subscriptionWeight(age, senior), senior, age });
    if (pool.length >= 2 * keep) pool = largestKeys(pool, keep);
  }
  pool = largestKeys(pool, keep);
  const target = Math.round(seniorsOfAge * share);

  const sites = district.facilities.filter((f) => f.type === 'meal-site');
  if (sites.length === 0) throw new Error(`district ${district.districtCode} has no meal site`);
  const kitchens = planKitchens(district, sites);
  const kitchenAtSite = new Map(kitchens.map((k) => [k.site.facilityId, k]));

  // 2. Their terms. The senior's required texture (assessment) is never undercut; one nobody cooks excludes them.
  const terms = SeededRandom.stream(district.seed, 'meal-terms');
  const chosen: Array<Omit<Subscriber, 'terms'> & { texture: Texture }> = [];
  for (const { senior, age } of pool) {
    if (chosen.length === target) break;
    const row = seniorViewRow(senior, selection.policy, options.ageOn);
    const entitlements = row.entitlements as Entitlements;
    const texture = textureFor(senior.gbt?.level ?? null, requiredTexture(entitlements.safety), terms);
    if (!CENTRAL_TEXTURES.includes(texture)) continue;
    chosen.push({ senior, age, entitlements, level: row.level, instrument: row.instrument, assessedOn: row.assessed_on, texture });
  }
  const entitledToDelivery = chosen.filter((c) => c.entitlements.meals.delivery).length;
  const deliveryShare = options.deliveryShare ?? 0.8;
  const othersDelivered = entitledToDelivery >= chosen.length ? 0 : Math.max(0, Math.min(1, (deliveryShare * chosen.length - entitledToDelivery) / (chosen.length - entitledToDelivery)));
  const subscribers: Subscriber[] = chosen.map((c) => {
    const diet = DIET_SHARES[terms.weightedIndex(DIET_SHARES.map(([, w]) => w))]![0];
    const site = nearest(sites, c.senior.address.location);
    const canteen = kitchenAtSite.get(site.facilityId)!;
    const wantsCanteen = !c.entitlements.meals.delivery && !terms.chance(othersDelivered);
    // One who wants to eat in but whose canteen cannot cook their diet or texture has it delivered.
    const mode = wantsCanteen && canteen.diets.includes(diet) && canteen.textures.includes(c.texture) ? 'canteen' : 'delivery';
    const allergens = terms.chance(0.07) ? pickSome(terms, ALLERGEN_CHOICES, terms.chance(0.15) ? 2 : 1) : [];
    const avoid = terms.chance(0.04) ? [terms.chance(0.5) ? '香菜' : '葱'] : [];
    const alone = c.senior.livingArrangement === 'alone';
    const deliveryNotes = mode !== 'delivery' ? null : alone && terms.chance(0.3) ? '独居老人，请敲门后等候应答' : terms.chance(0.04) ? '电梯停用，请走楼梯' : null;
    return {
      ...c,
      terms: { slots: { lunch: [1, 2, 3, 4, 5, 6, 7] }, mode, canteenFacilityId: mode === 'canteen' ? site.facilityId : null, diet, texture: c.texture, allergens, avoid, deliveryNotes },
    };
  });

  // 3. Capacity of central kitchens and couriers, from the expected demand.
  planCapacityAndCouriers(kitchens, subscribers, kitchenAtSite);
  const generated = performance.now();

  // 4. Write it all in one transaction.
  const counts = await writeAll(db, district, kitchens, subscribers, options);
  await db.query(`ANALYZE dispatch.facility_view, dispatch.kitchen, dispatch.courier, dispatch.kitchen_menu, dispatch.senior_view, dispatch.meal_subscription_version`);
  const done = performance.now();

  const tally = <T extends string>(values: T[]) => values.reduce<Record<string, number>>((acc, v) => ((acc[v] = (acc[v] ?? 0) + 1), acc), {});
  const couriers = kitchens.flatMap((k) => k.fleet);
  const round = (ms: number) => Math.round(ms / 10) / 100;
  return {
    districtCode: district.districtCode,
    seniors,
    seniorsOfAge,
    seniorsOfAgeOnProfileDate,
    profileDate: district.asOf,
    ageOn: options.ageOn,
    minimumAge,
    share,
    target,
    subscribers: subscribers.length,
    delivery: subscribers.filter((s) => s.terms.mode === 'delivery').length,
    canteen: subscribers.filter((s) => s.terms.mode === 'canteen').length,
    entitledToDelivery,
    diets: tally(subscribers.map((s) => s.terms.diet)),
    textures: tally(subscribers.map((s) => s.terms.texture)),
    withAllergens: subscribers.filter((s) => s.terms.allergens.length > 0).length,
    livingAlone: subscribers.filter((s) => s.senior.livingArrangement === 'alone').length,
    aged80Plus: subscribers.filter((s) => s.age >= 80).length,
    facilities: counts.facilities,
    kitchens: {
      canteens: kitchens.filter((k) => k.kind === 'canteen').length,
      central: kitchens.filter((k) => k.kind === 'central-kitchen').length,
      capacity: kitchens.reduce((sum, k) => sum + k.capacity, 0),
      canteenCapacity: kitchens.filter((k) => k.kind === 'canteen').reduce((sum, k) => sum + k.capacity, 0),
      centralCapacity: kitchens.filter((k) => k.kind === 'central-kitchen').map((k) => k.capacity),
    },
    couriers: { total: couriers.length, walk: couriers.filter((m) => m === 'walk').length, bicycle: couriers.filter((m) => m === 'bicycle').length, 'e-bike': couriers.filter((m) => m === 'e-bike').length },
    menus: counts.menus,
    seconds: { generate: round(generated - started), write: round(done - generated), total: round(done - started) },
  };
}

function subscriptionWeight(age: number, senior: SyntheticSenior): number {
  const byAge = age >= 90 ? 4 : age >= 85 ? 3 : age >= 80 ? 2.2 : age >= 75 ? 1.5 : age >= 70 ? 1.1 : 1;
  const living = senior.livingArrangement === 'alone' ? 2.5 : senior.livingArrangement === 'with-spouse-only' ? 1.3 : 1;
  const level = (senior.gbt?.level ?? 0) >= 2 ? 1.4 : 1;
  return byAge * living * level;
}

/** The `n` entries with the largest keys, largest first (ties by senior id: deterministic). */
function largestKeys<T extends { key: number; senior: SyntheticSenior }>(entries: T[], n: number): T[] {
  return entries.sort((a, b) => b.key - a.key || (a.senior.seniorId < b.senior.seniorId ? -1 : 1)).slice(0, n);
}

/** Level 3–4: soft-bite-sized or minced-moist (a few level 4 pureed); never less modified than the assessment requires. */
function textureFor(level: number | null, required: Texture, random: SeededRandom): Texture {
  const fromLevel: Texture =
    level === 4 ? (random.chance(0.1) ? 'pureed' : random.chance(0.8) ? 'minced-moist' : 'soft-bite-sized') : level === 3 ? (random.chance(0.6) ? 'soft-bite-sized' : 'minced-moist') : 'regular';
  return isTextureSafeFor(fromLevel, required) ? fromLevel : required;
}

function pickSome(random: SeededRandom, values: readonly string[], n: number): string[] {
  const picked = new Set<string>();
  while (picked.size < n) picked.add(values[random.int(0, values.length - 1)]!);
  return [...picked];
}

function nearest<T extends { location: LatLng }>(items: readonly T[], point: LatLng): T {
  let best = items[0]!;
  let bestMetres = Number.POSITIVE_INFINITY;
  for (const item of items) {
    const metres = haversineMetres(point, item.location);
    if (metres < bestMetres) {
      best = item;
      bestMetres = metres;
    }
  }
  return best;
}

/**
 * One kitchen per meal site. Central kitchens: ~10% of the sites, apportioned to streets by their
 * seniors; in a street, the site nearest its centre first, then each time the site farthest from
 * those already chosen.
 */
function planKitchens(district: SyntheticDistrict, sites: SyntheticFacility[]): SeedKitchen[] {
  const random = SeededRandom.stream(district.seed, 'meal-kitchens');
  const centralCount = Math.max(1, Math.round(CENTRAL_SHARE * sites.length));
  const sitesOf = district.streets.map((street) => sites.filter((s) => s.streetCode === street.code));
  const perStreet = apportionCapped(centralCount, district.streets.map((s) => s.seniors), sitesOf.map((s) => s.length));
  const central = new Set<string>();
  district.streets.forEach((street, i) => {
    const chosen: SyntheticFacility[] = [];
    const candidates = [...sitesOf[i]!];
    for (let n = 0; n < perStreet[i]!; n++) {
      const score = (site: SyntheticFacility) =>
        chosen.length === 0 ? -haversineMetres(site.location, street.centre) : Math.min(...chosen.map((c) => haversineMetres(site.location, c.location)));
      candidates.sort((a, b) => score(b) - score(a) || (a.facilityId < b.facilityId ? -1 : 1));
      chosen.push(candidates.shift()!);
    }
    for (const site of chosen) central.add(site.facilityId);
  });
  return sites.map((site) => {
    const isCentral = central.has(site.facilityId);
    return {
      id: random.uuid(),
      site,
      kind: isCentral ? 'central-kitchen' : 'canteen',
      name: isCentral ? `${site.name.replace(/社区长者食堂.*$/, '')}中央厨房` : `${site.name}厨房`,
      capacity: isCentral ? 0 : site.mealCapacityPerSlot,
      diets: isCentral ? CENTRAL_DIETS : CANTEEN_DIETS,
      textures: isCentral ? CENTRAL_TEXTURES : CANTEEN_TEXTURES,
      eatIn: 0,
      deliveries: [],
      expectedDeliveries: 0,
      fleet: [],
    };
  });
}

/**
 * The planner's rough expectation (not the cutoff's algorithm): eat-in meals at the canteen's
 * kitchen, deliveries at the nearest kitchen that cooks the diet and texture; what a canteen cannot
 * take (its farthest deliveries) goes to the central kitchen nearest the senior. Central kitchens
 * get 20% above what reaches them; every kitchen couriers for 30% above its expected deliveries,
 * which for a canteen is its capacity less its eat-in meals when the district orders more than the
 * canteens cook (the cutoff then fills every canteen, with deliveries from farther away too).
 */
function planCapacityAndCouriers(kitchens: SeedKitchen[], subscribers: Subscriber[], kitchenAtSite: Map<string, SeedKitchen>): void {
  const centrals = kitchens.filter((k) => k.kind === 'central-kitchen');
  const capable = (k: SeedKitchen, s: Subscriber) => k.diets.includes(s.terms.diet) && k.textures.includes(s.terms.texture);
  const siteOf = (k: SeedKitchen) => ({ location: k.site.location, kitchen: k });
  for (const s of subscribers) {
    if (s.terms.mode === 'canteen') {
      kitchenAtSite.get(s.terms.canteenFacilityId!)!.eatIn += 1;
      continue;
    }
    const home = s.senior.address.location;
    const { kitchen } = nearest(kitchens.filter((k) => capable(k, s)).map(siteOf), home);
    kitchen.deliveries.push({ subscriber: s, metres: haversineMetres(home, kitchen.site.location) });
  }
  for (const k of kitchens.filter((k) => k.kind === 'canteen')) {
    const room = Math.max(0, k.capacity - k.eatIn);
    k.deliveries.sort((a, b) => a.metres - b.metres);
    for (const { subscriber } of k.deliveries.slice(room)) {
      const home = subscriber.senior.address.location;
      const { kitchen } = nearest(centrals.map(siteOf), home);
      kitchen.deliveries.push({ subscriber, metres: haversineMetres(home, kitchen.site.location) });
    }
    k.deliveries = k.deliveries.slice(0, room);
  }
  for (const k of centrals) k.capacity = Math.max(MIN_CENTRAL_CAPACITY, Math.ceil((CENTRAL_HEADROOM * (k.eatIn + k.deliveries.length)) / 10) * 10);
  // When the district orders more than its canteens cook, every canteen fills up with deliveries (the cutoff overflows into any room left).
  const canteens = kitchens.filter((k) => k.kind === 'canteen');
  const canteensFill = subscribers.length > canteens.reduce((sum, k) => sum + k.capacity, 0);
  for (const k of kitchens) {
    k.expectedDeliveries = k.kind === 'canteen' && canteensFill ? Math.max(0, k.capacity - k.eatIn) : k.deliveries.length;
    const pattern = k.kind === 'central-kitchen' ? CENTRAL_FLEET : CANTEEN_FLEET;
    const seats = Math.ceil(COURIER_HEADROOM * k.expectedDeliveries);
    const minimum = k.expectedDeliveries > 0 ? MIN_FLEET : 1;
    let planned = 0;
    while (k.fleet.length < minimum || planned < seats) {
      const mode = pattern[k.fleet.length % pattern.length]!;
      k.fleet.push(mode);
      planned += PLANNED_MEALS[k.kind][mode];
    }
  }
}

// --- Menus ----------------------------------------------------------------------------------

const ALL_CANTEEN = { diets: [...CANTEEN_DIETS], textures: [...CANTEEN_TEXTURES] };
const ALL_CENTRAL = { diets: [...CENTRAL_DIETS], textures: [...CENTRAL_TEXTURES] };
const dish = (dishId: string, name: string, components: string[], allergens: string[], diets: Diet[], textures: Texture[]): Dish => ({ dishId, name, components, allergens, diets, textures, hot: true });

/** A standard set meal (regular diet only) and 2–3 alternatives covering the kitchen's diets and textures; some with allergens. Alternates by date. */
function menuFor(kitchen: SeedKitchen, dayIndex: number, random: SeededRandom): Dish[] {
  const standards = [
    dish('braised-chicken-rice', '红烧鸡腿饭', ['鸡腿', '鸡蛋', '酱油', '米饭', '青菜'], ['egg', 'soy'], ['regular'], ['regular']),
    dish('tomato-egg-rice', '番茄炒蛋盖浇饭', ['番茄', '鸡蛋', '葱', '米饭'], ['egg'], ['regular'], ['regular', 'easy-to-chew']),
  ];
  const standard = standards[dayIndex % standards.length]!;
  if (kitchen.kind === 'central-kitchen') {
    return [
      { ...standard, dishId: 'braised-pork-rice', name: '红烧肉配米饭', components: ['五花肉', '鸡蛋', '酱油', '米饭'], textures: ['regular', 'easy-to-chew'] },
      dish('steamed-fish', '清蒸鲈鱼配米饭', ['鲈鱼', '姜', '葱', '米饭'], ['fish'], ['regular', 'low-salt', 'diabetic', 'low-fat'], ALL_CENTRAL.textures),
      dish('halal-beef-potato', '清真土豆炖牛肉', ['牛肉', '土豆', '胡萝卜', '米饭'], [], ['regular', 'halal', 'low-salt', 'low-fat', 'diabetic'], ALL_CENTRAL.textures),
      dish('vegetable-medley', '素什锦配杂粮饭', ['豆腐', '香菇', '青菜', '杂粮饭'], ['soy'], [...ALL_CENTRAL.diets], ALL_CENTRAL.textures),
    ];
  }
  const dishes = [
    standard,
    dish('steamed-fish', '清蒸鲈鱼配米饭', ['鲈鱼', '姜', '葱', '米饭'], ['fish'], [...ALL_CANTEEN.diets], ALL_CANTEEN.textures),
    dish('minced-pork-tofu', '肉末豆腐烩饭', ['猪肉末', '豆腐', '番茄', '米饭'], ['soy'], [...ALL_CANTEEN.diets], ALL_CANTEEN.textures),
  ];
  // Half the canteens also cook a congee: no allergens, soft textures only.
  if (random.chance(0.5)) dishes.push(dish('chicken-congee', '冬瓜鸡肉粥', ['鸡肉', '冬瓜', '大米'], [], [...ALL_CANTEEN.diets], ['soft-bite-sized', 'minced-moist']));
  return dishes;
}

// --- Writing ----------------------------------------------------------------------------------

async function insertRecords(db: Client, sql: string, rows: readonly object[], ...params: unknown[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await db.query(sql, [JSON.stringify(rows.slice(i, i + BATCH)), ...params]);
}

async function writeAll(
  db: Client,
  district: SyntheticDistrict,
  kitchens: SeedKitchen[],
  subscribers: Subscriber[],
  options: MealSeedOptions,
): Promise<{ facilities: MealSeedSummary['facilities']; menus: number }> {
  const serving = district.facilities.filter((f) => f.type === 'meal-site' || f.type === 'community-hub' || f.type === 'day-care-centre');
  const facilityRows = serving.map((f) => ({
    id: f.facilityId,
    type: f.type,
    name: f.name,
    street_code: f.streetCode,
    lat: f.location.lat,
    lng: f.location.lng,
    opening_hours: f.openingHours,
    meal_seats: f.mealCapacityPerSlot,
    day_care_places: f.dayCarePlaces,
  }));
  const kitchenRows = kitchens.map((k) => ({
    id: k.id,
    name: k.name,
    kind: k.kind,
    facility_id: k.site.facilityId,
    lat: k.site.location.lat,
    lng: k.site.location.lng,
    capacity: { lunch: k.capacity },
    diets: k.diets,
    textures: k.textures,
  }));
  const courierRandom = SeededRandom.stream(district.seed, 'meal-couriers');
  const courierRows = kitchens.flatMap((k) =>
    k.fleet.map((mode, i) => ({ id: courierRandom.uuid(), kitchen_id: k.id, name: `${SURNAMES[courierRandom.int(0, SURNAMES.length - 1)]}师傅 ${i + 1}`, mode, shift_from: SHIFT.from, shift_to: SHIFT.to })),
  );
  const menuRandom = SeededRandom.stream(district.seed, 'meal-menus');
  const menuRows = options.menuDates.flatMap((date, dayIndex) => kitchens.map((k) => ({ kitchen_id: k.id, date, dishes: menuFor(k, dayIndex, menuRandom) })));
  const seniorRows = subscribers.map((s) => ({
    id: s.senior.seniorId,
    name: s.senior.name,
    address_text: s.senior.address.text,
    lat: s.senior.address.location.lat,
    lng: s.senior.address.location.lng,
    lives_alone: s.senior.livingArrangement === 'alone',
    level: s.level,
    instrument: s.instrument,
    assessed_on: s.assessedOn,
    entitlements: s.entitlements,
  }));
  const subscriptionRows = subscribers.map((s) => ({ senior_id: s.senior.seniorId, terms: s.terms }));

  await db.query('BEGIN');
  try {
    await db.query(`SET LOCAL synchronous_commit = off`);
    await insertRecords(
      db,
      `INSERT INTO dispatch.facility_view (facility_id, type, name, district_code, street_code, location, opening_hours, meal_seats, day_care_places)
       SELECT f.id, f.type, f.name, $2, f.street_code, ST_SetSRID(ST_MakePoint(f.lng, f.lat), 4326)::geography, f.opening_hours, f.meal_seats, f.day_care_places
       FROM jsonb_to_recordset($1::jsonb) AS f(id uuid, type text, name text, street_code text, lat float8, lng float8, opening_hours text, meal_seats int, day_care_places int)`,
      facilityRows,
      district.districtCode,
    );
    await insertRecords(
      db,
      `INSERT INTO dispatch.kitchen (id, district_code, name, kind, facility_id, location, capacity, diets, textures)
       SELECT k.id, $2, k.name, k.kind, k.facility_id, ST_SetSRID(ST_MakePoint(k.lng, k.lat), 4326)::geography, k.capacity,
              ARRAY(SELECT jsonb_array_elements_text(k.diets)), ARRAY(SELECT jsonb_array_elements_text(k.textures))
       FROM jsonb_to_recordset($1::jsonb) AS k(id uuid, name text, kind text, facility_id uuid, lat float8, lng float8, capacity jsonb, diets jsonb, textures jsonb)`,
      kitchenRows,
      district.districtCode,
    );
    await insertRecords(
      db,
      `INSERT INTO dispatch.courier (id, kitchen_id, account_id, name, mode, capacity, shift_from, shift_to, active)
       SELECT c.id, c.kitchen_id, NULL, c.name, c.mode, NULL, c.shift_from, c.shift_to, true
       FROM jsonb_to_recordset($1::jsonb) AS c(id uuid, kitchen_id uuid, name text, mode text, shift_from int, shift_to int)`,
      courierRows,
    );
    await insertRecords(
      db,
      `INSERT INTO dispatch.kitchen_menu (kitchen_id, date, slot, dishes, updated_by)
       SELECT m.kitchen_id, m.date, 'lunch', m.dishes, NULL FROM jsonb_to_recordset($1::jsonb) AS m(kitchen_id uuid, date date, dishes jsonb)`,
      menuRows,
    );
    await insertRecords(
      db,
      `INSERT INTO dispatch.senior_view (senior_id, name, address_text, location, lives_alone, district_code, level, level_instrument, level_assessed_on, entitlements, entitlements_at)
       SELECT s.id, s.name, s.address_text, ST_SetSRID(ST_MakePoint(s.lng, s.lat), 4326)::geography, s.lives_alone, $2, s.level, s.instrument, s.assessed_on, s.entitlements, now()
       FROM jsonb_to_recordset($1::jsonb) AS s(id uuid, name text, address_text text, lat float8, lng float8, lives_alone boolean, level int, instrument text, assessed_on date, entitlements jsonb)`,
      seniorRows,
      district.districtCode,
    );
    await insertRecords(
      db,
      `INSERT INTO dispatch.meal_subscription_version (senior_id, valid_from, valid_until, terms, created_by)
       SELECT v.senior_id, $2, NULL, v.terms, NULL FROM jsonb_to_recordset($1::jsonb) AS v(senior_id uuid, terms jsonb)`,
      subscriptionRows,
      options.validFrom,
    );
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK');
    throw error;
  }
  return {
    facilities: {
      mealSites: serving.filter((f) => f.type === 'meal-site').length,
      communityHubs: serving.filter((f) => f.type === 'community-hub').length,
      dayCareCentres: serving.filter((f) => f.type === 'day-care-centre').length,
    },
    menus: menuRows.length,
  };
}
