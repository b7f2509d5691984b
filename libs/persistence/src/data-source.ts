import type { DataSourceOptions } from 'typeorm';
import { ALL_ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** The schemas, one per service. */
export const SCHEMAS = ['identity', 'assessment', 'allocation', 'dispatch'] as const;

/**
 * The one data source definition, used by the apps, the migrate script and the drift check.
 * synchronize and migrationsRun are off for good: the schema changes only through `npm run migrate`.
 */
export function dataSourceOptions(databaseUrl: string, entities: DataSourceOptions['entities'] = ALL_ENTITIES): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    // TypeORM's own error log prints a failed query's parameters (names, addresses): errors reach our
    // logger through the exception instead, where personal data is redacted.
    logging: false,
    extra: { max: 20, application_name: 'eldercare' },
  };
}
