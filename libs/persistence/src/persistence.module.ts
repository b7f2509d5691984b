import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ENVIRONMENT, PlatformEnvironment } from '@app/config';
import type { EntityClassOrSchema } from '@nestjs/typeorm/dist/interfaces/entity-class-or-schema.type';
import { dataSourceOptions } from './data-source';

/** The app's connection to PostgreSQL, knowing only the entities of the app's own schema. */
@Module({})
export class PersistenceModule {
  static forService(entities: EntityClassOrSchema[]): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [ENVIRONMENT],
          useFactory: (env: PlatformEnvironment) => dataSourceOptions(env.DATABASE_URL, entities as never),
        }),
        TypeOrmModule.forFeature(entities),
      ],
      exports: [TypeOrmModule],
    };
  }
}
