import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEnvironment, PlatformEnvironment } from '@app/config';
import { pendingSchemaChanges, runMigrations } from '@app/persistence';

/**
 * `npm run migration:generate -- <kebab-name>`: writes the SQL that brings a migrated database in
 * line with the entities as a new migration file. Read and tidy it, then add it to migrations/index.ts.
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) throw new Error('usage: npm run migration:generate -- <kebab-case-name>');
  const env = loadEnvironment(PlatformEnvironment);
  await runMigrations(env.DATABASE_URL);
  const up = await pendingSchemaChanges(env.DATABASE_URL);
  if (up.length === 0) return console.log('no changes: entities and migrations agree');
  const timestamp = Date.now();
  const className = name.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('') + timestamp;
  const body = up.map((q) => `    await q.query(\`${q.replace(/`/g, '\\`')}\`);`).join('\n');
  const file = join(process.cwd(), 'libs', 'persistence', 'src', 'migrations', `${timestamp}-${name}.ts`);
  writeFileSync(
    file,
    `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${className} implements MigrationInterface {\n  name = '${className}';\n\n  async up(q: QueryRunner): Promise<void> {\n${body}\n  }\n\n  async down(): Promise<void> {\n    throw new Error('${className} is not reversible: restore from backup');\n  }\n}\n`,
  );
  console.log(`wrote ${file}`);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
