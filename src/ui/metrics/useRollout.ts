/** Draws new chart data one chart at a time, when the main thread is idle (the hook over rollout.ts). */
import { useEffect, useState } from 'react';
import { gestureActive } from '../../store/runner';
import { begin, releaseNext, rollingOut, settled, shownBy } from './rollout';

/**
 * New data reaches the charts one chart at a time, in order, each when the main thread is next
 * idle after the one before was drawn. recharts finishes a redraw in synchronous store updates
 * React cannot interrupt, and five charts in one task made it a long task (60–90 ms with a
 * 50-node design); one chart per idle moment stays short. (Not as a transition: urgent
 * updates — every snapshot is one — restart a transition's render, and on a busy machine a
 * chart could wait a second or more.) The charts stay in step: they all show the same data
 * but for the moments of a rollout (rollout.ts). Spaced 80 ms apart, as they once were, they
 * disagreed about the time for half of every redraw at ×10; now a rollout takes ~70 ms.
 */
export function useRollout<T>(latest: T, charts: number): (slot: number) => T {
  const [rollout, setRollout] = useState(() => settled(latest, charts));
  useEffect(() => {
    if (!rollingOut(rollout, charts)) {
      setRollout(begin(rollout, latest, charts));
      return;
    }
    let cancel = whenIdle(function release() {
      // A pan or drag that began mid-rollout has the frames; the rest of the charts wait.
      if (gestureActive()) cancel = whenIdle(release);
      else setRollout(releaseNext);
    });
    return () => cancel();
  }, [rollout, latest, charts]);
  return (slot) => shownBy(rollout, slot);
}

/** Calls `fn` when the main thread is idle (within 60 ms whatever happens); returns a cancel. */
function whenIdle(fn: () => void): () => void {
  // Safari has long had no requestIdleCallback: a short timeout stands in.
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(fn, 50);
    return () => clearTimeout(timer);
  }
  const handle = requestIdleCallback(fn, { timeout: 60 });
  return () => cancelIdleCallback(handle);
}
