import { Processor } from '@nestjs/bullmq';
import { assertNever, COMMAND_QUEUES, CommandEnvelope, CommandName, CommandProcessor, CommandRequest, requireActor, WORKER_OPTIONS } from '@app/contracts';
import { PersonalDataService, REFUSED_AFTER_ERASURE } from '../personal-data/personal-data.service';
import { FacilityViewsService } from '../facility-views/facility-views.service';
import { HomeCareService } from '../home-care/home-care.service';
import { CareLedgerService } from '../home-care/care-ledger.service';
import { VisitAlertsService } from '../home-care/visit-alerts.service';
import { VisitCheckInsService } from '../home-care/visit-check-ins.service';
import { VisitPoliciesService } from '../home-care/visit-policies.service';
import { VisitReplansService } from '../home-care/visit-replans.service';
import { VisitSchedulesService } from '../home-care/visit-schedules.service';
import { KitchenWebhooksService } from '../kitchen-webhooks/kitchen-webhooks.service';
import { KitchensService } from '../kitchens/kitchens.service';
import { MealCutoffService } from '../meal-cutoff/meal-cutoff.service';
import { MealCutoffSchedules } from '../meal-cutoff/meal-cutoff-schedules.service';
import { EscalationsService } from '../escalations/escalations.service';
import { MealDeliveriesService } from '../meal-deliveries/meal-deliveries.service';
import { MealPoliciesService } from '../meal-policies/meal-policies.service';
import { MealSubscriptionsService } from '../meal-subscriptions/meal-subscriptions.service';
import { SeniorViewsService } from '../senior-views/senior-views.service';
import { StaffRelationsService } from '../staff-relations/staff-relations.service';

type Payload<N extends CommandName<'dispatch'>> = CommandRequest<'dispatch', N>;

/** Answers the dispatch service's commands and queries. */
@Processor(COMMAND_QUEUES.dispatch, WORKER_OPTIONS)
export class DispatchCommandsProcessor extends CommandProcessor<'dispatch'> {
  constructor(
    private readonly seniorViews: SeniorViewsService,
    private readonly facilityViews: FacilityViewsService,
    private readonly kitchens: KitchensService,
    private readonly policies: MealPoliciesService,
    private readonly subscriptions: MealSubscriptionsService,
    private readonly cutoffs: MealCutoffService,
    private readonly schedules: MealCutoffSchedules,
    private readonly escalations: EscalationsService,
    private readonly webhooks: KitchenWebhooksService,
    private readonly homeCare: HomeCareService,
    private readonly visitSchedules: VisitSchedulesService,
    private readonly deliveries: MealDeliveriesService,
    private readonly checkIns: VisitCheckInsService,
    private readonly visitAlerts: VisitAlertsService,
    private readonly replans: VisitReplansService,
    private readonly visitPolicies: VisitPoliciesService,
    private readonly ledger: CareLedgerService,
    private readonly personalData: PersonalDataService,
    private readonly staffRelations: StaffRelationsService,
  ) {
    super();
  }

