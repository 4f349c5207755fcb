import { describe, expect, it, vi } from 'vitest';
import { MAX_STALENESS_MS, ReadCache } from './read-cache.ts';

const later = <T>(value: T, ms = 5) => new Promise<T>((r) => setTimeout(() => r(value), ms));

describe('ReadCache', () => {
  it('serves a stored value without loading again', async () => {
    const cache = new ReadCache<number>(10);
    let loads = 0;
    const load = async () => ++loads;
    expect(await cache.get('pglite', 'org', 'k', load)).toBe(1);
    expect(await cache.get('pglite', 'org', 'k', load)).toBe(1);
    expect(loads).toBe(1);
  });

  it('runs one load for concurrent misses of the same key', async () => {
    const cache = new ReadCache<number>(10);
    let loads = 0;
    const load = () => later(++loads);
    const values = await Promise.all(
      Array.from({ length: 20 }, () => cache.get('postgres', 'org', 'k', load)),
    );
    expect(values).toEqual(Array(20).fill(1));
    expect(loads).toBe(1);
  });

  it('drops a scope on invalidate, and a load that overlapped the write is not kept', async () => {
    const cache = new ReadCache<string>(10);
    const slow = cache.get('pglite', 'org', 'k', () => later('before the write', 20));
    cache.invalidate('org');
    expect(await slow).toBe('before the write');
    expect(await cache.get('pglite', 'org', 'k', async () => 'after the write')).toBe('after the write');
  });

  it('does not join a load that began before an invalidation', async () => {
    const cache = new ReadCache<string>(10);
    const first = cache.get('pglite', 'org', 'k', () => later('old', 20));
    cache.invalidate('org');
    const second = cache.get('pglite', 'org', 'k', () => later('new', 1));
    expect(await second).toBe('new');
    expect(await first).toBe('old');
    expect(await cache.get('pglite', 'org', 'k', async () => 'unexpected')).toBe('new');
  });

  it('keeps at most maxEntries', async () => {
    const cache = new ReadCache<number>(2);
    for (const k of ['a', 'b', 'c']) await cache.get('pglite', 'org', k, async () => 1);
    let reloaded = false;
    await cache.get('pglite', 'org', 'a', async () => {
      reloaded = true;
      return 2;
    });
    expect(reloaded).toBe(true);
  });

  it('peeks at a stored value without loading, only while it may be served', async () => {
    const cache = new ReadCache<string>(10);
    const forever = new ReadCache<string>(10, { immutable: true });
    expect(cache.peek('org', 'k')).toBeUndefined();
    await cache.get('postgres', 'org', 'k', async () => 'v');
    await forever.get('postgres', 'org', 'k', async () => 'frozen');
    expect(cache.peek('org', 'k')).toBe('v');
    expect(cache.peek('other-org', 'k')).toBeUndefined();
    const now = performance.now();
    const clock = vi.spyOn(performance, 'now').mockReturnValue(now + MAX_STALENESS_MS.postgres + 1);
    try {
      expect(cache.peek('org', 'k')).toBeUndefined();
      expect(forever.peek('org', 'k')).toBe('frozen');
    } finally {
      clock.mockRestore();
    }
    cache.invalidate('org');
    forever.invalidate('org');
    expect(forever.peek('org', 'k')).toBeUndefined();
  });
});
