/**
 * What a snapshot carries to the page, and no more. At full speed a post holds up to 30
 * windows, each with nine per-node or per-edge arrays; the page draws only utilisation, p99s,
 * queue backlogs and instances from old windows (the charts) and reads the other arrays from the newest
 * window alone (the badges' rates). Dropping them keeps a 200-node post small to clone and the kept series
 * small to hold. Built on the engine's public Snapshot; the engine itself is unchanged.
 */
import type { Snapshot, WindowPoint } from '../engine';

const NONE: number[] = [];

/** A window that keeps its end-to-end figures and what the per-node charts draw, without the other arrays. */
function slim(w: WindowPoint): WindowPoint {
  return {
    tS: w.tS,
    throughput: w.throughput,
    errorRate: w.errorRate,
    p50: w.p50,
    p95: w.p95,
    p99: w.p99,
    utilization: w.utilization,
    nodeP99: w.nodeP99,
    backlog: w.backlog,
    instances: w.instances,
    queue: NONE,
    nodeRate: NONE,
    edgeRate: NONE,
    edgeErrors: NONE,
  };
}

/** Every window but the newest loses the arrays only the newest one is read for. */
export function leanWindows(windows: WindowPoint[]): WindowPoint[] {
  if (windows.length <= 1) return windows;
  const out = windows.slice(0, -1).map(slim);
  out.push(windows[windows.length - 1]);
  return out;
}

/** At most `most` windows, evenly spaced and always including the newest. */
export function thin<T>(items: T[], most: number): T[] {
  if (items.length <= most) return items;
  const step = items.length / most;
  const out: T[] = [];
  // Clamped: i * step can round above length (21 / 19 * 19 = 21.000000000000004), and an index
  // past the end would hand the charts an undefined window.
  for (let i = 1; i <= most; i++) out.push(items[Math.min(items.length, Math.ceil(i * step)) - 1]);
  return out;
}

export function leanSnapshot(snap: Snapshot, maxWindows: number): Snapshot {
  return { ...snap, windows: leanWindows(thin(snap.windows, maxWindows)) };
}
