import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { Client } from 'pg';
import { SCHEDULE_QUEUES, ServiceClient } from '@app/contracts';
import { addDays, localDate } from '@app/domain';
import { eventually, seniorRegistration } from '@app/testing';
import { ADMIN_PASSWORD, TestPlatform } from './platform';
import { seniorInReadModels } from './read-model-seniors';

/** Degrees of latitude / longitude for metres near Shanghai. */
const north = (metres: number) => metres / 111_320;
const east = (metres: number) => metres / 95_300;
const CANTEEN = { lat: 31.1124, lng: 121.3817 };
const CENTRAL = { lat: CANTEEN.lat + north(2500), lng: CANTEEN.lng + east(1500) };
const MEALS = { eligible: true, delivery: true, subsidyTier: 'low-income', subsidyFenPerMeal: 500 };
const SAFE: { textureModifiedDiet: boolean; iddsiLevel: number | null; fallRisk: boolean; wanderingRisk: boolean } = { textureModifiedDiet: false, iddsiLevel: null, fallRisk: false, wanderingRisk: false };

const chickenRice = { dishId: 'chicken-rice', name: '红烧鸡腿饭', components: ['鸡腿', '鸡蛋', '米饭'], allergens: ['egg'], diets: ['regular', 'low-salt'], textures: ['regular'], hot: true };
const steamedFish = { dishId: 'steamed-fish', name: '清蒸鱼', components: ['鲈鱼', '姜'], allergens: ['fish'], diets: ['regular', 'low-salt', 'diabetic'], textures: ['regular', 'minced-moist'], hot: true };
const beefNoodles = { dishId: 'beef-noodles', name: '清真牛肉面', components: ['牛肉', '面条'], allergens: ['gluten'], diets: ['regular', 'halal'], textures: ['regular'], hot: true };

