import { DataSource, Migration } from 'typeorm';
import { dataSourceOptions } from './data-source';

/** Any constant: the key of the advisory lock that serialises migration runs across replicas. */
const MIGRATION_LOCK_KEY = 4_211_952_020;

/**
 * Runs pending migrations under a session-level advisory lock, so two replicas starting together
 * (or a migrate job and an app) never migrate at once. Each migration commits in its own transaction.
 */
export async function runMigrations(databaseUrl: string): Promise<Migration[]> {
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      return await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}

/**
 * The SQL that would bring the database in line with the entities: empty when entities and
 * migrations agree. The same diff `typeorm migration:generate` writes.
 */
export async function pendingSchemaChanges(databaseUrl: string): Promise<string[]> {
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    return sql.upQueries.map((q) => q.query);
  } finally {
    await dataSource.destroy();
  }
}
