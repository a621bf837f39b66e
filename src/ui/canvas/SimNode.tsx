/** A node on the canvas: icon, name, a one-line summary of its params, and live badges. */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { KIND_LABELS, type DesignNode } from '../../model';
import type { SimFlowNode } from '../../store/convert';
import { useRun } from '../../store/run';
import { KindIcon } from '../icons';
import { formatMs, formatParam, formatPercent, formatRate, plural } from '../format';

const HEALTH_LABELS = { healthy: 'Healthy', hot: 'Hot', saturated: 'Saturated', down: 'Down' } as const;

function summary(node: DesignNode): string {
  const p = node.params;
  switch (node.kind) {
    case 'client':
      return `${formatParam(p.ratePerSecond)} req/s · ${p.keyDistribution === 'zipf' ? 'Zipf keys' : 'uniform keys'}`;
    case 'loadBalancer':
      return String(p.algorithm).replace(/([A-Z])/g, ' $1').toLowerCase();
    case 'server':
      return `${plural(p.workers, 'worker')} · ${formatParam(p.serviceTimeMs)} ms`;
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

function LiveBadges({ id, kind }: { id: string; kind: DesignNode['kind'] }) {
  const badge = useRun((s) => s.live?.nodes.get(id));
  if (!badge) return null;
  const showUtil = kind !== 'client';
  return (
    <div className="node-live" data-testid="node-live">
      <div className="node-live-row">
        <span title="Requests per second arriving here">{formatRate(badge.ratePerSecond)}</span>
        {kind !== 'client' && <span title="99th percentile latency at this node">p99 {formatMs(badge.p99Ms)}</span>}
      </div>
      {showUtil && (
        <div
          className="util-bar"
          role="meter"
          aria-label="Utilisation"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(badge.utilization * 100)}
          title={`Utilisation ${formatPercent(badge.utilization)} · ${HEALTH_LABELS[badge.health]}`}
        >
          <span style={{ width: `${Math.round(badge.utilization * 100)}%` }} />
        </div>
      )}
      {badge.hitRatio !== null && <div className="node-live-row">hit ratio {formatPercent(badge.hitRatio)}</div>}
    </div>
  );
}

function SimNodeView({ id, data, selected }: NodeProps<SimFlowNode>) {
  const node = data.node;
  const health = useRun((s) => s.live?.nodes.get(id)?.health);
  return (
    <div
      className={`sim-node kind-${node.kind}${selected ? ' is-selected' : ''}${health ? ` health-${health}` : ''}`}
      title={health ? `${KIND_LABELS[node.kind]} · ${HEALTH_LABELS[health]}` : KIND_LABELS[node.kind]}
    >
      {node.kind !== 'client' && <Handle type="target" position={Position.Left} aria-label="Connect into this node" />}
      <div className="sim-node-head">
        <span className="sim-node-icon">
          <KindIcon kind={node.kind} size={18} />
        </span>
        <div className="sim-node-titles">
          <div className="sim-node-label">{node.label ?? node.id}</div>
          <div className="sim-node-summary">{summary(node)}</div>
        </div>
        {health && <span className={`health-dot health-${health}`} aria-label={HEALTH_LABELS[health]} />}
      </div>
      <LiveBadges id={id} kind={node.kind} />
      <Handle type="source" position={Position.Right} aria-label="Connect from this node" />
    </div>
  );
}

export const SimNode = memo(SimNodeView);
