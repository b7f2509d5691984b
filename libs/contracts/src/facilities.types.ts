import type { GeoPoint } from './seniors.types';

export const FACILITY_TYPES = ['care-institution', 'small-care-home', 'day-care-centre', 'community-hub', 'meal-site', 'neighbourhood-point'] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

export const BED_TYPE_IDS = ['general', 'nursing', 'dementia-care'] as const;
export type BedTypeId = (typeof BED_TYPE_IDS)[number];

export const GENDER_RULES = ['female', 'male', 'any'] as const;
export type GenderRule = (typeof GENDER_RULES)[number];

export const COORDINATE_SYSTEMS = ['WGS-84', 'GCJ-02'] as const;
export type CoordinateSystem = (typeof COORDINATE_SYSTEMS)[number];

export interface BedInput {
  label: string;
  bedType: BedTypeId;
  respite: boolean;
  equipment: string[];
}

export interface RoomInput {
  name: string;
  genderRule: GenderRule;
  beds: BedInput[];
}

/** Day-care places per ISO weekday ('1' = Monday … '7' = Sunday) and half-day session; a weekday not listed has the facility's usual places, 0 means closed. */
export type DayCareWeek = Partial<Record<string, { morning: number; afternoon: number }>>;

export interface RegisterFacilityCommand {
  facilityId: string;
  type: FacilityType;
  name: string;
  districtCode: string;
  streetCode: string | null;
  /** As given; converted to WGS-84 when given in GCJ-02. */
  location: GeoPoint;
  coordinateSystem: CoordinateSystem;
  operatorName: string;
  floorAreaM2: number | null;
  openingHours: string | null;
  dayCarePlaces: number;
  dayCareWeek: DayCareWeek | null;
  mealSeats: number;
  rooms: RoomInput[];
}

export interface BedCounts {
  general: number;
  nursing: number;
  'dementia-care': number;
}

export interface FacilityRecord {
  facilityId: string;
  type: FacilityType;
  name: string;
  districtCode: string;
  streetCode: string | null;
  /** WGS-84. */
  location: GeoPoint;
  coordinatesSource: CoordinateSystem;
  operatorName: string;
  floorAreaM2: number | null;
  openingHours: string | null;
  dayCarePlaces: number;
  dayCareWeek: DayCareWeek | null;
  mealSeats: number;
  beds: BedCounts;
  respiteBeds: number;
  rooms: Array<{ roomId: string; name: string; genderRule: GenderRule; beds: Array<{ bedId: string; label: string; bedType: BedTypeId; respite: boolean; equipment: string[] }> }>;
}

/** Where a circle search starts: a registered senior's home, or any address (families, care advisers). */
export type CircleOrigin = { seniorId: string } | { point: GeoPoint; coordinateSystem: CoordinateSystem; districtCode: string };

export interface CircleSearchQuery {
  origin: CircleOrigin;
  /** 5, 10 or 15; default: the district's circle. */
  minutes: number | null;
  types: FacilityType[] | null;
}

/** One facility as seen from the origin: how far on foot, what is free today, and whether the senior may use it. */
export interface CircleFacility {
  facilityId: string;
  name: string;
  type: FacilityType;
  location: GeoPoint;
  straightLineMetres: number;
  walkingMinutes: number;
  vacantBeds: BedCounts;
  dayCarePlaces: number;
  /** Null when searching from an address: there is no senior to judge. */
  eligible: boolean | null;
  /** Why not eligible (or what is unknown), one reason per rule that failed. */
  reasons: string[];
}

export interface CircleSearchResult {
  origin: { point: GeoPoint; seniorId: string | null };
  walkingModel: { districtCode: string; version: string; walkingSpeedMps: number; detourFactor: number; minutes: number; radiusMetres: number };
  inside: CircleFacility[];
  /** When nothing inside fits: the nearest eligible facilities beyond the circle. */
  nearestOutside: CircleFacility[];
}

/** A hold or a stay of a senior in a bed: [from, until); a stay has no end until discharge. */
export interface OccupancyRecord {
  occupancyId: string;
  bedId: string;
  facilityId: string;
  seniorId: string;
  kind: 'hold' | 'stay';
  from: string;
  until: string | null;
}

export const DAYCARE_SESSIONS = ['morning', 'afternoon', 'full-day'] as const;
export type DaycareSession = (typeof DAYCARE_SESSIONS)[number];

export interface DaycareBookingRecord {
  bookingId: string;
  requestId: string;
  facilityId: string;
  seniorId: string;
  date: string;
  session: DaycareSession;
  status: 'booked' | 'cancelled';
  cancelReason: string | null;
}

/** One bed on an operator's board, as of now. */
export interface BedOnBoard {
  bedId: string;
  label: string;
  room: string;
  genderRule: GenderRule;
  bedType: BedTypeId;
  respite: boolean;
  status: 'vacant' | 'held' | 'occupied';
  occupancyId: string | null;
  seniorId: string | null;
  since: string | null;
  /** When a hold lapses; null for a stay. */
  until: string | null;
  /** The hold is an offer from the waiting list. */
  fromWaitingList: boolean;
}

export interface FacilityBedBoard {
  facilityId: string;
  at: string;
  counts: { vacant: number; held: number; occupied: number };
  beds: BedOnBoard[];
}

/** Whether beds, residents and the waiting list agree in a district; each disagreement named. */
export interface BedReconciliation {
  districtCode: string;
  checkedAt: string;
  beds: number;
  vacant: number;
  held: number;
  occupied: number;
  consistent: boolean;
  problems: Array<{ check: string; detail: string }>;
}
