/**
 * Was the caregiver really at the senior's door? Each senior's visits are verified one way, chosen
 * in the visit plan: the code of the tag on the door (QR or NFC; only its hash is kept) or a
 * geofence around the home (the policy's radius). A failed check is still a check: the time is
 * kept, marked failed, for a coordinator to confirm or reject.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { haversineMetres, type LatLng } from '../district';
import type { HomeCareVisitPolicy } from './visit-policy';

export const VERIFICATION_METHODS = ['door-code', 'geofence'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/** What the caregiver's phone sends at check-in or check-out. */
export interface CheckEvidence {
  readonly method: VerificationMethod;
  readonly code?: string | null;
  readonly location?: LatLng | null;
}

export interface CheckVerification {
  readonly method: VerificationMethod;
  readonly verified: boolean;
  /** From the door, when a location was given. */
  readonly distanceMetres: number | null;
  /** Why it failed; null when verified. */
  readonly problem: string | null;
}

/** The door tag's code as stored: SHA-256, hex. */
export function doorCodeHash(code: string): string {
  return createHash('sha256').update(code.trim().toUpperCase(), 'utf8').digest('hex');
}

export function verifyCheck(expected: VerificationMethod, evidence: CheckEvidence, door: { readonly location: LatLng; readonly codeHash: string | null }, policy: HomeCareVisitPolicy): CheckVerification {
  const distanceMetres = evidence.location ? Math.round(haversineMetres(evidence.location, door.location)) : null;
  const result = (problem: string | null): CheckVerification => ({ method: evidence.method, verified: problem === null, distanceMetres, problem });
  if (evidence.method !== expected) return result(`this senior's visits are verified by ${expected}, not ${evidence.method}`);
  if (expected === 'door-code') {
    if (!door.codeHash) return result('no door tag has been issued for this senior');
    if (!evidence.code) return result('no code was scanned');
    const given = Buffer.from(doorCodeHash(evidence.code), 'hex');
    return result(timingSafeEqual(given, Buffer.from(door.codeHash, 'hex')) ? null : "the code does not match the senior's door tag");
  }
  if (distanceMetres === null) return result('no location was sent');
  return result(distanceMetres <= policy.checkInGeofenceMetres ? null : `${distanceMetres} m from the door, beyond the ${policy.checkInGeofenceMetres} m geofence`);
}
