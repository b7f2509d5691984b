import type { FactoryProvider } from '@nestjs/common';
import { ENVIRONMENT, PlatformEnvironment } from '@app/config';
import { EventPublisher, ServiceName } from '@app/contracts';
import { SchedulerRegistry } from '@nestjs/schedule';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource, EntityTarget } from 'typeorm';
import type { OutboxEvent } from './outbox-event.entity';
import { OutboxRelay } from './outbox-relay';

/** The relay of one service's outbox, started with the app and stopped before its connections close. */
export function outboxRelayProvider(source: ServiceName, outbox: EntityTarget<OutboxEvent>): FactoryProvider<OutboxRelay> {
  return {
    provide: OutboxRelay,
    inject: [getDataSourceToken(), EventPublisher, ENVIRONMENT, SchedulerRegistry],
    useFactory: (dataSource: DataSource, publisher: EventPublisher, env: PlatformEnvironment, scheduler: SchedulerRegistry) =>
      new OutboxRelay(dataSource, outbox, source, publisher, env.OUTBOX_POLL_MS, scheduler),
  };
}
