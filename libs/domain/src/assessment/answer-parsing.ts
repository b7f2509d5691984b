// Reading raw JSON answers. Input arrives from HTTP bodies, CSV imports and the offline CLI, so
// nothing is trusted: every value is checked for type and allowed range, and every problem is
// collected (never thrown) so the caller can report them all at once.

import { type AssessmentProblem, assessmentProblem } from './assessment-problem';

export type JsonObject = Readonly<Record<string, unknown>>;

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Canonical form for comparing names typed by people: `B.1.1`, `b1.1` and `B1.1` are the same
 * item; `GB/T 42195-2022` and `gbt42195-2022` the same instrument. NFKC folds full-width
 * characters (Ｂ１.１) that Chinese input methods produce.
 */
export function normaliseKey(key: string): string {
  return key.normalize('NFKC').toLowerCase().replace(/[\s._\-/()（）·]/g, '');
}

export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${String(value)}`;
}

export interface ItemDefinition<TCode extends string> {
  readonly code: TCode;
  /** The spec's Chinese item name, shown beside the code in every message. */
  readonly name: string;
  readonly english: string;
  /** Allowed integer scores, ascending. */
  readonly allowed: readonly number[];
  /** Text answers accepted instead of a number, mapped to the score they stand for. */
  readonly textOptions?: Readonly<Record<string, number>>;
  /** Other accepted keys besides the code and the Chinese name. */
  readonly aliases?: readonly string[];
}

export function itemLabel(def: { readonly code: string; readonly name: string }): string {
  return `${def.code} ${def.name}`;
}

export interface ItemReading<TCode extends string> {
  readonly scores: ReadonlyMap<TCode, number>;
  /** Which text option was chosen, for items answered with one (e.g. B3.9 `coma`). */
  readonly textChoices: ReadonlyMap<TCode, string>;
}

/**
 * Reads an `items` object against item definitions. Reports unknown, duplicate, missing
 * (unless optional), wrongly typed and out-of-range items, all of them. Returns undefined only
 * when `items` itself is absent or not an object.
 */
export function readItems<TCode extends string>(
  raw: unknown,
  definitions: readonly ItemDefinition<TCode>[],
  problems: AssessmentProblem[],
  options: { readonly path?: string; readonly optional?: ReadonlySet<TCode> } = {},
): ItemReading<TCode> | undefined {
  const path = options.path ?? 'items';
  if (raw === undefined) {
    const codes = definitions.map((d) => d.code).join(', ');
    problems.push(assessmentProblem('MISSING_FIELD', path, `${path} is required: an object with the items ${codes}`));
    return undefined;
  }
  if (!isJsonObject(raw)) {
    problems.push(assessmentProblem('WRONG_TYPE', path, `${path} must be an object of item code → score, got ${describeValue(raw)}`));
    return undefined;
  }

  const byKey = new Map<string, ItemDefinition<TCode>>();
  for (const def of definitions) {
    for (const key of [def.code, def.name, ...(def.aliases ?? [])]) byKey.set(normaliseKey(key), def);
  }

  const scores = new Map<TCode, number>();
  const textChoices = new Map<TCode, string>();
  const seenAs = new Map<TCode, string>();
  for (const [key, value] of Object.entries(raw)) {
    const def = byKey.get(normaliseKey(key));
    if (def === undefined) {
      problems.push(assessmentProblem('UNKNOWN_ITEM', `${path}.${key}`, `${key} is not an item of this instrument`));
      continue;
    }
    const itemPath = `${path}.${def.code}`;
    const earlier = seenAs.get(def.code);
    if (earlier !== undefined) {
      problems.push(
        assessmentProblem('DUPLICATE_ITEM', itemPath, `${itemLabel(def)} is given twice (as ${JSON.stringify(earlier)} and ${JSON.stringify(key)})`),
      );
      continue;
    }
    seenAs.set(def.code, key);
    const score = readItemValue(def, value, itemPath, problems);
    if (score === undefined) continue;
    scores.set(def.code, score.score);
    if (score.text !== undefined) textChoices.set(def.code, score.text);
  }

  for (const def of definitions) {
    if (!seenAs.has(def.code) && !(options.optional?.has(def.code) ?? false)) {
      problems.push(assessmentProblem('MISSING_ITEM', `${path}.${def.code}`, `${itemLabel(def)} is not answered (allowed: ${allowedText(def)})`));
    }
  }
  return { scores, textChoices };
}

function allowedText<TCode extends string>(def: ItemDefinition<TCode>): string {
  const texts = Object.keys(def.textOptions ?? {});
  return [...def.allowed.map(String), ...texts.map((t) => JSON.stringify(t))].join(', ');
}

function readItemValue<TCode extends string>(
  def: ItemDefinition<TCode>,
  value: unknown,
  path: string,
  problems: AssessmentProblem[],
): { score: number; text?: string } | undefined {
  if (typeof value === 'number') {
    if (Number.isInteger(value) && def.allowed.includes(value)) return { score: value };
    problems.push(assessmentProblem('VALUE_NOT_ALLOWED', path, `${itemLabel(def)}: ${value} is not an allowed score (allowed: ${allowedText(def)})`));
    return undefined;
  }
  if (typeof value === 'string' && def.textOptions !== undefined) {
    const wanted = normaliseKey(value);
    const match = Object.entries(def.textOptions).find(([text]) => normaliseKey(text) === wanted);
    if (match !== undefined) return { score: match[1], text: match[0] };
    // A numeric string on an item that also takes text is a type slip, not a bad option.
    if (value.trim() === '' || Number.isNaN(Number(value))) {
      problems.push(assessmentProblem('VALUE_NOT_ALLOWED', path, `${itemLabel(def)}: ${JSON.stringify(value)} is not an allowed answer (allowed: ${allowedText(def)})`));
      return undefined;
    }
  }
  problems.push(assessmentProblem('WRONG_TYPE', path, `${itemLabel(def)}: expected a number (allowed: ${allowedText(def)}), got ${describeValue(value)}`));
  return undefined;
}

/** Reads an optional boolean field; absent means false. */
export function readOptionalBoolean(input: JsonObject, key: string, problems: AssessmentProblem[]): boolean {
  const value = input[key];
  if (value === undefined) return false;
  if (typeof value === 'boolean') return value;
  problems.push(assessmentProblem('WRONG_TYPE', key, `${key} must be true or false, got ${describeValue(value)}`));
  return false;
}

/**
 * Reads one policy flag. `values` maps every accepted spelling to its canonical value, so
 * `per-type`, `perType` and `per_type` all mean the same thing.
 */
export function readPolicyFlag<V extends string>(
  policy: JsonObject,
  key: string,
  values: Readonly<Record<string, V>>,
  fallback: V,
  problems: AssessmentProblem[],
): V {
  const raw = policy[key];
  if (raw === undefined) return fallback;
  const canonical = [...new Set(Object.values(values))].map((v) => JSON.stringify(v)).join(' | ');
  if (typeof raw !== 'string') {
    problems.push(assessmentProblem('WRONG_TYPE', `policy.${key}`, `policy.${key} must be one of ${canonical}, got ${describeValue(raw)}`));
    return fallback;
  }
  const wanted = normaliseKey(raw);
  const match = Object.entries(values).find(([spelling]) => normaliseKey(spelling) === wanted);
  if (match !== undefined) return match[1];
  problems.push(assessmentProblem('BAD_POLICY_VALUE', `policy.${key}`, `${JSON.stringify(raw)} is not one of ${canonical}`));
  return fallback;
}

/** Returns the policy object (empty when absent) and reports unknown keys. */
export function readPolicyObject(input: JsonObject, knownKeys: readonly string[], problems: AssessmentProblem[]): JsonObject {
  const raw = input['policy'];
  if (raw === undefined) return {};
  if (!isJsonObject(raw)) {
    problems.push(assessmentProblem('WRONG_TYPE', 'policy', `policy must be an object of flags, got ${describeValue(raw)}`));
    return {};
  }
  for (const key of Object.keys(raw)) {
    if (!knownKeys.includes(key)) {
      const known = knownKeys.length === 0 ? 'this instrument has no policy flags' : `known flags: ${knownKeys.join(', ')}`;
      problems.push(assessmentProblem('UNKNOWN_POLICY_FLAG', `policy.${key}`, `policy.${key} is not a policy flag (${known})`));
    }
  }
  return raw;
}

/**
 * Top-level fields an instrument does not use are ignored with a warning rather than rejected:
 * batch files often carry case ids, assessor names or expected results alongside the answers.
 * Client-supplied totals and levels are named explicitly because they are always recomputed.
 */
export function warnAboutIgnoredFields(input: JsonObject, usedKeys: readonly string[]): string[] {
  const recomputed = new Set(['total', 'domainScores', 'preliminaryLevel', 'finalLevel', 'level', 'changes']);
  return Object.keys(input)
    .filter((key) => !usedKeys.includes(key) && key !== 'instrument')
    .map((key) =>
      recomputed.has(key) ? `${key} supplied by the client is ignored; it is recomputed from the items` : `field ${key} is not used by this instrument and was ignored`,
    );
}

/** The submission must be a JSON object; one problem otherwise. */
export function requireObject(input: unknown, problems: AssessmentProblem[]): JsonObject | undefined {
  if (isJsonObject(input)) return input;
  problems.push(assessmentProblem('WRONG_TYPE', '$', `the submission must be a JSON object, got ${describeValue(input)}`));
  return undefined;
}
