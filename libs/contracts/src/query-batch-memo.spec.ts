import { runQueryBatch, sharedInBatch } from './query-batch-memo';

describe('sharedInBatch', () => {
  const counter = () => {
    let calls = 0;
    return { compute: async () => ++calls, calls: () => calls };
  };

  it('computes a value once for all the queries of one batch, per key', async () => {
    const ranking = counter();
    const other = counter();
    const values = await runQueryBatch(() => Promise.all([sharedInBatch('a', ranking.compute), sharedInBatch('a', ranking.compute), sharedInBatch('b', other.compute)]));
    expect(values).toEqual([1, 1, 1]);
    expect([ranking.calls(), other.calls()]).toEqual([1, 1]);
  });

  it('computes afresh in each batch, and every time outside one', async () => {
    const ranking = counter();
    expect(await runQueryBatch(() => sharedInBatch('a', ranking.compute))).toBe(1);
    expect(await runQueryBatch(() => sharedInBatch('a', ranking.compute))).toBe(2);
    expect(await sharedInBatch('a', ranking.compute)).toBe(3);
    expect(await sharedInBatch('a', ranking.compute)).toBe(4);
  });
});
