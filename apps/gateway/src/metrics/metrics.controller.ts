import { Controller, Get, Header } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { Access } from '@app/http';

const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'eldercare_gateway_' });

@ApiTags('admin')
@ApiBearerAuth()
@Controller('metrics')
export class MetricsController {
  /** Prometheus exposition; scrape it with an admin API key. */
  @Get()
  @Access({ roles: ['admin'] })
  @Header('Content-Type', registry.contentType)
  metrics(): Promise<string> {
    return registry.metrics();
  }
}