/** A kitchen's morning: subscriptions in, the cutoff freezes and splits them, the lists and routes come out, couriers report at the door. */
describe('meal dispatch (e2e)', () => {
  let platform: TestPlatform;
  let db: Client;
  let admin: string;
  let planner: { id: string; token: string };
  let staff: { id: string; token: string };
  let canteenKitchen: string;
  let centralKitchen: string;
  let canteenCook: { id: string; token: string };
  let centralCook: { id: string; token: string };
  let courier: { id: string; token: string };
  let otherCourier: { id: string; token: string };
  const mealDate = addDays(localDate(new Date()), 2);
  // The canteen kitchen's own system: it fails the first push, then takes it.
  const received: Array<{ headers: Record<string, string | string[] | undefined>; body: string; answered: number }> = [];
  let kitchenSystem: Server;
  const seniors: Record<string, string> = {};
  const as = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    platform = await TestPlatform.start();
    db = new Client({ connectionString: platform.database.url });
    await db.connect();
    admin = await platform.token('admin', ADMIN_PASSWORD);
    kitchenSystem = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const answered = received.length === 0 ? 503 : 200;
        received.push({ headers: req.headers, body, answered });
        res.writeHead(answered).end();
      });
    });
    await new Promise<void>((resolve) => kitchenSystem.listen(0, '127.0.0.1', resolve));
    planner = await platform.account(['planner']);
    staff = await platform.account(['assessor']);
    // The canteen is a registered meal site; dispatch learns it from allocation's event.
    const site = await platform
      .http()
      .post('/v1/facilities')
      .set(as(planner.token))
      .send({ type: 'meal-site', name: '莘庄长者食堂', districtCode: '310112', location: CANTEEN, coordinateSystem: 'WGS-84', operatorName: '莘庄镇', mealSeats: 40 })
      .expect(201);
    const client = platform.gateway.get(ServiceClient);
    await eventually(async () => {
      const outcome = await client.call('dispatch', 'facility-view.list', { districtCode: '310112', types: ['meal-site'] }, { actor: null, correlationId: 'test', timeoutMs: 2000 });
      expect(outcome.status === 'done' && outcome.value.length).toBe(1);
    });
    const kitchen = (body: Record<string, unknown>) => platform.http().post('/v1/kitchens').set(as(planner.token)).send({ districtCode: '310112', coordinateSystem: 'WGS-84', ...body }).expect(201);
    canteenKitchen = (await kitchen({ name: '莘庄长者食堂厨房', kind: 'canteen', facilityId: site.body.facilityId, location: CANTEEN, capacity: { lunch: 3 }, diets: ['regular', 'low-salt', 'diabetic'], textures: ['regular', 'minced-moist'] })).body.kitchenId;
    centralKitchen = (await kitchen({ name: '闵行中央厨房', kind: 'central-kitchen', location: CENTRAL, capacity: { lunch: 50, dinner: 50 }, diets: ['regular', 'low-salt', 'diabetic', 'halal'], textures: ['regular', 'minced-moist', 'pureed'] })).body.kitchenId;
    canteenCook = await platform.account(['kitchen'], { kitchenIds: [canteenKitchen] });
    centralCook = await platform.account(['kitchen'], { kitchenIds: [centralKitchen] });
    courier = await platform.account(['courier']);
    otherCourier = await platform.account(['courier']);
    await platform.http().post(`/v1/kitchens/${canteenKitchen}/couriers`).set(as(canteenCook.token)).send({ accountId: courier.id, name: '王师傅', mode: 'e-bike', shiftFrom: '10:00', shiftTo: '13:30' }).expect(201);
    await platform.http().post(`/v1/kitchens/${centralKitchen}/couriers`).set(as(centralCook.token)).send({ accountId: otherCourier.id, name: '李师傅', mode: 'van', shiftFrom: '10:00', shiftTo: '13:30' }).expect(201);
    const port = (kitchenSystem.address() as { port: number }).port;
    // Plain HTTP to another host, and HTTPS to the platform's own network, are refused.
    for (const url of ['http://example.com/hook', 'https://10.0.0.5/hook', 'https://192.168.1.20/hook']) {
      const refused = await platform.http().put(`/v1/kitchens/${canteenKitchen}/webhook`).set(as(canteenCook.token)).send({ url, secret: 'kitchen-secret-0123456789' }).expect(400);
      expect(refused.body.fields).toEqual([{ field: 'url', problems: [expect.any(String)] }]);
    }
    await platform.http().put(`/v1/kitchens/${canteenKitchen}/webhook`).set(as(canteenCook.token)).send({ url: 'https://kitchen.example.cn/lists' }).expect(400); // no secret to sign with
    await platform.http().put(`/v1/kitchens/${canteenKitchen}/webhook`).set(as(canteenCook.token)).send({ url: `http://127.0.0.1:${port}/lists`, secret: 'kitchen-secret-0123456789' }).expect(200);
    for (const [id, dishes] of [[canteenKitchen, [chickenRice, steamedFish]], [centralKitchen, [beefNoodles, steamedFish]]] as const) {
      await platform.http().put(`/v1/kitchens/${id}/menus/${mealDate}/lunch`).set(as(admin)).send({ dishes }).expect(200);
    }

    const senior = (name: string, metresNorth: number, metresEast: number, safety = SAFE) =>
      seniorInReadModels(db, { bedTypes: [], meals: MEALS, safety }, 'female', { name, location: { lat: CANTEEN.lat + north(metresNorth), lng: CANTEEN.lng + east(metresEast) } });
    seniors.diabetic = await senior('张阿姨', 300, 0);
    seniors.minced = await senior('李奶奶', 0, 600, { ...SAFE, textureModifiedDiet: true, iddsiLevel: 5 });
    seniors.regular = await senior('王爷爷', 600, 600);
    seniors.eatIn = await senior('赵奶奶', 100, 100);
    seniors.halal = await senior('马爷爷', 900, 300);
    seniors.skips = await senior('钱阿姨', 200, 400);
    seniors.paused = await senior('孙伯伯', 400, 200);
  });
  afterAll(async () => {
    await new Promise((resolve) => kitchenSystem?.close(resolve));
    await db?.end();
    await platform?.stop();
  });

  const subscribe = (seniorId: string, terms: Record<string, unknown>, token = staff.token) =>
    platform.http().put(`/v1/seniors/${seniorId}/meal-subscription`).set(as(token)).send({ terms: { slots: { lunch: [1, 2, 3, 4, 5, 6, 7] }, ...terms } });

  it('takes subscriptions within what the assessment allows, and refuses what no kitchen or rule allows, naming why', async () => {
    await subscribe(seniors.diabetic!, { diet: 'diabetic', allergens: ['egg'] }).expect(200);
    const minced = await subscribe(seniors.minced!, {}).expect(200);
    expect(minced.body.current.terms).toMatchObject({ texture: 'minced-moist', mode: 'delivery' }); // from the assessment's safety flag
    await subscribe(seniors.regular!, { deliveryNotes: '敲门大声一点' }).expect(200);
    await subscribe(seniors.eatIn!, { mode: 'canteen', canteenFacilityId: (await db.query(`SELECT facility_id FROM dispatch.facility_view`)).rows[0].facility_id }).expect(200);
    await subscribe(seniors.halal!, { diet: 'halal' }).expect(200);
    await subscribe(seniors.skips!, {}).expect(200);
    await subscribe(seniors.paused!, {}).expect(200);

    // Regular food for a senior who must have minced food: refused, naming the texture.
    const unsafe = await subscribe(seniors.minced!, { texture: 'regular' }).expect(400);
    expect(unsafe.body.fields.map((f: { field: string }) => f.field)).toContain('terms.texture');
    // Nobody in the district makes liquidised halal food.
    const impossible = await subscribe(seniors.halal!, { texture: 'liquidised' }).expect(422);
    expect(impossible.body.message).toContain('No kitchen');
    expect((await db.query(`SELECT count(*)::int AS n FROM dispatch.meal_subscription_version WHERE senior_id = $1`, [seniors.halal])).rows[0].n).toBe(1);

    await platform.http().post(`/v1/seniors/${seniors.skips}/meal-changes`).set(as(staff.token)).send({ date: mealDate, slot: 'lunch', kind: 'skip' }).expect(201);
    await platform.http().post(`/v1/seniors/${seniors.paused}/meal-pauses`).set(as(staff.token)).send({ from: mealDate, until: addDays(mealDate, 3), reason: 'Visiting the daughter in Suzhou' }).expect(201);
    const plan = await platform.http().get(`/v1/seniors/${seniors.paused}/meal-subscription`).set(as(staff.token)).expect(200);
    expect(plan.body.upcoming.find((m: { date: string }) => m.date === mealDate)).toMatchObject({ slot: 'lunch', mode: null, skippedBecause: expect.stringContaining('Suzhou') });
    expect(plan.body.upcoming.find((m: { date: string }) => m.date === addDays(mealDate, 4))).toMatchObject({ mode: 'delivery', skippedBecause: null });
  });

  it('freezes the day at the cutoff, splits it across kitchens by distance and capacity, and plans routes within the pack-to-door limit', async () => {
    const run = await platform.http().post(`/v1/districts/310112/meal-cutoffs/${mealDate}/lunch`).set(as(admin)).expect(201);
    expect(run.body).toMatchObject({ orders: 5, delivery: 4, canteen: 1, unassigned: 0, kitchens: 2, alreadyDone: false });
    expect(run.body.overflow).toBeGreaterThanOrEqual(1);
    expect(run.body.longestPackToDoorMinutes).toBeLessThanOrEqual(45);
    const load = await db.query(`SELECT kitchen_id, count(*)::int AS n FROM dispatch.meal_order WHERE date = $1 GROUP BY kitchen_id`, [mealDate]);
    expect(Object.fromEntries(load.rows.map((r) => [r.kitchen_id, r.n]))).toEqual({ [canteenKitchen]: 3, [centralKitchen]: 2 });
    // Halal is made only centrally; of the rest, the senior who loses least by going farther overflows.
    const kitchenOf = async (seniorId: string) => (await db.query(`SELECT kitchen_id FROM dispatch.meal_order WHERE senior_id = $1`, [seniorId])).rows[0].kitchen_id;
    expect(await kitchenOf(seniors.halal!)).toBe(centralKitchen);
    expect(await kitchenOf(seniors.regular!)).toBe(centralKitchen);
    expect(await kitchenOf(seniors.diabetic!)).toBe(canteenKitchen);
    const eatIn = await db.query(`SELECT kitchen_id, mode, route_id FROM dispatch.meal_order WHERE senior_id = $1`, [seniors.eatIn]);
    expect(eatIn.rows[0]).toEqual({ kitchen_id: canteenKitchen, mode: 'canteen', route_id: null });

    // Run again (a retried job, a second replica): nothing is frozen twice.
    const again = await platform.http().post(`/v1/districts/310112/meal-cutoffs/${mealDate}/lunch`).set(as(admin)).expect(201);
    expect(again.body).toMatchObject({ orders: 5, alreadyDone: true });
    expect((await db.query(`SELECT count(*)::int AS n FROM dispatch.meal_order WHERE date = $1`, [mealDate])).rows[0].n).toBe(5);

    // After the freeze, the day's orders and menu no longer change.
    expect((await platform.http().post(`/v1/seniors/${seniors.regular}/meal-changes`).set(as(staff.token)).send({ date: mealDate, slot: 'lunch', kind: 'skip' }).expect(409)).body.code).toBe('CUTOFF_PASSED');
    await platform.http().put(`/v1/kitchens/${canteenKitchen}/menus/${mealDate}/lunch`).set(as(canteenCook.token)).send({ dishes: [steamedFish] }).expect(409);
  });

  it("gives each kitchen its production list with the clashes and substitutions, and only its own", async () => {
    const list = await platform.http().get(`/v1/kitchens/${canteenKitchen}/production-list`).query({ date: mealDate, slot: 'lunch' }).set(as(canteenCook.token)).expect(200);
    expect(list.body.total).toBe(3);
    const counted = list.body.byDish.reduce((sum: number, d: { count: number }) => sum + d.count, 0);
    expect(counted).toBe(3);
    const diabetic = list.body.clashes.find((c: { seniorName: string }) => c.seniorName === '张阿姨');
    expect(diabetic).toMatchObject({ substitutedWith: '清蒸鱼', unresolved: false });
    expect(diabetic.clashes).toEqual(['contains egg (allergen)', 'not suitable for a diabetic diet']);
    expect(list.body.labels).toHaveLength(3);
    const csv = await platform.http().get(`/v1/kitchens/${canteenKitchen}/production-list.csv`).query({ date: mealDate, slot: 'lunch' }).set(as(canteenCook.token)).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    await platform.http().get(`/v1/kitchens/${canteenKitchen}/production-list`).query({ date: mealDate, slot: 'lunch' }).set(as(centralCook.token)).expect(403);
    await platform.http().get(`/v1/kitchens/${canteenKitchen}/production-list`).query({ date: 'tomorrow', slot: 'lunch' }).set(as(canteenCook.token)).expect(400);
  });

  it("pushes the kitchen's lists to its system, signed with its secret, retrying until it answers", async () => {
    await eventually(async () => expect(received.map((r) => r.answered)).toEqual([503, 200]));
    const [first, second] = received;
    expect(second!.headers['x-eldercare-delivery']).toBe(first!.headers['x-eldercare-delivery']);
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(second!.headers['x-eldercare-signature']))!;
    expect(v1).toBe(createHmac('sha256', 'kitchen-secret-0123456789').update(`${t}.${second!.body}`).digest('hex'));
    const pushed = JSON.parse(second!.body);
    expect(pushed).toMatchObject({ event: 'kitchen.lists-ready', kitchenId: canteenKitchen, date: mealDate, slot: 'lunch', productionList: { total: 3 } });
    expect(pushed.manifests).toHaveLength(1);
    const log = await platform.http().get(`/v1/kitchens/${canteenKitchen}/webhook-deliveries`).set(as(canteenCook.token)).expect(200);
    expect(log.body.map((d: { attempt: number; statusCode: number; error: string | null }) => [d.attempt, d.statusCode, d.error])).toEqual([
      [2, 200, null],
      [1, 503, 'HTTP 503'],
    ]);
    // The central kitchen asked for no push: nothing was sent for it.
    expect(received.every((r) => JSON.parse(r.body).kitchenId === canteenKitchen)).toBe(true);
  });

  it("shows each courier their own route in order, inside the delivery window, and takes one outcome per stop from the right courier", async () => {
    const route = await platform.http().get('/v1/courier/route').query({ date: mealDate, slot: 'lunch' }).set(as(courier.token)).expect(200);
    expect(route.body.courierName).toBe('王师傅');
    expect(route.body.stops.map((s: { stopNumber: number }) => s.stopNumber)).toEqual(route.body.stops.map((_: unknown, i: number) => i + 1));
    const window = { from: Date.parse(`${mealDate}T10:30:00+08:00`), to: Date.parse(`${mealDate}T12:30:00+08:00`) };
    for (const stop of route.body.stops) {
      expect(Date.parse(stop.plannedArrival)).toBeGreaterThanOrEqual(window.from);
      expect(Date.parse(stop.plannedArrival)).toBeLessThanOrEqual(window.to);
    }
    expect(route.body.stops.map((s: { seniorName: string }) => s.seniorName).sort()).toEqual(['张阿姨', '李奶奶'].sort());
    const [first, second] = route.body.stops as Array<{ orderId: string; seniorId: string }>;

    // Not on the other courier's route: refused, nothing written.
    await platform.http().post(`/v1/meal-orders/${first!.orderId}/outcome`).set(as(otherCourier.token)).send({ outcome: 'delivered' }).expect(403);
    const delivered = await platform.http().post(`/v1/meal-orders/${first!.orderId}/outcome`).set(as(courier.token)).send({ outcome: 'delivered' }).expect(201);
    expect(delivered.body).toMatchObject({ outcome: 'delivered', followUp: null });
    await platform.http().post(`/v1/meal-orders/${first!.orderId}/outcome`).set(as(courier.token)).send({ outcome: 'refused' }).expect(409);
    const eatIn = (await db.query(`SELECT id FROM dispatch.meal_order WHERE senior_id = $1`, [seniors.eatIn])).rows[0].id;
    await platform.http().post(`/v1/meal-orders/${eatIn}/outcome`).set(as(canteenCook.token)).send({ outcome: 'delivered' }).expect(409);
    expect((await db.query(`SELECT outcome FROM dispatch.stop_outcome`)).rows).toEqual([{ outcome: 'delivered' }]);

    await platform.http().post(`/v1/meal-orders/${second!.orderId}/outcome`).set(as(courier.token)).send({ outcome: 'not-home', note: 'No answer, neighbour not home' }).expect(201);
    const queue = await platform.http().get('/v1/districts/310112/meal-follow-ups').query({ kitchenId: canteenKitchen }).set(as(canteenCook.token)).expect(200);
    expect(queue.body).toEqual([expect.objectContaining({ orderId: second!.orderId, outcome: 'not-home', note: 'No answer, neighbour not home' })]);
    await platform.http().post(`/v1/meal-orders/${second!.orderId}/follow-up/close`).set(as(canteenCook.token)).send({ resolution: 'Reached her son: she was at the clinic, well' }).expect(200);
    expect((await platform.http().get('/v1/districts/310112/meal-follow-ups').query({ kitchenId: canteenKitchen }).set(as(canteenCook.token)).expect(200)).body).toEqual([]);
    const manifests = await platform.http().get(`/v1/kitchens/${canteenKitchen}/manifests.csv`).query({ date: mealDate, slot: 'lunch' }).set(as(canteenCook.token)).expect(200);
    const [header, ...rows] = manifests.text.trimEnd().split('\r\n');
    expect(header).toContain('planned_arrival');
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.split(',')[4])).toEqual(['1', '2']);
    const pdf = await platform.http().get(`/v1/kitchens/${canteenKitchen}/manifests.pdf`).query({ date: mealDate, slot: 'lunch' }).set(as(canteenCook.token)).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    await platform.http().get(`/v1/kitchens/${canteenKitchen}/manifests.pdf`).query({ date: mealDate, slot: 'lunch' }).set(as(centralCook.token)).expect(403);
  });

  it('runs the no-answer ladder: the courier retries, the office calls, a passed deadline moves it on, and it closes when she is found', async () => {
    const list = async () => (await platform.http().get('/v1/districts/310112/escalations').query({ kitchenId: canteenKitchen }).set(as(canteenCook.token)).expect(200)).body;
    const [opened] = await list();
    expect(opened).toMatchObject({ status: 'open', currentStep: 'courier-retry', owner: 'courier', livesAlone: true });
    expect(Date.parse(opened.deadline) - Date.parse(opened.startedAt)).toBe(10 * 60_000);
    const queue = platform.service('dispatch').get<Queue>(getQueueToken(SCHEDULE_QUEUES.dispatch));
    const retryJob = await queue.getJob(`escalation-${opened.caseId}-courier-retry`);
    expect(Math.abs(retryJob!.timestamp + retryJob!.delay - Date.parse(opened.deadline))).toBeLessThan(5_000);

    const step = (token: string, outcome: string, note?: string) => platform.http().post(`/v1/escalations/${opened.caseId}/steps`).set(as(token)).send({ outcome, ...(note ? { note } : {}) });
    await step(otherCourier.token, 'no-answer').expect(403);
    const office = await step(courier.token, 'no-answer', 'Knocked and called twice').expect(200);
    expect(office.body).toMatchObject({ currentStep: 'office-call', owner: 'kitchen-office' });
    await step(courier.token, 'found-well').expect(403); // the office's step now

    // Fifteen minutes pass without the office reaching her: the deadline's job moves the case on.
    await db.query(`UPDATE dispatch.escalation_case SET step_deadline = now() - interval '1 second' WHERE id = $1`, [opened.caseId]);
    await (await queue.getJob(`escalation-${opened.caseId}-office-call`))!.promote();
    await eventually(async () => expect((await list())[0].currentStep).toBe('emergency-contacts'));
    const [late] = await list();
    expect(late.timeline.map((t: { step: string; outcome: string | null }) => [t.step, t.outcome])).toEqual([
      ['courier-retry', 'no-answer'],
      ['office-call', 'no-answer'],
      ['emergency-contacts', null],
    ]);
    expect(late.timeline[1]).toMatchObject({ by: null, note: 'deadline passed without an answer' });

    const found = await step(canteenCook.token, 'found-well', 'Her son reached her: she was at the clinic').expect(200);
    expect(found.body).toMatchObject({ status: 'resolved', resolution: expect.stringContaining('found well') });
    await step(canteenCook.token, 'no-answer').expect(409);
    expect(await list()).toEqual([]);
    const today = localDate(new Date());
    const sla = await platform.http().get('/v1/districts/310112/escalations/sla').query({ from: today, until: today }).set(as(planner.token)).expect(200);
    expect(sla.body).toMatchObject({ cases: 1, resolved: 1, open: 0, reachedEmergencyServices: 0 });
    expect(sla.body.medianMinutes).toBeGreaterThanOrEqual(0);
  });

  it('asks the assessment service for an immediate reassessment when a senior keeps refusing meals', async () => {
    // A registered senior (known to the assessment service), entitled to delivered meals.
    const registered = await platform.http().post('/v1/seniors').set(as(staff.token)).send(seniorRegistration()).expect(201);
    const seniorId = registered.body.seniorId as string;
    await eventually(async () => expect((await db.query(`SELECT 1 FROM dispatch.senior_view WHERE senior_id = $1`, [seniorId])).rowCount).toBe(1));
    await db.query(`UPDATE dispatch.senior_view SET entitlements = $2 WHERE senior_id = $1`, [seniorId, JSON.stringify({ bedTypes: [], meals: MEALS, safety: SAFE })]);
    await subscribe(seniorId, {}).expect(200);
    const laterDate = addDays(mealDate, 1);
    await platform.http().post(`/v1/districts/310112/meal-cutoffs/${laterDate}/lunch`).set(as(admin)).expect(201);
    const order = (await db.query(`SELECT * FROM dispatch.meal_order WHERE senior_id = $1 AND date = $2`, [seniorId, laterDate])).rows[0];
    expect(order.route_id).not.toBeNull();
    // The three days before, the courier found the meal refused.
    const today = localDate(new Date());
    for (const daysAgo of [1, 2, 3]) {
      const past = (
        await db.query(
          `INSERT INTO dispatch.meal_order (id, district_code, senior_id, date, slot, mode, kitchen_id, diet, texture, choice, price_fen, subsidy_fen, co_pay_fen, status, frozen_at)
           SELECT gen_random_uuid(), district_code, senior_id, $2, slot, mode, kitchen_id, diet, texture, choice, price_fen, subsidy_fen, co_pay_fen, 'refused', now() FROM dispatch.meal_order WHERE id = $1 RETURNING id`,
          [order.id, addDays(today, -daysAgo)],
        )
      ).rows[0].id;
      await db.query(`INSERT INTO dispatch.stop_outcome (order_id, senior_id, outcome, at, recorded_by) VALUES ($1, $2, 'refused', now(), $3)`, [past, seniorId, courier.id]);
    }
    const courierOfOrder = (await db.query(`SELECT c.account_id FROM dispatch.delivery_route r JOIN dispatch.courier c ON c.id = r.courier_id WHERE r.id = $1`, [order.route_id])).rows[0].account_id;
    const token = courierOfOrder === courier.id ? courier.token : otherCourier.token;
    await platform.http().post(`/v1/meal-orders/${order.id}/outcome`).set(as(token)).send({ outcome: 'refused', note: 'Said she does not want it' }).expect(201);
    await eventually(async () => {
      const tasks = await platform.http().get('/v1/reassessments/tasks').set(as(staff.token)).expect(200);
      expect(tasks.body.filter((t: { seniorId: string }) => t.seniorId === seniorId)).toEqual([expect.objectContaining({ kind: 'immediate', reason: expect.stringContaining('meal deliveries') })]);
    });
    // The courier who carries her meals may ask for a reassessment himself; the other courier may not.
    await platform.http().post(`/v1/seniors/${seniorId}/reassessment-requests`).set(as(token)).send({ reason: 'Looked confused at the door' }).expect(201);
    const notHers = token === courier.token ? otherCourier.token : courier.token;
    await platform.http().post(`/v1/seniors/${seniorId}/reassessment-requests`).set(as(notHers)).send({ reason: 'Looked confused at the door' }).expect(403);
  });

  it('bills the month from the meals that reached the senior, with the subsidy from the entitlements', async () => {
    const month = mealDate.slice(0, 7);
    const statement = await platform.http().get(`/v1/seniors/${seniors.halal}/meal-statements/${month}`).set(as(staff.token)).expect(200);
    // Lunch on the meal date and the day after (both frozen, not yet reported), when in the same month.
    const meals = [mealDate, addDays(mealDate, 1)].filter((d) => d.startsWith(month)).length;
    expect(statement.body).toMatchObject({ meals, priceFen: 1500 * meals, subsidyFen: 500 * meals, coPayFen: 1000 * meals });
    expect(statement.body.lines[0]).toMatchObject({ date: mealDate, slot: 'lunch', priceFen: 1500, subsidyFen: 500, coPayFen: 1000, subsidyTier: 'low-income' });
    await platform.http().get(`/v1/seniors/${seniors.halal}/meal-statements/2026-13`).set(as(staff.token)).expect(400);
  });
});
