/**
 * The Web Worker that runs the engine. It advances the simulation in short slices so that
 * messages (pause, live param changes, pings) are answered between slices, paces simulated
 * time against the wall clock for real time and ×10, and posts a snapshot about ten times a
 * second. Nothing here knows about React.
 */
import * as Comlink from 'comlink';
import { Simulation, snapshot, summarize, type Snapshot } from '../engine';
import type { Design, Params, ScheduledFault } from '../model';
import { leanSnapshot } from './lean';
import { SPEED_FACTORS, UNLIMITED, type RunEvent, type RunLimits, type RunResults, type SimulationApi, type Speed } from './protocol';

const PACED_SLICE_MS = 12;
/**
 * Full speed is not 100 % of a core: on a two-core machine a worker that never sleeps leaves
 * the page's main, compositor and raster threads one core between them, and panning drops
 * frames. Each 24 ms slice is followed by a 6 ms rest (80 % duty), and slices stay short so
 * pause, live edits and pings are answered within a frame or two.
 */
const FAST_SLICE_MS = 24;
const FAST_REST_MS = 6;
const POST_EVERY_MS = 100;

let sim: Simulation | null = null;
let cursor = 0;
let running = false;
let speed: Speed = 'realtime';
let baseWall = 0;
let baseSim = 0;
let lastPost = 0;
let listener: ((event: RunEvent) => void) | null = null;
/** The id of the loaded run, carried by every event so the page can drop a previous run's. */
let runId = 0;
let generation = 0;
/** Where the run stops (simulated ms), or Infinity when it runs until paused. */
let endMs = Infinity;
/** Wall time spent inside the engine on this run (the results' wallMs, as the runner times it). */
let engineMs = 0;

// A MessageChannel yields to the event loop without setTimeout's 4 ms clamp.
const channel = new MessageChannel();
// Each scheduled tick carries the generation it belongs to: after a pause and a play, a tick
// scheduled by the old loop must not start a second one.
channel.port1.onmessage = (event: MessageEvent<number>) => {
  if (event.data === generation) tick();
};
const yieldThenTick = () => channel.port2.postMessage(generation);
let sliceStart = 0;
/** Yields at once (answering messages) until FAST_SLICE_MS of work is done, then rests. */
function restThenTick() {
  if (performance.now() - sliceStart < FAST_SLICE_MS) {
    yieldThenTick();
    return;
  }
  const mine = generation;
  setTimeout(() => {
    if (mine !== generation) return;
    sliceStart = performance.now();
    tick();
  }, FAST_REST_MS);
}

function rebase() {
  baseWall = performance.now();
  baseSim = sim?.now ?? 0;
}

/**
 * At full speed thousands of simulated seconds pass between two posts; each window carries
 * per-node arrays, so sending them all would swamp the page. Keep an even sample instead,
 * lean (see lean.ts).
 */
const MAX_WINDOWS_PER_POST = 30;

function take(): Snapshot | null {
  if (!sim) return null;
  const snap = snapshot(sim, cursor);
  cursor = snap.cursor;
  return leanSnapshot(snap, MAX_WINDOWS_PER_POST);
}

function post(kind: 'snapshot' | 'finished') {
  const snap = take();
  if (snap) listener?.({ run: runId, kind, snapshot: snap });
}

function tick() {
  if (!running || !sim) return;
  const mine = generation;
  const started = performance.now();
  try {
    if (speed === 'max') {
      sim.runFor(Math.max(4, FAST_SLICE_MS - (performance.now() - sliceStart)), endMs);
    } else {
      const factor = SPEED_FACTORS[speed];
      const target = baseSim + (performance.now() - baseWall) * factor;
      const reached = sim.runFor(PACED_SLICE_MS, Math.min(target, endMs));
      // A design too heavy for real time runs as fast as it can rather than piling up debt.
      if (!reached && target - sim.now > 1000 * factor) rebase();
    }
    engineMs += performance.now() - started;
    if (sim.now >= endMs) {
      // The end of a fixed-length run: stop here, exactly, and hand over the final figures.
      running = false;
      generation++;
      post('finished');
      return;
    }
    const now = performance.now();
    if (now - lastPost >= POST_EVERY_MS) {
      lastPost = now;
      post('snapshot');
    }
  } catch (error) {
    running = false;
    listener?.({ run: runId, kind: 'error', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  if (mine !== generation) return;
  if (speed === 'max') restThenTick();
  else
    setTimeout(() => {
      if (mine === generation) tick();
    }, 4);
}

const api: SimulationApi = {
  listen(next) {
    listener = next;
  },
  load(design: Design, limits: RunLimits = UNLIMITED) {
    generation++;
    running = false;
    sim = null;
    cursor = 0;
    // By default figures count from the first request (the playground shows everything live);
    // a fixed-length run measures after its warm-up, as the CLI does, and stops at its end.
    sim = new Simulation(design, { warmupMs: limits.warmupMs, windowMs: 1000 });
    endMs = limits.endMs ?? Infinity;
    engineMs = 0;
    return ++runId;
  },
  play(nextSpeed) {
    if (!sim) throw new Error('Nothing is loaded.');
    speed = nextSpeed;
    running = true;
    generation++;
    rebase();
    lastPost = 0;
    sliceStart = performance.now();
    tick();
  },
  setSpeed(nextSpeed) {
    const wasMax = speed === 'max';
    speed = nextSpeed;
    rebase();
    if (running && wasMax !== (speed === 'max')) {
      generation++;
      sliceStart = performance.now();
      tick();
    }
  },
  pause() {
    running = false;
    generation++;
    post('snapshot');
  },
  setNodeParams(id: string, params: Params) {
    if (!sim) return null;
    sim.setNodeParams(id, params);
    return sim.now;
  },
  setEdgeParams(id: string, params: Params) {
    if (!sim) return null;
    sim.setEdgeParams(id, params);
    return sim.now;
  },
  injectFault(fault: ScheduledFault) {
    if (!sim) throw new Error('Nothing is running.');
    const applied = sim.injectFault(fault);
    // While paused no snapshot would follow; while running the next post shows the fault.
    if (applied && !running) post('snapshot');
    return applied;
  },
  results(): RunResults | null {
    if (!sim) return null;
    return { summary: summarize(sim, engineMs), series: sim.series.since(0) };
  },
  reset() {
    running = false;
    generation++;
    sim = null;
    cursor = 0;
    endMs = Infinity;
  },
  ping() {
    return sim?.now ?? 0;
  },
};

Comlink.expose(api);
