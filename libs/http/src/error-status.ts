import { HttpStatus } from '@nestjs/common';
import type { ErrorCode } from '@app/contracts';

/** The one table from domain error codes to HTTP statuses. A new code without a row does not compile. */
export const ERROR_STATUS: { readonly [C in ErrorCode]: HttpStatus } = {
  VALIDATION_FAILED: HttpStatus.BAD_REQUEST,
  UNAUTHENTICATED: HttpStatus.UNAUTHORIZED,
  INVALID_CREDENTIALS: HttpStatus.UNAUTHORIZED,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  CONSENT_REQUIRED: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  SENIOR_NOT_FOUND: HttpStatus.NOT_FOUND,
  ACCOUNT_NOT_FOUND: HttpStatus.NOT_FOUND,
  REQUEST_NOT_FOUND: HttpStatus.NOT_FOUND,
  ACCOUNT_EXISTS: HttpStatus.CONFLICT,
  SENIOR_ALREADY_REGISTERED: HttpStatus.CONFLICT,
  ID_NUMBER_TAKEN: HttpStatus.CONFLICT,
  CONFLICT: HttpStatus.CONFLICT,
  RATE_LIMITED: HttpStatus.TOO_MANY_REQUESTS,
  SERVICE_UNAVAILABLE: HttpStatus.SERVICE_UNAVAILABLE,
};
