/**
 * Where a traced request's time went: its critical path — the chain of steps each of which the
 * next waited for — summed per node and kind of step. Walked backwards from the answer: at
 * every node, the call that came back last before it answered is what it waited for; before
 * that call was sent, the one that came back last before then; and so on. Calls that overlap
 * the chosen one (a fan-out's faster shards) and calls nobody waited for drop out, so the
 * shares add up to the request's latency exactly.
 */
import type { Span, TimeShare, Trace } from './types';

export function whereTimeWent(trace: Trace): TimeShare[] {
  const path = new PathSums();
  const children = childrenOf(trace.spans);
  const roots = trace.spans.filter((s) => s.parent === -1 && !s.detached);
  // At the client, each attempt ends where the client stopped waiting for it.
  const attemptEnd = (span: Span) => trace.attemptEndsMs[span.attempt] ?? trace.latencyMs;
  walk(roots, 0, trace.latencyMs, trace.clientId, attemptEnd, children, path);
  return path.shares();
}

/** Adds up milliseconds per (node, what). */
class PathSums {
  private readonly sums = new Map<string, TimeShare>();

  add(nodeId: string, what: TimeShare['what'], ms: number): void {
    if (!(ms > 0)) return;
    const key = `${what}\u0000${nodeId}`;
    const share = this.sums.get(key);
    if (share) share.ms += ms;
    else this.sums.set(key, { nodeId, what, ms });
  }

  /** Largest first. */
  shares(): TimeShare[] {
    return [...this.sums.values()].sort((a, b) => b.ms - a.ms);
  }
}

/** The calls each span made and waited for (not those nobody waits for). */
type Children = Map<Span, Span[]>;

function childrenOf(spans: readonly Span[]): Children {
  const children: Children = new Map(spans.map((s) => [s, []]));
  for (const span of spans) if (span.parent >= 0 && !span.detached) children.get(spans[span.parent])!.push(span);
  return children;
}

/**
 * The critical path through [from, to] at `owner`, over the calls it made (`calls`): the one
 * that ended last by `to`, then the one that ended last by when that was sent, and so on; the
 * time between, when the owner waited on nothing that answered, is `waiting`.
 */
function walk(
  calls: readonly Span[],
  from: number,
  to: number,
  owner: string,
  endOf: (span: Span) => number,
  children: Children,
  path: PathSums,
  idle: TimeShare['what'] = 'waiting',
): void {
  let cursor = to;
  while (cursor > from) {
    let next: Span | null = null;
    let nextEnd = -Infinity;
    for (const call of calls) {
      if (call.sentMs < from || call.sentMs >= cursor) continue;
      const end = Math.min(endOf(call), cursor);
      if (end > nextEnd || (end === nextEnd && next !== null && call.sentMs > next.sentMs)) {
        next = call;
        nextEnd = end;
      }
    }
    if (next === null) {
      path.add(owner, idle, cursor - from);
      return;
    }
    path.add(owner, idle, cursor - nextEnd);
    along(next, nextEnd, children, path);
    cursor = next.sentMs;
  }
}

/** One call's part of the path, from when it was sent to `end` (its answer back, or when its caller stopped waiting). */
function along(span: Span, end: number, children: Children, path: PathSums): void {
  const node = span.nodeId;
  // Each step runs until the next one starts, or until `end` if that comes first or the next never did.
  const until = (next: number | null) => (next === null ? end : Math.min(next, end));
  const arrived = until(span.arrivedMs);
  path.add(node, 'network', arrived - span.sentMs);
  if (arrived >= end) return;
  let t = arrived;
  if (span.serviceStartMs !== null) {
    const started = until(span.serviceStartMs);
    path.add(node, 'queue', started - t);
    if (started >= end) return;
    const served = until(span.serviceEndMs);
    path.add(node, 'service', served - started);
    if (served >= end) return;
    t = served;
  }
  const answered = until(span.respondedMs);
  // Calls this node made: each counts until it came back here, or until this node answered.
  // A read that waited on another's fetch made no call of its own: its wait is that fetch's.
  walk(children.get(span) ?? [], t, answered, node, (call) => call.returnedMs ?? Infinity, children, path, span.sharedFetch ? 'shared' : 'waiting');
  path.add(node, 'network', end - answered);
}
