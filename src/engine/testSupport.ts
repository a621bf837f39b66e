/** Builders for tests and benchmarks: short designs written as data, passed through restore(). */
import { restore, type Design } from '../model';

export interface NodeSketch {
  id: string;
  kind: string;
  params?: Record<string, unknown>;
}
export interface EdgeSketch {
  from: string;
  to: string;
  params?: Record<string, unknown>;
}

/** Any design input (an example's JSON, a sketch) through restore(), as a file or link would go; throws on problems. */
export function restored(input: unknown): Design {
  const result = restore(input);
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join('\n'));
  return result.design;
}

export function designOf(nodes: NodeSketch[], edges: EdgeSketch[], seed = 1): Design {
  return restored({
    name: 'test',
    seed,
    nodes: nodes.map((n, i) => ({ ...n, position: { x: i * 200, y: 0 } })),
    edges: edges.map((e, i) => ({ id: `e${i + 1}`, source: e.from, target: e.to, params: e.params ?? {} })),
  });
}

/** A client sending Poisson traffic at `rate` req/s straight to one server. */
export function singleStation(rate: number, server: Record<string, unknown>, seed = 1): Design {
  return designOf(
    [
      { id: 'users', kind: 'client', params: { ratePerSecond: rate } },
      { id: 'app', kind: 'server', params: server },
    ],
    [{ from: 'users', to: 'app' }],
    seed,
  );
}

/** Client → load balancer → `servers` identical servers. */
export function balancedPool(
  rate: number,
  algorithm: string,
  servers: number,
  server: Record<string, unknown>,
  client: Record<string, unknown> = {},
  seed = 1,
): Design {
  const ids = Array.from({ length: servers }, (_, i) => `s${i + 1}`);
  return designOf(
    [
      { id: 'users', kind: 'client', params: { ratePerSecond: rate, ...client } },
      { id: 'lb', kind: 'loadBalancer', params: { algorithm } },
      ...ids.map((id) => ({ id, kind: 'server', params: server })),
    ],
    [{ from: 'users', to: 'lb' }, ...ids.map((id) => ({ from: 'lb', to: id }))],
    seed,
  );
}
