/** The right panel: the selected node's or connection's params, generated from the specs. */
import { EDGE_PARAM_SPECS, KIND_LABELS, KIND_NOTES, NODE_PARAM_SPECS, type DesignEdge, type DesignNode } from '../../model';
import { useDesign } from '../../store';
import { useRun } from '../../store/run';
import { useUi } from '../../store/ui';
import { deleteSelection } from '../actions';
import { KindIcon } from '../icons';
import { formatCount, formatMs, formatPercent, formatRate } from '../format';
import { ParamField } from './ParamField';
import { isRelevant } from './relevance';

function NodeInspector({ node }: { node: DesignNode }) {
  const setParam = useDesign((s) => s.setNodeParam);
  const setLabel = useDesign((s) => s.setNodeLabel);
  const running = useRun((s) => s.status === 'running' || s.status === 'paused');
  return (
    <>
      <header className="inspector-head">
        <span className={`inspector-icon kind-${node.kind}`}>
          <KindIcon kind={node.kind} size={22} />
        </span>
        <div>
          <h2 className="inspector-title">{KIND_LABELS[node.kind]}</h2>
          <p className="inspector-note">{KIND_NOTES[node.kind]}</p>
        </div>
      </header>
      <div className="field">
        <label htmlFor="node-name">Name</label>
        <input id="node-name" type="text" value={node.label ?? ''} placeholder={node.id} onChange={(e) => setLabel(node.id, e.target.value)} />
        <p className="field-help">
          Id <code>{node.id}</code>
        </p>
      </div>
      {running && <p className="inspector-live">Changes apply to the running simulation at once.</p>}
      <NodeFigures id={node.id} />
      {NODE_PARAM_SPECS[node.kind]
        .filter((spec) => isRelevant(spec.key, node.params))
        .map((spec) => (
          <ParamField
            key={`${node.id}:${spec.key}`}
            spec={spec}
            value={node.params[spec.key]}
            optionNotes={node.kind === 'loadBalancer' && spec.key === 'algorithm'}
            onCommit={(value) => setParam(node.id, spec.key, value)}
          />
        ))}
      <button type="button" className="btn btn-danger-ghost" onClick={deleteSelection}>
        Delete {KIND_LABELS[node.kind].toLowerCase()}
      </button>
    </>
  );
}

function NodeFigures({ id }: { id: string }) {
  const figures = useRun((s) => s.snapshot?.nodes.find((n) => n.id === id));
  const badge = useRun((s) => s.live?.nodes.get(id));
  if (!figures || !badge) return null;
  return (
    <dl className="inspector-figures" aria-label="Live figures">
      <div>
        <dt>Arrivals</dt>
        <dd>{formatRate(badge.ratePerSecond)}</dd>
      </div>
      <div>
        <dt>Utilisation</dt>
        <dd>{formatPercent(badge.utilization)}</dd>
      </div>
      <div>
        <dt>p50 / p99</dt>
        <dd>
          {formatMs(figures.latencyMs.p50)} / {formatMs(figures.latencyMs.p99)}
        </dd>
      </div>
      <div>
        <dt>Queue now</dt>
        <dd>{formatCount(figures.queueLength)}</dd>
      </div>
      <div>
        <dt>Completed</dt>
        <dd>{formatCount(figures.completed)}</dd>
      </div>
      <div>
        <dt>Failed</dt>
        <dd>{formatCount(figures.failed)}</dd>
      </div>
    </dl>
  );
}

function EdgeInspector({ edge }: { edge: DesignEdge }) {
  const setParam = useDesign((s) => s.setEdgeParam);
  const nodes = useDesign((s) => s.design.nodes);
  const source = nodes.find((n) => n.id === edge.source);
  const target = nodes.find((n) => n.id === edge.target);
  return (
    <>
      <header className="inspector-head">
        <div>
          <h2 className="inspector-title">Connection</h2>
          <p className="inspector-note">
            {source?.label ?? edge.source} → {target?.label ?? edge.target}
          </p>
        </div>
      </header>
      {EDGE_PARAM_SPECS.filter((spec) => isRelevant(spec.key, edge.params, { sourceKind: source?.kind })).map((spec) => (
        <ParamField
          key={`${edge.id}:${spec.key}`}
          spec={spec}
          value={edge.params[spec.key]}
          onCommit={(value) => setParam(edge.id, spec.key, value)}
        />
      ))}
      <button type="button" className="btn btn-danger-ghost" onClick={deleteSelection}>
        Delete connection
      </button>
    </>
  );
}

export function Inspector() {
  const design = useDesign((s) => s.design);
  const selectedNodes = useUi((s) => s.selectedNodes);
  const selectedEdges = useUi((s) => s.selectedEdges);
  const count = selectedNodes.size + selectedEdges.size;
  let body: React.ReactNode;
  if (count === 1 && selectedNodes.size === 1) {
    const node = design.nodes.find((n) => selectedNodes.has(n.id));
    body = node ? <NodeInspector key={node.id} node={node} /> : null;
  } else if (count === 1) {
    const edge = design.edges.find((e) => selectedEdges.has(e.id));
    body = edge ? <EdgeInspector key={edge.id} edge={edge} /> : null;
  } else if (count > 1) {
    body = (
      <div className="inspector-empty">
        <p>
          {selectedNodes.size} nodes and {selectedEdges.size} connections selected.
        </p>
        <button type="button" className="btn btn-danger-ghost" onClick={deleteSelection}>
          Delete selection
        </button>
      </div>
    );
  }
  return (
    <aside className="inspector" aria-label="Inspector">
      {body ?? (
        <div className="inspector-empty">
          <h2 className="panel-title">Inspector</h2>
          <p>Select a node or a connection to see and edit its parameters.</p>
          <p className="muted">
            {design.nodes.length} nodes · {design.edges.length} connections
          </p>
        </div>
      )}
    </aside>
  );
}
