/** A connection: a bezier with its live req/s, red while requests on it fail. */
import { memo } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import type { SimFlowEdge } from '../../store/convert';
import { useRun } from '../../store/run';
import { formatMs, formatRate } from '../format';

function SimEdgeView(props: EdgeProps<SimFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, selected, data, markerEnd } = props;
  const badge = useRun((s) => s.live?.edges.get(id));
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const params = data?.edge.params;
  const failing = badge?.failing ?? false;
  const note = [
    badge ? formatRate(badge.ratePerSecond) : null,
    !badge && params && (params.latencyMs as number) > 0 ? formatMs(params.latencyMs) : null,
    params && params.when !== 'always' ? `${params.when} only` : null,
  ].filter(Boolean);
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        markerEnd={markerEnd}
        className={`sim-edge${failing ? ' is-failing' : ''}${selected ? ' is-selected' : ''}${badge ? ' is-live' : ''}`}
      />
      {note.length > 0 && (
        <EdgeLabelRenderer>
          <div
            className={`edge-label nodrag nopan${failing ? ' is-failing' : ''}`}
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
