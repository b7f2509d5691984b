import { randomUUID } from 'node:crypto';
import { ServiceClient, type ConsentScope, type Role } from '@app/contracts';
import { eventually, seniorRegistration } from '@app/testing';
import { servedRoutes } from './gateway-routes';
import { ADMIN_PASSWORD, TestPlatform } from './platform';

/**
 * Who may call each route of the gateway, written from what the product allows (not read off the
 * decorators): families only with the right consent scope for their own senior; caregivers,
 * couriers and kitchens only their own work; operators only their own facilities. Every route the
 * running gateway has must have a row, so a new route without a rule fails here.
 */
type Staff = Exclude<Role, 'family'>;
interface Rule {
  /** Anyone, signed in or not. */
  public?: true;
  /** Staff roles that pass the door. */
  staff?: Staff[];
  /** Family accounts: any family account, or only with this consent scope for the senior in the path. */
  family?: 'any' | ConsentScope;
  /**
   * Roles limited to their own work on this route (their facility, their kitchen). The matrix's
   * operator and kitchen accounts own nothing the path names, so they are refused here.
   */
  ownOnly?: Staff[];
  /** Query string to send (a route's own query DTO is checked after the door; ownership checks need a well-formed one). */
  query?: string;
  /** Body to send: empty unless an ownership check needs a well-formed one to be reached. */
  body?: Record<string, unknown>;
  /** The bull-board page answers every refusal with 401 (it asks the browser for Basic credentials). */
  refusesWith401?: true;
}

const STAFF: Staff[] = ['admin', 'planner', 'assessor', 'operator', 'kitchen', 'courier', 'caregiver'];
const ADMIN: Rule = { staff: ['admin'] };
const PLANNERS: Rule = { staff: ['admin', 'planner'] };
const MEAL_DAY = 'date=2026-12-01&slot=lunch';
const PLANNERS_AND_FAMILY_VIEW: Rule = { staff: ['admin', 'planner'], family: 'view-status' };

