import { Processor } from '@nestjs/bullmq';
import { assertNever, COMMAND_QUEUES, requireActor, CommandEnvelope, CommandName, CommandProcessor, CommandRequest, WORKER_OPTIONS } from '@app/contracts';
import { AllocationPoliciesService } from '../allocation-policies/allocation-policies.service';
import { BedsService } from '../beds/beds.service';
import { CircleService } from '../circle/circle.service';
import { CoverageService } from '../coverage/coverage.service';
import { DaycareService } from '../daycare/daycare.service';
import { FacilitiesService } from '../facilities/facilities.service';
import { PersonalDataService, REFUSED_AFTER_ERASURE } from '../personal-data/personal-data.service';
import { SeniorViewsService } from '../senior-views/senior-views.service';
import { WaitlistService } from '../waitlist/waitlist.service';

type Payload<N extends CommandName<'allocation'>> = CommandRequest<'allocation', N>;

/** Answers the allocation service's commands and queries. */
@Processor(COMMAND_QUEUES.allocation, WORKER_OPTIONS)
export class AllocationCommandsProcessor extends CommandProcessor<'allocation'> {
  constructor(
    private readonly seniorViews: SeniorViewsService,
    private readonly facilities: FacilitiesService,
    private readonly circle: CircleService,
    private readonly beds: BedsService,
    private readonly daycare: DaycareService,
    private readonly waitlist: WaitlistService,
    private readonly coverage: CoverageService,
    private readonly personalData: PersonalDataService,
    private readonly allocationPolicies: AllocationPoliciesService,
  ) {
    super();
  }

  protected async handle(name: CommandName<'allocation'>, { payload, actor, correlationId }: CommandEnvelope): Promise<unknown> {
    if (REFUSED_AFTER_ERASURE.has(name)) await this.personalData.refuseIfErased((payload as { seniorId?: string }).seniorId);
    switch (name) {
      case 'system.ping':
        return { service: 'allocation', at: new Date().toISOString() };
      case 'senior-view.get':
        return this.seniorViews.get((payload as Payload<'senior-view.get'>).seniorId);
      case 'senior.personal-data':
        return this.personalData.export((payload as Payload<'senior.personal-data'>).seniorId);
      case 'senior.erase':
        return this.personalData.erase(payload as Payload<'senior.erase'>, actor, correlationId);
      case 'allocation-policy.get':
        return this.allocationPolicies.get((payload as Payload<'allocation-policy.get'>).districtCode);
      case 'allocation-policy.publish':
        return this.allocationPolicies.publish(payload as Payload<'allocation-policy.publish'>, requireActor(actor));
      case 'facility.register': {
        const facility = await this.facilities.register(payload as Payload<'facility.register'>, correlationId);
        await this.waitlist.matchAfterChange(facility.facilityId, correlationId); // its beds go to whoever waits
        return facility;
      }
      case 'facility.get':
        return this.facilities.get((payload as Payload<'facility.get'>).facilityId);
      case 'facility.list': {
        const { districtCode, type } = payload as Payload<'facility.list'>;
        return this.facilities.list(districtCode, type);
      }
      case 'circle.search':
        return this.circle.search(payload as Payload<'circle.search'>);
      case 'coverage.report':
        return this.coverage.report(payload as Payload<'coverage.report'>);
      case 'coverage.gaps':
        return this.coverage.gaps(payload as Payload<'coverage.gaps'>);
      case 'coverage.what-if':
        return this.coverage.whatIf(payload as Payload<'coverage.what-if'>);
      case 'planning-targets.publish':
        return this.coverage.publishTargets(payload as Payload<'planning-targets.publish'>, requireActor(actor));
      case 'planning-targets.list':
        return this.coverage.listTargets((payload as Payload<'planning-targets.list'>).districtCode);
      case 'street-statistics.set':
        return this.coverage.setStatistics(payload as Payload<'street-statistics.set'>, requireActor(actor));
      case 'street-statistics.list': {
        const { districtCode, year } = payload as Payload<'street-statistics.list'>;
        return this.coverage.listStatistics(districtCode, year);
      }
      case 'bed.hold': {
        const { holdId, seniorId, bedId } = payload as Payload<'bed.hold'>;
        return this.beds.hold(holdId, seniorId, bedId, requireActor(actor), correlationId);
      }
      case 'bed.admit':
        return this.beds.admit((payload as Payload<'bed.admit'>).holdId, requireActor(actor), correlationId);
      case 'bed.transfer': {
        const { stayId, toBedId, reason } = payload as Payload<'bed.transfer'>;
        return this.beds.transfer(stayId, toBedId, reason, requireActor(actor), correlationId);
      }
      case 'facility.beds':
        return this.beds.board((payload as Payload<'facility.beds'>).facilityId, requireActor(actor));
      case 'beds.reconcile':
        return this.beds.reconcile((payload as Payload<'beds.reconcile'>).districtCode);
      case 'daycare.book': {
        const { requestId, seniorId, facilityId, session, dates } = payload as Payload<'daycare.book'>;
        return this.daycare.book(requestId, seniorId, facilityId, session, dates, requireActor(actor), correlationId);
      }
      case 'daycare.cancel': {
        const { seniorId, bookingId, reason } = payload as Payload<'daycare.cancel'>;
        return this.daycare.cancel(seniorId, bookingId, reason, requireActor(actor), correlationId);
      }
      case 'daycare.list':
        return this.daycare.list((payload as Payload<'daycare.list'>).seniorId);
      case 'bed.release': {
        const { occupancyId, reason } = payload as Payload<'bed.release'>;
        return this.beds.release(occupancyId, reason, requireActor(actor), correlationId);
      }
      case 'bed-application.submit':
        return this.waitlist.submit(payload as Payload<'bed-application.submit'>, requireActor(actor), correlationId);
      case 'bed-application.list':
        return this.waitlist.list((payload as Payload<'bed-application.list'>).seniorId);
      case 'bed-application.withdraw': {
        const { seniorId, applicationId, reason } = payload as Payload<'bed-application.withdraw'>;
        return this.waitlist.withdraw(seniorId, applicationId, reason, requireActor(actor), correlationId);
      }
      case 'bed-offer.accept': {
        const { seniorId, offerId } = payload as Payload<'bed-offer.accept'>;
        return this.waitlist.accept(seniorId, offerId, requireActor(actor));
      }
      case 'bed-offer.decline': {
        const { seniorId, offerId, reason } = payload as Payload<'bed-offer.decline'>;
        return this.waitlist.decline(seniorId, offerId, reason, requireActor(actor), correlationId);
      }
      case 'waitlist.list': {
        const { districtCode, kind } = payload as Payload<'waitlist.list'>;
        return this.waitlist.waitingList(districtCode, kind);
      }
      case 'waitlist.what-if': {
        const { districtCode, kind, draftVersion } = payload as Payload<'waitlist.what-if'>;
        return this.waitlist.whatIf(districtCode, kind, draftVersion);
      }
      case 'waitlist.match':
        return { offersMade: await this.waitlist.match((payload as Payload<'waitlist.match'>).districtCode, correlationId) };
      case 'priority-rules.publish':
        return this.waitlist.publishRules(payload as Payload<'priority-rules.publish'>, requireActor(actor));
      case 'priority-rules.list':
        return this.waitlist.listRules((payload as Payload<'priority-rules.list'>).districtCode);
      default:
        return assertNever(name, 'allocation command');
    }
  }
}
