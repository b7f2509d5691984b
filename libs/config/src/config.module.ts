import { DynamicModule, Module } from '@nestjs/common';
import { loadEnvironment, PlatformEnvironment } from './environment';

/** Injection token of the app's validated environment. */
export const ENVIRONMENT = Symbol('ENVIRONMENT');

@Module({})
export class ConfigModule {
  /** Validates the environment once, at module creation, and provides it globally under ENVIRONMENT. */
  static forApp<T extends PlatformEnvironment>(schema: new () => T, overrides: Partial<T> = {}): DynamicModule {
    const env = Object.freeze({ ...loadEnvironment(schema), ...overrides });
    return { module: ConfigModule, global: true, providers: [{ provide: ENVIRONMENT, useValue: env }], exports: [ENVIRONMENT] };
  }
}
