import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_OPENING_ZOOM, MIN_FIT_ZOOM, openingViewport, READABLE_ZOOM, VIEW_PADDING, whenMeasured } from './view';

/** Where a point of the design lands on screen. */
const onScreen = (v: { x: number; y: number; zoom: number }, x: number, y: number) => ({ x: v.x + x * v.zoom, y: v.y + y * v.zoom });

describe('the view a design opens at', () => {
  it('shows a small design whole, centred, at 100 %', () => {
    // Room: 1000 − 28 − 28 = 944 wide, 800 − 64 − 28 = 708 high.
    expect(openingViewport({ x: 0, y: 0, width: 400, height: 100 }, 1000, 800)).toEqual({ x: 300, y: 368, zoom: 1 });
  });

  it('fits a design that is readable whole, tightly along the side that limits it', () => {
    // 944 / 1600 = 0.59 across, 708 / 400 = 1.77 down: across limits.
    const v = openingViewport({ x: 100, y: 0, width: 1600, height: 400 }, 1000, 800);
    expect(v.zoom).toBeCloseTo(0.59, 10);
    expect(onScreen(v, 100, 0).x).toBeCloseTo(28, 10);
    expect(onScreen(v, 1700, 0).x).toBeCloseTo(1000 - 28, 10);
    expect(onScreen(v, 0, 200).y).toBeCloseTo(64 + 708 / 2, 10);
  });

  it('shows the top of a design too tall to read whole, centred across', () => {
    // 600 × 4000 on 900 × 600 would fit at 508 / 4000 = 0.127.
    const v = openingViewport({ x: 100, y: 50, width: 600, height: 4000 }, 900, 600);
    expect(v.zoom).toBe(READABLE_ZOOM);
    expect(onScreen(v, 100, 50).y).toBeCloseTo(64, 10);
    expect(onScreen(v, 400, 0).x).toBeCloseTo(28 + 844 / 2, 10);
  });

  it('shows the top left of a design too big both ways', () => {
    const v = openingViewport({ x: -300, y: 200, width: 9000, height: 9000 }, 1200, 700);
    expect(v.zoom).toBe(READABLE_ZOOM);
    expect(onScreen(v, -300, 200)).toEqual({ x: 28, y: 64 });
  });

  it('still fits a design whole where its names are small but its shape reads', () => {
    // 944 / 2800 = 0.337.
    const v = openingViewport({ x: 0, y: 0, width: 2800, height: 400 }, 1000, 800);
    expect(v.zoom).toBeCloseTo(944 / 2800, 10);
    expect(onScreen(v, 2800, 0).x).toBeCloseTo(1000 - 28, 10);
  });

  it('keeps the zoom between the smallest fit and 100 %, and shows all of whatever fits at it', () => {
    fc.assert(
      fc.property(
        fc.record({
          x: fc.double({ min: -5000, max: 5000, noNaN: true }),
          y: fc.double({ min: -5000, max: 5000, noNaN: true }),
          width: fc.double({ min: 0, max: 20_000, noNaN: true }),
          height: fc.double({ min: 0, max: 20_000, noNaN: true }),
        }),
        fc.integer({ min: 300, max: 3000 }),
        fc.integer({ min: 300, max: 2000 }),
        (bounds, width, height) => {
          const v = openingViewport(bounds, width, height);
          expect(v.zoom).toBeGreaterThanOrEqual(MIN_FIT_ZOOM);
          expect(v.zoom).toBeLessThanOrEqual(MAX_OPENING_ZOOM);
          // Either the whole design at the zoom that fits it, or the readable zoom.
          const fits = bounds.width * v.zoom <= width - 56 + 1e-6 && bounds.height * v.zoom <= height - 92 + 1e-6;
          expect(fits || v.zoom === READABLE_ZOOM).toBe(true);
          const start = onScreen(v, bounds.x, bounds.y);
          const end = onScreen(v, bounds.x + bounds.width, bounds.y + bounds.height);
          // Along each axis: whole within the padding when it fits, else starting at the padding.
          const eps = 1e-6;
          if (bounds.width * v.zoom <= width - VIEW_PADDING.left - VIEW_PADDING.right) {
            expect(start.x).toBeGreaterThanOrEqual(VIEW_PADDING.left - eps);
            expect(end.x).toBeLessThanOrEqual(width - VIEW_PADDING.right + eps);
          } else expect(start.x).toBeCloseTo(VIEW_PADDING.left, 6);
          if (bounds.height * v.zoom <= height - VIEW_PADDING.top - VIEW_PADDING.bottom) {
            expect(start.y).toBeGreaterThanOrEqual(VIEW_PADDING.top - eps);
            expect(end.y).toBeLessThanOrEqual(height - VIEW_PADDING.bottom + eps);
          } else expect(start.y).toBeCloseTo(VIEW_PADDING.top, 6);
        },
      ),
    );
  });
});

describe('waiting for React Flow to measure the nodes', () => {
  function fakeStore() {
    const nodeLookup = new Map<string, { measured: { width?: number; height?: number } }>();
    const listeners = new Set<() => void>();
    return {
      nodeLookup,
      getState: () => ({ nodeLookup }),
      subscribe: (listener: () => void) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      update: () => listeners.forEach((l) => l()),
      listeners,
    };
  }

  it('goes on at once when every node is measured', () => {
    const store = fakeStore();
    store.nodeLookup.set('a', { measured: { width: 200, height: 64 } });
    let calls = 0;
    whenMeasured(store, ['a'], () => calls++);
    expect(calls).toBe(1);
    expect(store.listeners.size).toBe(0);
  });

  it('waits for the update that measures the last node, then stops listening', () => {
    const store = fakeStore();
    store.nodeLookup.set('a', { measured: { width: 200, height: 64 } });
    store.nodeLookup.set('b', { measured: {} });
    let calls = 0;
    whenMeasured(store, ['a', 'b'], () => calls++);
    store.update();
    expect(calls).toBe(0);
    store.nodeLookup.set('b', { measured: { width: 200, height: 80 } });
    store.update();
    store.update();
    expect(calls).toBe(1);
    expect(store.listeners.size).toBe(0);
  });

  it('can be cancelled before then', () => {
    const store = fakeStore();
    let calls = 0;
    const cancel = whenMeasured(store, ['a'], () => calls++);
    cancel();
    store.nodeLookup.set('a', { measured: { width: 1, height: 1 } });
    store.update();
    expect(calls).toBe(0);
  });
});
