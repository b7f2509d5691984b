import { Body, Controller, Get, Inject, Param, Post, Put, Query, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { ENVIRONMENT, GatewayEnvironment } from '@app/config';
import { Actor, CallContext, CourierRecord, KitchenRecord, KitchenWebhookRecord, WebhookDeliveryRecord, MealCutoffSummary, MealPolicyRecord, MenuRecord, RouteManifest, ServiceClient } from '@app/contracts';
import { type ProductionList, productionListCsv } from '@app/domain';
import { Access, answerOrPending, AuthenticatedRequest, csvAttachment, CurrentActor, DistrictCodeParam, PendingRequest, UuidParam } from '@app/http';
import { correlationIdOf } from '@app/logging';
import { checkIdempotencyKey } from '../idempotency/idempotency-key';
import { derivedUuid } from '../seniors/seniors.service';
import { PolicyVersionDto } from '../policies/policy-version.dto';
import { manifestsCsv } from './manifests-csv';
import { renderManifestsPdf } from './manifests.pdf';
import { DistrictMealParams, KitchenMealParams, MealDayQuery, MenuDto, RegisterCourierDto, RegisterKitchenDto, WebhookDto } from './meals.dto';

/** A cutoff plans every kitchen's routes of a district: it may take longer than an ordinary request. */
const CUTOFF_TIMEOUT_MS = 120_000;
const KITCHEN_STAFF = ['admin', 'planner', 'kitchen'] as const;

/** Kitchens, their menus and couriers; the lists a kitchen works from after each cutoff. A kitchen's staff see only their kitchen. */
@ApiTags('meals: kitchens')
@ApiBearerAuth()
@Controller('v1')
export class KitchensController {
  constructor(
    private readonly client: ServiceClient,
    @Inject(ENVIRONMENT) private readonly env: GatewayEnvironment,
  ) {}

  @Post('kitchens')
  @Access({ roles: ['admin', 'planner'] })
  register(@Body() dto: RegisterKitchenDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<KitchenRecord | PendingRequest> {
    const key = checkIdempotencyKey(req.header('idempotency-key'));
    const kitchenId = key ? derivedUuid(`kitchen:${actor.accountId}:${key}`) : randomUUID();
    return answerOrPending(this.client.call('dispatch', 'kitchen.register', { kitchenId, ...dto, capacity: dto.capacity as KitchenRecord['capacity'] }, this.context(actor, req)));
  }

  @Get('districts/:districtCode/kitchens')
  @Access({ roles: ['admin', 'planner', 'kitchen', 'assessor', 'operator'] })
  list(@DistrictCodeParam() districtCode: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<KitchenRecord[] | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'kitchen.list', { districtCode }, this.context(actor, req)));
  }

  /** The menu of a date and slot, until that meal's cutoff (409 CUTOFF_PASSED after). */
  @Put('kitchens/:kitchenId/menus/:date/:slot')
  @Access({ roles: KITCHEN_STAFF })
  menu(@Param() params: KitchenMealParams, @Body() dto: MenuDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<MenuRecord | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'menu.set', { kitchenId: params.kitchenId, date: params.date, slot: params.slot, dishes: dto.dishes }, this.context(actor, req)));
  }

  @Post('kitchens/:kitchenId/couriers')
  @Access({ roles: ['admin', 'kitchen'] })
  courier(@UuidParam('kitchenId') kitchenId: string, @Body() dto: RegisterCourierDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<CourierRecord | PendingRequest> {
    const key = checkIdempotencyKey(req.header('idempotency-key'));
    const courierId = key ? derivedUuid(`courier:${actor.accountId}:${key}`) : randomUUID();
    return answerOrPending(this.client.call('dispatch', 'courier.register', { courierId, kitchenId, ...dto }, this.context(actor, req)));
  }

  /** Where the kitchen's lists are pushed after each cutoff, signed with its secret, retried until it answers. */
  @Put('kitchens/:kitchenId/webhook')
  @Access({ roles: ['admin', 'kitchen'], audit: 'kitchen.webhook' })
  webhook(@UuidParam('kitchenId') kitchenId: string, @Body() dto: WebhookDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<KitchenWebhookRecord | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'kitchen.set-webhook', { kitchenId, url: dto.url, secret: dto.secret }, this.context(actor, req)));
  }

  /** Every push attempt: when, where, the answer's status or the error. */
  @Get('kitchens/:kitchenId/webhook-deliveries')
  @Access({ roles: KITCHEN_STAFF })
  webhookDeliveries(@UuidParam('kitchenId') kitchenId: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<WebhookDeliveryRecord[] | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'kitchen.webhook-deliveries', { kitchenId }, this.context(actor, req)));
  }

  /** What to cook: counts by dish × diet × texture, per route, the clashes with their substitutions, and a label per meal. */
  @Get('kitchens/:kitchenId/production-list')
  @Access({ roles: KITCHEN_STAFF })
  production(@UuidParam('kitchenId') kitchenId: string, @Query() query: MealDayQuery, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<ProductionList | PendingRequest> {
    return this.productionListOf(kitchenId, query, actor, req);
  }

  @Get('kitchens/:kitchenId/production-list.csv')
  @ApiProduces('text/csv')
  @Access({ roles: KITCHEN_STAFF })
  async productionCsv(
    @UuidParam('kitchenId') kitchenId: string,
    @Query() query: MealDayQuery,
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string | PendingRequest> {
    const list = await this.productionListOf(kitchenId, query, actor, req);
    return csvAttachment(res, `production-${query.date}-${query.slot}.csv`, list, productionListCsv);
  }

  /** Every courier's manifest: stops in order with planned arrival, dish, diet, texture and notes. */
  @Get('kitchens/:kitchenId/manifests')
  @Access({ roles: KITCHEN_STAFF })
  manifests(@UuidParam('kitchenId') kitchenId: string, @Query() query: MealDayQuery, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<RouteManifest[] | PendingRequest> {
    return this.manifestsOf(kitchenId, query, actor, req);
  }

  @Get('kitchens/:kitchenId/manifests.csv')
  @ApiProduces('text/csv')
  @Access({ roles: KITCHEN_STAFF })
  async manifestsCsv(
    @UuidParam('kitchenId') kitchenId: string,
    @Query() query: MealDayQuery,
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string | PendingRequest> {
    const manifests = await this.manifestsOf(kitchenId, query, actor, req);
    return csvAttachment(res, `manifests-${query.date}-${query.slot}.csv`, manifests, manifestsCsv);
  }

  /** The manifests to print: a page per courier with every stop in order and a box to tick. */
  @Get('kitchens/:kitchenId/manifests.pdf')
  @ApiProduces('application/pdf')
  @Access({ roles: KITCHEN_STAFF })
  async manifestsPdf(
    @UuidParam('kitchenId') kitchenId: string,
    @Query() query: MealDayQuery,
    @CurrentActor() actor: Actor,
    @Req() req: AuthenticatedRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile | PendingRequest> {
    const manifests = await this.manifestsOf(kitchenId, query, actor, req);
    if (manifests instanceof PendingRequest) return manifests;
    const pdf = await renderManifestsPdf(manifests, manifests[0]?.kitchenName ?? kitchenId, this.env.REPORT_FONT_PATH);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', `inline; filename="manifests-${query.date}-${query.slot}.pdf"`);
    return new StreamableFile(pdf);
  }

  @Get('districts/:districtCode/meal-policy')
  @Access({ roles: ['admin', 'planner', 'kitchen', 'assessor', 'operator', 'family'] })
  policy(@DistrictCodeParam() districtCode: string, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<MealPolicyRecord | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'meal-policy.get', { districtCode, date: null }, this.context(actor, req)));
  }

  /** A new meal policy version (cutoffs, delivery windows, prices, pack-to-door limit); the cutoff schedules follow it. */
  @Post('districts/:districtCode/meal-policy')
  @Access({ roles: ['admin', 'planner'], audit: 'meal-policy.publish' })
  publishPolicy(@DistrictCodeParam() districtCode: string, @Body() dto: PolicyVersionDto, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<MealPolicyRecord | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'meal-policy.publish', { districtCode, ...dto }, this.context(actor, req)));
  }

  /** Runs a cutoff now (the schedule runs it at the policy's time); a cutoff already done answers its summary. */
  @Post('districts/:districtCode/meal-cutoffs/:date/:slot')
  @Access({ roles: ['admin'] })
  cutoff(@Param() params: DistrictMealParams, @CurrentActor() actor: Actor, @Req() req: AuthenticatedRequest): Promise<MealCutoffSummary | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'meal-cutoff.run', { districtCode: params.districtCode, date: params.date, slot: params.slot }, { ...this.context(actor, req), timeoutMs: CUTOFF_TIMEOUT_MS }));
  }

  private productionListOf(kitchenId: string, query: MealDayQuery, actor: Actor, req: AuthenticatedRequest): Promise<ProductionList | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'kitchen.production-list', { kitchenId, date: query.date, slot: query.slot }, this.context(actor, req)));
  }

  private manifestsOf(kitchenId: string, query: MealDayQuery, actor: Actor, req: AuthenticatedRequest): Promise<RouteManifest[] | PendingRequest> {
    return answerOrPending(this.client.call('dispatch', 'kitchen.manifests', { kitchenId, date: query.date, slot: query.slot }, this.context(actor, req)));
  }

  private context(actor: Actor, req: AuthenticatedRequest): CallContext {
    return { actor, correlationId: correlationIdOf(req), timeoutMs: this.env.REQUEST_TIMEOUT_MS };
  }
}
