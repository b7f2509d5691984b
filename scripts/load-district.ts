// Loads a synthetic district into the database, for demos and benchmarks:
//   npm run --silent load:district -- --profile small|minhang [--seed 1] [--as-of YYYY-MM-DD] [--hold-hours 48]
// Migrates the database first (DATABASE_URL, see libs/config), generates the district from the
// profile and seed (the same district `npm run seed` writes as files) and writes into allocation's
// tables: facilities with rooms and beds by type (gender rule per room, respite beds), day-care
// places and meal capacity; the district's allocation policy (default walking model, --hold-hours)
// when it has none (the migrations give Minhang one, with 48 h holds); every senior in allocation's
// read model (allocation.senior_view) with home, sex, birth date, living arrangement, priority
// flags, GB/T level and the entitlements the district's default policy gives on --as-of (default:
// today in Asia/Shanghai). Details in libs/persistence/src/seeding/.
//
// It writes allocation's tables directly. The production path is the API: facilities are
// registered through the gateway, seniors are registered and assessed in the assessment service,
// and allocation learns them from its events. Nothing goes into the assessment or dispatch
// schemas and no events are published, so those services know nothing of these seniors.
//
// Running it again skips what is there (and finishes an interrupted load); a district that already
// has other facilities (another profile or seed) is refused: use a fresh database. Prints one JSON
// summary line on stdout; progress and messages go to stderr. Exit codes: 0 loaded or already
// loaded, 2 bad arguments, 3 refused (district holds other facilities), 1 anything else.
// Minhang (379,000 seniors, about 1.1 GB in allocation.senior_view) takes about 90 s on two cores.

import 'reflect-metadata';
import { SingleBar } from 'cli-progress';
import { DataSource } from 'typeorm';
import { loadEnvironment, PlatformEnvironment } from '@app/config';
import { DISTRICT_PROFILES, generateDistrict } from '@app/domain';
import { ALLOCATION_ENTITIES, dataSourceOptions, DistrictConflictError, loadDistrict, runMigrations } from '@app/persistence';
import { districtFlags, readFlags, usageFailure, UsageError } from './cli-flags';

const USAGE = `usage: npm run --silent load:district -- --profile ${Object.keys(DISTRICT_PROFILES).join('|')} [--seed <integer>, default 1] [--as-of YYYY-MM-DD] [--hold-hours <hours>, default 48, for a district without an allocation policy]`;
const FLAGS = ['--profile', '--seed', '--as-of', '--hold-hours'];


interface CliOptions {
  readonly profile: string;
  readonly seed: number;
  readonly asOf: string | undefined;
  readonly holdHours: number | undefined;
}

function parseArgs(argv: readonly string[]): CliOptions {
  const values = readFlags(argv, FLAGS);
  const { profile, seed } = districtFlags(values);
  const asOf = values.get('--as-of');
  if (asOf !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || Number.isNaN(Date.parse(`${asOf}T00:00:00Z`)))) throw new UsageError('--as-of must be a date YYYY-MM-DD');
  const hoursText = values.get('--hold-hours');
  if (hoursText !== undefined && (!/^\d+$/.test(hoursText) || Number(hoursText) < 1)) throw new UsageError('--hold-hours must be a positive integer');
  return { profile, seed, asOf, holdHours: hoursText === undefined ? undefined : Number(hoursText) };
}

async function main(): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    return usageFailure('load-district', USAGE, error);
  }
  const env = loadEnvironment(PlatformEnvironment);
  await runMigrations(env.DATABASE_URL);
  const district = generateDistrict(DISTRICT_PROFILES[options.profile]!, options.seed);
  const dataSource = await new DataSource(dataSourceOptions(env.DATABASE_URL, ALLOCATION_ENTITIES)).initialize();
  const bar = new SingleBar({ format: 'load-district [{bar}] {percentage}% | {value}/{total} seniors | {eta_formatted} left', stream: process.stderr });
  bar.start(district.population.seniors, 0);
  try {
    const summary = await loadDistrict(dataSource, district, {
      ...(options.asOf ? { entitlementsAsOf: options.asOf } : {}),
      ...(options.holdHours ? { holdHours: options.holdHours } : {}),
      onProgress: (done) => bar.update(done),
    });
    bar.stop();
    if (summary.alreadyLoaded) process.stderr.write(`load-district: profile ${options.profile} seed ${options.seed} is already loaded in this database; nothing was written\n`);
    process.stdout.write(`${JSON.stringify(summary)}\n`);
    return 0;
  } catch (error) {
    bar.stop();
    if (error instanceof DistrictConflictError) {
      process.stderr.write(`load-district: refused: ${error.message}\n`);
      return 3;
    }
    throw error;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`load-district: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
