import type { SystemCommands } from './system.contract';
import type { FacilityType } from './facilities.types';
import type { GeoPoint } from './seniors.types';

/** What dispatch knows of a senior for deliveries and visits, kept from assessment events. */
export interface DispatchSeniorView {
  seniorId: string;
  name: string;
  addressText: string;
  location: GeoPoint;
  livesAlone: boolean;
  /** The facility the senior lives in now (admitted, not yet discharged): home meals and visits pause. */
  residentialFacilityId: string | null;
  /** Upcoming dates with a day-care place: lunch is at the centre, not delivered. */
  dayCareDates: string[];
  updatedAt: string;
}

/** What dispatch knows of a facility, kept from allocation's events: where meals are served and day care held. */
export interface DispatchFacilityView {
  facilityId: string;
  type: FacilityType;
  name: string;
  districtCode: string;
  streetCode: string | null;
  location: GeoPoint;
  openingHours: string | null;
  mealSeats: number;
  dayCarePlaces: number;
}

export interface DispatchCommands extends SystemCommands {
  'senior-view.get': { request: { seniorId: string }; reply: DispatchSeniorView };
  /** The facilities dispatch knows in a district, optionally of some types (e.g. the meal sites). */
  'facility-view.list': { request: { districtCode: string; types: FacilityType[] | null }; reply: DispatchFacilityView[] };
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- dispatch publishes no events yet
export interface DispatchEvents {}
