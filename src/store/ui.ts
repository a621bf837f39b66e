/** The ui slice: what is selected, transient notices, which panels are open. Never undone. */
import { create } from 'zustand';
import type { FaultAction, Problem } from '../model';

export interface Notice {
  id: number;
  tone: 'error' | 'info';
  message: string;
}

/** `brief` is there while a practice scenario is on, `compare` while a comparison is open. */
export type DockTab = 'charts' | 'faults' | 'findings' | 'capacity' | 'traces' | 'brief' | 'compare';

/** How long Run runs: until paused, or the design's warm-up plus duration (then Finished). */
export type RunLength = 'forever' | 'design';

/** A fault to start the Faults form with (Schedule… in an Inject fault menu). */
export interface FaultDraft {
  target: string;
  action?: FaultAction;
  seq: number;
}

export interface UiState {
  selectedNodes: ReadonlySet<string>;
  selectedEdges: ReadonlySet<string>;
  notices: Notice[];
  /** Problems from the last Run that refused to start; cleared when the design runs. */
  problemsOpen: boolean;
  /** Node to bring into view (a problem was clicked). */
  focusRequest: { id: string; seq: number } | null;
  /** Bumped to put the design in its opening view (a design from a link or a file). */
  viewRequest: number;
  dockTab: DockTab;
  runLength: RunLength;
  faultDraft: FaultDraft | null;
  select: (nodes: Iterable<string>, edges: Iterable<string>) => void;
  clearSelection: () => void;
  notify: (tone: Notice['tone'], message: string) => void;
  dismiss: (id: number) => void;
  setProblemsOpen: (open: boolean) => void;
  focusNode: (id: string) => void;
  showOpeningView: () => void;
  setDockTab: (tab: DockTab) => void;
  setRunLength: (length: RunLength) => void;
  /** Opens the Faults tab with a new fault aimed at `target`. */
  draftFault: (target: string, action?: FaultAction) => void;
}

let noticeSeq = 0;
const EMPTY: ReadonlySet<string> = new Set();

export const useUi = create<UiState>()((set) => ({
  selectedNodes: EMPTY,
  selectedEdges: EMPTY,
  notices: [],
  problemsOpen: false,
  focusRequest: null,
  viewRequest: 0,
  dockTab: 'charts',
  runLength: 'forever',
  faultDraft: null,
  select: (nodes, edges) => set({ selectedNodes: new Set(nodes), selectedEdges: new Set(edges) }),
  clearSelection: () => set({ selectedNodes: EMPTY, selectedEdges: EMPTY }),
  notify: (tone, message) =>
    set((s) => ({
      // One notice per message: a repeated refusal should not stack up.
      notices: [...s.notices.filter((n) => n.message !== message), { id: ++noticeSeq, tone, message }].slice(-4),
    })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  setProblemsOpen: (problemsOpen) => set({ problemsOpen }),
  focusNode: (id) =>
    set((s) => ({
      selectedNodes: new Set([id]),
      selectedEdges: EMPTY,
      focusRequest: { id, seq: (s.focusRequest?.seq ?? 0) + 1 },
    })),
  showOpeningView: () => set((s) => ({ viewRequest: s.viewRequest + 1 })),
  setDockTab: (dockTab) => set({ dockTab }),
  setRunLength: (runLength) => set({ runLength }),
  draftFault: (target, action) =>
    set((s) => ({ dockTab: 'faults', faultDraft: { target, action, seq: (s.faultDraft?.seq ?? 0) + 1 } })),
}));

export type { Problem };
