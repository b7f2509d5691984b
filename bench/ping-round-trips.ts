import type { ServiceClient } from '@app/contracts';

/** The value at percentile `p` of ascending `sorted` (NaN when empty). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Request/reply through BullMQ alone (system.ping to allocation, no database), as the gateway's ServiceClient sends it. */
export async function pingRoundTrips(client: ServiceClient, total: number, concurrency: number): Promise<{ p50: number; p99: number; perSecond: number }> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) {
        next += 1;
        const t = performance.now();
        const outcome = await client.call('allocation', 'system.ping', {}, { actor: null, correlationId: 'bench-ping', timeoutMs: 10_000 });
        if (outcome.status !== 'done') throw new Error('a ping timed out');
        latencies.push(performance.now() - t);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), perSecond: total / ((performance.now() - started) / 1000) };
}
