/**
 * Run, Pause, Reset and speed: validates the design through the model, hands it to the
 * worker, folds snapshots into the run slice, and forwards param edits (including undo and
 * redo) to the running simulation.
 */
import { LIMITS, runnable, type Design, type Params, type Problem, type ScheduledFault } from '../model';
import { SimulationHost } from '../worker/host';
import { UNLIMITED, type RunLimits, type RunResults, type Speed } from '../worker/protocol';
import { targetName } from './faults';
import { useDesign } from './index';
import type { Snapshot } from '../engine';
import { changedParams, withEdits, type ParamChange } from './edits';
import { ingest, initialRun, useRun, type RunState } from './run';
import { useUi } from './ui';

let host: SimulationHost | null = null;

/**
 * Snapshots arrive from the worker whenever it posts; folding each one into the store at
 * once would render mid-frame. They are queued and folded together just before the next
 * frame is drawn (or after a short timeout when the tab draws no frames), so the page
 * commits at most once per frame however fast the worker posts.
 */
const FLUSH_FALLBACK_MS = 250;
/**
 * While the person pans, zooms or drags, each commit re-renders badges inside the layer that is
 * moving and costs the frame; figures are folded in twice a second instead of ten times.
 */
const GESTURE_FLUSH_MS = 500;
let pending: Snapshot[] = [];
let frame: number | null = null;
let fallback: ReturnType<typeof setTimeout> | null = null;
let gesture = false;

function flushSnapshots() {
  if (frame !== null) cancelAnimationFrame(frame);
  if (fallback !== null) clearTimeout(fallback);
  frame = null;
  fallback = null;
  const batch = pending;
  pending = [];
  if (batch.length === 0 || useRun.getState().status === 'idle') return;
  useRun.setState((state) => {
    let next: RunState = state;
    for (const snap of batch) next = { ...next, ...ingest(next, snap) };
    return next;
  });
}

function scheduleFlush() {
  if (gesture) {
    fallback ??= setTimeout(flushSnapshots, GESTURE_FLUSH_MS);
    return;
  }
  if (frame === null && typeof requestAnimationFrame === 'function') frame = requestAnimationFrame(flushSnapshots);
  fallback ??= setTimeout(flushSnapshots, FLUSH_FALLBACK_MS);
}

function queueSnapshot(snap: Snapshot) {
  pending.push(snap);
  scheduleFlush();
}

/** The canvas is being panned, zoomed or dragged (true), or has come to rest (false). */
export function setGesture(active: boolean): void {
  if (gesture === active) return;
  gesture = active;
  // At rest again: what waited is shown on the next frame.
  if (!active && pending.length > 0) {
    if (fallback !== null) clearTimeout(fallback);
    fallback = null;
    scheduleFlush();
  }
}

/** Whether a pan, zoom or drag is under way (other live views may wait for it to end). */
export function gestureActive(): boolean {
  return gesture;
}

function dropSnapshots() {
  pending = [];
  flushSnapshots();
}
/** What the worker is simulating: wiring signature and the params last sent per id. */
let loaded: {
  signature: string;
  nodeParams: Map<string, Params>;
  edgeParams: Map<string, Params>;
  faults: Design['faults'];
} | null = null;

function getHost(): SimulationHost {
  host ??= new SimulationHost({
    onSnapshot: (snap) => {
      const status = useRun.getState().status;
      // Paused: the figures at the moment of pausing (or of a fault injected while paused).
      if (status === 'running' || status === 'paused') queueSnapshot(snap);
    },
    onError: (message) => {
      loaded = null;
      useRun.setState({ status: 'idle', error: `The simulation stopped: ${message}` });
    },
    onCrash: (message) => {
      loaded = null;
      useRun.setState({ status: 'idle', error: `${message} Your design is unchanged; press Run to start again.` });
    },
    onFinished: (snap) => {
      if (useRun.getState().status !== 'running') return;
      // Fold what is still queued, then the final figures, then say so.
      queueSnapshot(snap);
      flushSnapshots();
      useRun.setState({ status: 'finished' });
    },
  });
  return host;
}

