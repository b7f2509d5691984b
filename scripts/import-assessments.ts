import 'reflect-metadata';
import { SingleBar } from 'cli-progress';
import { parse } from 'csv-parse';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { GatewayEnvironment, loadEnvironment } from '@app/config';
import { COMMAND_QUEUES, COMMAND_JOB_OPTIONS, redisConnection } from '@app/contracts';
import { localDate } from '@app/domain';
import { ASSESSMENT_ENTITIES, dataSourceOptions } from '@app/persistence';
import { AssessmentImporter } from '../apps/assessment/src/imports/assessment-importer';
import { ImportRow, isRejected, readImportRow, RejectedRow } from '../apps/assessment/src/imports/import-row';

const BATCH = 1000;
const RECOMPUTE_CHUNK = 500;
const USAGE = 'usage: npm run --silent import:assessments -- --file <history.jsonl|history.csv> --importer <account uuid>';

/**
 * `npm run import:assessments`: bulk import of historical assessments (JSON lines, or CSV with a
 * header row; item columns are item codes). Each row is scored again and written whole or not at
 * all; rejected rows go to <file>.rejected.jsonl with their reasons. Prints a JSON summary. The
 * assessment service then derives entitlements for the seniors concerned (queued commands).
 */
async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const env = loadEnvironment(GatewayEnvironment);
  const today = localDate(new Date());
  const dataSource = await new DataSource(dataSourceOptions(env.DATABASE_URL, ASSESSMENT_ENTITIES)).initialize();
  const importer = new AssessmentImporter(dataSource, args.importer, env.PII_HASH_KEY, today);
  const rejectedFile = `${args.file}.rejected.jsonl`;
  const rejectedOut = createWriteStream(rejectedFile);
  const bar = new SingleBar({ format: 'import [{bar}] {percentage}% | {value}/{total} bytes | {rows} rows, {rejected} rejected | {eta_formatted} left', stream: process.stderr });
  const size = statSync(args.file).size;
  bar.start(size, 0, { rows: 0, rejected: 0 });

  const started = performance.now();
  let rows = 0;
  let imported = 0;
  let rejected = 0;
  const seniors = new Set<string>();
  let batch: ImportRow[] = [];
  const reject = (r: RejectedRow) => {
    rejected += 1;
    rejectedOut.write(`${JSON.stringify(r)}\n`);
  };
  const flush = async () => {
    const outcome = await importer.importBatch(batch);
    imported += outcome.imported;
    outcome.rejected.forEach(reject);
    outcome.seniors.forEach((s) => seniors.add(s));
    batch = [];
  };

  for await (const { line, record, bytes } of readRecords(args.file)) {
    rows += 1;
    const row = record instanceof Error ? { line, reason: record.message } : readImportRow(line, record, today);
    if (isRejected(row)) reject(row);
    else batch.push(row);
    if (batch.length >= BATCH) await flush();
    bar.update(bytes, { rows, rejected });
  }
  await flush();
  bar.update(size, { rows, rejected });
  bar.stop();
  rejectedOut.end();
  await dataSource.destroy();

  const queued = await requestEntitlements(env, [...seniors]);
  const seconds = (performance.now() - started) / 1000;
  console.log(JSON.stringify({ file: args.file, rows, imported, rejected, rejectedFile: rejected > 0 ? rejectedFile : null, seniors: seniors.size, entitlementJobs: queued, seconds: Number(seconds.toFixed(1)), rowsPerSecond: Math.round(rows / seconds) }));
  process.exit(rejected > 0 ? 3 : 0);
}

/** Records of a JSON-lines or CSV file, with their line number and how far into the file we are. */
async function* readRecords(file: string): AsyncGenerator<{ line: number; record: Record<string, unknown> | Error; bytes: number }> {
  const stream = createReadStream(file);
  if (file.endsWith('.csv')) {
    const parser = stream.pipe(parse({ columns: true, skip_empty_lines: true, trim: true, cast: castCsv, relax_column_count: false }));
    let line = 1;
    for await (const record of parser as AsyncIterable<Record<string, unknown>>) {
      line += 1;
      yield { line, record: csvToRow(record), bytes: stream.bytesRead };
    }
    return;
  }
  let line = 0;
  for await (const text of createInterface({ input: stream, crlfDelay: Infinity })) {
    line += 1;
    if (text.trim() === '') continue;
    let record: Record<string, unknown> | Error;
    try {
      const parsed: unknown = JSON.parse(text);
      record = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : new Error('each line must be a JSON object');
    } catch (error) {
      record = new Error(`not valid JSON: ${(error as Error).message}`);
    }
    yield { line, record, bytes: stream.bytesRead };
  }
}

/** CSV: item columns (B1.1 …) become `items`; `diagnoses` is a ;-separated list; `coma` is true/false. */
function csvToRow(record: Record<string, unknown>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  const items: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (value === '' || value === undefined) continue;
    if (/^[A-Za-z]\d+(\.\d+)?$/.test(key)) items[key] = value;
    else if (key === 'diagnoses') row[key] = String(value).split(';').map((d) => d.trim()).filter(Boolean);
    else row[key] = value;
  }
  return { ...row, items };
}

function castCsv(value: string, context: { column: string | number }): unknown {
  if (context.column === 'coma') return value === 'true' || value === '1';
  if (/^-?\d+$/.test(value) && context.column !== 'seniorId' && context.column !== 'idNumber') return Number(value);
  return value;
}

/** Asks the assessment service (through its queue, like any client) to derive the seniors' entitlements again. */
async function requestEntitlements(env: GatewayEnvironment, seniorIds: string[]): Promise<number> {
  if (seniorIds.length === 0) return 0;
  const queue = new Queue(COMMAND_QUEUES.assessment, { connection: redisConnection(env.REDIS_URL), prefix: env.QUEUE_PREFIX, defaultJobOptions: COMMAND_JOB_OPTIONS });
  let jobs = 0;
  for (let i = 0; i < seniorIds.length; i += RECOMPUTE_CHUNK) {
    await queue.add('entitlements.recompute', { payload: { seniorIds: seniorIds.slice(i, i + RECOMPUTE_CHUNK), trigger: 'import' }, correlationId: `import-${randomUUID()}`, actor: null, issuedAt: new Date().toISOString() });
    jobs += 1;
  }
  await queue.close();
  return jobs;
}

function parseArgs(argv: string[]): { file: string; importer: string } {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const file = value('--file');
  const importer = value('--importer');
  if (!file || !importer || !/^[0-9a-f-]{36}$/i.test(importer)) {
    console.error(USAGE);
    process.exit(2);
  }
  return { file, importer };
}

main().catch((error: Error) => {
  console.error(`import failed: ${error.message}`);
  process.exit(1);
});
