import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { ENVIRONMENT, PlatformEnvironment } from '@app/config';
import { EventPublisher } from './event-publisher';
import { COMMAND_JOB_OPTIONS, INBOX_JOB_OPTIONS } from './job-options';
import { COMMAND_QUEUES, INBOX_QUEUES, SCHEDULE_QUEUES } from './queues';
import { redisConnection } from './redis-connection';
import { ServiceClient } from './service-client';

/** BullMQ connection, every queue of the contract, the typed client and the event publisher. */
@Module({})
export class MessagingModule {
  static forRoot(): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      imports: [
        BullModule.forRootAsync({
          inject: [ENVIRONMENT],
          useFactory: (env: PlatformEnvironment) => ({ connection: redisConnection(env.REDIS_URL), prefix: env.QUEUE_PREFIX }),
        }),
        BullModule.registerQueue(
          ...Object.values(COMMAND_QUEUES).map((name) => ({ name, defaultJobOptions: COMMAND_JOB_OPTIONS })),
          ...Object.values(INBOX_QUEUES).map((name) => ({ name, defaultJobOptions: INBOX_JOB_OPTIONS })),
          ...Object.values(SCHEDULE_QUEUES).map((name) => ({ name, defaultJobOptions: INBOX_JOB_OPTIONS })),
        ),
      ],
      providers: [ServiceClient, EventPublisher],
      exports: [BullModule, ServiceClient, EventPublisher],
    };
  }
}
