import { Injectable } from '@nestjs/common';
import { fitPlanToEntitlement, type HomeCareEntitlement, localDate, nextMonday, type VisitPlan } from '@app/domain';
import { applyEntitlements, applyLevel } from '@app/persistence';
import { DispatchSeniorView, DomainError, AssessmentFinalizedEvent, BedAdmittedEvent, BedReleasedEvent, DaycareBookedEvent, DaycareCancelledEvent, EntitlementsChangedEvent, EventEnvelope, SeniorFlagsChangedEvent, SeniorRegisteredEvent } from '@app/contracts';
import { HomeCareRepository } from '../home-care/home-care.repository';
import { SeniorViewsRepository } from './senior-views.repository';

/** Dispatch's copy of what couriers and caregivers need: who, where, and whether they live alone. */
@Injectable()
export class SeniorViewsService {
  constructor(
    private readonly views: SeniorViewsRepository,
    private readonly homeCare: HomeCareRepository,
  ) {}

  async applySeniorRegistered(event: EventEnvelope<'senior.registered', SeniorRegisteredEvent>): Promise<void> {
    const s = event.payload;
    await this.views.applyEventOnce(event, (manager) =>
      this.views.upsert(manager, {
        seniorId: s.seniorId,
        districtCode: s.districtCode,
        name: s.name,
        addressText: s.address.text,
        location: { type: 'Point', coordinates: [s.location.lng, s.location.lat] },
        livesAlone: s.livingArrangement === 'alone' || s.priorityFlags.some((f) => f.flag === 'living-alone'),
      }),
    );
  }

  async applyFlagsChanged(event: EventEnvelope<'senior.flags-changed', SeniorFlagsChangedEvent>): Promise<void> {
    const today = localDate(new Date());
    const { seniorId, livingArrangement, priorityFlags } = event.payload;
    const livesAlone = livingArrangement === 'alone' || priorityFlags.some((f) => f.flag === 'living-alone' && (f.validUntil === null || f.validUntil >= today));
    await this.views.applyEventOnce(event, (manager) => this.views.updateLivesAlone(manager, seniorId, livesAlone));
  }

  async applyAssessmentFinalized(event: EventEnvelope<'assessment.finalized', AssessmentFinalizedEvent>): Promise<void> {
    await this.views.applyEventOnce(event, (manager) => applyLevel(manager, this.views.entity, event.payload));
  }

  /**
   * New entitlements; visit plans that no longer fit the entitlements now stored (an older event
   * arriving late changes nothing) are cut to what they cover from next Monday, or ended without
   * home care, in the same transaction. What already ran stays in the history.
   */
  async applyEntitlementsChanged(event: EventEnvelope<'entitlements.changed', EntitlementsChangedEvent>): Promise<void> {
    await this.views.applyEventOnce(event, async (manager) => {
      await applyEntitlements(manager, this.views.entity, event.payload, new Date(event.occurredAt));
      const { seniorId } = event.payload;
      const stored = await this.views.findById(seniorId, manager);
      const homeCare = (stored?.entitlements as { homeCare?: HomeCareEntitlement } | null)?.homeCare ?? null;
      const from = nextMonday(localDate(new Date()));
      await this.homeCare.refitPlansFrom(manager, seniorId, from, (plan) => fitPlanToEntitlement(plan as Omit<VisitPlan, 'seniorId' | 'location'>, homeCare));
    });
  }

  /** Admitted to a facility: home meals and visits pause from the stay's start. */
  async applyAdmitted(event: EventEnvelope<'bed.admitted', BedAdmittedEvent>): Promise<void> {
    const e = event.payload;
    await this.views.applyEventOnce(event, (manager) => this.views.setResidence(manager, e.seniorId, e.facilityId, new Date(e.from)));
  }

  /** Discharged: home services resume. A released hold changes nothing at home. */
  async applyReleased(event: EventEnvelope<'bed.released', BedReleasedEvent>): Promise<void> {
    const e = event.payload;
    await this.views.applyEventOnce(event, async (manager) => {
      if (e.kind === 'stay') await this.views.clearResidence(manager, e.seniorId, e.facilityId, new Date(e.at));
    });
  }

  async applyDaycareBooked(event: EventEnvelope<'daycare.booked', DaycareBookedEvent>): Promise<void> {
    const e = event.payload;
    await this.views.applyEventOnce(event, (manager) =>
      this.views.addDaycareDays(manager, e.bookings.map((b) => ({ bookingId: b.bookingId, seniorId: e.seniorId, facilityId: e.facilityId, date: b.date, session: e.session }))),
    );
  }

  async applyDaycareCancelled(event: EventEnvelope<'daycare.cancelled', DaycareCancelledEvent>): Promise<void> {
    await this.views.applyEventOnce(event, (manager) => this.views.removeDaycareDay(manager, event.payload.bookingId));
  }

  async get(seniorId: string): Promise<DispatchSeniorView> {
    const view = await this.views.findById(seniorId);
    if (!view) throw new DomainError('SENIOR_NOT_FOUND', `Dispatch knows no senior ${seniorId}`);
    const [lng, lat] = view.location.coordinates as [number, number];
    return {
      seniorId: view.seniorId,
      name: view.name,
      addressText: view.addressText,
      location: { lat, lng },
      livesAlone: view.livesAlone,
      residentialFacilityId: view.residentialFacilityId,
      dayCareDates: [...new Set((await this.views.upcomingDaycareDates(seniorId, localDate(new Date()))).map((d) => d.date))],
      updatedAt: view.updatedAt.toISOString(),
    };
  }
}
