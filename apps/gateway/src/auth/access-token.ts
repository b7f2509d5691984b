import type { Role } from '@app/contracts';

/** The claims of an access token: who, and the roles and scopes they had when it was issued. */
export interface AccessTokenClaims {
  sub: string;
  roles: Role[];
  fac: string[];
  kit: string[];
  /** The sign-in (its refresh-token family): a token of a sign-in that ended is refused. */
  sid?: string;
}
