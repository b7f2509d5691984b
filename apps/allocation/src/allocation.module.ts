import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ConfigModule, PlatformEnvironment } from '@app/config';
import { MessagingModule } from '@app/contracts';
import { LoggingModule } from '@app/logging';
import { ALLOCATION_ENTITIES, AllocationOutboxEvent, outboxRelayProvider, PersistenceModule } from '@app/persistence';
import { BedsRepository } from './beds/beds.repository';
import { BedsService } from './beds/beds.service';
import { AllocationPoliciesRepository } from './allocation-policies/allocation-policies.repository';
import { AllocationPoliciesService } from './allocation-policies/allocation-policies.service';
import { CircleRepository } from './circle/circle.repository';
import { CircleService } from './circle/circle.service';
import { CoverageRepository } from './coverage/coverage.repository';
import { CoverageService } from './coverage/coverage.service';
import { DaycareRepository } from './daycare/daycare.repository';
import { DaycareService } from './daycare/daycare.service';
import { FacilitiesRepository } from './facilities/facilities.repository';
import { FacilitiesService } from './facilities/facilities.service';
import { AllocationCommandsProcessor } from './messaging/allocation-commands.processor';
import { AllocationInboxProcessor } from './messaging/allocation-inbox.processor';
import { PersonalDataRepository } from './personal-data/personal-data.repository';
import { PersonalDataService } from './personal-data/personal-data.service';
import { SeniorViewsRepository } from './senior-views/senior-views.repository';
import { SeniorViewsService } from './senior-views/senior-views.service';
import { AllocationSchedulesProcessor } from './waitlist/allocation-schedules.processor';
import { WaitlistRepository } from './waitlist/waitlist.repository';
import { WaitlistService } from './waitlist/waitlist.service';

/** The allocation service. No HTTP: it answers its command queue and applies events from its inbox. */
@Module({})
export class AllocationModule {
  static forRoot(overrides: Partial<PlatformEnvironment> = {}): DynamicModule {
    return {
      module: AllocationModule,
      imports: [
        ConfigModule.forApp(PlatformEnvironment, overrides),
        LoggingModule.forApp('allocation'),
        ScheduleModule.forRoot(),
        PersistenceModule.forService(ALLOCATION_ENTITIES),
        MessagingModule.forRoot(),
      ],
      providers: [
        outboxRelayProvider('allocation', AllocationOutboxEvent),
        SeniorViewsRepository,
        SeniorViewsService,
        FacilitiesRepository,
        FacilitiesService,
        CircleRepository,
        CircleService,
        AllocationPoliciesRepository,
        AllocationPoliciesService,
        CoverageRepository,
        CoverageService,
        BedsRepository,
        BedsService,
        DaycareRepository,
        DaycareService,
        PersonalDataRepository,
        PersonalDataService,
        AllocationCommandsProcessor,
        AllocationInboxProcessor,
        WaitlistRepository,
        WaitlistService,
        AllocationSchedulesProcessor,
      ],
    };
  }
}
