/**
 * The one autosave of the playground, and what the page opens with: a design link in the
 * address bar, else the autosaved design, else the default example. Built on src/share's
 * framework-free autosave (every read goes through restore()); this file adds the browser
 * wiring — the store subscription, pagehide flushes, the link in the address bar — and a small
 * slice the UI reads for the "previous design was kept" banner and persistence alerts.
 *
 * The address bar rule: a design link stays in the address bar only while the design on
 * screen is the one it carries. The first edit removes it (history.replaceState), so a reload
 * shows the edited design from autosave instead of reopening the link over it.
 *
 * A link replays: it opens with Run for set to the design's length (warm-up + duration), so
 * Run gives the sender's figures for that run, bit for bit, as the CLI does.
 */
import { create } from 'zustand';
import { restore, type Design, type Problem } from '../model';
import {
  browserStorage,
  createAutosave,
  designFromHash,
  isDesignHash,
  linkFor,
  tabStorage,
  type Autosave,
  type KeptDesign,
  type StorageLike,
} from '../share';
import type { DesignStore } from './design';
import { defaultDesign } from './examples';
import { useUi } from './ui';

/** The key the first playground autosave used; read once so nobody's work is lost in the switch. */
const LEGACY_KEY = 'archsim.design';

/** What an alert is about: a newer alert of a kind replaces the older, and a success clears it. */
export type AlertKind = 'link' | 'file' | 'storage' | 'unreadable' | 'kept' | 'image';

export interface PersistenceAlert {
  id: number;
  kind: AlertKind;
  title: string;
  problems: string[];
  /** What happened to the design on screen, said after the problems. */
  footer?: string;
}

export interface PersistenceState {
  alerts: PersistenceAlert[];
  /** The design a link replaced, while the banner offers it back. */
  kept: KeptDesign | null;
}

export const usePersistence = create<PersistenceState>()(() => ({ alerts: [], kept: null }));

let alertSeq = 0;

export function raiseAlert(kind: AlertKind, title: string, problems: readonly (Problem | string)[], footer?: string): void {
  const lines = problems.map((p) => (typeof p === 'string' ? p : p.message));
  usePersistence.setState((s) => ({
    alerts: [...s.alerts.filter((a) => a.kind !== kind), { id: ++alertSeq, kind, title, problems: lines, footer }].slice(-3),
  }));
}

/** A link or file that worked makes an older complaint about another one moot. */
export function clearAlerts(kind: AlertKind): void {
  usePersistence.setState((s) => (s.alerts.some((a) => a.kind === kind) ? { alerts: s.alerts.filter((a) => a.kind !== kind) } : s));
}

export function dismissAlert(id: number): void {
  usePersistence.setState((s) => ({ alerts: s.alerts.filter((a) => a.id !== id) }));
}

/** Save failures are reported once each until a save succeeds again, not on every keystroke. */
const reportedSaveFailures = new Set<string>();

function onSaveReport(report: { ok: true } | { ok: false; message: string }): void {
  if (report.ok) {
    reportedSaveFailures.clear();
    return;
  }
  if (reportedSaveFailures.has(report.message)) return;
  reportedSaveFailures.add(report.message);
  raiseAlert('storage', 'Your design is not being saved in this browser', [report.message]);
}

const SAVE_DELAYS = { delayMs: 600, maxWaitMs: 4000 };

/**
 * Every save goes to two places: the browser's shared slot (what a new tab opens, reported
 * when it fails) and this tab's own copy in sessionStorage, which a reload of the tab reads
 * first. So two tabs editing two designs each get their own back on reload, instead of
 * whichever saved last; the banner's kept design lives in the shared slot only.
 */
export function createPlaygroundAutosave(storage: StorageLike | null = browserStorage(), tab: StorageLike | null = tabStorage()): Autosave {
  const shared = createAutosave({ storage, ...SAVE_DELAYS, onSave: onSaveReport });
  if (!tab) return shared;
  const own = createAutosave({ storage: tab, keyPrefix: 'archsim.tab', ...SAVE_DELAYS });
  return {
    ...shared,
    schedule(design) {
      own.schedule(design);
      shared.schedule(design);
    },
    flush() {
      own.flush();
      return shared.flush();
    },
    cancel() {
      own.cancel();
      shared.cancel();
    },
    save(design) {
      own.save(design);
      return shared.save(design);
    },
    load() {
      const mine = own.load();
      return mine.status === 'restored' ? mine : shared.load();
    },
    keepPreviousFor(incoming) {
      own.save(incoming);
      return shared.keepPreviousFor(incoming);
    },
    dispose() {
      own.dispose();
      shared.dispose();
    },
  };
}

export const autosave = createPlaygroundAutosave();

/** The design object on screen that the address bar's link carries, if any. */
let linkedDesign: Design | null = null;

function currentHash(): string {
  return typeof location === 'undefined' ? '' : location.hash;
}

function setAddress(url: string): void {
  try {
    history.replaceState(history.state, '', url);
  } catch {
    // A sandboxed frame may refuse; the link is still in the dialog.
  }
}

