import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { loadEnvironment, PlatformEnvironment } from '@app/config';
import { runMigrations } from '@app/persistence';

/** The database every test database is copied from: migrated once per test run by the global setup. */
function templateDatabase(): string {
  return loadEnvironment(PlatformEnvironment).TEST_DATABASE_TEMPLATE;
}

function urlFor(database: string): string {
  const url = new URL(loadEnvironment(PlatformEnvironment).DATABASE_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onMaintenanceDatabase<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: urlFor('postgres') });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Drops and recreates the template, then migrates it: the real migrations, never synchronize. */
export async function prepareTemplateDatabase(): Promise<void> {
  const template = templateDatabase();
  await onMaintenanceDatabase(async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${template}`);
  });
  await runMigrations(urlFor(template));
}

/** Drops the template at the end of a test run. */
export async function dropTemplateDatabase(): Promise<void> {
  await onMaintenanceDatabase((client) => client.query(`DROP DATABASE IF EXISTS ${templateDatabase()} WITH (FORCE)`));
}

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own for one test file (a copy of the template). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `eldercare_test_${randomBytes(6).toString('hex')}`;
  await onMaintenanceDatabase((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${templateDatabase()}`));
  return {
    url: urlFor(name),
    drop: () => onMaintenanceDatabase(async (client) => void (await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  };
}

/** A fresh database migrated from scratch, independent of the test template (for benchmarks). */
export async function createMigratedDatabase(purpose: string): Promise<TestDatabase> {
  const name = `eldercare_${purpose}_${randomBytes(6).toString('hex')}`;
  await onMaintenanceDatabase((client) => client.query(`CREATE DATABASE ${name}`));
  await runMigrations(urlFor(name));
  return {
    url: urlFor(name),
    drop: () => onMaintenanceDatabase(async (client) => void (await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  };
}
