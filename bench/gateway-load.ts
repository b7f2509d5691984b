import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { withCheckCharacter } from '@app/domain';

/**
 * The load generator of bench:gateway: autocannon in a worker thread of its own, so the HTTP
 * client does not share the event loop of the gateway and services it measures (on two cores the
 * two threads still share the CPU, as a client on the same machine would). Every response's time
 * is kept, so p50/p95/p99 are exact rather than autocannon's histogram buckets (it has no p95).
 */
export interface LoadOptions {
  title: string;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  method: 'GET' | 'POST';
  /** Each connection cycles through these paths in order. */
  paths: string[];
  headers: Record<string, string>;
  /** POST only: a fresh senior registration (new ID number) and a fresh Idempotency-Key on every request, numbered from `sequenceStart`. */
  registerSeniors?: { sequenceStart: number; address: Record<string, unknown> };
  connections: number;
  seconds: number;
}

export interface LoadResult {
  title: string;
  connections: number;
  requests: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** Connection errors and timeouts (no HTTP answer). */
  errors: number;
  timeouts: number;
  non2xx: number;
  /** 2xx answers that are not a reply: the gateway's 202 when the service did not answer in time. */
  accepted202: number;
  statusCodes: Record<string, number>;
  /** CPU time of the load generator's own thread, ms (from /proc/thread-self; NaN where there is none), to tell apart from the server's. */
  clientBusyMs: number;
}

const WORKER_MARK = 'bench-gateway-load';

/** Runs one load in a new worker thread and resolves with its figures. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: { mark: WORKER_MARK, options } });
    let result: LoadResult | null = null;
    worker.once('message', (message: LoadResult) => (result = message));
    worker.once('error', reject);
    worker.once('exit', (code) => (result ? resolve(result) : reject(new Error(`load worker for ${options.title} exited with ${code} and no result`))));
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** A valid POST /v1/seniors body with the n-th unique ID number (birth date and sequence from n; unique for n < 9,000,000). */
export function seniorRegistration(n: number, address: Record<string, unknown>): Record<string, unknown> {
  const birth = new Date(Date.UTC(1930, 0, 1) + (n % 9000) * 86_400_000).toISOString().slice(0, 10);
  const sequence = String(Math.floor(n / 9000) % 1000).padStart(3, '0');
  const idNumber = withCheckCharacter(`310112${birth.replace(/-/g, '')}${sequence}`);
  const sex = Number(sequence) % 2 === 1 ? 'male' : 'female';
  return { name: '压测老人', sex, birthDate: birth, idNumber, address, livingArrangement: 'with-family', priorityFlags: [], phone: '13800138000' };
}

/** CPU time (user + system) of the calling thread, ms, at the kernel's 10 ms resolution (USER_HZ 100). */
function threadCpuMs(): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

async function generateLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const cpuAtStart = threadCpuMs();
  let next = options.registerSeniors?.sequenceStart ?? 0;
  const requests: autocannon.Request[] = options.registerSeniors
    ? [
        {
          method: 'POST',
          path: options.paths[0]!,
          setupRequest: (request) => {
            const n = next++;
            return { ...request, body: JSON.stringify(seniorRegistration(n, options.registerSeniors!.address)), headers: { ...request.headers, 'idempotency-key': `bench-gateway-${n}` } };
          },
        },
      ]
    : options.paths.map((path) => ({ method: options.method, path }));
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.baseUrl,
        connections: options.connections,
        duration: options.seconds,
        headers: { accept: 'application/json', 'content-type': 'application/json', ...options.headers },
        requests,
        timeout: 10,
      },
      (error: Error | null, done: autocannon.Result) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats ?? {}).map(([code, stat]) => [code, Number((stat as { count: number | string }).count)]));
  const seconds = result.duration;
  return {
    title: options.title,
    connections: options.connections,
    requests: latencies.length,
    seconds,
    perSecond: Math.round(latencies.length / seconds),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? Number.NaN,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    accepted202: statusCodes['202'] ?? 0,
    statusCodes,
    clientBusyMs: threadCpuMs() - cpuAtStart,
  };
}

if (!isMainThread && (workerData as { mark?: string } | null)?.mark === WORKER_MARK) {
  generateLoad((workerData as { options: LoadOptions }).options).then(
    (result) => parentPort!.postMessage(result),
    (error: unknown) => {
      throw error;
    },
  );
}
