import { beforeEach, describe, expect, it, vi } from 'vitest';
import { restore, type Design } from '../model';
import { encodeDesign, type StorageLike } from '../share';
import { createDesignStore } from './design';
import { useUi } from './ui';
import { connectAutosave, createPlaygroundAutosave, designFromLink, openingDesign, takeKeptDesign, usePersistence } from './autosave';

class MemoryStorage implements StorageLike {
  readonly items = new Map<string, string>();
  full = false;
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

function design(name: string, rate = 100): Design {
  const result = restore({
    name,
    nodes: [
      { id: 'users', kind: 'client', position: { x: 0, y: 0 }, params: { ratePerSecond: rate } },
      { id: 'app', kind: 'server', position: { x: 300, y: 0 } },
    ],
    edges: [{ source: 'users', target: 'app' }],
  });
  if (!result.ok) throw new Error('bad fixture');
  return result.design;
}

beforeEach(() => usePersistence.setState({ alerts: [], kept: null }));

describe('what the page opens with', () => {
  it('restores the autosaved design, or the default example when nothing is saved', () => {
    const storage = new MemoryStorage();
    const save = createPlaygroundAutosave(storage);
    expect(openingDesign('', save, storage).nodes.length).toBeGreaterThan(0);
    save.save(design('Mine'));
    expect(openingDesign('', save, storage).name).toBe('Mine');
    expect(usePersistence.getState().alerts).toEqual([]);
  });

  it('gives each tab its own design back on reload, and a new tab the one saved last', () => {
    const shared = new MemoryStorage();
    const tabA = new MemoryStorage();
    const tabB = new MemoryStorage();
    createPlaygroundAutosave(shared, tabA).save(design('Work in tab A'));
    createPlaygroundAutosave(shared, tabB).save(design('Work in tab B'));
    expect(openingDesign('', createPlaygroundAutosave(shared, tabA), shared).name).toBe('Work in tab A');
    expect(openingDesign('', createPlaygroundAutosave(shared, tabB), shared).name).toBe('Work in tab B');
    expect(openingDesign('', createPlaygroundAutosave(shared, new MemoryStorage()), shared).name).toBe('Work in tab B');
    // A tab whose own copy is damaged falls back to the shared one.
    const damaged = new MemoryStorage();
    damaged.items.set('archsim.tab.autosave', '{"savedAt":1,"design":{"nodes":"x"}}');
    expect(openingDesign('', createPlaygroundAutosave(shared, damaged), shared).name).toBe('Work in tab B');
  });

  it('opens a link over local work and keeps the work for the banner', () => {
    const storage = new MemoryStorage();
    const save = createPlaygroundAutosave(storage);
    save.save(design('Mine'));
    useUi.getState().setRunLength('forever');
    const opened = openingDesign(`#${encodeDesign(design('Theirs', 250))}`, save, storage);
    expect(opened.name).toBe('Theirs');
    // A link replays the sender's run: Run for is the design's length, not "until paused".
    expect(useUi.getState().runLength).toBe('design');
    expect(usePersistence.getState().kept?.name).toBe('Mine');
    expect(takeKeptDesign(save)?.name).toBe('Mine');
    expect(usePersistence.getState().kept).toBeNull();
  });

  it('keeps the local design on screen when the link is damaged, with an alert saying so', () => {
    const storage = new MemoryStorage();
    const save = createPlaygroundAutosave(storage);
    save.save(design('Mine'));
    const hash = `#${encodeDesign(design('Theirs'))}`;
    const opened = openingDesign(hash.slice(0, -6), save, storage);
    expect(opened.name).toBe('Mine');
    const [alert] = usePersistence.getState().alerts;
    expect(alert.title).toBe('This link could not be opened');
    expect(alert.problems[0]).toMatch(/damaged or incomplete/);
    expect(alert.footer).toMatch(/saved design is on screen/);
  });

  it('reads the first playground autosave key once, so nobody loses work in the switch', () => {
    const storage = new MemoryStorage();
    storage.setItem('archsim.design', JSON.stringify(design('Old key')));
    const save = createPlaygroundAutosave(storage);
    expect(openingDesign('', save, storage).name).toBe('Old key');
    expect(storage.getItem('archsim.design')).toBeNull();
    expect(save.load()).toMatchObject({ status: 'restored', design: { name: 'Old key' } });
  });

  it('a link pasted into an open tab keeps the unsaved work on screen', () => {
    const storage = new MemoryStorage();
    const save = createPlaygroundAutosave(storage);
    const onScreen = design('Unsaved edit', 321);
    useUi.getState().setRunLength('forever');
    expect(designFromLink('#section-2', onScreen, save)).toBeNull();
    expect(useUi.getState().runLength).toBe('forever');
    const incoming = designFromLink(`#${encodeDesign(design('Theirs'))}`, onScreen, save);
    expect(incoming?.name).toBe('Theirs');
    expect(useUi.getState().runLength).toBe('design');
    expect(takeKeptDesign(save)?.nodes[0].params.ratePerSecond).toBe(321);
    expect(designFromLink('#section-2', onScreen, save)).toBeNull();
  });
});

describe('saving', () => {
  it('saves every change after a quiet moment, and reports a full storage once', () => {
    vi.useFakeTimers();
    try {
      const storage = new MemoryStorage();
      const save = createPlaygroundAutosave(storage);
      const store = createDesignStore(design('Mine'));
      const stop = connectAutosave(store, save);
      store.getState().setName('Renamed');
      vi.advanceTimersByTime(1000);
      expect(save.load()).toMatchObject({ status: 'restored', design: { name: 'Renamed' } });
      storage.full = true;
      for (const name of ['a', 'b', 'c']) {
        store.getState().setName(name);
        vi.advanceTimersByTime(1000);
      }
      const alerts = usePersistence.getState().alerts;
      expect(alerts).toHaveLength(1);
      expect(alerts[0].problems[0]).toMatch(/storage for Archsim is full/);
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
