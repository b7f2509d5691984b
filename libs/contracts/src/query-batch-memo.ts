import { AsyncLocalStorage } from 'node:async_hooks';

const memos = new AsyncLocalStorage<Map<string, Promise<unknown>>>();

/** Runs the queries of one `query.batch` job with a memo they share (see sharedInBatch). */
export function runQueryBatch<T>(fn: () => Promise<T>): Promise<T> {
  return memos.run(new Map(), fn);
}

/**
 * A value the queries of the running batch compute once between them (a district's ranked waiting
 * list, say). Every query of a batch was asked before the batch started, so a value computed while it
 * runs is as fresh as any of them could see on its own. Outside a batch it is computed each time.
 */
export function sharedInBatch<T>(key: string, compute: () => Promise<T>): Promise<T> {
  const memo = memos.getStore();
  if (!memo) return compute();
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = compute();
    memo.set(key, value);
  }
  return value;
}
