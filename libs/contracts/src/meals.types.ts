import type { CoordinateSystem } from './facilities.types';
import type { GeoPoint } from './seniors.types';

/** Shapes of meal assistance (助餐) as they cross queues. The rules behind them are in libs/domain (meals, meal-delivery). */

export type MealSlotName = 'breakfast' | 'lunch' | 'dinner';
export type KitchenKind = 'central-kitchen' | 'canteen' | 'meal-point';
export type CourierModeName = 'walk' | 'bicycle' | 'e-bike' | 'van';
export type MealMode = 'delivery' | 'canteen' | 'day-care';
export type StopOutcomeName = 'delivered' | 'not-home' | 'refused' | 'hospitalised' | 'address-problem';

export interface RegisterKitchenCommand {
  kitchenId: string;
  districtCode: string;
  name: string;
  kind: KitchenKind;
  facilityId: string | null;
  location: GeoPoint;
  coordinateSystem: CoordinateSystem;
  /** Meals per slot. */
  capacity: Partial<Record<MealSlotName, number>>;
  diets: string[];
  textures: string[];
}

/** A registered kitchen: what was registered, with the location stored in WGS-84. */
export type KitchenRecord = Omit<RegisterKitchenCommand, 'coordinateSystem'>;

export interface RegisterCourierCommand {
  courierId: string;
  kitchenId: string;
  accountId: string | null;
  name: string;
  mode: CourierModeName;
  capacity: number | null;
  /** 'HH:MM' local. */
  shiftFrom: string;
  shiftTo: string;
}

export interface CourierRecord extends RegisterCourierCommand {
  active: boolean;
}

export interface MenuRecord {
  kitchenId: string;
  date: string;
  slot: MealSlotName;
  dishes: unknown[];
  updatedAt: string;
}

export interface MealPolicyRecord {
  districtCode: string;
  version: string;
  effectiveFrom: string | null;
  policy: unknown;
}

export interface SetSubscriptionCommand {
  seniorId: string;
  /** First date the terms apply; null: the first meal date whose cutoff has not passed. */
  validFrom: string | null;
  /** Omitted fields keep the current version's values (or the defaults from the entitlements). */
  terms: Record<string, unknown>;
}

export interface SubscriptionVersionRecord {
  validFrom: string;
  validUntil: string | null;
  terms: Record<string, unknown>;
}

export interface MealPauseRecord {
  pauseId: string;
  from: string;
  until: string | null;
  reason: string;
}

export interface MealChangeRecord {
  changeId: string;
  date: string;
  slot: MealSlotName;
  kind: 'skip' | 'extra';
  mode: 'delivery' | 'canteen' | null;
}

/** A senior's meals: the subscription's versions, pauses, one-off changes, and the plan of the coming days with reasons for every meal not served. */
export interface MealSubscriptionRecord {
  seniorId: string;
  current: SubscriptionVersionRecord | null;
  versions: SubscriptionVersionRecord[];
  pauses: MealPauseRecord[];
  changes: MealChangeRecord[];
  upcoming: Array<{ date: string; slot: MealSlotName; mode: MealMode | null; skippedBecause: string | null; orderable: boolean }>;
}

export interface MealCutoffSummary {
  districtCode: string;
  date: string;
  slot: MealSlotName;
  policyVersion: string;
  alreadyDone: boolean;
  orders: number;
  delivery: number;
  canteen: number;
  dayCare: number;
  unassigned: number;
  overflow: number;
  kitchens: number;
  couriersUsed: number;
  longestPackToDoorMinutes: number;
  keptFromYesterday: { stops: number; of: number; share: number };
  unrouted: number;
  seconds: { freeze: number; assign: number; production: number; routes: number; total: number };
}

export interface ManifestStop {
  stopNumber: number;
  orderId: string;
  seniorId: string;
  seniorName: string;
  addressText: string;
  location: GeoPoint;
  plannedArrival: string;
  meals: number;
  dish: string | null;
  diet: string;
  texture: string;
  deliveryNotes: string | null;
  livesAlone: boolean;
  outcome: StopOutcomeName | null;
}

export interface RouteManifest {
  routeId: string;
  kitchenId: string;
  kitchenName: string;
  courierId: string;
  courierName: string;
  mode: CourierModeName;
  date: string;
  slot: MealSlotName;
  departAt: string;
  returnAt: string;
  metres: number;
  meals: number;
  longestPackToDoorMinutes: number;
  stops: ManifestStop[];
}

export interface StopOutcomeRecord {
  orderId: string;
  seniorId: string;
  outcome: StopOutcomeName;
  at: string;
  recordedBy: string;
  note: string | null;
  followUp: { open: boolean; closedAt: string | null; resolution: string | null } | null;
}

export interface FollowUpRecord {
  orderId: string;
  seniorId: string;
  seniorName: string;
  kitchenId: string | null;
  date: string;
  slot: MealSlotName;
  outcome: StopOutcomeName;
  at: string;
  note: string | null;
}

export type EscalationOutcomeName = 'found-well' | 'found-needs-help' | 'hospitalised' | 'no-answer' | 'unreachable';

/** A "no answer at the door" case: where the ladder is, who must act by when, and every step so far. */
export interface EscalationCaseRecord {
  caseId: string;
  orderId: string;
  seniorId: string;
  seniorName: string;
  livesAlone: boolean;
  kitchenId: string | null;
  status: 'open' | 'resolved';
  startedAt: string;
  currentStep: string;
  owner: string;
  deadline: string;
  resolvedAt: string | null;
  resolution: string | null;
  timeline: Array<{ step: string; owner: string; startedAt: string; deadline: string; endedAt: string | null; outcome: EscalationOutcomeName | null; by: string | null; note: string | null }>;
}

export interface EscalationSlaReport {
  districtCode: string;
  from: string;
  until: string;
  cases: number;
  resolved: number;
  medianMinutes: number | null;
  p90Minutes: number | null;
  reachedEmergencyServices: number;
  open: number;
}

export interface KitchenWebhookRecord {
  kitchenId: string;
  url: string | null;
  /** A secret is set (it is never shown again). */
  signed: boolean;
}

export interface WebhookDeliveryRecord {
  deliveryId: string;
  event: string;
  url: string;
  attempt: number;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  at: string;
}
