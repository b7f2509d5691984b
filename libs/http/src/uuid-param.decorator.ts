import { Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@app/contracts';

/** A route parameter that must be a UUID; anything else is a 400 naming the parameter. */
export const UuidParam = (name: string): ParameterDecorator =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => new DomainError('VALIDATION_FAILED', `${name} must be a UUID`, [{ field: name, problems: ['must be a UUID'] }]),
    }),
  );
