/**
 * A district's allocation policy, as versioned data: the walking model of the 15-minute circle, how
 * long a freed bed is held for an applicant, and the day-care sessions' start times with how long
 * before them a family may still cancel.
 */
export interface AllocationPolicyDocument {
  /** How fast older adults walk (metres per second). */
  walkingSpeedMps: number;
  /** How much longer the way by street is than the straight line (1 or more). */
  detourFactor: number;
  /** The circle's minutes: 5, 10 or 15. */
  circleMinutes: 5 | 10 | 15;
  /** How long a held bed waits for the applicant's admission before the hold lapses. */
  holdHours: number;
  /** How many hours before a day-care session starts a family can still cancel it (staff can later). */
  dayCareCancelLeadHours: number;
  /** When the morning and afternoon sessions start (local time, HH:MM); a full day starts with the morning. */
  dayCareSessions: { morning: string; afternoon: string };
}

/** A version of a district's allocation policy, or the one in force. */
export interface AllocationPolicyRecord {
  districtCode: string;
  version: string;
  effectiveFrom: string;
  policy: AllocationPolicyDocument;
}