  protected async handle(name: CommandName<'dispatch'>, { payload, actor, correlationId }: CommandEnvelope): Promise<unknown> {
    if (REFUSED_AFTER_ERASURE.has(name)) await this.personalData.refuseIfErased((payload as { seniorId?: string }).seniorId);
    switch (name) {
      case 'system.ping':
        return { service: 'dispatch', at: new Date().toISOString() };
      case 'senior-view.get':
        return this.seniorViews.get((payload as Payload<'senior-view.get'>).seniorId);
      case 'senior.personal-data':
        return this.personalData.export((payload as Payload<'senior.personal-data'>).seniorId);
      case 'senior.erase':
        return this.personalData.erase(payload as Payload<'senior.erase'>);
      case 'facility-view.list': {
        const { districtCode, types } = payload as Payload<'facility-view.list'>;
        return this.facilityViews.list(districtCode, types);
      }
      case 'kitchen.register': {
        const kitchen = await this.kitchens.register(payload as Payload<'kitchen.register'>);
        await this.schedules.refresh(kitchen.districtCode); // the district's cutoffs now have a kitchen to cook for
        return kitchen;
      }
      case 'kitchen.list':
        return this.kitchens.list((payload as Payload<'kitchen.list'>).districtCode);
      case 'kitchen.set-webhook': {
        const { kitchenId, url, secret } = payload as Payload<'kitchen.set-webhook'>;
        return this.webhooks.set(kitchenId, url, secret, requireActor(actor));
      }
      case 'kitchen.webhook-deliveries':
        return this.webhooks.log((payload as Payload<'kitchen.webhook-deliveries'>).kitchenId, requireActor(actor));
      case 'menu.set': {
        const { kitchenId, date, slot, dishes } = payload as Payload<'menu.set'>;
        return this.kitchens.setMenu(kitchenId, date, slot, dishes, requireActor(actor));
      }
      case 'courier.register':
        return this.kitchens.registerCourier(payload as Payload<'courier.register'>, requireActor(actor));
      case 'meal-policy.publish': {
        const published = await this.policies.publish(payload as Payload<'meal-policy.publish'>, requireActor(actor));
        await this.schedules.refresh(published.districtCode);
        return published;
      }
      case 'meal-policy.get': {
        const { districtCode, date } = payload as Payload<'meal-policy.get'>;
        return this.policies.get(districtCode, date);
      }
      case 'meal-subscription.set':
        return this.subscriptions.set(payload as Payload<'meal-subscription.set'>, requireActor(actor));
      case 'meal-subscription.get':
        return this.subscriptions.get((payload as Payload<'meal-subscription.get'>).seniorId);
      case 'meal-pause.add': {
        const { pauseId, seniorId, from, until, reason } = payload as Payload<'meal-pause.add'>;
        return this.subscriptions.pause(pauseId, seniorId, from, until, reason, requireActor(actor));
      }
      case 'meal-change.add': {
        const { changeId, seniorId, date, slot, kind, mode } = payload as Payload<'meal-change.add'>;
        return this.subscriptions.change(changeId, seniorId, date, slot, kind, mode, requireActor(actor));
      }
      case 'meal-cutoff.run': {
        const { districtCode, date, slot } = payload as Payload<'meal-cutoff.run'>;
        return this.cutoffs.run(districtCode, date, slot);
      }
      case 'kitchen.production-list': {
        const { kitchenId, date, slot } = payload as Payload<'kitchen.production-list'>;
        return this.deliveries.productionList(kitchenId, date, slot, requireActor(actor));
      }
      case 'kitchen.manifests': {
        const { kitchenId, date, slot } = payload as Payload<'kitchen.manifests'>;
        return this.deliveries.manifests(kitchenId, date, slot, requireActor(actor));
      }
      case 'courier.route': {
        const { date, slot } = payload as Payload<'courier.route'>;
        return this.deliveries.courierRoute(date, slot, requireActor(actor));
      }
      case 'stop-outcome.record': {
        const { orderId, outcome, at, note } = payload as Payload<'stop-outcome.record'>;
        return this.deliveries.recordOutcome(orderId, outcome, at, note, requireActor(actor), correlationId);
      }
      case 'follow-up.list': {
        const { districtCode, kitchenId } = payload as Payload<'follow-up.list'>;
        return this.deliveries.followUps(districtCode, kitchenId, requireActor(actor));
      }
      case 'follow-up.close': {
        const { orderId, resolution } = payload as Payload<'follow-up.close'>;
        return this.deliveries.closeFollowUp(orderId, resolution, requireActor(actor));
      }
      case 'meal-statement.get': {
        const { seniorId, month } = payload as Payload<'meal-statement.get'>;
        return this.deliveries.statement(seniorId, month);
      }
      case 'escalation.list': {
        const { districtCode, kitchenId, openOnly } = payload as Payload<'escalation.list'>;
        return this.escalations.list(districtCode, kitchenId, openOnly, requireActor(actor));
      }
      case 'escalation.record-step': {
        const { caseId, outcome, note } = payload as Payload<'escalation.record-step'>;
        return this.escalations.recordStep(caseId, outcome, note, requireActor(actor));
      }
      case 'escalation.sla': {
        const { districtCode, from, until } = payload as Payload<'escalation.sla'>;
        return this.escalations.sla(districtCode, from, until);
      }
      case 'caregiver.register':
        return this.homeCare.registerCaregiver(payload as Payload<'caregiver.register'>, requireActor(actor));
      case 'caregiver.list':
        return this.homeCare.caregivers((payload as Payload<'caregiver.list'>).districtCode);
      case 'visit-plan.set':
        return this.homeCare.setPlan(payload as Payload<'visit-plan.set'>, requireActor(actor));
      case 'visit-plan.get':
        return this.homeCare.getPlan((payload as Payload<'visit-plan.get'>).seniorId);
      case 'visit-schedule.run': {
        const { districtCode, weekStart } = payload as Payload<'visit-schedule.run'>;
        return this.visitSchedules.run(districtCode, weekStart, requireActor(actor).accountId);
      }
      case 'caregiver.visits': {
        const { from, until } = payload as Payload<'caregiver.visits'>;
        return this.visitSchedules.caregiverVisits(from, until, requireActor(actor));
      }
      case 'senior.visits':
        return this.visitSchedules.seniorVisits((payload as Payload<'senior.visits'>).seniorId);
      case 'staff.relation':
        return this.staffRelations.of(requireActor(actor), (payload as Payload<'staff.relation'>).seniorId);
      case 'visit.check-in':
        return this.checkIns.checkIn(payload as Payload<'visit.check-in'>, requireActor(actor));
      case 'visit.check-out':
        return this.checkIns.checkOut(payload as Payload<'visit.check-out'>, requireActor(actor), correlationId);
      case 'visit.get':
        return this.checkIns.get((payload as Payload<'visit.get'>).visitId, requireActor(actor));
      case 'door-tag.issue':
        return this.checkIns.issueDoorTag((payload as Payload<'door-tag.issue'>).seniorId, requireActor(actor));
      case 'visit.move':
        return this.replans.move(payload as Payload<'visit.move'>, requireActor(actor));
      case 'visit.family-cancel': {
        const { seniorId, visitId, reason } = payload as Payload<'visit.family-cancel'>;
        return this.replans.familyCancel(seniorId, visitId, reason, requireActor(actor));
      }
      case 'visit.family-reschedule': {
        const { seniorId, visitId, plannedStart } = payload as Payload<'visit.family-reschedule'>;
        return this.replans.familyReschedule(seniorId, visitId, plannedStart, requireActor(actor));
      }
      case 'visit-schedule.replan':
        return this.replans.replan(payload as Payload<'visit-schedule.replan'>, requireActor(actor));
      case 'visit-schedule.versions': {
        const { districtCode, weekStart } = payload as Payload<'visit-schedule.versions'>;
        return this.replans.versions(districtCode, weekStart, requireActor(actor));
      }
      case 'visit-schedule.version': {
        const { districtCode, weekStart, version } = payload as Payload<'visit-schedule.version'>;
        return this.replans.version(districtCode, weekStart, version, requireActor(actor));
      }
      case 'caregiver.notices':
        return this.replans.caregiverNotices((payload as Payload<'caregiver.notices'>).since, requireActor(actor));
      case 'senior.visit-notices': {
        const { seniorId, since } = payload as Payload<'senior.visit-notices'>;
        return this.replans.seniorNotices(seniorId, since);
      }
      case 'visit-alert.list': {
        const { districtCode, openOnly } = payload as Payload<'visit-alert.list'>;
        return this.visitAlerts.list(districtCode, openOnly, requireActor(actor));
      }
      case 'visit-alert.acknowledge':
        return this.visitAlerts.acknowledge((payload as Payload<'visit-alert.acknowledge'>).alertId, requireActor(actor));
      case 'visit-alert.resolve': {
        const { alertId, resolution, confirmVisit } = payload as Payload<'visit-alert.resolve'>;
        return this.visitAlerts.resolve(alertId, resolution, confirmVisit, requireActor(actor));
      }
      case 'visit-policy.publish':
        return this.visitPolicies.publish(payload as Payload<'visit-policy.publish'>, requireActor(actor));
      case 'visit-policy.get': {
        const { districtCode, date } = payload as Payload<'visit-policy.get'>;
        return this.visitPolicies.get(districtCode, date);
      }
      case 'care-ledger.get': {
        const { seniorId, month } = payload as Payload<'care-ledger.get'>;
        return this.ledger.month(seniorId, month);
      }
      case 'ltci-claims.list': {
        const { districtCode, month } = payload as Payload<'ltci-claims.list'>;
        return this.ledger.districtClaims(districtCode, month);
      }
      default:
        return assertNever(name, 'dispatch command');
    }
  }
}
