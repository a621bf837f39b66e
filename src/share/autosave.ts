/**
 * Autosave over any Storage-like object (localStorage in the app, a Map in tests), framework
 * free so the store can call it from a subscription.
 *
 * Two slots: the current design, and the previous one — the work that was on screen when a
 * link replaced it, kept until the person restores or dismisses it ("Your previous design was
 * kept — Restore"). Everything read back goes through restore(). Nothing here throws: storage
 * that is full, blocked or holds garbage comes back as a report the UI can show.
 */
import { restore } from '../model/restore';
import type { Design, Problem } from '../model/types';
import { crc32 } from './bytes';
import { designDocument } from './document';

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type SaveReport = { ok: true; savedAt: number } | { ok: false; message: string };

export type LoadResult =
  | { status: 'empty' }
  | { status: 'restored'; design: Design; savedAt: number | null; warnings: string[] }
  /** The slot held something restore() refused; it was moved aside (see `unreadableKey`), not deleted. */
  | { status: 'unreadable'; problems: Problem[] }
  | { status: 'unavailable'; message: string };

/** What the banner needs to say about the design that was kept. */
export interface KeptDesign {
  name: string;
  savedAt: number | null;
}

export interface AutosaveOptions {
  /** `null` when the browser offers no storage: every save then reports why nothing is saved. */
  storage: StorageLike | null;
  /** Quiet time after the last change before saving. */
  delayMs?: number;
  /** Longest a save waits while changes keep coming (a long drag still gets saved). */
  maxWaitMs?: number;
  keyPrefix?: string;
  /** Called after every save attempt, scheduled or immediate. */
  onSave?: (report: SaveReport) => void;
  now?: () => number;
}

export interface Autosave {
  /** Call on every change of the design; saves after `delayMs` of quiet. */
  schedule(design: Design): void;
  /** Saves a pending change now (call on `pagehide` / `visibilitychange`); null when none was pending. */
  flush(): SaveReport | null;
  /** Forgets a pending change without saving it. */
  cancel(): void;
  /** Saves now. */
  save(design: Design): SaveReport;
  /** The saved design, to show on start-up. */
  load(): LoadResult;
  /**
   * Call when a design arrives from a link, before showing it. Keeps the design saved here in
   * the previous slot (unless it is the same design, or itself an unedited link) and saves the
   * incoming one as current. Returns what the banner should offer, or null for no banner.
   */
  keepPreviousFor(incoming: Design): KeptDesign | null;
  /** The kept design's name and time, or null. */
  previous(): KeptDesign | null;
  /** The kept design, removed from its slot: the UI loads it, and autosave then saves it as current. */
  restorePrevious(): LoadResult;
  discardPrevious(): void;
  /** Cancels the pending save; the object is not used afterwards. */
  dispose(): void;
}

interface StoredRecord {
  savedAt: number;
  design: unknown;
  /** Checksum of the link the design came from, while it is still unedited. */
  linkHash?: number;
}

const UNAVAILABLE =
  'This browser does not let Archsim save your design (its local storage is blocked). Export it as a file to keep it.';
const QUOTA = "Could not save your design: this browser's storage for Archsim is full. Export it as a file to keep it.";
const PAUSED =
  "Autosave is paused so that your previous design is not overwritten: this browser's storage is full. " +
  'Restore or dismiss the previous design, or export this one as a file.';