/** Node ids, edge ends and the seed: what a live edit cannot change in a running simulation. */
export function wiringSignature(design: Design): string {
  return JSON.stringify([design.seed, design.nodes.map((n) => [n.id, n.kind]), design.edges.map((e) => [e.id, e.source, e.target])]);
}

/** The problems that stop a design from running, or none. */
export function runProblems(design: Design): { problems: Problem[]; design: Design | null } {
  const checked = runnable(design);
  return checked.ok ? { problems: [], design: checked.design } : { problems: checked.problems, design: null };
}

const sameExcept = (a: object, b: object, key: string) => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => k === key || a[k as keyof typeof a] === b[k as keyof typeof b]);
};
const withinLimits = (p: { x: number; y: number }) => Math.abs(p.x) <= LIMITS.maxCoordinate && Math.abs(p.y) <= LIMITS.maxCoordinate;

/**
 * Whether `next` is `prev` with nodes moved and nothing else changed: no problem depends on
 * where a node is, except one placed beyond the coordinate limit (then this says no).
 */
export function onlyMoved(prev: Design, next: Design): boolean {
  if (!sameExcept(prev, next, 'nodes') || prev.nodes.length !== next.nodes.length) return false;
  return next.nodes.every((node, i) => {
    const before = prev.nodes[i];
    if (node === before) return true;
    return sameExcept(before, node, 'position') && withinLimits(before.position) && withinLimits(node.position);
  });
}

let lastChecked: { design: Design; problems: Problem[] } | null = null;

/**
 * runProblems' problems for the Problems panel, kept while only positions change: a drag moves
 * nodes every frame, and checking a 1,000-node design takes ~13 ms, a whole frame.
 */
export function problemsOf(design: Design): Problem[] {
  if (lastChecked === null || !onlyMoved(lastChecked.design, design)) {
    lastChecked = { design, problems: runProblems(design).problems };
  } else lastChecked.design = design;
  return lastChecked.problems;
}

/**
 * A run of the design as it is under other conditions — a practice check's seed, length and
 * faults in place of the design's own — without changing the design. Always starts afresh.
 */
export interface RunVariant {
  seed: number;
  warmupS: number;
  durationS: number;
  faults: ScheduledFault[];
}

export async function run(variant?: RunVariant): Promise<void> {
  const state = useRun.getState();
  if (state.status === 'running' || state.status === 'starting') return;
  const current = useDesign.getState().design;
  if (!variant && state.status === 'paused' && loaded && loaded.signature === wiringSignature(current)) {
    useRun.setState({ status: 'running', error: null });
    await getHost().play(useRun.getState().speed);
    return;
  }
  const { problems, design: restored } = runProblems(current);
  if (!restored || problems.length > 0) {
    useUi.getState().setProblemsOpen(true);
    const count = problems.length === 1 ? 'one problem' : `${problems.length} problems`;
    useRun.setState({ status: 'idle', error: `Run needs ${count} fixed first; see Problems.` });
    return;
  }
  useUi.getState().setProblemsOpen(false);
  const design: Design = variant
    ? { ...restored, seed: variant.seed, faults: [...variant.faults].sort((a, b) => a.atS - b.atS) }
    : restored;
  const limits: RunLimits = variant
    ? { warmupMs: variant.warmupS * 1000, endMs: (variant.warmupS + variant.durationS) * 1000 }
    : runLimits(design);
  dropSnapshots();
  useRun.setState({ ...initialRun, speed: state.speed, status: 'starting', nodeIds: design.nodes.map((n) => n.id) });
  const worker = getHost();
  try {
    await worker.load(design, limits);
  } catch (error) {
    loaded = null;
    useRun.setState({ status: 'idle', error: error instanceof Error ? error.message : String(error) });
    return;
  }
  loaded = {
    signature: wiringSignature(current),
    nodeParams: new Map(current.nodes.map((n) => [n.id, n.params])),
    edgeParams: new Map(current.edges.map((e) => [e.id, e.params])),
    faults: current.faults,
  };
  if (useRun.getState().status !== 'starting') return; // reset while loading
  useRun.setState({ status: 'running' });
  await worker.play(useRun.getState().speed);
}

