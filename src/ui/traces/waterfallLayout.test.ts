/**
 * The waterfall's layout: rows depth-first under the request, round ticks, and each call's
 * stretches along the axis — never NaN, whatever times a span lacks — then the words above it.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restored } from '../../engine/testSupport';
import { findTraces } from '../../trace/traces';
import type { Span, Trace } from '../../trace/types';
import { answeredAt, axisEndMs, axisTicks, requestDrawing, spanDrawing, spanFigures, spanTook, waterfallRows } from './waterfallLayout';

function span(nodeId: string, parent: number, times: Partial<Span> = {}): Span {
  return {
    parent,
    nodeId,
    edgeId: null,
    attempt: 0,
    detached: false,
    pastAnswer: false,
    sentMs: 0,
    arrivedMs: null,
    serviceStartMs: null,
    serviceEndMs: null,
    respondedMs: null,
    returnedMs: null,
    outcome: 'ok',
    ...times,
  };
}

function trace(spans: Span[], latencyMs = 100, more: Partial<Trace> = {}): Trace {
  return { reason: 'slowest', clientId: 'users', sentAtS: 12.3, latencyMs, ok: true, attempts: 1, attemptEndsMs: [latencyMs], spans, ...more };
}

describe('waterfall rows', () => {
  it('put the request first, then each call under the one that made it, in the order sent', () => {
    const t = trace([
      span('lb', -1), // 0
      span('app-1', 0, { sentMs: 1 }), // 1
      span('cache', 1, { sentMs: 2 }), // 2
      span('app-2', 0, { sentMs: 3, detached: true }), // 3: a hedge's copy
      span('db', 2, { sentMs: 4 }), // 4
      span('db', 3, { sentMs: 5 }), // 5: called by the copy nobody waits for
      span('replica', -1, { sentMs: 6, detached: true }), // 6: work nobody waits for, no sender
    ]);
    const rows = waterfallRows(t);
    expect(rows.map((r) => [r.nodeId, r.depth, r.index, r.background])).toEqual([
      ['users', 0, -1, false],
      ['lb', 1, 0, false],
      ['app-1', 2, 1, false],
      ['cache', 3, 2, false],
      ['db', 4, 4, false],
      ['app-2', 2, 3, true],
      ['db', 3, 5, true],
      ['replica', 1, 6, true],
    ]);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('take a call whose parent does not come before it as the request’s own', () => {
    const rows = waterfallRows(trace([span('a', 1), span('b', 7), span('c', 0)]));
    expect(rows.map((r) => [r.nodeId, r.depth])).toEqual([
      ['users', 0],
      ['a', 1],
      ['c', 2],
      ['b', 1],
    ]);
  });
});

describe('the time axis', () => {
  it('ends at the answer, or later when work nobody waits for went on after it', () => {
    expect(axisEndMs(trace([span('a', -1, { returnedMs: 80 })], 100))).toBe(100);
    const later = trace([span('a', -1, { returnedMs: 90 }), span('b', 0, { detached: true, returnedMs: 250 })], 100);
    expect(axisEndMs(later)).toBe(250);
    expect(answeredAt(later)).toBe(40);
    expect(answeredAt(trace([span('a', -1, { returnedMs: 100 })], 100))).toBeNull();
    expect(axisEndMs(trace([], 0))).toBe(1);
  });

  it('has round ticks from 0, within the axis, in ms under a second and s above', () => {
    const { ticks, stepPercent } = axisTicks(884);
    expect(ticks.map((t) => t.label)).toEqual(['0', '200 ms', '400 ms', '600 ms', '800 ms']);
    expect(ticks[1].at).toBeCloseTo((200 / 884) * 100);
    expect(stepPercent).toBeCloseTo((200 / 884) * 100);
    expect(axisTicks(1058).ticks.map((t) => t.label)).toEqual(['0', '0.2 s', '0.4 s', '0.6 s', '0.8 s', '1 s']);
    expect(axisTicks(246).ticks.map((t) => t.ms)).toEqual([0, 50, 100, 150, 200]);
    expect(axisTicks(0.3).ticks.map((t) => t.label)).toEqual(['0', '0.05 ms', '0.1 ms', '0.15 ms', '0.2 ms', '0.25 ms', '0.3 ms']);
    expect(axisTicks(200).ticks.map((t) => t.ms)).toEqual([0, 50, 100, 150, 200]);
    for (const end of [NaN, 0, -5, Infinity]) expect(axisTicks(end).ticks.length).toBeGreaterThan(1);
  });

  it('never has more than the ticks asked for, or one past the end', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 1e7, noNaN: true }), fc.integer({ min: 2, max: 10 }), (end, most) => {
        const { ticks, stepPercent } = axisTicks(end, most);
        expect(ticks.length).toBeLessThanOrEqual(most + 1);
        expect(ticks.length).toBeGreaterThanOrEqual(Math.min(2, most));
        expect(ticks[ticks.length - 1].ms).toBeLessThanOrEqual(end * (1 + 1e-9));
        expect(ticks.every((t) => t.at >= 0 && t.at <= 100 && t.label.length > 0)).toBe(true);
        expect(stepPercent).toBeGreaterThan(0);
      }),
    );
  });
});

describe('a call drawn along the axis', () => {
  const full = span('app', 0, { sentMs: 0, arrivedMs: 10, serviceStartMs: 20, serviceEndMs: 50, respondedMs: 60, returnedMs: 70 });

  it('is the trip there, the wait for a worker, the worker’s time, the wait for its calls and the trip back', () => {
    const drawing = spanDrawing(full, 200, true);
    expect(drawing.segments.map((s) => [s.kind, s.left, s.width, s.open])).toEqual([
      ['out', 0, 5, false],
      ['queue', 5, 5, false],
      ['service', 10, 15, false],
      ['calls', 25, 5, false],
      ['back', 30, 5, false],
    ]);
    expect(drawing.stop).toBeNull();
    expect(spanTook(full)).toBe(70);
    expect(spanFigures(full)).toBe('queued 10.0 ms · served 30.0 ms · waiting on calls 10.0 ms · network 20.0 ms · sent at 0 ms, back at 70.0 ms');
  });

  it('at a node with no work of its own, waits for its calls from arrival', () => {
    const lb = span('lb', -1, { arrivedMs: 10, respondedMs: 90, returnedMs: 100 });
    expect(spanDrawing(lb, 100, true).segments.map((s) => s.kind)).toEqual(['out', 'calls', 'back']);
  });

  it('draws a worker’s zero-length time as a sliver but not a zero-length trip', () => {
    const instant = span('cache', 0, { sentMs: 5, arrivedMs: 5, serviceStartMs: 5, serviceEndMs: 5, respondedMs: 5, returnedMs: 6 });
    expect(spanDrawing(instant, 10, false).segments.map((s) => [s.kind, s.width])).toEqual([
      ['service', 0],
      ['back', 10],
    ]);
  });

  it('marks where a call was turned away or failed', () => {
    const away = span('slow', 0, { sentMs: 10, arrivedMs: 11, respondedMs: 11, returnedMs: 12, outcome: 'turnedAway' });
    const drawing = spanDrawing(away, 20, false);
    expect(drawing.stop).toBeCloseTo(55);
    expect(drawing.segments.map((s) => s.kind)).toEqual(['out', 'back']);
    expect(spanFigures(away)).toBe('network 2.00 ms · sent at 10.0 ms, back at 12.0 ms · turned away');
  });

  it('runs a call still under way to the end of the axis, as what it was doing', () => {
    const end = 100;
    const last = (s: Span, makesCalls = false) => spanDrawing(s, end, makesCalls).segments.at(-1)!;
    expect(last(span('a', 0, { sentMs: 50, outcome: 'open' }))).toEqual({ kind: 'out', left: 50, width: 50, open: true, late: false });
    expect(last(span('a', 0, { sentMs: 50, arrivedMs: 60, outcome: 'open' }))).toEqual({ kind: 'queue', left: 60, width: 40, open: true, late: false });
    expect(last(span('a', 0, { sentMs: 50, arrivedMs: 60, outcome: 'open' }), true)).toMatchObject({ kind: 'calls', open: true });
    expect(last(span('a', 0, { sentMs: 50, arrivedMs: 60, serviceStartMs: 70, outcome: 'open' }))).toMatchObject({ kind: 'service', left: 70, open: true });
    expect(last(span('a', 0, { sentMs: 50, arrivedMs: 60, serviceStartMs: 70, serviceEndMs: 80, outcome: 'open' }))).toMatchObject({ kind: 'calls', left: 80, open: true });
    expect(last(span('a', 0, { sentMs: 50, arrivedMs: 60, respondedMs: 90, outcome: 'open' }))).toMatchObject({ kind: 'back', left: 90, width: 10, open: true });
    expect(spanTook(span('a', 0, { sentMs: 50, arrivedMs: 60, respondedMs: 90, outcome: 'open' }))).toBeNull();
  });

  it('cuts what went on after the client stopped waiting, and marks it late', () => {
    // The first attempt timed out at 300 ms; its call to the slow server went on until 784 ms.
    const t = trace(
      [
        span('lb', -1, { pastAnswer: true, arrivedMs: 10, respondedMs: 774, returnedMs: 784 }),
        span('slow', 0, { pastAnswer: true, sentMs: 10, arrivedMs: 11, serviceStartMs: 662, serviceEndMs: 773, respondedMs: 773, returnedMs: 774 }),
        span('lb', -1, { attempt: 1, sentMs: 381, arrivedMs: 391, respondedMs: 800, returnedMs: 810 }),
      ],
      810,
      { attempts: 2, attemptEndsMs: [300, 810] },
    );
    const rows = waterfallRows(t);
    expect(rows.map((r) => r.lateFromMs)).toEqual([null, 300, 300, null]);
    const slow = spanDrawing(rows[2].span!, 1000, false, rows[2].lateFromMs);
    expect(slow.segments.map((s) => [s.kind, Number(s.left.toFixed(6)), s.late])).toEqual([
      ['out', 1, false],
      ['queue', 1.1, false],
      ['queue', 30, true],
      ['service', 66.2, true],
      ['back', 77.3, true],
    ]);
    expect(spanFigures(rows[2].span!, rows[2].lateFromMs)).toMatch(/ · the client stopped waiting for it at 300 ms$/);
    expect(spanDrawing(rows[3].span!, 1000, true, rows[3].lateFromMs).segments.every((s) => !s.late)).toBe(true);
  });

  it('is never NaN, nor off the axis, whatever times a span lacks', () => {
    const time = fc.option(fc.double({ min: 0, max: 1000, noNaN: true }), { nil: null });
    const anySpan = fc.record({
      sentMs: fc.double({ min: 0, max: 1000, noNaN: true }),
      arrivedMs: time,
      serviceStartMs: time,
      serviceEndMs: time,
      respondedMs: time,
      returnedMs: time,
      outcome: fc.constantFrom('ok', 'failed', 'turnedAway', 'open'),
      detached: fc.boolean(),
    });
    fc.assert(
      fc.property(anySpan, fc.double({ min: 0.001, max: 2000, noNaN: true }), fc.boolean(), time, (times, end, makesCalls, lateFromMs) => {
        const s = span('x', -1, times as Partial<Span>);
        const drawing = spanDrawing(s, end, makesCalls, lateFromMs);
        for (const seg of drawing.segments) {
          expect(Number.isFinite(seg.left) && Number.isFinite(seg.width)).toBe(true);
          expect(seg.left).toBeGreaterThanOrEqual(0);
          expect(seg.width).toBeGreaterThanOrEqual(0);
          expect(seg.left + seg.width).toBeLessThanOrEqual(100 + 1e-9);
        }
        if (drawing.stop !== null) expect(Number.isFinite(drawing.stop)).toBe(true);
        expect(spanFigures(s)).not.toMatch(/NaN|Infinity|undefined|null/);
      }),
    );
  });
});

describe('the request’s row', () => {
  it('spans the request, with each failed attempt’s end marked and a failure where it ended', () => {
    const t = trace([], 400, { ok: false, attempts: 3, attemptEndsMs: [100, 250, 400] });
    const drawing = requestDrawing(t, 400);
    expect(drawing.segments).toEqual([{ kind: 'calls', left: 0, width: 100, open: false, late: false }]);
    expect(drawing.retries).toEqual([25, 62.5]);
    expect(drawing.stop).toBe(100);
  });
});

describe('a replayed design’s traces', () => {
  it('lay out: the slowest request behind a round-robin balancer goes Users → Load balancer → Slow server', () => {
    const result = findTraces(restored(JSON.parse(readFileSync('examples/lb-comparison.json', 'utf8'))));
    if (!result.ok) throw new Error(result.problem);
    const slowest = result.traces[0];
    expect(waterfallRows(slowest).map((r) => [r.nodeId, r.depth])).toEqual([
      ['users', 0],
      ['lb', 1],
      ['slow', 2],
    ]);
    for (const t of result.traces) {
      const end = axisEndMs(t);
      const rows = waterfallRows(t);
      expect(rows.length).toBe(t.spans.length + 1);
      for (const row of rows) {
        const drawing = row.span ? spanDrawing(row.span, end, t.spans.some((s) => s.parent === row.index), row.lateFromMs) : requestDrawing(t, end);
        const numbers = [...drawing.segments.flatMap((s) => [s.left, s.width]), ...drawing.retries, ...(drawing.stop === null ? [] : [drawing.stop])];
        expect(numbers.every(Number.isFinite)).toBe(true);
        if (row.span) expect(spanFigures(row.span)).not.toMatch(/NaN|Infinity|undefined|null/);
      }
    }
  });
});
