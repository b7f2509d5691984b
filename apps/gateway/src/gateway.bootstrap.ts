import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import { requestLogging } from '@app/logging';
import { Logger } from 'nestjs-pino';
import { mountQueueDashboard } from './admin/queue-dashboard';
import { GatewayModule } from './gateway.module';

const BODY_LIMIT = '100kb';

/** Builds the gateway with everything a request meets before a controller, without listening. */
export async function createGateway(overrides: Partial<GatewayEnvironment> = {}, options: { preview?: boolean; shutdownHooks?: boolean } = {}): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(GatewayModule.forRoot(overrides), {
    bufferLogs: true,
    bodyParser: false,
    preview: options.preview ?? false,
  });
  if (options.preview) return app;
  const env = app.get<GatewayEnvironment>(ENVIRONMENT);
  app.useLogger(app.get(Logger));
  if (options.shutdownHooks ?? true) app.enableShutdownHooks();
  app.set('trust proxy', env.TRUST_PROXY_HOPS);
  app.use(requestLogging()); // first: every request, even one the body parser refuses, is logged in its context
  app.use(helmet());
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.enableCors({ origin: env.CORS_ORIGINS ? env.CORS_ORIGINS.split(',').map((o) => o.trim()) : false, credentials: false });
  SwaggerModule.setup('docs', app, openApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json' });
  mountQueueDashboard(app);
  return app;
}

export function openApiDocument(app: NestExpressApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Eldercare platform API')
    .setDescription('Community elderly care: seniors, assessments, beds and day care in the 15-minute circle, meals and home-care visits.')
    .setVersion('0.1.0')
    .addBearerAuth()
    .addApiKey({ type: 'apiKey', name: 'X-Api-Key', in: 'header' }, 'api-key')
    .build();
  return SwaggerModule.createDocument(app, config);
}

export async function bootstrapGateway(overrides: Partial<GatewayEnvironment> = {}, options: { shutdownHooks?: boolean } = {}): Promise<NestExpressApplication> {
  const app = await createGateway(overrides, options);
  const env = app.get<GatewayEnvironment>(ENVIRONMENT);
  await app.listen(env.GATEWAY_PORT, env.GATEWAY_HOST);
  return app;
}
