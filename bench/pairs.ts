/**
 * The engine's speed beside a bare heap loop, measured the same way wherever it runs: in Node
 * (`npm run bench`) and in Chromium's Web Worker (`npm run bench:browser`).
 */
import { EventQueue } from '../src/engine/eventQueue';
import { RandomStream } from '../src/engine/random';
import { runDesign } from '../src/engine/run';
import { balancedPool, singleStation } from '../src/engine/testSupport';

/**
 * The V8 flags `npm run sim` and the engine benches give Node (package.json). The engine's
 * request path is many small functions; Node 20's V8 stops inlining into an optimised function
 * after 920 bytes of inlined bytecode, which leaves that path split into calls. Twice the budget
 * keeps it whole (M/M/4: ~36 % → ~42 % of the heap loop's rate). Chromium's V8 needs no flag.
 */
export const runnerFlags = () => process.execArgv.filter((flag) => flag.startsWith('--max-inlined'));

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function timed(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** The classic "hold" model's event list: `pending` events at random times. */
export function holdQueue(pending: number): { queue: EventQueue; rng: RandomStream } {
  const queue = new EventQueue();
  const rng = new RandomStream(1, 'bench');
  for (let i = 0; i < pending; i++) queue.push(rng.exponential(1), i);
  return { queue, rng };
}

/**
 * The hold model itself: pop the earliest event, push one a random time later, `operations`
 * times. Returns the sum of the payloads, so the loop cannot be optimised away.
 */
export function hold(queue: EventQueue, rng: RandomStream, operations: number): number {
  let sink = 0;
  for (let i = 0; i < operations; i++) {
    const payload = queue.pop();
    sink += payload;
    queue.push(queue.poppedTime + rng.exponential(1), payload);
  }
  return sink;
}

/** The bare heap loop's rate in events per wall second. */
export function bareHeapLoop(pending: number, operations: number): number {
  const { queue, rng } = holdQueue(pending);
  let sink = 0;
  const ms = timed(() => {
    sink = hold(queue, rng, operations);
  });
  if (sink === -1) console.log(sink);
  return (operations / ms) * 1000;
}

export interface EngineFigures {
  eventsPerS: number;
  requestsPerS: number;
  wallMs: number;
  requests: number;
  events: number;
}

export function engineRun(design: Parameters<typeof runDesign>[0], durationS: number): EngineFigures {
  const s = runDesign(design, { durationS, warmupS: 0 });
  return {
    eventsPerS: (s.events / s.wallMs) * 1000,
    requestsPerS: (s.endToEnd.sent / s.wallMs) * 1000,
    wallMs: s.wallMs,
    requests: s.endToEnd.sent,
    events: s.events,
  };
}

export function medianOf(figures: EngineFigures[]): EngineFigures {
  return {
    eventsPerS: median(figures.map((f) => f.eventsPerS)),
    requestsPerS: median(figures.map((f) => f.requestsPerS)),
    wallMs: median(figures.map((f) => f.wallMs)),
    requests: figures[0].requests,
    events: figures[0].events,
  };
}

/** M/M/4 at ρ = 0.8: 3,200 req/s onto 4 workers of 1 ms mean service. */
export const mm4 = () => singleStation(3200, { workers: 4, serviceTimeMs: 1 });
/** 10,000 req/s through a balancer to 8 servers of 4 workers each. */
export const pool = (algorithm = 'roundRobin') => balancedPool(10_000, algorithm, 8, { workers: 4, serviceTimeMs: 2 });

/** Runs every measured path once, so the JIT has optimised them before anything is timed. */
export function warmUp(): void {
  bareHeapLoop(8, 2_000_000);
  engineRun(mm4(), 100);
  engineRun(pool(), 10);
}

export interface PairedFigures {
  heap: number;
  mm4: EngineFigures;
  /** M/M/4 events/s over the heap loop's, per pair. */
  ratios: number[];
  ratio: number;
}

/**
 * The machine's speed drifts by tens of percent between seconds (a shared VM), so each M/M/4
 * run is paired with a heap loop just before it and the ratio is taken within the pair.
 */
export function pairedHeapAndMm4(repeats: number): PairedFigures {
  const heaps: number[] = [];
  const runs: EngineFigures[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < repeats; i++) {
    heaps.push(bareHeapLoop(8, 10_000_000));
    runs.push(engineRun(mm4(), 1000));
    ratios.push(runs[i].eventsPerS / heaps[i]);
  }
  return { heap: median(heaps), mm4: medianOf(runs), ratios, ratio: median(ratios) };
}
