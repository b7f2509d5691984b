export { Access, ACCESS_RULE, AccessRule, Public } from './access.decorator';
export {
  ACCESS_AUDITOR,
  AccessAuditor,
  AccessGuard,
  AUTHENTICATOR,
  AuthenticatedRequest,
  Authenticator,
  CONSENT_CHECKER,
  ConsentChecker,
  seniorParam,
} from './access.guard';
export { CurrentActor } from './current-actor.decorator';
export { ErrorFilter, ErrorResponse } from './error.filter';
export { ERROR_STATUS } from './error-status';
export { AcceptedWhenPending, answerOrPending, PendingRequest } from './pending-request';
export { createValidationPipe, flatten } from './validation.pipe';
export { UuidParam } from './uuid-param.decorator';
export { DistrictCodeParam } from './district-code-param.decorator';
export { csvAttachment } from './csv-attachment';
export { IsCalendarDate } from './is-calendar-date.decorator';
export { IsInstant } from './is-instant.decorator';
