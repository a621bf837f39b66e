import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { restore } from '../model/restore';
import type { Design } from '../model/types';
import { createAutosave, type LoadResult, type SaveReport, type StorageLike } from './autosave';
import { designFromHash, encodeDesign } from './link';
import { realisticDesign } from './sampleDesigns';

class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  quota = Infinity;
  blocked = false;
  getItem(key: string): string | null {
    if (this.blocked) throw new DOMException('The operation is insecure.', 'SecurityError');
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.blocked) throw new DOMException('The operation is insecure.', 'SecurityError');
    let used = value.length;
    for (const [k, v] of this.items) if (k !== key) used += v.length;
    if (used > this.quota) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

function design(name: string, extra: Partial<{ seed: number; rate: number }> = {}): Design {
  const result = restore({
    name,
    seed: extra.seed ?? 1,
    nodes: [
      { id: 'users', kind: 'client', position: { x: 10.6, y: 20.2 }, params: { ratePerSecond: extra.rate ?? 100 } },
      { id: 'app', kind: 'server', position: { x: 300, y: 20 } },
    ],
    edges: [{ source: 'users', target: 'app' }],
  });
  if (!result.ok) throw new Error('bad fixture');
  return result.design;
}

/** The design as it arrives from a share link (positions rounded). */
function viaLink(d: Design): Design {
  const result = designFromHash(encodeDesign(d));
  if (!result?.ok) throw new Error('bad link');
  return result.design;
}

function loaded(result: LoadResult): Design {
  if (result.status !== 'restored') throw new Error(`expected a restored design, got ${JSON.stringify(result)}`);
  return result.design;
}