// Placeholders in paths; the fixtures below give them values.
const MATRIX: Record<string, Rule> = {
  // identity and operations
  'POST /v1/auth/token': { public: true },
  // the refresh token in the body is the credential
  'POST /v1/auth/refresh': { public: true },
  'POST /v1/auth/logout': { public: true },
  'GET /health/live': { public: true },
  'GET /health/ready': { public: true },
  'GET /docs': { public: true },
  'GET /docs/': { public: true },
  'GET /docs/swagger-ui-init.js': { public: true },
  'GET /docs/index.html': { public: true },
  'GET /docs/LICENSE': { public: true },
  'GET /docs/docs/swagger-ui-init.js': { public: true },
  'GET /docs/openapi.json': { public: true },
  'GET /docs-yaml': { public: true },
  // bull-board, mounted with app.use (not a router route): checked here, listed in MOUNTED
  'GET /admin/queues': { staff: ['admin'], refusesWith401: true },
  'GET /metrics': ADMIN,
  'POST /v1/accounts': ADMIN,
  'GET /v1/accounts/me': { staff: STAFF, family: 'any' },
  'POST /v1/accounts/:accountId/api-keys': ADMIN,
  'GET /v1/admin/dead-letters': ADMIN,
  'POST /v1/admin/dead-letters/:queue/:jobId/retry': ADMIN,
  // the request owner check (someone else's request is a 404) is in RequestsService
  'GET /v1/requests/:requestId': { staff: STAFF, family: 'any' },

  // seniors, consents, audit
  'POST /v1/seniors': { staff: ['admin', 'assessor'] },
  'GET /v1/seniors/:seniorId': { staff: ['admin', 'assessor', 'planner'], family: 'view-status' },
  'POST /v1/seniors/:seniorId/priority-flags': { staff: ['admin', 'assessor'] },
  'POST /v1/seniors/:seniorId/priority-flags/:grantId/end': { staff: ['admin', 'assessor'] },
  'POST /v1/seniors/:seniorId/consents': { staff: ['admin', 'assessor'] },
  'GET /v1/seniors/:seniorId/consents': { staff: ['admin', 'assessor', 'planner'] },
  'DELETE /v1/consents/:consentId': { staff: ['admin', 'assessor'] },
  // a family asks for access; the staff who check consent and identity decide
  'POST /v1/access-requests': { family: 'any' },
  'GET /v1/access-requests/mine': { family: 'any' },
  'GET /v1/access-requests': { staff: ['admin', 'assessor'] },
  'POST /v1/access-requests/:requestId/approve': { staff: ['admin', 'assessor'] },
  'POST /v1/access-requests/:requestId/reject': { staff: ['admin', 'assessor'] },
  'GET /v1/seniors/:seniorId/audit': PLANNERS_AND_FAMILY_VIEW, // the guardian reads who saw the senior's data
  // personal data on request (PIPL): the copy holds health data, so a family needs the assessment report scope; erasure is the district's
  'GET /v1/seniors/:seniorId/personal-data': { staff: ['admin', 'assessor'], family: 'view-assessment-report' },
  'POST /v1/seniors/:seniorId/erasure': PLANNERS,
  'GET /v1/seniors/:seniorId/erasure': PLANNERS,

  // assessments
  'POST /v1/seniors/:seniorId/assessments': { staff: ['admin', 'assessor'] },
  'PATCH /v1/seniors/:seniorId/assessments/:assessmentId/answers': { staff: ['admin', 'assessor'] },
  'POST /v1/seniors/:seniorId/assessments/:assessmentId/submit': { staff: ['admin', 'assessor'] },
  'GET /v1/seniors/:seniorId/assessments': { staff: ['admin', 'assessor', 'planner'], family: 'view-assessment-report' },
  'GET /v1/seniors/:seniorId/assessments/:assessmentId': { staff: ['admin', 'assessor', 'planner'], family: 'view-assessment-report' },
  'GET /v1/seniors/:seniorId/assessments/:assessmentId/report': { staff: ['admin', 'assessor', 'planner'], family: 'view-assessment-report' },
  'GET /v1/seniors/:seniorId/assessments/:assessmentId/report.pdf': { staff: ['admin', 'assessor', 'planner'], family: 'view-assessment-report' },
  'GET /v1/seniors/:seniorId/entitlements': { staff: ['admin', 'assessor', 'planner', 'operator'], family: 'view-status' },
  // front-line staff who see the senior report a change; families ask their assessor
  // caregivers and couriers only for a senior they visit or carry meals to
  'POST /v1/seniors/:seniorId/reassessment-requests': { staff: ['admin', 'assessor', 'caregiver', 'courier', 'operator'], ownOnly: ['caregiver', 'courier'], body: { reason: 'Two falls this month' } },
  'GET /v1/reassessments/due': { staff: ['admin', 'assessor', 'planner'] },
  'GET /v1/reassessments/overdue': { staff: ['admin', 'assessor', 'planner'] },
  'GET /v1/reassessments/tasks': { staff: ['admin', 'assessor', 'planner'] },
  'GET /v1/policies': { staff: ['admin', 'planner', 'assessor'] },
  'POST /v1/policies': PLANNERS,

  // facilities, the circle, beds, day care
  'POST /v1/facilities': PLANNERS,
  'GET /v1/facilities': { staff: STAFF, family: 'any' },
  'GET /v1/facilities/:facilityId': { staff: STAFF, family: 'any' },
  'GET /v1/circle': { staff: STAFF, family: 'any' },
  'GET /v1/seniors/:seniorId/circle': { staff: ['admin', 'planner', 'assessor', 'operator'], family: 'view-status' },
  'GET /v1/facilities/:facilityId/beds': { staff: ['admin', 'operator'], ownOnly: ['operator'] },
  'POST /v1/beds/:bedId/holds': { staff: ['admin', 'operator'], ownOnly: ['operator'], body: { seniorId: ':seniorId' } },
  // holds, stays and their operators are checked by allocation after the lookup (beds.e2e-spec); here the ids are unknown
  'POST /v1/holds/:holdId/admit': { staff: ['admin', 'operator'] },
  'POST /v1/occupancies/:occupancyId/release': { staff: ['admin', 'operator'] },
  'POST /v1/occupancies/:occupancyId/transfer': { staff: ['admin', 'operator'] },
  'GET /v1/districts/:districtCode/beds/reconciliation': PLANNERS,
  'POST /v1/seniors/:seniorId/daycare-bookings': { staff: ['admin', 'assessor', 'operator'], family: 'book-day-care' },
  'GET /v1/seniors/:seniorId/daycare-bookings': { staff: ['admin', 'assessor', 'operator', 'planner'], family: 'view-status' },
  'POST /v1/seniors/:seniorId/daycare-bookings/:bookingId/cancel': { staff: ['admin', 'assessor', 'operator'], family: 'book-day-care' },

  // the bed waiting list
  'POST /v1/seniors/:seniorId/bed-applications': { staff: ['admin', 'assessor', 'operator'], family: 'apply-for-bed' },
  'GET /v1/seniors/:seniorId/bed-applications': { staff: ['admin', 'assessor', 'operator', 'planner'], family: 'view-status' },
  'POST /v1/seniors/:seniorId/bed-applications/:applicationId/withdraw': { staff: ['admin', 'assessor', 'operator'], family: 'apply-for-bed' },
  'POST /v1/seniors/:seniorId/bed-offers/:offerId/accept': { staff: ['admin', 'assessor', 'operator'], family: 'apply-for-bed' },
  'POST /v1/seniors/:seniorId/bed-offers/:offerId/decline': { staff: ['admin', 'assessor', 'operator'], family: 'apply-for-bed' },
  'GET /v1/districts/:districtCode/waiting-list': { staff: ['admin', 'planner', 'operator'] },
  'GET /v1/districts/:districtCode/waiting-list/what-if': PLANNERS,
  'POST /v1/districts/:districtCode/waiting-list/match': { staff: ['admin', 'operator'] },
  'GET /v1/districts/:districtCode/priority-rules': { staff: ['admin', 'planner', 'operator', 'assessor'] },
  'POST /v1/districts/:districtCode/priority-rules': PLANNERS,

  // coverage and planning
  'GET /v1/districts/:districtCode/coverage': PLANNERS,
  'GET /v1/districts/:districtCode/coverage.csv': PLANNERS,
  'GET /v1/districts/:districtCode/coverage/gaps': PLANNERS,
  'POST /v1/districts/:districtCode/coverage/what-if': PLANNERS,
  'GET /v1/districts/:districtCode/planning-targets': PLANNERS,
  'PUT /v1/districts/:districtCode/planning-targets/:version': PLANNERS,
  'GET /v1/districts/:districtCode/street-statistics': PLANNERS,
  'PUT /v1/districts/:districtCode/street-statistics/:year': PLANNERS,

  // meals: kitchens (a kitchen account only for its own kitchens)
  'POST /v1/kitchens': PLANNERS,
  'GET /v1/districts/:districtCode/kitchens': { staff: ['admin', 'planner', 'kitchen', 'assessor', 'operator'] },
  'PUT /v1/kitchens/:kitchenId/menus/:date/:slot': { staff: ['admin', 'planner', 'kitchen'], ownOnly: ['kitchen'], body: { dishes: [] } },
  'POST /v1/kitchens/:kitchenId/couriers': { staff: ['admin', 'kitchen'], ownOnly: ['kitchen'], body: { accountId: ':randomId', name: '王师傅', mode: 'e-bike', shiftFrom: '10:00', shiftTo: '13:30' } },
  'PUT /v1/kitchens/:kitchenId/webhook': { staff: ['admin', 'kitchen'], ownOnly: ['kitchen'], body: {} },
  'GET /v1/kitchens/:kitchenId/webhook-deliveries': { staff: ['admin', 'planner', 'kitchen'], ownOnly: ['kitchen'] },
  'GET /v1/kitchens/:kitchenId/production-list': { staff: ['admin', 'planner', 'kitchen'], ownOnly: ['kitchen'], query: MEAL_DAY },
  'GET /v1/kitchens/:kitchenId/production-list.csv': { staff: ['admin', 'planner', 'kitchen'], ownOnly: ['kitchen'], query: MEAL_DAY },
  'GET /v1/kitchens/:kitchenId/manifests': { staff: ['admin', 'planner', 'kitchen'], ownOnly: ['kitchen'], query: MEAL_DAY },
  'GET /v1/kitchens/:kitchenId/manifests.csv': { staff: ['admin', 'planner', 'kitchen'], ownOnly: ['kitchen'], query: MEAL_DAY },
  'GET /v1/kitchens/:kitchenId/manifests.pdf': { staff: ['admin', 'planner', 'kitchen'], ownOnly: ['kitchen'], query: MEAL_DAY },
  'GET /v1/districts/:districtCode/meal-policy': { staff: ['admin', 'planner', 'kitchen', 'assessor', 'operator'], family: 'any' },
  'POST /v1/districts/:districtCode/meal-policy': PLANNERS,
  'GET /v1/districts/:districtCode/allocation-policy': { staff: ['admin', 'planner', 'assessor', 'operator'], family: 'any' },
  'POST /v1/districts/:districtCode/allocation-policy': PLANNERS,
  'POST /v1/districts/:districtCode/meal-cutoffs/:date/:slot': ADMIN,

  // meals: deliveries (a courier only on its own route; the order's courier is checked by dispatch after the lookup, meals.e2e-spec)
  'GET /v1/courier/route': { staff: ['courier'], query: MEAL_DAY },
  'POST /v1/meal-orders/:orderId/outcome': { staff: ['courier', 'kitchen', 'admin'] },
  'GET /v1/districts/:districtCode/meal-follow-ups': { staff: ['kitchen', 'planner', 'admin'], ownOnly: ['kitchen'], query: 'kitchenId=:kitchenId' },
  'POST /v1/meal-orders/:orderId/follow-up/close': { staff: ['kitchen', 'admin'] },
  'GET /v1/districts/:districtCode/escalations': { staff: ['kitchen', 'planner', 'admin'], ownOnly: ['kitchen'], query: 'kitchenId=:kitchenId' },
  'POST /v1/escalations/:caseId/steps': { staff: ['courier', 'kitchen', 'admin'] },
  'GET /v1/districts/:districtCode/escalations/sla': PLANNERS,

  // meals: a senior's subscription (staff take orders at the counter or by phone)
  'PUT /v1/seniors/:seniorId/meal-subscription': { staff: ['admin', 'assessor', 'operator', 'kitchen'], family: 'manage-meals' },
  'GET /v1/seniors/:seniorId/meal-subscription': { staff: ['admin', 'assessor', 'operator', 'kitchen', 'planner'], family: 'view-status' },
  'POST /v1/seniors/:seniorId/meal-pauses': { staff: ['admin', 'assessor', 'operator', 'kitchen'], family: 'manage-meals' },
  'POST /v1/seniors/:seniorId/meal-changes': { staff: ['admin', 'assessor', 'operator', 'kitchen'], family: 'manage-meals' },
  'GET /v1/seniors/:seniorId/meal-statements/:month': { staff: ['admin', 'assessor', 'operator', 'kitchen', 'planner'], family: 'view-status' },

  // home care
  'POST /v1/caregivers': PLANNERS,
  'GET /v1/districts/:districtCode/caregivers': PLANNERS,
  'PUT /v1/seniors/:seniorId/visit-plan': { staff: ['admin', 'assessor', 'planner'], family: 'manage-visits' },
  'GET /v1/seniors/:seniorId/visit-plan': { staff: ['admin', 'assessor', 'planner'], family: 'view-status' },
  'POST /v1/districts/:districtCode/visit-schedules/:weekStart': ADMIN,
  'GET /v1/caregiver/visits': { staff: ['caregiver'], query: 'from=2026-12-07&until=2026-12-13' },
  'GET /v1/seniors/:seniorId/visits': { staff: ['admin', 'assessor', 'planner'], family: 'view-status' },
  // a family cancels or moves its senior's coming visit (the visit's senior is checked by dispatch after the lookup)
  'POST /v1/seniors/:seniorId/visits/:visitId/cancel': { staff: ['admin', 'planner'], family: 'manage-visits' },
  'POST /v1/seniors/:seniorId/visits/:visitId/reschedule': { staff: ['admin', 'planner'], family: 'manage-visits' },
  // visits that happen: only the visit's own caregiver checks in and out (the matrix's caregiver is nobody's)
  'POST /v1/visits/:visitId/check-in': { staff: ['caregiver'], ownOnly: ['caregiver'], body: { method: 'geofence', location: { lat: 31.1124, lng: 121.3817 } } },
  'POST /v1/visits/:visitId/check-out': { staff: ['caregiver'], ownOnly: ['caregiver'], body: { method: 'geofence', location: { lat: 31.1124, lng: 121.3817 }, tasksDone: [] } },
  // the visit's caregiver is checked by dispatch after the lookup; here the visit does not exist
  'GET /v1/visits/:visitId': { staff: ['caregiver', 'admin', 'planner'] },
  'POST /v1/seniors/:seniorId/door-tag': { staff: ['admin', 'planner', 'assessor'] },
  // a caregiver's own notices: the matrix's caregiver account is not registered as anyone's caregiver
  'GET /v1/caregiver/notices': { staff: ['caregiver'], ownOnly: ['caregiver'] },
  'GET /v1/seniors/:seniorId/visit-notices': { staff: ['admin', 'planner'], family: 'view-status' },
  'GET /v1/districts/:districtCode/visit-alerts': PLANNERS,
  'POST /v1/visit-alerts/:alertId/acknowledge': PLANNERS,
  'POST /v1/visit-alerts/:alertId/resolve': PLANNERS,
  'POST /v1/districts/:districtCode/visit-replans/:date': PLANNERS,
  'PUT /v1/visits/:visitId/assignment': PLANNERS,
  'GET /v1/districts/:districtCode/visit-schedules/:weekStart/versions': PLANNERS,
  'GET /v1/districts/:districtCode/visit-schedules/:weekStart/versions/:version': PLANNERS,
  'GET /v1/districts/:districtCode/visit-policy': { staff: ['admin', 'planner', 'caregiver', 'assessor'], family: 'any' },
  'POST /v1/districts/:districtCode/visit-policy': PLANNERS,
  'GET /v1/seniors/:seniorId/care-ledger/:month': PLANNERS_AND_FAMILY_VIEW,
  'GET /v1/seniors/:seniorId/care-ledger/:month/claim.csv': PLANNERS_AND_FAMILY_VIEW,
  'GET /v1/districts/:districtCode/ltci-claims/:month': PLANNERS,
  'GET /v1/districts/:districtCode/ltci-claims/:month/claims.csv': PLANNERS,

  // the families' API: a senior's bookings with their status; a family account's own webhook
  'GET /v1/seniors/:seniorId/bookings': { staff: ['admin', 'assessor', 'operator', 'planner'], family: 'view-status' },
  // a server-sent event stream: maxSeconds=0 sends what is there and ends
  'GET /v1/seniors/:seniorId/bookings/events': { staff: ['admin', 'assessor', 'operator', 'planner'], family: 'view-status', query: 'maxSeconds=0' },
  'GET /v1/seniors/:seniorId/bookings/:bookingId': { staff: ['admin', 'assessor', 'operator', 'planner'], family: 'view-status' },
  'PUT /v1/accounts/me/webhook': { family: 'any' },
  'GET /v1/accounts/me/webhook': { family: 'any' },
  'DELETE /v1/accounts/me/webhook': { family: 'any' },
  'GET /v1/accounts/me/webhook/deliveries': { family: 'any' },
};

