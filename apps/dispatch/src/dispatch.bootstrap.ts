import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { PlatformEnvironment } from '@app/config';
import { Logger } from 'nestjs-pino';
import { DispatchModule } from './dispatch.module';

/** Starts the dispatch service as an application context: workers only, no HTTP server. */
export async function bootstrapDispatch(overrides: Partial<PlatformEnvironment> = {}, options: { shutdownHooks?: boolean } = {}): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(DispatchModule.forRoot(overrides), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  // Alone, the app stops itself on SIGTERM; inside `npm start` the launcher stops the apps in order.
  if (options.shutdownHooks ?? true) app.enableShutdownHooks();
  return app;
}
