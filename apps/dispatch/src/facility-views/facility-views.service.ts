import { Injectable } from '@nestjs/common';
import type { DispatchFacilityView, EventEnvelope, FacilityRegisteredEvent, FacilityType } from '@app/contracts';
import { FacilityViewsRepository } from './facility-views.repository';

/** Dispatch's copy of the facility registry: the sites meals are cooked, served and delivered from. */
@Injectable()
export class FacilityViewsService {
  constructor(private readonly views: FacilityViewsRepository) {}

  async applyRegistered(event: EventEnvelope<'facility.registered', FacilityRegisteredEvent>): Promise<void> {
    const f = event.payload;
    await this.views.applyEventOnce(event, (manager) =>
      this.views.upsert(manager, {
        facilityId: f.facilityId,
        type: f.type,
        name: f.name,
        districtCode: f.districtCode,
        streetCode: f.streetCode,
        location: { type: 'Point', coordinates: [f.location.lng, f.location.lat] },
        openingHours: f.openingHours,
        mealSeats: f.mealSeats,
        dayCarePlaces: f.dayCarePlaces,
      }),
    );
  }

  async list(districtCode: string, types: FacilityType[] | null): Promise<DispatchFacilityView[]> {
    return (await this.views.list(districtCode, types)).map((v) => {
      const [lng, lat] = v.location.coordinates as [number, number];
      return { facilityId: v.facilityId, type: v.type as FacilityType, name: v.name, districtCode: v.districtCode, streetCode: v.streetCode, location: { lat, lng }, openingHours: v.openingHours, mealSeats: v.mealSeats, dayCarePlaces: v.dayCarePlaces };
    });
  }
}
