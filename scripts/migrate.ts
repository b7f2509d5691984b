import { loadEnvironment, PlatformEnvironment } from '@app/config';
import { runMigrations } from '@app/persistence';

/** `npm run migrate`: applies pending migrations under an advisory lock. */
async function main(): Promise<void> {
  const env = loadEnvironment(PlatformEnvironment);
  const applied = await runMigrations(env.DATABASE_URL);
  console.log(applied.length ? `applied ${applied.length} migration(s): ${applied.map((m) => m.name).join(', ')}` : 'schema is up to date');
}

main().catch((error: Error) => {
  console.error(`migrate failed: ${error.message}`);
  process.exit(1);
});
