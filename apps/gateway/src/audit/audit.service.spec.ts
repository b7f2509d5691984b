import type { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

type Row = Parameters<AuditRepository['insertMany']>[0][number];

/** A repository whose inserts finish when the test says so. */
function slowRepository() {
  const calls: Array<{ rows: Row[]; finish: (error?: Error) => void }> = [];
  const repository = {
    insertMany: (rows: Row[]) => new Promise<void>((resolve, reject) => calls.push({ rows: [...rows], finish: (error) => (error ? reject(error) : resolve()) })),
  } as unknown as AuditRepository;
  return { repository, calls };
}

const entry = (correlationId: string, seniorId: string | null = null) => ({ actor: null, action: 'senior.read', seniorId, route: 'GET /v1/seniors/:seniorId', status: 200, correlationId });
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('audit group commit', () => {
  it('writes a lone entry at once and answers only when it is committed', async () => {
    const { repository, calls } = slowRepository();
    const audit = new AuditService(repository);
    let done = false;
    const recorded = audit.record(entry('a')).then(() => (done = true));
    await tick();
    expect(calls.map((c) => c.rows.map((r) => r.correlationId))).toEqual([['a']]);
    expect(done).toBe(false);
    calls[0]!.finish();
    await recorded;
    expect(done).toBe(true);
  });

  it('puts the entries recorded while an insert runs into one insert after it, in order', async () => {
    const { repository, calls } = slowRepository();
    const audit = new AuditService(repository);
    const first = audit.record(entry('a'));
    await tick();
    const later = [audit.record(entry('b')), audit.record(entry('c')), audit.record(entry('d'))];
    await tick();
    expect(calls).toHaveLength(1);
    calls[0]!.finish();
    await first;
    await tick();
    expect(calls.map((c) => c.rows.map((r) => r.correlationId))).toEqual([['a'], ['b', 'c', 'd']]);
    let settled = false;
    void Promise.all(later).then(() => (settled = true));
    await tick();
    expect(settled).toBe(false); // not before their batch is committed
    calls[1]!.finish();
    await Promise.all(later);
  });

  it('when a batch fails, tries its entries one by one: only the entry that cannot be written fails its request', async () => {
    const { repository, calls } = slowRepository();
    const audit = new AuditService(repository);
    const first = audit.record(entry('a'));
    await tick();
    const good = audit.record(entry('b'));
    const bad = audit.record(entry('c'));
    calls[0]!.finish();
    await first;
    await tick();
    calls[1]!.finish(new Error('invalid input syntax for type uuid'));
    await tick();
    expect(calls.slice(2).map((c) => c.rows.map((r) => r.correlationId))).toEqual([['b'], ['c']]);
    calls[2]!.finish();
    calls[3]!.finish(new Error('invalid input syntax for type uuid'));
    await expect(good).resolves.toBeUndefined();
    await expect(bad).rejects.toThrow('invalid input syntax');
  });
});