export async function pause(): Promise<void> {
  if (useRun.getState().status !== 'running' || !host) return;
  useRun.setState({ status: 'paused' });
  await host.pause();
}

export async function reset(): Promise<void> {
  loaded = null;
  dropSnapshots();
  useRun.setState({ ...initialRun, speed: useRun.getState().speed });
  await host?.reset();
}

/** The current run's figures so far, whole, from the worker; null when nothing has run. */
export async function runResults(): Promise<RunResults | null> {
  if (useRun.getState().status === 'idle' || !host) return null;
  return host.results();
}

export async function setSpeed(speed: Speed): Promise<void> {
  useRun.setState({ speed });
  if (useRun.getState().status === 'running') await host?.setSpeed(speed);
}

/** The Run for setting as the worker's limits: until paused, or the design's warm-up + duration. */
export function runLimits(design: Design): RunLimits {
  if (useUi.getState().runLength !== 'design') return UNLIMITED;
  const warmupMs = design.run.warmupS * 1000;
  return { warmupMs, endMs: warmupMs + design.run.durationS * 1000 };
}

/**
 * Breaks something in the running (or paused) simulation now. Returns why it could not, or
 * null. While paused, the figures are refreshed at once so the canvas shows the fault.
 */
export async function injectFault(fault: Omit<ScheduledFault, 'atS'>): Promise<string | null> {
  const status = useRun.getState().status;
  if (!host || !loaded || (status !== 'running' && status !== 'paused')) return 'Run the design to inject faults live.';
  const known = loaded.nodeParams.has(fault.target) || loaded.edgeParams.has(fault.target);
  const name = targetName(useDesign.getState().design, fault.target);
  if (!known) return `${name} was added after Run: press Reset, then Run, to break it live.`;
  const atS = (useRun.getState().snapshot?.timeMs ?? 0) / 1000;
  try {
    const applied = await host.injectFault({ ...fault, atS });
    return applied ? null : `That fault does not apply to ${name}.`;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Sends changed params to the worker; flags the run stale when the wiring changed. */
function syncLiveEdits(design: Design) {
  if (!loaded || !host) return;
  const status = useRun.getState().status;
  if (status !== 'running' && status !== 'paused') return;
  const stale = wiringSignature(design) !== loaded.signature;
  if (stale !== useRun.getState().stale) useRun.setState({ stale });
  const faultsStale = design.faults !== loaded.faults && JSON.stringify(design.faults) !== JSON.stringify(loaded.faults);
  if (faultsStale !== useRun.getState().faultsStale) useRun.setState({ faultsStale });
  const run = loaded;
  for (const node of design.nodes) {
    const sent = run.nodeParams.get(node.id);
    if (sent && sent !== node.params) {
      run.nodeParams.set(node.id, node.params);
      const changes = changedParams(sent, node.params);
      void host.setNodeParams(node.id, node.params).then((ms) => noteEdits(run, node.id, changes, ms));
    }
  }
  for (const edge of design.edges) {
    const sent = run.edgeParams.get(edge.id);
    if (sent && sent !== edge.params) {
      run.edgeParams.set(edge.id, edge.params);
      const changes = changedParams(sent, edge.params);
      void host.setEdgeParams(edge.id, edge.params).then((ms) => noteEdits(run, edge.id, changes, ms));
    }
  }
}

/** Keeps the changes for the charts, at the simulated time the worker applied them (same run only). */
function noteEdits(run: typeof loaded, target: string, changes: ParamChange[], atMs: number | null) {
  if (run !== loaded || atMs === null || changes.length === 0) return;
  const edits = changes.map((change) => ({ tS: atMs / 1000, target, ...change }));
  useRun.setState((state) => ({ edits: withEdits(state.edits, edits) }));
}

useDesign.subscribe((state, prev) => {
  if (state.design === prev.design) return;
  syncLiveEdits(state.design);
  // A refusal or failure is about the design as it was; once it is edited the message is stale.
  const run = useRun.getState();
  if (run.status === 'idle' && run.error) useRun.setState({ error: null });
});
