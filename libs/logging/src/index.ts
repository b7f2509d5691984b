export { runWithCorrelation } from './correlation-context';
export { CORRELATION_HEADER, correlationIdOf, LoggingModule, REDACTED_PATHS, requestLogging } from './logging.module';
