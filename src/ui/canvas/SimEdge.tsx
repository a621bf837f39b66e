/**
 * A connection: a bezier with its live req/s, red while requests on it fail; dashed red when
 * cut or its circuit breaker is open, amber dashed while half-open, with the state in words.
 */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { SimFlowEdge } from '../../store/convert';
import { useRun } from '../../store/run';
import { formatMs, formatRate } from '../format';
import { edgeSummary } from './summaries';

function SimEdgeView(props: EdgeProps<SimFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, data, markerEnd } = props;
  const badge = useRun((s) => s.live?.edges.get(id));
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const set = data ? edgeSummary(data.edge) : null;
  const failing = badge?.failing ?? false;
  const cut = badge?.cut ?? false;
  const breaker = badge?.breaker ?? null;
  const broken = cut || breaker === 'open';
  const state = cut ? 'Cut' : breaker === 'open' ? 'Breaker open' : breaker === 'halfOpen' ? 'Breaker half-open' : null;
  const note = [
    state,
    // A cut or open connection carries nothing; its last rate would only mislead.
    badge && !broken ? formatRate(badge.ratePerSecond) : null,
    badge && badge.addedLatencyMs > 0 ? `+${formatMs(badge.addedLatencyMs)}` : null,
    // The set latency until the run shows what is measured instead.
    !badge ? set?.latency : null,
    set?.carries,
  ].filter(Boolean);
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`sim-edge${failing ? ' is-failing' : ''}${broken ? ' is-broken' : ''}${breaker === 'halfOpen' && !cut ? ' is-half-open' : ''}${selected ? ' is-selected' : ''}${badge ? ' is-live' : ''}`}
      />
      {note.length > 0 && (
        <EdgeLabelRenderer>
          <div
            className={`edge-label nodrag nopan${failing || broken ? ' is-failing' : ''}${breaker === 'halfOpen' && !cut ? ' is-half-open' : ''}`}
            data-testid={state ? 'edge-state' : undefined}
            data-edge-id={id}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {note.join(' · ')}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const SimEdge = memo(SimEdgeView);
