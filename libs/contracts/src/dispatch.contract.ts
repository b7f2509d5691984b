import type { SystemCommands } from './system.contract';
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

export interface DispatchCommands extends SystemCommands {
  'senior-view.get': { request: { seniorId: string }; reply: DispatchSeniorView };
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- dispatch publishes no events yet
export interface DispatchEvents {}
