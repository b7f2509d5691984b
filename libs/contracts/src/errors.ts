/**
 * Domain error codes. Services throw DomainError with one of these; the code crosses the queue in the
 * reply and the gateway maps it to an HTTP status in one exhaustive table.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'INVALID_CREDENTIALS',
  'REFRESH_TOKEN_INVALID',
  'REFRESH_TOKEN_REUSED',
  'LOGIN_LOCKED',
  'FORBIDDEN',
  'CONSENT_REQUIRED',
  'NOT_FOUND',
  'SENIOR_NOT_FOUND',
  'SENIOR_ERASED',
  'ACCOUNT_NOT_FOUND',
  'REQUEST_NOT_FOUND',
  'ASSESSMENT_NOT_FOUND',
  'ENTITLEMENTS_NOT_FOUND',
  'ASSESSMENT_INCOMPLETE',
  'ASSESSMENT_FINAL',
  'ALREADY_SUPERSEDED',
  'DISPUTE_SAME_ASSESSOR',
  'DISPUTE_WINDOW_CLOSED',
  'POLICY_NOT_FOUND',
  'FACILITY_NOT_FOUND',
  'OUTSIDE_DISTRICT',
  'BED_TAKEN',
  'NOT_ELIGIBLE',
  'BED_NOT_FOUND',
  'OCCUPANCY_NOT_FOUND',
  'SESSION_FULL',
  'BOOKING_NOT_FOUND',
  'KITCHEN_NOT_FOUND',
  'ORDER_NOT_FOUND',
  'CUTOFF_PASSED',
  'APPLICATION_NOT_FOUND',
  'OFFER_NOT_FOUND',
  'RULES_NOT_FOUND',
  'ACCOUNT_EXISTS',
  'SENIOR_ALREADY_REGISTERED',
  'ID_NUMBER_TAKEN',
  'CONFLICT',
  'IDEMPOTENCY_KEY_REUSED',
  'TOO_LATE',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One bad field of a request: where it is and what is wrong with it. */
export interface FieldProblem {
  field: string;
  problems: string[];
}

export interface DomainErrorBody {
  code: ErrorCode;
  message: string;
  fields?: FieldProblem[];
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldProblem[],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toBody(): DomainErrorBody {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }

  static fromBody(body: DomainErrorBody): DomainError {
    return new DomainError(body.code, body.message, body.fields);
  }
}
