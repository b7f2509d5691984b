/** Roles of the platform's accounts. Scoped roles carry the ids they are scoped to on the Actor. */
export const ROLES = ['admin', 'planner', 'assessor', 'operator', 'kitchen', 'courier', 'caregiver', 'family'] as const;
export type Role = (typeof ROLES)[number];

/** What a family may do for a senior, granted by consent. */
export const CONSENT_SCOPES = [
  'view-status',
  'view-assessment-report',
  'book-day-care',
  'manage-meals',
  'manage-visits',
  'apply-for-bed',
] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/** Who asked: travels with every command so services can record "by X (for senior Y)". */
export interface Actor {
  accountId: string;
  roles: Role[];
  /** Facilities an operator may act on. */
  facilityIds: string[];
  /** Kitchens a kitchen account may act on. */
  kitchenIds: string[];
}
