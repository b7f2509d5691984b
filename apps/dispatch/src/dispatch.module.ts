import { DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ConfigModule, PlatformEnvironment } from '@app/config';
import { MessagingModule } from '@app/contracts';
import { LoggingModule } from '@app/logging';
import { DISPATCH_ENTITIES, DispatchOutboxEvent, outboxRelayProvider, PersistenceModule } from '@app/persistence';
import { FacilityViewsRepository } from './facility-views/facility-views.repository';
import { FacilityViewsService } from './facility-views/facility-views.service';
import { HomeCareRepository } from './home-care/home-care.repository';
import { HomeCareService } from './home-care/home-care.service';
import { CareLedgerService } from './home-care/care-ledger.service';
import { CareVisitsRepository } from './home-care/care-visits.repository';
import { VisitAlertsService } from './home-care/visit-alerts.service';
import { VisitCheckInsService } from './home-care/visit-check-ins.service';
import { VisitPoliciesService } from './home-care/visit-policies.service';
import { VisitReplansService } from './home-care/visit-replans.service';
import { VisitSchedulesRepository } from './home-care/visit-schedules.repository';
import { VisitSchedulesService } from './home-care/visit-schedules.service';
import { KitchenWebhooksRepository } from './kitchen-webhooks/kitchen-webhooks.repository';
import { KitchenWebhooksService } from './kitchen-webhooks/kitchen-webhooks.service';
import { KitchensRepository } from './kitchens/kitchens.repository';
import { KitchensService } from './kitchens/kitchens.service';
import { MealCutoffRepository } from './meal-cutoff/meal-cutoff.repository';
import { MealCutoffService } from './meal-cutoff/meal-cutoff.service';
import { MealCutoffSchedules } from './meal-cutoff/meal-cutoff-schedules.service';
import { EscalationsRepository } from './escalations/escalations.repository';
import { EscalationsService } from './escalations/escalations.service';
import { DispatchSchedulesProcessor } from './messaging/dispatch-schedules.processor';
import { MealDeliveriesRepository } from './meal-deliveries/meal-deliveries.repository';
import { MealDeliveriesService } from './meal-deliveries/meal-deliveries.service';
import { MealPoliciesService } from './meal-policies/meal-policies.service';
import { MealSubscriptionsRepository } from './meal-subscriptions/meal-subscriptions.repository';
import { MealSubscriptionsService } from './meal-subscriptions/meal-subscriptions.service';
import { DispatchCommandsProcessor } from './messaging/dispatch-commands.processor';
import { DispatchInboxProcessor } from './messaging/dispatch-inbox.processor';
import { PersonalDataRepository } from './personal-data/personal-data.repository';
import { PersonalDataService } from './personal-data/personal-data.service';
import { SeniorViewsRepository } from './senior-views/senior-views.repository';
import { SeniorViewsService } from './senior-views/senior-views.service';
import { StaffRelationsRepository } from './staff-relations/staff-relations.repository';
import { StaffRelationsService } from './staff-relations/staff-relations.service';

/** The dispatch service. No HTTP: it answers its command queue and applies events from its inbox. */
@Module({})
export class DispatchModule {
  static forRoot(overrides: Partial<PlatformEnvironment> = {}): DynamicModule {
    return {
      module: DispatchModule,
      imports: [
        ConfigModule.forApp(PlatformEnvironment, overrides),
        LoggingModule.forApp('dispatch'),
        ScheduleModule.forRoot(),
        PersistenceModule.forService(DISPATCH_ENTITIES),
        MessagingModule.forRoot(),
      ],
      providers: [
        outboxRelayProvider('dispatch', DispatchOutboxEvent),
        SeniorViewsRepository,
        SeniorViewsService,
        FacilityViewsRepository,
        FacilityViewsService,
        MealPoliciesService,
        KitchensRepository,
        KitchensService,
        MealSubscriptionsRepository,
        MealSubscriptionsService,
        MealCutoffRepository,
        MealCutoffService,
        MealCutoffSchedules,
        EscalationsRepository,
        EscalationsService,
        DispatchSchedulesProcessor,
        MealDeliveriesRepository,
        MealDeliveriesService,
        KitchenWebhooksRepository,
        KitchenWebhooksService,
        HomeCareRepository,
        HomeCareService,
        VisitSchedulesRepository,
        VisitSchedulesService,
        CareVisitsRepository,
        VisitPoliciesService,
        VisitAlertsService,
        VisitCheckInsService,
        VisitReplansService,
        CareLedgerService,
        PersonalDataRepository,
        PersonalDataService,
        StaffRelationsRepository,
        StaffRelationsService,
        DispatchCommandsProcessor,
        DispatchInboxProcessor,
      ],
    };
  }
}
