/**
 * Problems found in meal data (a district's meal policy, a menu, a senior's subscription), each
 * with the path of the offending value so a form or a data officer can fix everything at once.
 * The JSON checks are the entitlement policy's; this file adds the list shapes meals need.
 */
import { type JsonChecks, item } from '../entitlements/json-checks';

export interface MealProblem {
  /** e.g. `slots.lunch.cutoff`, `dishes[1].allergens[0]`; `$` for the whole document. */
  readonly path: string;
  readonly message: string;
}

export function mealProblems(checks: JsonChecks): MealProblem[] {
  return checks.problems.map(({ path, message }) => ({ path, message }));
}

/** A list (empty allowed unless `nonEmpty`) of distinct words from a vocabulary, every bad entry reported. */
export function checkWordList<T extends string>(checks: JsonChecks, value: unknown, path: string, allowed: readonly T[], nonEmpty = false): T[] | undefined {
  const list = checks.array(value, path, nonEmpty);
  if (list === undefined) return undefined;
  const words: T[] = [];
  list.forEach((entry, index) => {
    const word = checks.oneOf(entry, item(path, index), allowed);
    if (word === undefined) return;
    if (words.includes(word)) checks.report('DUPLICATE', item(path, index), `${word} is listed twice in ${path}`);
    else words.push(word);
  });
  return words;
}

/** A list of non-empty strings (ingredients, components). */
export function checkTextList(checks: JsonChecks, value: unknown, path: string): string[] | undefined {
  const list = checks.array(value, path, false);
  if (list === undefined) return undefined;
  return list.flatMap((entry, index) => checks.string(entry, item(path, index)) ?? []);
}