/** Drops a design link from the address bar, leaving the rest of the URL alone. */
export function clearLinkFromAddress(): void {
  linkedDesign = null;
  if (typeof location === 'undefined' || !isDesignHash(location.hash)) return;
  setAddress(location.pathname + location.search);
}

/** Puts `design`'s link in the address bar (Share) and returns it. */
export function putLinkInAddress(design: Design): string {
  const url = linkFor(design, location.href);
  setAddress(url);
  linkedDesign = design;
  return url;
}

const LINK_FAILED = 'This link could not be opened';

function legacyDesign(storage: StorageLike | null): Design | null {
  try {
    const text = storage?.getItem(LEGACY_KEY);
    if (!text) return null;
    const result = restore(text);
    return result.ok ? result.design : null;
  } catch {
    return null;
  }
}

/**
 * The design the page starts with. A link wins over local work, which is kept for the banner;
 * a bad link leaves the local work on screen with an alert saying why. Never throws.
 */
export function openingDesign(hash: string = currentHash(), save: Autosave = autosave, storage = browserStorage()): Design {
  const fromLink = designFromHash(hash);
  if (fromLink?.ok) return openedFromLink(fromLink.design, save);
  const local = save.load();
  let design: Design | null = null;
  let footer = 'Archsim opened the example design instead.';
  if (local.status === 'restored') {
    design = local.design;
    footer = 'Your saved design is on screen instead.';
  } else if (local.status === 'unreadable') {
    raiseAlert(
      'unreadable',
      'The design saved in this browser could not be restored',
      local.problems.slice(1).length > 0 ? local.problems.slice(1) : local.problems,
      'It was kept aside, not deleted. Archsim opened the example design instead.',
    );
  } else if (local.status === 'unavailable') {
    onSaveReport({ ok: false, message: local.message });
  } else {
    design = legacyDesign(storage);
    if (design) {
      save.save(design);
      try {
        storage?.removeItem(LEGACY_KEY);
      } catch {
        // Left behind; it is never read again once the new slot holds a design.
      }
    }
  }
  if (fromLink && !fromLink.ok) raiseAlert('link', LINK_FAILED, fromLink.problems, footer);
  return design ?? defaultDesign();
}

/**
 * Opens a design link pasted into an open tab. The work on screen is kept for the banner;
 * returns the link's design to show, or null when the link is bad (an alert says why) or is
 * not a design link at all.
 */
export function designFromLink(hash: string, onScreen: Design, save: Autosave = autosave): Design | null {
  const fromLink = designFromHash(hash);
  if (!fromLink) return null;
  if (!fromLink.ok) {
    raiseAlert('link', LINK_FAILED, fromLink.problems, 'Your design is unchanged.');
    return null;
  }
  clearAlerts('link');
  // The work on screen may not be saved yet: save it now so it is what gets kept.
  save.save(onScreen);
  return openedFromLink(fromLink.design, save);
}

/** A link's design goes on screen: the work it replaces is kept for the banner, and Run replays the link's run. */
function openedFromLink(design: Design, save: Autosave): Design {
  usePersistence.setState({ kept: save.keepPreviousFor(design) });
  linkedDesign = design;
  useUi.getState().setRunLength('design');
  return design;
}

/** The design the banner offers back, taken out of its slot; null (with an alert) if it cannot be. */
export function takeKeptDesign(save: Autosave = autosave): Design | null {
  const result = save.restorePrevious();
  usePersistence.setState({ kept: null });
  if (result.status === 'restored') return result.design;
  if (result.status === 'unreadable') raiseAlert('kept', 'Your previous design could not be restored', result.problems);
  else if (result.status === 'unavailable') raiseAlert('kept', 'Your previous design could not be restored', [result.message]);
  else raiseAlert('kept', 'Your previous design could not be restored', ['It is no longer saved in this browser.']);
  return null;
}

/** The design a link opened over, if one is still kept (the banner may be hidden). */
export function keptDesign(save: Autosave = autosave): KeptDesign | null {
  return save.previous();
}

export function hideKeptBanner(): void {
  usePersistence.setState({ kept: null });
}

/**
 * Saves every change (debounced), flushes when the page is hidden or left, and takes a design
 * link out of the address bar on the first edit. Returns a function that stops all of it.
 */
export function connectAutosave(store: DesignStore, save: Autosave = autosave): () => void {
  const unsubscribe = store.subscribe((state, prev) => {
    if (state.design === prev.design) return;
    save.schedule(state.design);
    if (state.design !== linkedDesign) clearLinkFromAddress();
  });
  if (typeof window === 'undefined') return unsubscribe;
  const flush = () => void save.flush();
  const onVisibility = () => document.visibilityState === 'hidden' && flush();
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', onVisibility);
  return () => {
    unsubscribe();
    window.removeEventListener('pagehide', flush);
    document.removeEventListener('visibilitychange', onVisibility);
  };
}
