/**
 * The Web Worker that runs the engine. It advances the simulation in short slices so that
 * messages (pause, live param changes, pings) are answered between slices, paces simulated
 * time against the wall clock for real time and ×10, and posts a snapshot about ten times a
 * second. Nothing here knows about React.
 */
import * as Comlink from 'comlink';
import { Simulation, snapshot, type Snapshot } from '../engine';
import type { Design, Params } from '../model';
import { SPEED_FACTORS, type SimulationApi, type Speed } from './protocol';

const PACED_SLICE_MS = 12;
const FAST_SLICE_MS = 40;
const POST_EVERY_MS = 100;

let sim: Simulation | null = null;
let cursor = 0;
let running = false;
let speed: Speed = 'realtime';
let baseWall = 0;
let baseSim = 0;
let lastPost = 0;
let sendSnapshot: ((s: Snapshot) => void) | null = null;
let sendError: ((message: string) => void) | null = null;
let generation = 0;

// A MessageChannel yields to the event loop without setTimeout's 4 ms clamp.
const channel = new MessageChannel();
channel.port1.onmessage = () => tick();
const yieldThenTick = () => channel.port2.postMessage(null);

function rebase() {
  baseWall = performance.now();
  baseSim = sim?.now ?? 0;
}

/**
 * At full speed thousands of simulated seconds pass between two posts; each window carries
 * per-node arrays, so sending them all would swamp the page. Keep an even sample instead.
 */
const MAX_WINDOWS_PER_POST = 30;

function thin<T>(items: T[], most: number): T[] {
  if (items.length <= most) return items;
  const step = items.length / most;
  const out: T[] = [];
  for (let i = 1; i <= most; i++) out.push(items[Math.ceil(i * step) - 1]);
  return out;
}

function take(): Snapshot | null {
  if (!sim) return null;
  const snap = snapshot(sim, cursor);
  cursor = snap.cursor;
  snap.windows = thin(snap.windows, MAX_WINDOWS_PER_POST);
  return snap;
}

function tick() {
  if (!running || !sim) return;
  const mine = generation;
  try {
    if (speed === 'max') {
      sim.runFor(FAST_SLICE_MS, Infinity);
    } else {
      const factor = SPEED_FACTORS[speed];
      const target = baseSim + (performance.now() - baseWall) * factor;
      const reached = sim.runFor(PACED_SLICE_MS, target);
      // A design too heavy for real time runs as fast as it can rather than piling up debt.
      if (!reached && target - sim.now > 1000 * factor) rebase();
    }
    const now = performance.now();
    if (now - lastPost >= POST_EVERY_MS) {
      lastPost = now;
      const snap = take();
      if (snap) sendSnapshot?.(snap);
    }
  } catch (error) {
    running = false;
    sendError?.(error instanceof Error ? error.message : String(error));
    return;
  }
  if (mine !== generation) return;
  if (speed === 'max') yieldThenTick();
  else setTimeout(tick, 4);
}

const api: SimulationApi = {
  load(design: Design) {
    generation++;
    running = false;
    sim = null;
    cursor = 0;
    // Figures count from the first request: the playground shows everything live.
    sim = new Simulation(design, { warmupMs: 0, windowMs: 1000 });
  },
  play(nextSpeed, onSnapshot, onError) {
    if (!sim) throw new Error('Nothing is loaded.');
    sendSnapshot = onSnapshot;
    sendError = onError;
    speed = nextSpeed;
    running = true;
    generation++;
    rebase();
    lastPost = 0;
    tick();
  },
  setSpeed(nextSpeed) {
    const wasMax = speed === 'max';
    speed = nextSpeed;
    rebase();
    if (running && wasMax !== (speed === 'max')) {
      generation++;
      tick();
    }
  },
  pause() {
    running = false;
    generation++;
    return take();
  },
  setNodeParams(id: string, params: Params) {
    sim?.setNodeParams(id, params);
  },
  setEdgeParams(id: string, params: Params) {
    sim?.setEdgeParams(id, params);
  },
  reset() {
    running = false;
    generation++;
    sim = null;
    cursor = 0;
  },
  ping() {
    return sim?.now ?? 0;
  },
};

Comlink.expose(api);