describe('autosave', () => {
  let storage: MemoryStorage;
  let reports: SaveReport[];
  let clock: number;
  const make = (extra: Partial<Parameters<typeof createAutosave>[0]> = {}) =>
    createAutosave({ storage, delayMs: 500, maxWaitMs: 3000, onSave: (r) => reports.push(r), now: () => clock, ...extra });

  beforeEach(() => {
    vi.useFakeTimers();
    storage = new MemoryStorage();
    reports = [];
    clock = 1_700_000_000_000;
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves once after a quiet period, and restores after a reload', () => {
    const autosave = make();
    autosave.schedule(design('one'));
    autosave.schedule(design('two'));
    vi.advanceTimersByTime(499);
    expect(storage.items.size).toBe(0);
    autosave.schedule(design('three'));
    vi.advanceTimersByTime(499);
    expect(storage.items.size).toBe(0);
    vi.advanceTimersByTime(1);
    expect(reports).toEqual([{ ok: true, savedAt: clock }]);

    const reloaded = make();
    const result = reloaded.load();
    expect(loaded(result)).toEqual(design('three'));
    expect(result.status === 'restored' && result.savedAt).toBe(clock);
  });

  it('still saves during a long run of changes (a drag) at least every maxWait', () => {
    const autosave = make();
    for (let t = 0; t < 3500; t += 100) {
      clock += 100;
      autosave.schedule(design(`step ${t}`));
      vi.advanceTimersByTime(100);
    }
    expect(reports.length).toBeGreaterThanOrEqual(1);
    expect(loaded(make().load()).name).toMatch(/^step /);
  });

  it('flushes a pending save on demand (page hide) and cancels on demand', () => {
    const autosave = make();
    expect(autosave.flush()).toBeNull();
    autosave.schedule(design('pending'));
    expect(autosave.flush()).toEqual({ ok: true, savedAt: clock });
    expect(loaded(make().load()).name).toBe('pending');
    autosave.schedule(design('dropped'));
    autosave.cancel();
    vi.advanceTimersByTime(10_000);
    expect(loaded(make().load()).name).toBe('pending');
  });

  it('keeps exact positions and every param in the saved copy', () => {
    const autosave = make();
    const original = realisticDesign();
    autosave.save(original);
    expect(loaded(make().load())).toEqual(original);
  });

  it('reports an empty store', () => {
    expect(make().load()).toEqual({ status: 'empty' });
  });

  it('reports a full store instead of throwing, and recovers when space frees up', () => {
    const autosave = make();
    storage.quota = 10;
    autosave.schedule(design('too big'));
    expect(() => vi.advanceTimersByTime(500)).not.toThrow();
    expect(reports).toEqual([{ ok: false, message: expect.stringMatching(/storage for Archsim is full.*Export it as a file/) }]);
    storage.quota = Infinity;
    expect(autosave.save(design('fits'))).toEqual({ ok: true, savedAt: clock });
  });

  it('reports blocked or missing storage instead of throwing', () => {
    storage.blocked = true;
    const blocked = make();
    expect(blocked.load()).toEqual({ status: 'unavailable', message: expect.stringMatching(/blocked/) });
    expect(blocked.save(design('x')).ok).toBe(false);
    const none = make({ storage: null });
    expect(none.load().status).toBe('unavailable');
    expect(none.save(design('x'))).toEqual({ ok: false, message: expect.stringMatching(/blocked/) });
    expect(none.keepPreviousFor(design('x'))).toBeNull();
  });

  it('sets corrupt stored data aside rather than throwing or deleting it', () => {
    for (const garbage of ['{not json', '"a string"', '{"savedAt":1,"design":null}', '{"savedAt":1,"design":{"nodes":"x"}}']) {
      storage.items.clear();
      storage.items.set('archsim.autosave', garbage);
      const result = make().load();
      expect(result.status).toBe('unreadable');
      expect(result.status === 'unreadable' && result.problems[0].message).toMatch(/saved in this browser/);
      expect(storage.items.get('archsim.autosave.unreadable')).toBe(garbage);
      expect(storage.items.has('archsim.autosave')).toBe(false);
      expect(make().load()).toEqual({ status: 'empty' });
    }
  });

  it('passes stored data through restore(): prototype keys and junk never come back', () => {
    storage.items.set(
      'archsim.autosave',
      '{"savedAt":5,"design":{"__proto__":{"polluted":1},"nodes":[{"id":"a","kind":"server","params":{"__proto__":{"x":1},"workers":2}}]}}',
    );
    const d = loaded(make().load());
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(d.nodes[0].params.workers).toBe(2);
    expect(JSON.stringify(d)).not.toContain('__proto__');
  });

  it('does not throw when the onSave listener throws', () => {
    const autosave = make({
      onSave: () => {
        throw new Error('listener');
      },
    });
    expect(autosave.save(design('x')).ok).toBe(true);
  });

  describe('opening a link while local work exists', () => {
    it('keeps the previous work and offers it back', () => {
      const autosave = make();
      const work = design('My work', { rate: 250 });
      autosave.save(work);
      clock += 60_000;
      const incoming = viaLink(design('Shared design', { rate: 900 }));
      expect(autosave.keepPreviousFor(incoming)).toEqual({ name: 'My work', savedAt: clock - 60_000 });
      // The link's design is now the current one: a reload shows it, and the banner can still offer the work.
      const reloaded = make();
      expect(loaded(reloaded.load())).toEqual(incoming);
      expect(reloaded.previous()).toEqual({ name: 'My work', savedAt: clock - 60_000 });
      expect(loaded(reloaded.restorePrevious())).toEqual(work);
      expect(reloaded.previous()).toBeNull();
    });

    it('offers nothing when there was no work, or when the link is the same design', () => {
      const autosave = make();
      expect(autosave.keepPreviousFor(design('first'))).toBeNull();
      const mine = design('mine');
      autosave.save(mine);
      // Reloading a page whose address still holds the link just shared.
      expect(autosave.keepPreviousFor(viaLink(mine))).toBeNull();
      expect(autosave.previous()).toBeNull();
    });

    it('does not let a second, unedited link push the kept work out', () => {
      const autosave = make();
      autosave.save(design('My work'));
      autosave.keepPreviousFor(viaLink(design('Link A', { seed: 2 })));
      // After a reload the app loads Link A and autosaves it again, unchanged.
      const reloaded = make();
      reloaded.save(loaded(reloaded.load()));
      expect(reloaded.keepPreviousFor(viaLink(design('Link B', { seed: 3 })))?.name).toBe('My work');
      expect(loaded(reloaded.restorePrevious()).name).toBe('My work');
    });

    it('keeps an edited link design like any other work', () => {
      const autosave = make();
      autosave.save(design('My work'));
      autosave.keepPreviousFor(viaLink(design('Link A', { seed: 2 })));
      autosave.save(design('Link A, edited', { seed: 2 }));
      expect(autosave.keepPreviousFor(viaLink(design('Link B', { seed: 3 })))?.name).toBe('Link A, edited');
    });

    it('saves the pending change before keeping it', () => {
      const autosave = make();
      autosave.save(design('old'));
      autosave.schedule(design('last second edit'));
      expect(autosave.keepPreviousFor(viaLink(design('incoming', { seed: 9 })))?.name).toBe('last second edit');
    });

    it('discards the kept work when the person dismisses it', () => {
      const autosave = make();
      autosave.save(design('My work'));
      autosave.keepPreviousFor(viaLink(design('Link', { seed: 2 })));
      autosave.discardPrevious();
      expect(autosave.previous()).toBeNull();
      expect(autosave.restorePrevious()).toEqual({ status: 'empty' });
    });

    it('pauses autosave rather than overwrite the work when it cannot be kept aside', () => {
      const autosave = make();
      const work = design('My work');
      autosave.save(work);
      storage.quota = storage.items.get('archsim.autosave')!.length + 10;
      const kept = autosave.keepPreviousFor(viaLink(design('Link', { seed: 2 })));
      expect(kept?.name).toBe('My work');
      expect(reports.at(-1)).toEqual({ ok: false, message: expect.stringMatching(/Autosave is paused/) });
      expect(autosave.save(design('edited link')).ok).toBe(false);
      expect(loaded(make().load())).toEqual(work);
      autosave.discardPrevious();
      storage.quota = Infinity;
      expect(autosave.save(design('edited link')).ok).toBe(true);
    });
  });
});