/** Served through app.use, so not in the router's route list. */
const MOUNTED = ['GET /admin/queues'];

const FAMILY_KINDS = ['family-with-scope', 'family-other-scope', 'family-other-senior', 'family-revoked'] as const;
type ActorName = 'anonymous' | Role | (typeof FAMILY_KINDS)[number];
const ACTORS: ActorName[] = ['anonymous', 'admin', 'planner', 'assessor', 'operator', 'kitchen', 'courier', 'caregiver', 'family', ...FAMILY_KINDS];

type Expectation = { denied: false } | { denied: true; status: 401 | 403 | 404 };

/** What the product says for one actor on one route. */
function expectation(rule: Rule, actor: ActorName): Expectation {
  if (rule.public) return { denied: false };
  if (actor === 'anonymous') return { denied: true, status: 401 };
  const refused = (status: 403 | 404): Expectation => ({ denied: true, status: rule.refusesWith401 ? 401 : status });
  if (!actor.startsWith('family')) {
    const role = actor as Staff;
    if (!rule.staff?.includes(role)) return refused(403);
    return rule.ownOnly?.includes(role) ? refused(403) : { denied: false };
  }
  if (!rule.family) return refused(403);
  if (rule.family === 'any') return { denied: false };
  // A family without consent for the senior is told the senior is not found: it cannot learn who is registered.
  return actor === 'family-with-scope' ? { denied: false } : refused(404);
}

