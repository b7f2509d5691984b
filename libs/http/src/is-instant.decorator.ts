import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches, type ValidationOptions } from 'class-validator';

const WITH_OFFSET = /T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * An instant: a date-time with its offset (`2026-12-07T09:00:00+08:00` or `…Z`). Without one the
 * server would read it in its own zone (UTC), eight hours from what a Shanghai user meant.
 */
export function IsInstant(options: ValidationOptions = {}): PropertyDecorator {
  return applyDecorators(IsISO8601({ strict: true }, options), Matches(WITH_OFFSET, { message: '$property must be a date-time with its offset, e.g. 2026-12-07T09:00:00+08:00', ...options }));
}
