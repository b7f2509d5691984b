// The stage of `npm run demo` (scripts/demo.ts): a database of its own with a small district in it.
// SEEDING, not the production path: everything here is written straight into the services' tables,
// as `npm run load:district` and bench:meals do; in production it arrives through the API and the
// services' events. The family's own requests (demo.ts) go only through the gateway's HTTP API.

import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { DISTRICT_PROFILES, generateDistrict, haversineMetres, type LatLng, type SyntheticDistrict } from '@app/domain';
import { ALLOCATION_ENTITIES, dataSourceOptions, loadDistrict, runMigrations } from '@app/persistence';
import { fillBedsAndWaitingList } from '../bench/district-beds-seed';
import { seedMealDistrict } from '../bench/meal-district-seed';

/** Dropped and created again at every run; never the developer's main database. */
export const DEMO_DATABASE = 'eldercare_demo';
const PROFILE = 'small';
const SEED = 1;
/** Other families already waiting for a bed. */
const WAITING_APPLICANTS = 40;
/** The circle's straight-line radius under the default walking model (15 min, 0.8 m/s, detour 1.3). */
const CIRCLE_METRES = 554;

export interface DemoStage {
  databaseUrl: string;
  home: { location: LatLng; streetCode: string; streetName: string; addressText: string };
  facilities: number;
  seniors: number;
  beds: number;
  waiting: number;
  kitchens: number;
  couriers: number;
  mealSubscribers: number;
}

function databaseUrlOf(baseUrl: string, database: string): string {
  const url = new URL(baseUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onMaintenanceDatabase(baseUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: databaseUrlOf(baseUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function dropDemoDatabase(baseUrl: string): Promise<void> {
  return onMaintenanceDatabase(baseUrl, `DROP DATABASE IF EXISTS ${DEMO_DATABASE} WITH (FORCE)`);
}

/**
 * A fresh `eldercare_demo` beside the main database (same server and credentials), migrated, with
 * the small synthetic district: allocation's facilities, beds and seniors (the district loader),
 * dispatch's kitchens, couriers, the meal date's menus and 5% of the 65+ subscribed to lunch (the
 * meal seed of bench:meals), every bed taken by a resident and a waiting list of other applicants.
 */
export async function setTheStage(baseUrl: string, dates: { today: string; mealDate: string }): Promise<DemoStage> {
  await dropDemoDatabase(baseUrl);
  await onMaintenanceDatabase(baseUrl, `CREATE DATABASE ${DEMO_DATABASE}`);
  const databaseUrl = databaseUrlOf(baseUrl, DEMO_DATABASE);
  await runMigrations(databaseUrl);

  const district = generateDistrict(DISTRICT_PROFILES[PROFILE]!, SEED);
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl, ALLOCATION_ENTITIES)).initialize();
  const load = await loadDistrict(dataSource, district).finally(() => dataSource.destroy());
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const meals = await seedMealDistrict(db, district, { ageOn: dates.mealDate, validFrom: dates.today, menuDates: [dates.mealDate] });
    const beds = await fillBedsAndWaitingList(db, district, WAITING_APPLICANTS);
    return {
      databaseUrl,
      home: homeNearServices(district),
      facilities: load.facilities.total,
      seniors: load.seniors.written,
      beds: beds.taken,
      waiting: beds.waiting,
      kitchens: meals.kitchens.canteens + meals.kitchens.central,
      couriers: meals.couriers.total,
      mealSubscribers: meals.subscribers,
    };
  } finally {
    await db.end();
  }
}

/** The demo's senior lives 200 m north of the day-care centre with the most kinds of facility within the 15-minute circle. */
function homeNearServices(district: SyntheticDistrict): DemoStage['home'] {
  const candidates = district.facilities
    .filter((f) => f.type === 'day-care-centre')
    .map((centre) => {
      const home = { lat: centre.location.lat + 200 / 111_320, lng: centre.location.lng };
      const kinds = new Set(district.facilities.filter((f) => haversineMetres(home, f.location) <= CIRCLE_METRES).map((f) => f.type));
      return { home, centre, kinds: kinds.size };
    })
    .sort((a, b) => b.kinds - a.kinds || (a.centre.facilityId < b.centre.facilityId ? -1 : 1));
  const best = candidates[0];
  if (!best) throw new Error(`the ${PROFILE} district has no day-care centre`);
  const street = district.streets.find((s) => s.code === best.centre.streetCode)!;
  return { location: best.home, streetCode: street.code, streetName: street.name, addressText: '莘松路 88 弄 6 号 301 室' };
}

/** Harness only, not a family's request: waits (up to 10 s) until allocation's and dispatch's read models hold the senior's assessed level. Returns the milliseconds waited. */
export async function waitForReadModels(databaseUrl: string, seniorId: string): Promise<number> {
  const started = performance.now();
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    for (;;) {
      const { rows } = await db.query<{ allocation: number | null; dispatch: number | null }>(
        `SELECT (SELECT level FROM allocation.senior_view WHERE senior_id = $1) AS allocation, (SELECT level FROM dispatch.senior_view WHERE senior_id = $1) AS dispatch`,
        [seniorId],
      );
      if (rows[0]!.allocation !== null && rows[0]!.dispatch !== null) return Math.round(performance.now() - started);
      if (performance.now() - started > 10_000) throw new Error(`the assessment did not reach allocation and dispatch within 10 s (allocation level ${rows[0]!.allocation}, dispatch level ${rows[0]!.dispatch})`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    await db.end();
  }
}