describe('authorization matrix (e2e)', () => {
  let platform: TestPlatform;
  const tokens = new Map<string, string>();
  /** family accounts holding one scope each for the senior */
  const scopedFamily = new Map<ConsentScope, string>();
  let params: Record<string, string>;
  let gatewayRoutes: string[] = [];

  beforeAll(async () => {
    platform = await TestPlatform.start();
    const admin = await platform.token('admin', ADMIN_PASSWORD);
    const as = { Authorization: `Bearer ${admin}` };
    const http = () => platform.http();
    const senior = (await http().post('/v1/seniors').set(as).send(seniorRegistration()).expect(201)).body.seniorId as string;
    const otherSenior = (await http().post('/v1/seniors').set(as).send(seniorRegistration()).expect(201)).body.seniorId as string;
    const facility = (
      await http()
        .post('/v1/facilities')
        .set(as)
        .send({
          type: 'care-institution',
          name: '莘庄养老院',
          districtCode: '310112',
          location: { lat: 31.1135, lng: 121.3817 },
          coordinateSystem: 'WGS-84',
          operatorName: '闵行区社会福利中心',
          rooms: [{ name: '1', genderRule: 'any', beds: [{ label: '1-1', bedType: 'nursing' }] }],
        })
        .expect(201)
    ).body as { facilityId: string; rooms: Array<{ beds: Array<{ bedId: string }> }> };
    const kitchen = (
      await http()
        .post('/v1/kitchens')
        .set(as)
        .send({ name: '闵行中央厨房', kind: 'central-kitchen', districtCode: '310112', coordinateSystem: 'WGS-84', location: { lat: 31.12, lng: 121.38 }, capacity: { lunch: 50 }, diets: ['regular'], textures: ['regular'] })
        .expect(201)
    ).body.kitchenId as string;

    // Scoped staff own something, never what the paths name.
    for (const role of STAFF) {
      if (role === 'admin') tokens.set(role, admin);
      else tokens.set(role, (await platform.account([role], role === 'operator' ? { facilityIds: [randomUUID()] } : role === 'kitchen' ? { kitchenIds: [randomUUID()] } : {})).token);
    }
    tokens.set('family', (await platform.account(['family'])).token);
    const grant = async (seniorId: string, scopes: readonly ConsentScope[]) => {
      const family = await platform.account(['family']);
      const consent = await http().post(`/v1/seniors/${seniorId}/consents`).set(as).send({ familyAccountId: family.id, scopes, basis: 'Signed form at the hub, ID checked' }).expect(201);
      return { token: family.token, consentId: consent.body.consentId as string };
    };
    for (const scope of ['view-status', 'view-assessment-report', 'book-day-care', 'manage-meals', 'manage-visits', 'apply-for-bed'] as const) scopedFamily.set(scope, (await grant(senior, [scope])).token);
    const allScopes = [...scopedFamily.keys()];
    tokens.set('family-other-senior', (await grant(otherSenior, allScopes)).token);
    const revoked = await grant(senior, allScopes);
    await http().delete(`/v1/consents/${revoked.consentId}`).set(as).expect(200);
    tokens.set('family-revoked', revoked.token);

    params = {
      seniorId: senior,
      facilityId: facility.facilityId,
      bedId: facility.rooms[0].beds[0].bedId,
      kitchenId: kitchen,
      districtCode: '310112',
      date: '2026-12-01',
      slot: 'lunch',
      month: '2026-11',
      year: '2025',
      version: 'matrix-1',
      weekStart: '2026-12-07',
      queue: 'assessment-commands',
      jobId: '1',
      grantId: '1',
      visitId: `${senior}:2026-12-07:9`,
    };
    // Services answer about the senior only once their read models hold it.
    const client = platform.gateway.get(ServiceClient);
    for (const service of ['allocation', 'dispatch'] as const) {
      await eventually(async () => {
        const outcome = await client.call(service, 'senior-view.get', { seniorId: senior }, { actor: null, correlationId: 'matrix', timeoutMs: 2000 });
        if (outcome.status !== 'done') throw new Error('pending');
      });
    }
    gatewayRoutes = servedRoutes(platform);
  });
  afterAll(() => platform?.stop());

  it('has a rule in the table for every route the gateway serves, and no row for a route that is gone', () => {
    expect(gatewayRoutes.length).toBeGreaterThan(80);
    expect(gatewayRoutes.filter((route) => !(route in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((route) => !gatewayRoutes.includes(route) && !MOUNTED.includes(route))).toEqual([]);
  });

  const cases = Object.entries(MATRIX).flatMap(([route, rule]) => ACTORS.map((actor) => [route, actor, rule] as const));

  it.each(cases)('%s as %s', async (route, actor, rule) => {
    const [method, template] = route.split(' ');
    const fillIn = (text: string) => text.replace(/:(\w+)/g, (_, name: string) => params[name] ?? randomUUID());
    const path = fillIn(template) + (rule.query ? `?${fillIn(rule.query)}` : '');
    let call = platform.http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path);
    const token = tokenFor(actor, rule);
    if (token) call = call.set('Authorization', `Bearer ${token}`);
    if (method !== 'GET' && method !== 'DELETE') call = call.send(fill(rule.body ?? {}));
    const res = await call;
    const expected = expectation(rule, actor);
    const seen = { route, actor, status: res.status, code: (res.body as { code?: string } | undefined)?.code };
    if (expected.denied) {
      const code = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'SENIOR_NOT_FOUND' }[expected.status];
      expect(seen).toEqual({ route, actor, status: expected.status, code });
    } else {
      expect(seen.status === 401 || seen.status === 403 || seen.code === 'SENIOR_NOT_FOUND' ? seen : 'not denied').toBe('not denied');
    }
  });

  function tokenFor(actor: ActorName, rule: Rule): string | undefined {
    if (actor === 'anonymous') return undefined;
    if (actor === 'family-with-scope') return scopedFamily.get(rule.family && rule.family !== 'any' ? rule.family : 'view-status');
    if (actor === 'family-other-scope') {
      const needed = rule.family && rule.family !== 'any' ? rule.family : 'view-status';
      return scopedFamily.get(needed === 'view-status' ? 'manage-meals' : 'view-status');
    }
    return tokens.get(actor);
  }

  function fill(body: Record<string, unknown>): Record<string, unknown> {
    return Object.fromEntries(Object.entries(body).map(([key, value]) => [key, value === ':randomId' ? randomUUID() : typeof value === 'string' && value.startsWith(':') ? params[value.slice(1)] : value]));
  }
});
