// The command-line conventions of the project's scripts: `--flag value` pairs, a UsageError that
// prints the usage and exits 2, and the district profile and seed that seed-district and
// load-district both take.
import { DISTRICT_PROFILES } from '../libs/domain/src/district';

export class UsageError extends Error {}

/** `--flag value` pairs among `known` flags; `--help` (or `-h`) asks for the usage. */
export function readFlags(argv: readonly string[], known: readonly string[], help = true): Map<string, string> {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (help && (flag === '--help' || flag === '-h')) throw new UsageError('');
    if (!known.includes(flag)) throw new UsageError(`unknown argument ${flag}`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    values.set(flag, value);
    i++;
  }
  return values;
}

/** `--profile` (required, one of the synthetic districts) and `--seed` (a non-negative integer, default 1). */
export function districtFlags(values: ReadonlyMap<string, string>): { profile: string; seed: number } {
  const profile = values.get('--profile');
  if (!profile) throw new UsageError('--profile is required');
  if (!Object.hasOwn(DISTRICT_PROFILES, profile)) throw new UsageError(`unknown profile ${profile}`);
  const seedText = values.get('--seed') ?? '1';
  if (!/^\d+$/.test(seedText) || !Number.isSafeInteger(Number(seedText))) throw new UsageError('--seed must be a non-negative integer');
  return { profile, seed: Number(seedText) };
}

/** For a UsageError: its message and the usage on stderr, and exit code 2; anything else is rethrown. */
export function usageFailure(script: string, usage: string, error: unknown): number {
  if (!(error instanceof UsageError)) throw error;
  if (error.message) process.stderr.write(`${script}: ${error.message}\n`);
  process.stderr.write(`${usage}\n`);
  return 2;
}
