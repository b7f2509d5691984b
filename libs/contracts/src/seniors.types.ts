import { PRIORITY_GROUP_IDS, type PriorityGroupId } from '@app/domain';

/** Shared shapes of a senior's registration, as they cross queues (JSON, ISO dates). */

export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];

export const LIVING_ARRANGEMENTS = ['alone', 'with-spouse-only', 'with-family', 'in-institution', 'other'] as const;
export type LivingArrangement = (typeof LIVING_ARRANGEMENTS)[number];

/** The plans' priority groups (domain.md, "Who comes first"): the domain's list, one source for both. */
export const PRIORITY_FLAGS = PRIORITY_GROUP_IDS;
export type PriorityFlag = PriorityGroupId;

/** A WGS-84 point. Coordinates in other systems are converted before they get here. */
export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface PriorityFlagGrant {
  flag: PriorityFlag;
  /** Reference to the document that proves it (certificate number, case file). */
  evidence: string;
  validFrom: string;
  /** Null: open-ended (e.g. age-based flags). */
  validUntil: string | null;
}

/** A stored grant, as read back: the same facts with its id (to end it). */
export interface PriorityFlagRecord extends PriorityFlagGrant {
  grantId: string;
}

/** An ID number (居民身份证号码) protected by the gateway before it enters any queue. */
export interface ProtectedIdNumber {
  /** AES-256-GCM, base64 (iv|tag|ciphertext). Only the gateway holds the key. */
  cipher: string;
  /** HMAC-SHA256, hex: finds duplicates without decrypting. */
  hash: string;
  /** Last four characters, for display to roles that may not see the whole number. */
  last4: string;
}

export interface HomeAddress {
  /** As written on the door: street, estate, building, room. */
  text: string;
  streetCode: string | null;
  location: GeoPoint;
}
