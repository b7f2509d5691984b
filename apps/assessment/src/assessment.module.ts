import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ConfigModule, PlatformEnvironment } from '@app/config';
import { MessagingModule } from '@app/contracts';
import { LoggingModule } from '@app/logging';
import { ASSESSMENT_ENTITIES, AssessmentOutboxEvent, outboxRelayProvider, PersistenceModule } from '@app/persistence';
import { AssessmentsRepository } from './assessments/assessments.repository';
import { AssessmentsService } from './assessments/assessments.service';
import { DistrictPoliciesRepository } from './entitlements/district-policies.repository';
import { DistrictPoliciesService } from './entitlements/district-policies.service';
import { EntitlementsRepository } from './entitlements/entitlements.repository';
import { EntitlementsService } from './entitlements/entitlements.service';
import { AssessmentInboxProcessor } from './messaging/assessment-inbox.processor';
import { AssessmentCommandsProcessor } from './messaging/assessment-commands.processor';
import { AssessmentSchedulesProcessor } from './reassessments/assessment-schedules.processor';
import { ReassessmentsRepository } from './reassessments/reassessments.repository';
import { ReassessmentsService } from './reassessments/reassessments.service';
import { PersonalDataRepository } from './personal-data/personal-data.repository';
import { PersonalDataService } from './personal-data/personal-data.service';
import { SeniorsRepository } from './seniors/seniors.repository';
import { SeniorsService } from './seniors/seniors.service';

/** The assessment service: seniors, assessments, entitlements. No HTTP: it answers its command queue. */
@Module({})
export class AssessmentModule {
  static forRoot(overrides: Partial<PlatformEnvironment> = {}): DynamicModule {
    return {
      module: AssessmentModule,
      imports: [
        ConfigModule.forApp(PlatformEnvironment, overrides),
        LoggingModule.forApp('assessment'),
        ScheduleModule.forRoot(),
        PersistenceModule.forService(ASSESSMENT_ENTITIES),
        MessagingModule.forRoot(),
      ],
      providers: [
        outboxRelayProvider('assessment', AssessmentOutboxEvent),
        SeniorsRepository,
        SeniorsService,
        AssessmentsRepository,
        AssessmentsService,
        DistrictPoliciesRepository,
        DistrictPoliciesService,
        EntitlementsRepository,
        EntitlementsService,
        ReassessmentsRepository,
        ReassessmentsService,
        PersonalDataRepository,
        PersonalDataService,
        AssessmentCommandsProcessor,
        AssessmentInboxProcessor,
        AssessmentSchedulesProcessor,
      ],
    };
  }
}
