import { applyDecorators } from '@nestjs/common';
import { IsDateString, Matches, type ValidationOptions } from 'class-validator';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A local calendar date, YYYY-MM-DD, that exists. `@IsDateString` alone also takes a month
 * (`2026-12`) and date-times (`2026-12-01 12:00`), which services would then misread.
 */
export function IsCalendarDate(options: ValidationOptions = {}): PropertyDecorator {
  return applyDecorators(IsDateString({ strict: true }, options), Matches(CALENDAR_DATE, { message: '$property must be a calendar date, YYYY-MM-DD', ...options }));
}
