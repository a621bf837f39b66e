/** A node on the canvas: icon, name, a one-line summary of its params, and live badges. */
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { autoscales, KIND_LABELS, type DesignNode } from '../../model';
import type { SimFlowNode } from '../../store/convert';
import type { NodeBadge } from '../../store/live';
import { useRun } from '../../store/run';
import { KindIcon } from '../icons';
import './state.css';
import { formatCount, formatMs, formatPercent, formatRate, plural } from '../format';
import { nodeSummary } from './summaries';

const HEALTH_LABELS = { healthy: 'Healthy', hot: 'Hot', saturated: 'Saturated', failing: 'Failing', down: 'Down' } as const;
const BREAKER_LABELS = { open: 'Breaker open', halfOpen: 'Breaker half-open' } as const;

/** What has been done to the node (the engine's state), as chips a person reads at a glance. */
function StateChips({ badge }: { badge: NodeBadge }) {
  const chips: { text: string; tone: string }[] = [];
  if (badge.health === 'down') chips.push({ text: 'Down', tone: 'down' });
  else if (badge.health === 'failing') chips.push({ text: 'Failing', tone: 'down' });
  if (badge.slowdown !== 1) chips.push({ text: `Slowed ×${formatFactor(badge.slowdown)}`, tone: 'slowed' });
  if (badge.breaker === 'open' || badge.breaker === 'halfOpen') {
    chips.push({ text: BREAKER_LABELS[badge.breaker], tone: badge.breaker === 'open' ? 'down' : 'slowed' });
  }
  if (chips.length === 0) return null;
  return (
    <div className="node-chips">
      {chips.map((c) => (
        <span key={c.text} className={`node-chip is-${c.tone}`} data-testid="node-state">
          {c.text}
        </span>
      ))}
    </div>
  );
}

const formatFactor = (x: number) => (Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(3))));

function LiveBadges({ id, kind, autoscaling }: { id: string; kind: DesignNode['kind']; autoscaling: boolean }) {
  const badge = useRun((s) => s.live?.nodes.get(id));
  if (!badge) return null;
  return (
    <div className="node-live" data-testid="node-live">
      <StateChips badge={badge} />
      <div className="node-live-row">
        <span title="Requests per second arriving here">{formatRate(badge.ratePerSecond)}</span>
        {kind !== 'client' && <span title="99th percentile latency at this node in the last second of simulated time">p99 {formatMs(badge.p99Ms)}</span>}
      </div>
      {badge.ownWork && (
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
      {(badge.hitRatio !== null || badge.backlog !== null || badge.staleReads !== null || autoscaling) && (
        <div className="node-live-row node-live-extra">
          {autoscaling && badge.instances !== null && (
            <span title="Instances running or starting up, as autoscaling has set them">{plural(badge.instances, 'instance')}</span>
          )}
          {badge.hitRatio !== null && <span title="Share of reads answered from the cache">hit ratio {formatPercent(badge.hitRatio)}</span>}
          {badge.backlog !== null && <span title="Messages waiting for a consumer">backlog {formatCount(badge.backlog)}</span>}
          {badge.staleReads !== null && (
            <span className={badge.staleReads > 0 ? 'is-warn' : undefined} title="Replica reads answered before the latest write reached the replica">
              stale reads {formatCount(badge.staleReads)}
            </span>
          )}
        </div>
      )}
    </div>
  );
}

function SimNodeView({ id, data, selected }: NodeProps<SimFlowNode>) {
  const node = data.node;
  const line = nodeSummary(node);
  const health = useRun((s) => s.live?.nodes.get(id)?.health);
  return (
    <div
      className={`sim-node kind-${node.kind}${selected ? ' is-selected' : ''}${health ? ` health-${health}` : ''}`}
      title={health ? `${KIND_LABELS[node.kind]} · ${HEALTH_LABELS[health]}` : KIND_LABELS[node.kind]}
    >
      {node.kind !== 'client' && <Handle type="target" position={Position.Left} title="Drag a connection here" />}
      <div className="sim-node-head">
        <span className="sim-node-icon">
          <KindIcon kind={node.kind} size={18} />
        </span>
        <div className="sim-node-titles">
          <div className="sim-node-label">{node.label ?? node.id}</div>
          <div className="sim-node-summary" title={line}>
            {line}
          </div>
        </div>
        {health && <span className={`health-dot health-${health}`} role="img" aria-label={HEALTH_LABELS[health]} />}
      </div>
      <LiveBadges id={id} kind={node.kind} autoscaling={node.kind === 'server' && autoscales(node.params)} />
      <Handle type="source" position={Position.Right} title="Drag from here to connect" />
    </div>
  );
}

export const SimNode = memo(SimNodeView);
