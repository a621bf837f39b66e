/** What a node or a connection is set to, in the few words the canvas writes on it. */
import { autoscales, type DesignEdge, type DesignNode } from '../../model';
import { formatMs, formatParam, plural } from '../format';

/** "3 × " for three instances, "1–10 × " when autoscaling between them; nothing for one. */
function instancesText(p: DesignNode['params']): string {
  if (autoscales(p)) return `${formatParam(p.instances)}–${formatParam(p.maxInstances)} × `;
  return typeof p.instances === 'number' && p.instances > 1 ? `${formatParam(p.instances)} × ` : '';
}

/** A node's params in one line, as the canvas shows under its name (and a Mermaid export too). */
export function nodeSummary(node: DesignNode): string {
  const p = node.params;
  switch (node.kind) {
    case 'client':
      return `${formatParam(p.ratePerSecond)} req/s · ${p.keyDistribution === 'zipf' ? 'Zipf keys' : 'uniform keys'}`;
    case 'loadBalancer':
      // What changes the node's behaviour most comes first: the line is often cut short.
      return `${typeof p.hedgeAfterMs === 'number' && p.hedgeAfterMs > 0 ? `hedged at ${formatParam(p.hedgeAfterMs)} ms · ` : ''}${String(p.algorithm).replace(/([A-Z])/g, ' $1').toLowerCase()}`;
    case 'server':
      return `${p.fanOut === 'parallel' ? 'parallel · ' : ''}${instancesText(p)}${plural(p.workers, 'worker')} · ${formatParam(p.serviceTimeMs)} ms`;
    case 'cache':
    case 'cdn':
      return `${plural(p.capacity, 'entry', 'entries')} · ${String(p.eviction).toUpperCase()}`;
    case 'shardRouter':
      return `${p.strategy} sharding`;
    case 'database':
      return `${plural(p.workers, 'conn')} · ${plural(p.replicas, 'replica')}`;
    case 'queue':
      return p.capacity === null ? 'unbounded' : plural(p.capacity, 'message');
    case 'rateLimiter':
      return `${formatParam(p.ratePerSecond)} req/s · burst ${formatParam(p.burst)}`;
  }
}

/** A connection's latency, and which requests it carries when not all (null where there is nothing to say). */
export function edgeSummary(edge: DesignEdge): { latency: string | null; carries: string | null } {
  const { latencyMs, when } = edge.params;
  return {
    latency: typeof latencyMs === 'number' && latencyMs > 0 ? formatMs(latencyMs) : null,
    carries: typeof when === 'string' && when !== 'always' ? `${when} only` : null,
  };
}
