import { GatewayEnvironment, loadEnvironment } from '@app/config';
import { eventually, testQueuePrefix } from '@app/testing';
import { ConsentCache } from './consent-cache';

/** Two gateway replicas' caches on the real Redis: a consent change on one reaches the other at once. */
describe('consent cache across replicas', () => {
  const env = { ...loadEnvironment(GatewayEnvironment), QUEUE_PREFIX: testQueuePrefix() } as GatewayEnvironment;
  const replicas = [new ConsentCache(env), new ConsentCache(env)];
  const family = '00000000-0000-4000-8000-000000000001';
  const senior = '00000000-0000-4000-8000-000000000002';

  beforeAll(async () => {
    for (const cache of replicas) cache.onModuleInit();
    // Both listening: a lookup is remembered.
    await eventually(async () => {
      for (const cache of replicas) {
        let loads = 0;
        const load = async () => (loads++, ['view-status']);
        await cache.scopes('probe', senior, load);
        await cache.scopes('probe', senior, load);
        expect(loads).toBe(1);
      }
    });
  });

  afterAll(async () => {
    await Promise.all(replicas.map((cache) => cache.onApplicationShutdown()));
  });

  it('answers from memory until a change, then asks the database again on every replica', async () => {
    const [a, b] = replicas as [ConsentCache, ConsentCache];
    let active: string[] | null = ['view-status'];
    let loads = 0;
    const load = async () => (loads++, active);
    expect(await a.scopes(family, senior, load)).toEqual(['view-status']);
    expect(await b.scopes(family, senior, load)).toEqual(['view-status']);
    expect(await b.scopes(family, senior, load)).toEqual(['view-status']);
    expect(loads).toBe(2);

    active = null; // revoked and committed on replica a
    await a.changed();
    expect(await a.scopes(family, senior, load)).toBeNull(); // at once where it was revoked
    await eventually(async () => expect(await b.scopes(family, senior, load)).toBeNull(), { timeoutMs: 500 });
  });

  it('does not remember a lookup that was reading while a change came', async () => {
    const [a] = replicas as [ConsentCache, ConsentCache];
    let release: (scopes: string[]) => void = () => undefined;
    const slow = a.scopes(family, 'slow', () => new Promise<string[]>((resolve) => (release = resolve)));
    await a.changed();
    release(['view-status']); // read before the revocation committed
    expect(await slow).toEqual(['view-status']);
    expect(await a.scopes(family, 'slow', async () => null)).toBeNull();
  });
});
