import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { createSecretKey } from 'node:crypto';
import { TerminusModule } from '@nestjs/terminus';
import { ConfigModule, ENVIRONMENT, GatewayEnvironment } from '@app/config';
import { MessagingModule } from '@app/contracts';
import { ACCESS_AUDITOR, AcceptedWhenPending, AccessGuard, AUTHENTICATOR, CONSENT_CHECKER, createValidationPipe, ErrorFilter } from '@app/http';
import { LoggingModule } from '@app/logging';
import { IDENTITY_ENTITIES, PersistenceModule } from '@app/persistence';
import { AccountsController } from './accounts/accounts.controller';
import { AccountsRepository } from './accounts/accounts.repository';
import { AccountsService } from './accounts/accounts.service';
import { DeadLettersController } from './admin/dead-letters.controller';
import { DeadLettersService } from './admin/dead-letters.service';
import { AssessmentsController } from './assessments/assessments.controller';
import { AssessmentsService } from './assessments/assessments.service';
import { ReassessmentsController } from './assessments/reassessments.controller';
import { AuditController } from './audit/audit.controller';
import { AuditInterceptor } from './audit/audit.interceptor';
import { AuditRepository } from './audit/audit.repository';
import { AuditService } from './audit/audit.service';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { EndedSignIns } from './auth/ended-sign-ins';
import { CredentialsAuthenticator } from './auth/credentials.authenticator';
import { LoginLockout } from './auth/login-lockout';
import { RefreshTokensRepository } from './auth/refresh-tokens.repository';
import { LimitsRedisModule } from './rate-limits/limits-redis';
import { RateLimitGuard } from './rate-limits/rate-limit.guard';
import { rateLimitsModule } from './rate-limits/rate-limits.module';
import { ConsentCache } from './consents/consent-cache';
import { ConsentsController } from './consents/consents.controller';
import { ConsentsRepository } from './consents/consents.repository';
import { ConsentsService } from './consents/consents.service';
import { CoverageController } from './coverage/coverage.controller';
import { BedsController } from './facilities/beds.controller';
import { DaycareController } from './facilities/daycare.controller';
import { BedApplicationsController } from './waitlist/bed-applications.controller';
import { WaitingListController } from './waitlist/waiting-list.controller';
import { KitchensController } from './meals/kitchens.controller';
import { CareLedgerController } from './home-care/care-ledger.controller';
import { HomeCareController } from './home-care/home-care.controller';
import { VisitCoordinationController } from './home-care/visit-coordination.controller';
import { VisitsController } from './home-care/visits.controller';
import { ErasureRequestsRepository } from './personal-data/erasure-requests.repository';
import { PersonalDataController } from './personal-data/personal-data.controller';
import { PersonalDataService } from './personal-data/personal-data.service';
import { SealedText } from './personal-data/sealed-text';
import { AccessRequestsController } from './access-requests/access-requests.controller';
import { AccessRequestsRepository } from './access-requests/access-requests.repository';
import { AccessRequestsService } from './access-requests/access-requests.service';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { BookingRecorder } from './bookings/booking-recorder.interceptor';
import { BookingsController } from './bookings/bookings.controller';
import { BookingsRepository } from './bookings/bookings.repository';
import { BookingsService } from './bookings/bookings.service';
import { FamilyWebhooksController } from './family-webhooks/family-webhooks.controller';
import { FamilyWebhooksRepository } from './family-webhooks/family-webhooks.repository';
import { FamilyWebhooksService } from './family-webhooks/family-webhooks.service';
import { IdempotentRequestsRepository } from './idempotency/idempotent-requests.repository';
import { MealDeliveriesController } from './meals/meal-deliveries.controller';
import { MealSubscriptionsController } from './meals/meal-subscriptions.controller';
import { FacilitiesController } from './facilities/facilities.controller';
import { HealthController } from './health/health.controller';
import { MetricsController } from './metrics/metrics.controller';
import { AllocationPolicyController } from './policies/allocation-policy.controller';
import { PoliciesController } from './policies/policies.controller';
import { RequestsController } from './requests/requests.controller';
import { RequestsService } from './requests/requests.service';
import { IdNumberProtector } from './seniors/id-number-protector';
import { SeniorsController } from './seniors/seniors.controller';
import { SeniorsService } from './seniors/seniors.service';

/** The one public HTTP API: identity, consent, and routes that forward to the services over BullMQ. */
@Module({})
export class GatewayModule {
  static forRoot(overrides: Partial<GatewayEnvironment> = {}): DynamicModule {
    return {
      module: GatewayModule,
      imports: [
        ConfigModule.forApp(GatewayEnvironment, overrides),
        LoggingModule.forApp('gateway'),
        PersistenceModule.forService(IDENTITY_ENTITIES),
        MessagingModule.forRoot(),
        TerminusModule.forRoot({ logger: false }),
        LimitsRedisModule,
        rateLimitsModule(),
        JwtModule.registerAsync({
          inject: [ENVIRONMENT],
          useFactory: (env: GatewayEnvironment) => ({
            // A KeyObject, not the string: jsonwebtoken otherwise tries the string as a public key first on every verify (~0.5 ms).
            secret: createSecretKey(Buffer.from(env.JWT_SECRET, 'utf8')),
            signOptions: { expiresIn: env.JWT_ACCESS_TTL_SECONDS, algorithm: 'HS256', issuer: 'eldercare-gateway' },
            verifyOptions: { algorithms: ['HS256'], issuer: 'eldercare-gateway' },
          }),
        }),
      ],
      controllers: [
        AuthController,
        AccountsController,
        SeniorsController,
        AssessmentsController,
        ReassessmentsController,
        PoliciesController,
        AllocationPolicyController,
        FacilitiesController,
        CoverageController,
        BedsController,
        DaycareController,
        BedApplicationsController,
        WaitingListController,
        KitchensController,
        MealSubscriptionsController,
        MealDeliveriesController,
        HomeCareController,
        VisitsController,
        VisitCoordinationController,
        CareLedgerController,
        BookingsController,
        AccessRequestsController,
        FamilyWebhooksController,
        ConsentsController,
        AuditController,
        PersonalDataController,
        RequestsController,
        HealthController,
        DeadLettersController,
        MetricsController,
      ],
      providers: [
        AccountsRepository,
        AccountsService,
        AuthService,
        CredentialsAuthenticator,
        RefreshTokensRepository,
        EndedSignIns,
        LoginLockout,
        ConsentCache,
        ConsentsRepository,
        ConsentsService,
        AuditRepository,
        AuditService,
        SealedText,
        ErasureRequestsRepository,
        PersonalDataService,
        IdempotentRequestsRepository,
        BookingsRepository,
        AccessRequestsRepository,
        AccessRequestsService,
        BookingsService,
        FamilyWebhooksRepository,
        FamilyWebhooksService,
        IdNumberProtector,
        SeniorsService,
        AssessmentsService,
        RequestsService,
        DeadLettersService,
        { provide: AUTHENTICATOR, useExisting: CredentialsAuthenticator },
        { provide: CONSENT_CHECKER, useExisting: ConsentsService },
        { provide: ACCESS_AUDITOR, useExisting: AuditService },
        { provide: APP_GUARD, useClass: RateLimitGuard }, // before the access guard: refusals are counted too
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
        { provide: APP_INTERCEPTOR, useClass: BookingRecorder }, // inside idempotency: a replay books nothing
        { provide: APP_INTERCEPTOR, useClass: AcceptedWhenPending },
      ],
    };
  }
}
