/** Shared shapes of a senior's registration, as they cross queues (JSON, ISO dates). */

export const SEXES = ['female', 'male'] as const;
export type Sex = (typeof SEXES)[number];

export const LIVING_ARRANGEMENTS = ['alone', 'with-spouse-only', 'with-family', 'in-institution', 'other'] as const;
export type LivingArrangement = (typeof LIVING_ARRANGEMENTS)[number];

/** The plans' priority groups (domain.md, "Who comes first"). */
export const PRIORITY_FLAGS = [
  'extreme-poverty', // 特困
  'minimum-income', // 低保
  'low-income', // 低收入
  'very-old', // 高龄
  'living-alone', // 独居
  'empty-nest', // 空巢
  'disabled', // 失能
  'cognitive-impairment', // 失智
  'family-planning-special', // 计划生育特殊家庭
  'key-entitled', // 重点优抚对象
] as const;
export type PriorityFlag = (typeof PRIORITY_FLAGS)[number];

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
