/**
 * The page's side of the batch worker. Each job gets a fresh worker, terminated when it answers.
 * Jobs share nothing but are grouped by kind: a new check stops a check still running (and a
 * new comparison a comparison, a new capacity search a search, a new comparison by capacity a
 * comparison by capacity, a new trace a trace) instead of queueing behind it.
 */
import * as Comlink from 'comlink';
import type { Design, ParamValue } from '../model';
import type { Comparison, Subject } from '../compare/types';
import type { CapacityComparison, VariantCapacityResult } from '../compare/capacity';
import type { CapacityResult, CapacityTarget, LoadPoint } from '../capacity/types';
import type { CheckResult } from '../practice/types';
import type { TraceResult } from '../trace/types';

export interface BatchApi {
  check(design: Design, scenarioId: string): CheckResult;
  compare(design: Design, subject: Subject, values: ParamValue[]): Comparison;
  /** `onPoint` is a `Comlink.proxy`: each run's point reaches the page while the search goes on. */
  capacity(design: Design, target: CapacityTarget, onPoint: (point: LoadPoint) => void): CapacityResult;
  /** A capacity search per value; `onVariant` is a `Comlink.proxy`: each value's reaches the page as it finishes. */
  compareCapacity(
    design: Design,
    subject: Subject,
    values: ParamValue[],
    target: CapacityTarget,
    onVariant: (variant: VariantCapacityResult) => void,
  ): CapacityComparison;
  /** The design replayed with its seed and run length: its slowest requests, a failure and typical ones, followed call by call. */
  traces(design: Design): TraceResult;
}

/** Also the job's name when its worker crashes: "The capacity comparison stopped: …". */
export type BatchKind = 'check' | 'compare' | 'capacity' | 'capacity comparison' | 'trace';
export type BatchWorkerFactory = () => Worker;

const defaultFactory: BatchWorkerFactory = () =>
  new Worker(new URL('./batch.worker.ts', import.meta.url), { type: 'module', name: 'archsim-batch' });

/** Rejected with when a newer job of the same kind, or a cancel, stopped this one. */
export class JobCancelled extends Error {
  constructor() {
    super('The job was stopped.');
  }
}

const running = new Map<BatchKind, { worker: Worker; cancel: () => void }>();

export function cancelJob(kind: BatchKind): void {
  running.get(kind)?.cancel();
  running.delete(kind);
}

export async function runJob<T>(
  kind: BatchKind,
  job: (api: Comlink.Remote<BatchApi>) => Promise<T>,
  factory: BatchWorkerFactory = defaultFactory,
): Promise<T> {
  cancelJob(kind);
  const worker = factory();
  const stopped = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      reject(new Error(`The ${kind} stopped: ${event.message || 'its worker crashed'}.`));
    });
    running.set(kind, { worker, cancel: () => reject(new JobCancelled()) });
  });
  try {
    return await Promise.race([job(Comlink.wrap<BatchApi>(worker)), stopped]);
  } finally {
    worker.terminate();
    if (running.get(kind)?.worker === worker) running.delete(kind);
  }
}
