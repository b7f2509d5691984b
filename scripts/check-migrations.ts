import { loadEnvironment, PlatformEnvironment } from '@app/config';
import { pendingSchemaChanges, runMigrations } from '@app/persistence';

/**
 * `npm run migrate:check`: migrates the database, then fails if the entities still differ from it,
 * i.e. someone changed an entity without generating a migration. CI points it at a fresh database.
 */
async function main(): Promise<void> {
  const env = loadEnvironment(PlatformEnvironment);
  await runMigrations(env.DATABASE_URL);
  const drift = await pendingSchemaChanges(env.DATABASE_URL);
  if (drift.length > 0) {
    console.error(`entities and migrations disagree; generate a migration (npm run migration:generate -- <name>). Missing:\n${drift.join(';\n')}`);
    process.exit(1);
  }
  console.log('entities and migrations agree');
}

main().catch((error: Error) => {
  console.error(`migration check failed: ${error.message}`);
  process.exit(1);
});
