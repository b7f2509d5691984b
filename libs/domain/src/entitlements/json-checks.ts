// Small collecting checks over untyped JSON, used by the policy validation. Each check reports
// into one list and returns the value when it is good, undefined otherwise, so callers can keep
// checking the rest of the document after a problem.

import { isIsoDate } from './date-checks';
import type { PolicyProblem, PolicyProblemCode } from './policy-problems';

export type JsonObject = Readonly<Record<string, unknown>>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

export const at = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);
export const item = (path: string, index: number): string => `${path}[${index}]`;

export class JsonChecks {
  readonly problems: PolicyProblem[] = [];

  report(code: PolicyProblemCode, path: string, message: string): void {
    this.problems.push({ code, path, message });
  }

  /**
   * An object with exactly these fields: every missing required field and every unknown field is
   * reported. Optional fields may be absent (or undefined in typed input). An absent value is
   * not reported here: the enclosing object already reported it as missing.
   */
  object(value: unknown, path: string, required: readonly string[], optional: readonly string[] = []): JsonObject | undefined {
    if (value === undefined) return undefined;
    if (!isJsonObject(value)) {
      this.report('WRONG_TYPE', path || '$', `${path || 'the policy'} must be an object, got ${describe(value)}`);
      return undefined;
    }
    for (const key of required) {
      if (value[key] === undefined) this.report('MISSING_FIELD', at(path, key), `${at(path, key)} is required`);
    }
    for (const key of Object.keys(value)) {
      if (!required.includes(key) && !optional.includes(key)) {
        this.report('UNKNOWN_FIELD', at(path, key), `${at(path, key)} is not a known field (known: ${[...required, ...optional].join(', ')})`);
      }
    }
    return value;
  }

  string(value: unknown, path: string, pattern?: { readonly regex: RegExp; readonly description: string }): string | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'string') {
      this.report('WRONG_TYPE', path, `${path} must be a string, got ${describe(value)}`);
      return undefined;
    }
    if (value.trim() === '') {
      this.report('VALUE_NOT_ALLOWED', path, `${path} must not be empty`);
      return undefined;
    }
    if (pattern !== undefined && !pattern.regex.test(value)) {
      this.report('VALUE_NOT_ALLOWED', path, `${path} ${JSON.stringify(value)} must be ${pattern.description}`);
      return undefined;
    }
    return value;
  }

  /** A number within [min, max]; `integer` for counts, minutes, fen. */
  number(value: unknown, path: string, bounds: { readonly min: number; readonly max?: number; readonly integer: boolean }): number | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.report('WRONG_TYPE', path, `${path} must be a number, got ${describe(value)}`);
      return undefined;
    }
    if (bounds.integer && !Number.isInteger(value)) {
      this.report('WRONG_TYPE', path, `${path} must be a whole number, got ${value}`);
      return undefined;
    }
    if (value < bounds.min || (bounds.max !== undefined && value > bounds.max)) {
      const range = bounds.max === undefined ? `≥ ${bounds.min}` : `${bounds.min}–${bounds.max}`;
      this.report('OUT_OF_RANGE', path, `${path} ${value} is outside ${range}`);
      return undefined;
    }
    return value;
  }

  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
    if (value === undefined) return undefined;
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.report('VALUE_NOT_ALLOWED', path, `${path} ${describe(value)} is not one of ${allowed.join(', ')}`);
      return undefined;
    }
    return value as T;
  }

  date(value: unknown, path: string): string | undefined {
    if (value === undefined) return undefined;
    if (!isIsoDate(value)) {
      this.report('BAD_DATE', path, `${path} ${describe(value)} is not a calendar date YYYY-MM-DD`);
      return undefined;
    }
    return value;
  }

  array(value: unknown, path: string, nonEmpty: boolean): readonly unknown[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) {
      this.report('WRONG_TYPE', path, `${path} must be an array, got ${describe(value)}`);
      return undefined;
    }
    if (nonEmpty && value.length === 0) {
      this.report('VALUE_NOT_ALLOWED', path, `${path} must not be empty`);
      return undefined;
    }
    return value;
  }

  /** A non-empty list of distinct allowed words. */
  words<T extends string>(value: unknown, path: string, allowed: readonly T[]): T[] | undefined {
    const list = this.array(value, path, true);
    if (list === undefined) return undefined;
    const words: T[] = [];
    list.forEach((entry, index) => {
      const word = this.oneOf(entry, item(path, index), allowed);
      if (word === undefined) return;
      if (words.includes(word)) this.report('DUPLICATE', item(path, index), `${word} is listed twice in ${path}`);
      else words.push(word);
    });
    return words;
  }
}
