/**
 * The page's side of the practice worker. Each check gets a fresh worker, terminated when it
 * answers: a check started while another runs stops the older one instead of queueing behind it.
 */
import * as Comlink from 'comlink';
import type { Design } from '../model';
import type { CheckResult } from '../practice/types';

export interface PracticeApi {
  check(design: Design, scenarioId: string): CheckResult;
}

export type PracticeWorkerFactory = () => Worker;

const defaultFactory: PracticeWorkerFactory = () =>
  new Worker(new URL('./practice.worker.ts', import.meta.url), { type: 'module', name: 'archsim-practice' });

/** Thrown (rejected) when a newer check or a cancel stopped this one. */
export class CheckCancelled extends Error {
  constructor() {
    super('The check was stopped.');
  }
}

let current: { worker: Worker; cancel: () => void } | null = null;

export function cancelCheck(): void {
  current?.cancel();
  current = null;
}

export async function checkInWorker(
  design: Design,
  scenarioId: string,
  factory: PracticeWorkerFactory = defaultFactory,
): Promise<CheckResult> {
  cancelCheck();
  const worker = factory();
  const stopped = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      reject(new Error(`The check stopped: ${event.message || 'the practice worker crashed'}.`));
    });
    const mine = { worker, cancel: () => reject(new CheckCancelled()) };
    current = mine;
  });
  try {
    return await Promise.race([Comlink.wrap<PracticeApi>(worker).check(design, scenarioId), stopped]);
  } finally {
    worker.terminate();
    if (current?.worker === worker) current = null;
  }
}
