/**
 * Batch jobs: each runs in a worker of its own, terminated when it answers; a newer job of the
 * same kind stops an older one, and a crash rejects with a message. The "worker" is the far end
 * of a MessageChannel running the real batch API (checks, comparisons, capacity searches, a
 * capacity search per value, traces), so Comlink's real messaging is exercised.
 */
import * as Comlink from 'comlink';
import { describe, expect, it, vi } from 'vitest';
import { findCapacity } from '../capacity/capacity';
import { DEFAULT_TARGET, type CapacityResult, type LoadPoint } from '../capacity/types';
import { compareValues } from '../compare/compare';
import { compareCapacity, type CapacityComparison, type VariantCapacityResult } from '../compare/capacity';
import { singleStation } from '../engine/testSupport';
import type { CheckResult } from '../practice/types';
import { findTraces } from '../trace/traces';
import type { TraceResult } from '../trace/types';
import { JobCancelled, runJob, type BatchApi } from './batchHost';
import { workerRunning } from './fakeWorker';

const startWorker = (api: Partial<BatchApi>) => workerRunning(api);

const design = singleStation(50, {});

describe('batch jobs', () => {
  it('answer from a worker of their own, terminated afterwards', async () => {
    const worker = startWorker({ compare: (d, subject, values) => compareValues(d, subject, values) });
    const result = await runJob('compare', (api) => api.compare(design, { target: 'app', key: 'workers' }, [1, 2]), () => worker as unknown as Worker);
    expect(result.variants.map((v) => v.value)).toEqual([1, 2]);
    expect(worker.terminated).toBe(true);
  });

  it('stop an older job of the same kind, not one of another kind', async () => {
    let releaseCheck = () => {};
    const never = () => new Promise<never>(() => undefined) as never;
    const slow = startWorker({ compare: never });
    const check = startWorker({ check: () => new Promise((resolve) => (releaseCheck = () => resolve({ ok: false, problems: ['x'] }))) as never });
    const first = runJob('compare', (api) => api.compare(design, { target: 'app', key: 'workers' }, [1]), () => slow as unknown as Worker);
    const other = runJob<CheckResult>('check', (api) => api.check(design, 'scale-out') as Promise<CheckResult>, () => check as unknown as Worker);
    const second = runJob('compare', (api) => api.compare(design, { target: 'app', key: 'workers' }, [2]), () =>
      startWorker({ compare: (d, s, v) => compareValues(d, s, v) }) as unknown as Worker,
    );
    await expect(first).rejects.toBeInstanceOf(JobCancelled);
    expect(slow.terminated).toBe(true);
    expect((await second).variants[0].value).toBe(2);
    releaseCheck();
    expect(await other).toEqual({ ok: false, problems: ['x'] });
  });

  it('stream each run of a capacity search to the page through a proxied callback', async () => {
    const worker = startWorker({ capacity: (d, target, onPoint) => findCapacity(d, target, onPoint) });
    const streamed: LoadPoint[] = [];
    const result = await runJob<CapacityResult>('capacity', (api) => api.capacity(design, DEFAULT_TARGET, Comlink.proxy((p: LoadPoint) => streamed.push(p))), () => worker as unknown as Worker);
    if (!result.ok) throw new Error(result.problem);
    expect(result.points.length).toBeGreaterThan(2);
    // The points come over a channel of their own: the last may land just after the answer.
    await vi.waitFor(() => expect([...streamed].sort((a, b) => a.scale - b.scale)).toEqual(result.points));
  });

  it('stream each value’s capacity to the page as its search finishes', async () => {
    const worker = startWorker({ compareCapacity: (d, subject, values, target, onVariant) => compareCapacity(d, subject, values, target, onVariant) });
    const streamed: VariantCapacityResult[] = [];
    const result = await runJob<CapacityComparison>(
      'capacity comparison',
      (api) => api.compareCapacity(design, { target: 'app', key: 'workers' }, [1, 2], DEFAULT_TARGET, Comlink.proxy((v: VariantCapacityResult) => streamed.push(v))),
      () => worker as unknown as Worker,
    );
    expect(result.variants.map((v) => v.value)).toEqual([1, 2]);
    await vi.waitFor(() => expect(streamed).toEqual(result.variants));
    expect(worker.terminated).toBe(true);
  });

  it('trace a design’s requests, the same ones the engine keeps in the page', async () => {
    const worker = startWorker({ traces: (d) => findTraces(d) });
    const result = await runJob<TraceResult>('trace', (api) => api.traces(design), () => worker as unknown as Worker);
    if (!result.ok) throw new Error(result.problem);
    expect(result.traces.length).toBeGreaterThan(0);
    expect(result.traces[0].reason).toBe('slowest');
    // Structured-cloned across the channel, spans and all: the same figures as a call in the page.
    const { wallMs: _wall, ...here } = findTraces(design) as Extract<TraceResult, { ok: true }>;
    const { wallMs: _there, ...there } = result;
    expect(there).toEqual(here);
    expect(worker.terminated).toBe(true);
  });

  it('reject with a message when the worker crashes', async () => {
    const worker = startWorker({ compare: () => new Promise<never>(() => undefined) as never });
    const job = runJob('compare', (api) => api.compare(design, { target: 'app', key: 'workers' }, [1]), () => worker as unknown as Worker);
    worker.dispatchEvent(Object.assign(new Event('error', { cancelable: true }), { message: 'out of memory' }));
    await expect(job).rejects.toThrow('The compare stopped: out of memory.');
    expect(worker.terminated).toBe(true);
  });
});