export function createAutosave(options: AutosaveOptions): Autosave {
  const storage = options.storage;
  const delayMs = options.delayMs ?? 800;
  const maxWaitMs = options.maxWaitMs ?? 5000;
  const prefix = options.keyPrefix ?? 'archsim';
  const keys = {
    current: `${prefix}.autosave`,
    previous: `${prefix}.autosave.previous`,
    unreadable: `${prefix}.autosave.unreadable`,
  };
  const now = options.now ?? Date.now;

  let pending: Design | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstPendingAt = 0;
  /** Set when the current design came from a link and is unedited; cleared by the first different save. */
  let linkHash: number | undefined;
  /** Set when the work on screen before a link could not be moved aside: saving would overwrite it. */
  let paused = false;

  const report = (result: SaveReport): SaveReport => {
    try {
      options.onSave?.(result);
    } catch {
      // A failing listener must not turn a save into an exception.
    }
    return result;
  };

  function write(key: string, record: StoredRecord): SaveReport {
    if (!storage) return { ok: false, message: UNAVAILABLE };
    try {
      storage.setItem(key, JSON.stringify(record));
      return { ok: true, savedAt: record.savedAt };
    } catch (error) {
      return { ok: false, message: isQuotaError(error) ? QUOTA : `Could not save your design (${errorName(error)}). Export it as a file to keep it.` };
    }
  }

  type Read = { kind: 'none' } | { kind: 'record'; record: StoredRecord; raw: string } | { kind: 'unreadable'; problems: Problem[] } | { kind: 'unavailable' };

  function read(key: string): Read {
    if (!storage) return { kind: 'unavailable' };
    let raw: string | null;
    try {
      raw = storage.getItem(key);
    } catch {
      return { kind: 'unavailable' };
    }
    if (raw === null) return { kind: 'none' };
    let record: unknown;
    try {
      record = JSON.parse(raw);
    } catch {
      record = undefined;
    }
    if (!isRecord(record)) {
      return setAside(key, raw, [{ message: 'The design saved in this browser is damaged and could not be restored.' }]);
    }
    return { kind: 'record', record, raw };
  }

  /** Keeps unreadable data under its own key rather than deleting someone's only copy. */
  function setAside(key: string, raw: string, problems: Problem[]): Read {
    try {
      storage?.setItem(keys.unreadable, raw);
      storage?.removeItem(key);
    } catch {
      // Could not move it; leaving it where it is loses nothing.
    }
    return { kind: 'unreadable', problems };
  }

  function restoreSlot(key: string, onRecord?: (record: StoredRecord) => void): LoadResult {
    const slot = read(key);
    if (slot.kind === 'none') return { status: 'empty' };
    if (slot.kind === 'unavailable') return { status: 'unavailable', message: UNAVAILABLE };
    if (slot.kind === 'unreadable') return { status: 'unreadable', problems: slot.problems };
    const result = restore(slot.record.design);
    if (!result.ok) {
      setAside(key, slot.raw, result.problems);
      return {
        status: 'unreadable',
        problems: [{ message: 'The design saved in this browser could not be restored.' }, ...result.problems],
      };
    }
    onRecord?.(slot.record);
    return { status: 'restored', design: result.design, savedAt: slot.record.savedAt, warnings: result.warnings };
  }

  function clearTimer(): void {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  }

  function save(design: Design): SaveReport {
    if (paused) return report({ ok: false, message: PAUSED });
    let fingerprint: number;
    let document: unknown;
    try {
      fingerprint = linkFingerprint(design);
      document = designDocument(design);
    } catch (error) {
      return report({ ok: false, message: `Could not save your design (${errorName(error)}).` });
    }
    if (linkHash !== undefined && linkHash !== fingerprint) linkHash = undefined;
    const record: StoredRecord = { savedAt: now(), design: document };
    if (linkHash !== undefined) record.linkHash = linkHash;
    return report(write(keys.current, record));
  }

  function flush(): SaveReport | null {
    clearTimer();
    if (!pending) return null;
    const design = pending;
    pending = null;
    return save(design);
  }

  function summary(key: string): KeptDesign | null {
    const slot = restoreSlot(key);
    return slot.status === 'restored' ? { name: slot.design.name, savedAt: slot.savedAt } : null;
  }

  return {
    schedule(design) {
      const at = now();
      if (!pending) firstPendingAt = at;
      pending = design;
      clearTimer();
      const wait = Math.max(0, Math.min(delayMs, firstPendingAt + maxWaitMs - at));
      timer = setTimeout(flush, wait);
    },
    flush,
    cancel() {
      clearTimer();
      pending = null;
    },
    save(design) {
      clearTimer();
      pending = null;
      return save(design);
    },
    load() {
      return restoreSlot(keys.current, (record) => (linkHash = record.linkHash));
    },
    keepPreviousFor(incoming) {
      flush();
      const incomingHash = linkFingerprint(incoming);
      const current = read(keys.current);
      let kept: KeptDesign | null = summary(keys.previous);
      if (current.kind === 'record') {
        const restored = restore(current.record.design);
        if (restored.ok) {
          const currentHash = linkFingerprint(restored.design);
          const sameDesign = currentHash === incomingHash;
          const uneditedLink = current.record.linkHash === currentHash;
          if (!sameDesign && !uneditedLink) {
            const moved = write(keys.previous, current.record);
            if (!moved.ok) {
              // Saving the link's design now would overwrite the only copy of the work.
              paused = true;
              report({ ok: false, message: PAUSED });
              return { name: restored.design.name, savedAt: current.record.savedAt };
            }
            kept = { name: restored.design.name, savedAt: current.record.savedAt };
          }
        } else {
          setAside(keys.current, current.raw, restored.problems);
        }
      }
      linkHash = incomingHash;
      save(incoming);
      return kept;
    },
    previous() {
      return summary(keys.previous);
    },
    restorePrevious() {
      const result = restoreSlot(keys.previous);
      if (result.status === 'restored') {
        try {
          storage?.removeItem(keys.previous);
        } catch {
          // It stays kept; nothing is lost.
        }
        paused = false;
        linkHash = undefined;
      }
      return result;
    },
    discardPrevious() {
      try {
        storage?.removeItem(keys.previous);
      } catch {
        return;
      }
      paused = false;
    },
    dispose() {
      clearTimer();
      pending = null;
    },
  };
}

/** localStorage when the browser allows it, otherwise null (it throws in some privacy modes). */
export function browserStorage(): StorageLike | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** sessionStorage (this tab's own, kept across reloads) when the browser allows it, otherwise null. */
export function tabStorage(): StorageLike | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/** Equal for two designs exactly when they make the same link. */
function linkFingerprint(design: Design): number {
  return crc32(new TextEncoder().encode(JSON.stringify(designDocument(design, { compact: true }))));
}

function isRecord(value: unknown): value is StoredRecord {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as StoredRecord).savedAt === 'number' &&
    typeof (value as StoredRecord).design === 'object' &&
    (value as StoredRecord).design !== null &&
    ((value as StoredRecord).linkHash === undefined || typeof (value as StoredRecord).linkHash === 'number')
  );
}

function isQuotaError(error: unknown): boolean {
  if (!(error instanceof Error) && !(typeof DOMException !== 'undefined' && error instanceof DOMException)) return false;
  const { name, code } = error as { name?: string; code?: number };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name || error.message : String(error);
}
