/**
 * The watchdog: a worker that throws or stops answering is terminated, reported once, and
 * replaced by a fresh one on the next call. The "worker" here is the far end of a
 * MessageChannel running a stand-in API, so Comlink's real messaging is exercised.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RunEvent, SimulationApi } from './protocol';
import type { Snapshot } from '../engine';
import { FakeWorker, workerRunning } from './fakeWorker';
import { SimulationHost } from './host';
import type { Design } from '../model';

interface WorkerState {
  answering: boolean;
  /** The listener the host registered, for tests that speak as the worker. */
  listener?: (event: RunEvent) => void;
  runs?: number;
}

/** A stand-in for the engine's worker API whose ping answers only while `answering`. */
function startWorker(state: WorkerState) {
  const api: Partial<SimulationApi> = {
    listen: (listener) => {
      state.listener = listener;
    },
    load: () => (state.runs = (state.runs ?? 0) + 1),
    play: () => undefined,
    pause: () => undefined,
    reset: () => undefined,
    ping: () => (state.answering ? 1 : (new Promise<number>(() => undefined) as unknown as number)),
  };
  return workerRunning(api);
}

/** Lets channel messages through while fake time moves on, a second at a time. */
async function wait(ms: number) {
  for (let t = 0; t < ms; t += 250) {
    await vi.advanceTimersByTimeAsync(250);
    for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
  }
}

const design = {} as Design;

function setup(state: WorkerState = { answering: true }) {
  const workers: FakeWorker[] = [];
  const crashes: string[] = [];
  /** What reached the page, in order: snapshots by their time, the end, errors. */
  const heard: string[] = [];
  const host = new SimulationHost(
    {
      onSnapshot: (s) => heard.push(`snapshot ${s.timeMs}`),
      onError: (m) => heard.push(`error ${m}`),
      onCrash: (m) => crashes.push(m),
      onFinished: (s) => heard.push(`finished ${s.timeMs}`),
    },
    () => {
      const w = startWorker(state);
      workers.push(w);
      return w as unknown as Worker;
    },
  );
  return { host, workers, crashes, heard, state };
}

const snapshotAt = (timeMs: number) => ({ timeMs }) as Snapshot;

/** Lets the channel's messages through (real timers). */
async function settle() {
  for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
}

describe('run events', () => {
  it('reach the page in the order the worker sent them, the final figures last', async () => {
    const { host, heard, state } = setup();
    await host.load(design);
    await host.play('max');
    const run = state.runs!;
    for (const t of [100, 200, 300]) state.listener!({ run, kind: 'snapshot', snapshot: snapshotAt(t) });
    state.listener!({ run, kind: 'finished', snapshot: snapshotAt(400) });
    await settle();
    expect(heard).toEqual(['snapshot 100', 'snapshot 200', 'snapshot 300', 'finished 400']);
    host.dispose();
  });

  it('from a run the page has moved on from are dropped', async () => {
    const { host, heard, state } = setup();
    await host.load(design);
    const old = state.runs!;
    await host.load(design);
    state.listener!({ run: old, kind: 'snapshot', snapshot: snapshotAt(900) });
    state.listener!({ run: old, kind: 'error', message: 'old trouble' });
    state.listener!({ run: state.runs!, kind: 'snapshot', snapshot: snapshotAt(5) });
    await settle();
    expect(heard).toEqual(['snapshot 5']);
    await host.reset();
    state.listener!({ run: state.runs!, kind: 'snapshot', snapshot: snapshotAt(6) });
    await settle();
    expect(heard).toEqual(['snapshot 5']);
    host.dispose();
  });
});

describe('the worker watchdog', () => {
  afterEach(() => vi.useRealTimers());

  it('leaves a worker that answers its pings alone', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
    const { host, workers, crashes } = setup();
    await host.load(design);
    await host.play('max');
    await wait(20_000);
    expect(crashes).toEqual([]);
    expect(workers).toHaveLength(1);
    expect(workers[0].terminated).toBe(false);
    host.dispose();
  });

  it('terminates a worker that stops answering, reports it once, and starts a fresh one next time', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'performance'] });
    const { host, workers, crashes, state } = setup();
    await host.load(design);
    await host.play('max');
    await wait(3_000);
    expect(crashes).toEqual([]);
    state.answering = false;
    await wait(8_000);
    expect(crashes).toEqual(['The simulation stopped responding and was restarted.']);
    expect(workers[0].terminated).toBe(true);

    state.answering = true;
    await host.load(design);
    expect(workers).toHaveLength(2);
    expect(workers[1].terminated).toBe(false);
    host.dispose();
  });

  it('terminates a worker that throws, with its message, and replaces it on the next call', async () => {
    const { host, workers, crashes } = setup();
    await host.load(design);
    workers[0].dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message: 'out of memory' }));
    expect(crashes).toEqual(['The simulation worker crashed: out of memory.']);
    expect(workers[0].terminated).toBe(true);
    await host.load(design);
    expect(workers).toHaveLength(2);
    host.dispose();
  });
});
