/** The run's series for the charts: taken at most twice a second (and at once when a run finishes or pauses). */
import { useEffect, useState } from 'react';
import type { WindowPoint } from '../../engine';
import { useRun } from '../../store/run';
import { gestureActive } from '../../store/runner';

const REDRAW_EVERY_MS = 500;

/**
 * The series, taken at most twice a second. Taking it costs one cheap render here; the charts
 * thin it (rows.ts) and draw it through useRollout.
 */
export function useChartSeries(): WindowPoint[] {
  const [series, setSeries] = useState(() => useRun.getState().series);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const redraw = () => {
      // Mid-gesture the frames belong to the canvas: the charts catch up once it is at rest.
      if (gestureActive()) {
        timer = setTimeout(redraw, REDRAW_EVERY_MS);
        return;
      }
      timer = null;
      // Redraw on the next frame after the timer (hidden tabs get no frames, so no redraws).
      requestAnimationFrame(() => setSeries(useRun.getState().series));
    };
    const unsubscribe = useRun.subscribe((state, prev) => {
      // A run that has just finished or paused shows its last seconds at once: nothing follows
      // to catch up with, and a person reads the charts against the final figures.
      const settled = state.status !== prev.status && (state.status === 'finished' || state.status === 'paused');
      if (settled) {
        if (timer) clearTimeout(timer);
        redraw();
        return;
      }
      if (state.series === prev.series || timer) return;
      timer = setTimeout(redraw, REDRAW_EVERY_MS);
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, []);
  return series;
}
