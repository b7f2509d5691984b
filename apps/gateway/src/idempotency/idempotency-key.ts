import { DomainError } from '@app/contracts';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

/** An Idempotency-Key header, when given, must be a sane token; returns it unchanged. */
export function checkIdempotencyKey(key: string | undefined): string | undefined {
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new DomainError('VALIDATION_FAILED', 'Idempotency-Key must be 8–128 letters, digits or ._:-', [
      { field: 'Idempotency-Key', problems: ['must be 8–128 letters, digits or ._:-'] },
    ]);
  }
  return key;
}
