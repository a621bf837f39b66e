/**
 * The view a design opens at: all of it when it can be read that way, else a readable part of
 * it. Fitting a 50-node design whole shrinks its nodes to specks (zoom ~0.15), which tells a
 * person nothing; the minimap and the fit button still show the whole of it on request.
 */
import type { Viewport } from '@xyflow/react';
import type { Box } from './placement';

/** Room around the design: more at the top, where the canvas toolbar floats. */
export const VIEW_PADDING = { top: 64, right: 28, bottom: 28, left: 28 };
/** Never past 100 %: a three-node design should not open at 2×. */
export const MAX_OPENING_ZOOM = 1;
/**
 * Fitting the whole design is worth it down to this zoom: names are small, but the shape of
 * the design reads (the default design fits at 0.37 on a 1024 × 720 laptop).
 */
export const MIN_FIT_ZOOM = 0.3;
/** Where fitting would go below MIN_FIT_ZOOM, the zoom to open at instead: names can be read. */
export const READABLE_ZOOM = 0.5;

/**
 * Where the view goes for a design whose nodes span `bounds`, on a canvas of `width` ×
 * `height` pixels: fitted whole, or at READABLE_ZOOM when that would make it too small. Along
 * each axis that fits at the chosen zoom the design is centred; along one that does not, its
 * start is shown — the left, where requests enter, and the top.
 */
export function openingViewport(bounds: Box, width: number, height: number): Viewport {
  const room = {
    width: Math.max(1, width - VIEW_PADDING.left - VIEW_PADDING.right),
    height: Math.max(1, height - VIEW_PADDING.top - VIEW_PADDING.bottom),
  };
  const fit = Math.min(room.width / Math.max(1, bounds.width), room.height / Math.max(1, bounds.height));
  const zoom = fit < MIN_FIT_ZOOM ? READABLE_ZOOM : Math.min(MAX_OPENING_ZOOM, fit);
  const along = (start: number, size: number, roomSize: number, padBefore: number) => {
    const shown = size * zoom;
    const offset = shown <= roomSize ? (roomSize - shown) / 2 : 0;
    return padBefore + offset - start * zoom;
  };
  return {
    x: along(bounds.x, bounds.width, room.width, VIEW_PADDING.left),
    y: along(bounds.y, bounds.height, room.height, VIEW_PADDING.top),
    zoom,
  };
}

/** What whenMeasured needs of React Flow's store. */
interface MeasuringStore {
  getState(): { nodeLookup: ReadonlyMap<string, { measured: { width?: number; height?: number } }> };
  subscribe(listener: () => void): () => void;
}

/**
 * Calls `then` once React Flow has measured every node in `ids` — at once if it has, else in
 * the store update that completes the set (before that frame is painted). Returns a cancel.
 */
export function whenMeasured(store: MeasuringStore, ids: readonly string[], then: () => void): () => void {
  const ready = () =>
    ids.every((id) => {
      const measured = store.getState().nodeLookup.get(id)?.measured;
      return measured?.width !== undefined && measured.height !== undefined;
    });
  if (ready()) {
    then();
    return () => {};
  }
  const unsubscribe = store.subscribe(() => {
    if (!ready()) return;
    unsubscribe();
    then();
  });
  return unsubscribe;
}
