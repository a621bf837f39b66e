/**
 * The page's side of the worker: starts it, forwards calls through Comlink, and watches it.
 * A worker that throws at top level, or stops answering pings, is terminated and replaced;
 * the caller hears about it once through `onCrash` and the design is never touched.
 */
import * as Comlink from 'comlink';
import type { Snapshot } from '../engine';
import type { Design, Params, ScheduledFault } from '../model';
import type { RunEvent, RunLimits, RunResults, SimulationApi, Speed } from './protocol';

const PING_EVERY_MS = 1000;
const HUNG_AFTER_MS = 5000;

export interface HostCallbacks {
  onSnapshot: (snapshot: Snapshot) => void;
  onError: (message: string) => void;
  onCrash: (message: string) => void;
  /** A fixed-length run reached its end; the final figures, after every earlier snapshot. */
  onFinished?: (snapshot: Snapshot) => void;
}

export type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module', name: 'archsim-simulation' });

export class SimulationHost {
  private worker: Worker | null = null;
  private api: Comlink.Remote<SimulationApi> | null = null;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private lastAnswer = 0;
  private pingInFlight = false;
  /** The run whose events are passed on: the one the last load started. */
  private run = 0;

  constructor(
    private readonly callbacks: HostCallbacks,
    private readonly factory: WorkerFactory = defaultFactory,
  ) {}

  private ensure(): Comlink.Remote<SimulationApi> {
    if (this.api) return this.api;
    const worker = this.factory();
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      this.crash(`The simulation worker crashed${event.message ? `: ${event.message}` : ''}.`);
    });
    this.worker = worker;
    this.api = Comlink.wrap<SimulationApi>(worker);
    // Sent before any load on the same port, so the worker has it before it can run.
    void this.api.listen(Comlink.proxy((event: RunEvent) => this.receive(event)));
    return this.api;
  }

  private receive(event: RunEvent) {
    if (event.run !== this.run) return;
    if (event.kind === 'snapshot') this.callbacks.onSnapshot(event.snapshot);
    else if (event.kind === 'error') this.callbacks.onError(event.message);
    else {
      this.stopWatchdog();
      this.callbacks.onFinished?.(event.snapshot);
    }
  }

  private crash(message: string) {
    this.dispose();
    this.callbacks.onCrash(message);
  }

  /** Loads a design; rejects with the engine's own message when it cannot simulate it. */
  async load(design: Design, limits?: RunLimits): Promise<void> {
    this.run = 0; // nothing from the previous run is wanted from here on
    this.run = await this.ensure().load(design, limits);
  }

  async play(speed: Speed): Promise<void> {
    await this.ensure().play(speed);
    this.startWatchdog();
  }

  async setSpeed(speed: Speed): Promise<void> {
    await this.api?.setSpeed(speed);
  }

  /** Stops the clock; the latest figures arrive through onSnapshot. */
  async pause(): Promise<void> {
    this.stopWatchdog();
    await this.api?.pause();
  }

  /** The simulated time (ms) the params applied at; null when nothing is running. */
  async setNodeParams(id: string, params: Params): Promise<number | null> {
    return (await this.api?.setNodeParams(id, params)) ?? null;
  }

  async setEdgeParams(id: string, params: Params): Promise<number | null> {
    return (await this.api?.setEdgeParams(id, params)) ?? null;
  }

  /**
   * True when applied; rejects with the engine's message when the target is not in the
   * running design. While paused, the figures that show it arrive through onSnapshot.
   */
  async injectFault(fault: ScheduledFault): Promise<boolean> {
    if (!this.api) throw new Error('Nothing is running.');
    return this.api.injectFault(fault);
  }

  /** The loaded run's figures so far, whole; null when nothing is loaded. */
  async results(): Promise<RunResults | null> {
    return (await this.api?.results()) ?? null;
  }

  async reset(): Promise<void> {
    this.stopWatchdog();
    this.run = 0;
    await this.api?.reset();
  }

  private startWatchdog() {
    this.stopWatchdog();
    this.lastAnswer = performance.now();
    this.watchdog = setInterval(() => {
      const api = this.api;
      if (!api) return;
      if (performance.now() - this.lastAnswer > HUNG_AFTER_MS) {
        this.crash('The simulation stopped responding and was restarted.');
        return;
      }
      if (this.pingInFlight) return;
      this.pingInFlight = true;
      api.ping().then(
        () => {
          this.pingInFlight = false;
          this.lastAnswer = performance.now();
        },
        () => {
          this.pingInFlight = false;
        },
      );
    }, PING_EVERY_MS);
  }

  private stopWatchdog() {
    if (this.watchdog !== null) clearInterval(this.watchdog);
    this.watchdog = null;
    this.pingInFlight = false;
  }

  dispose() {
    this.stopWatchdog();
    this.run = 0;
    this.api?.[Comlink.releaseProxy]();
    this.worker?.terminate();
    this.api = null;
    this.worker = null;
  }
}
