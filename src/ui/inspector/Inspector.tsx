/** The right panel: the selected node's or connection's params, generated from the specs. */
import type { ReactNode } from 'react';
import { autoscales, EDGE_PARAM_SPECS, KIND_LABELS, KIND_NOTES, NODE_PARAM_SPECS, type DesignEdge, type DesignNode, type ParamSpec, type ParamValue } from '../../model';
import { useDesign } from '../../store';
import { instancesOf, nodeCost } from '../../store/cost';
import { useScenario } from '../../store/practice';
import { useRun } from '../../store/run';
import { fixedFor } from '../../practice/rules';
import { useUi } from '../../store/ui';
import { deleteSelection } from '../actions';
import { openCompare } from '../compare/actions';
import { InjectFaultButton } from '../faults/FaultMenu';
import { KindIcon } from '../icons';
import { formatCost, formatCount, formatMs, formatPercent, formatRate, plural } from '../format';
import { DesignSettings } from './DesignSettings';
import { ParamField } from './ParamField';
import { QueueingTheory } from './QueueingTheory';
import { RateEstimate } from './RateEstimate';
import { isRelevant } from './relevance';
import './inspector.css';

/** Params that decide how the design behaves when something fails, shown under their own heading. */
const RESILIENCE_KEYS = new Set(['timeoutMs', 'retries', 'backoffMs', 'retryBudgetPercent', 'errorRate', 'onCallFailure', 'queueOrder', 'expiredRequests', 'healthCheckIntervalS', 'hedgeAfterMs']);
/** A server's instances and how it scales them, under their own heading. */
const SCALING_KEYS = new Set(['instances', 'maxInstances', 'targetUtilization', 'scaleIntervalS', 'provisionS']);
const isBreaker = (key: string) => key.startsWith('breaker');
/** Every param that changes what the simulation does can be compared; a price only changes the total. */
const COMPARABLE = (spec: ParamSpec) => spec.key !== 'costPerMonth';

type Group = { title: string | null; note?: string; specs: ParamSpec[] };

function groupNodeSpecs(specs: readonly ParamSpec[]): Group[] {
  const main = specs.filter((s) => !RESILIENCE_KEYS.has(s.key) && !SCALING_KEYS.has(s.key) && s.key !== 'costPerMonth');
  const scaling = specs.filter((s) => SCALING_KEYS.has(s.key));
  const resilience = specs.filter((s) => RESILIENCE_KEYS.has(s.key));
  const cost = specs.filter((s) => s.key === 'costPerMonth');
  return [
    { title: null, specs: main },
    { title: 'Scaling', specs: scaling },
    { title: 'Resilience', specs: resilience },
    { title: 'Cost', specs: cost },
  ].filter((g) => g.specs.length > 0);
}

function Section({ title, note, children }: { title: string | null; note?: ReactNode; children: ReactNode }) {
  if (!title) return <>{children}</>;
  return (
    <section className="inspector-section" aria-label={title}>
      <h3 className="inspector-section-title">{title}</h3>
      {note && <p className="inspector-section-note">{note}</p>}
      {children}
    </section>
  );
}

const STATE_TEXT = { closed: 'Closed', open: 'Open', halfOpen: 'Half-open' } as const;

/** What the practice brief on, if any, fixes for this node. */
function useBriefFixed(node: DesignNode) {
  const scenario = useScenario();
  return scenario ? fixedFor(node, scenario) : null;
}

function NodeInspector({ node }: { node: DesignNode }) {
  const fixed = useBriefFixed(node);
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
      <NodeFigures node={node} />
      <InjectFaultButton targetId={node.id} />
      <QueueingTheory node={node} />
      {groupNodeSpecs(NODE_PARAM_SPECS[node.kind].filter((spec) => isRelevant(spec.key, node.params))).map((group) => (
        <Section key={group.title ?? 'main'} title={group.title} note={group.title === 'Cost' ? <CostNote node={node} /> : group.title === 'Scaling' ? <ScalingNote node={node} /> : undefined}>
          {group.specs.map((spec) => (
            <ParamField
              key={`${node.id}:${spec.key}`}
              spec={spec}
              value={node.params[spec.key]}
              optionNotes={node.kind === 'loadBalancer' && spec.key === 'algorithm'}
              compareShown={node.kind === 'loadBalancer' && spec.key === 'algorithm'}
              fixed={fixed?.[spec.key]}
              onCompare={COMPARABLE(spec) ? () => openCompare({ target: node.id, key: spec.key }) : undefined}
              onCommit={(value: ParamValue) => setParam(node.id, spec.key, value)}
            >
              {node.kind === 'client' && spec.key === 'ratePerSecond' && fixed?.[spec.key] === undefined && <RateEstimate onUse={(rate) => setParam(node.id, spec.key, rate)} />}
            </ParamField>
          ))}
        </Section>
      ))}
      <button type="button" className="btn btn-danger-ghost" onClick={deleteSelection}>
        Delete {KIND_LABELS[node.kind].toLowerCase()}
      </button>
    </>
  );
}

function NodeFigures({ node }: { node: DesignNode }) {
  const id = node.id;
  const figures = useRun((s) => s.snapshot?.nodes.find((n) => n.id === id));
  const badge = useRun((s) => s.live?.nodes.get(id));
  if (!figures || !badge) return null;
  return (
    <dl className="inspector-figures" aria-label="Live figures">
      <div>
        <dt>Arrivals</dt>
        <dd>{formatRate(badge.ratePerSecond)}</dd>
      </div>
      {/* A node that passes calls straight on has neither: both would always read 0. */}
      {badge.ownWork && (
        <div>
          <dt>Utilisation</dt>
          <dd>{formatPercent(badge.utilization)}</dd>
        </div>
      )}
      <div>
        <dt title="99th percentile latency in the last second of simulated time">p99 lately</dt>
        <dd>{badge.p99Ms === null ? '—' : formatMs(badge.p99Ms)}</dd>
      </div>
      <div>
        <dt title="Over every call answered since the run began (after its warm-up)">p50 / p99 overall</dt>
        <dd>{figures.completed > 0 ? `${formatMs(figures.latencyMs.p50)} / ${formatMs(figures.latencyMs.p99)}` : '—'}</dd>
      </div>
      {badge.ownWork && (
        <div>
          <dt>Queue now</dt>
          <dd>{formatCount(figures.queueLength)}</dd>
        </div>
      )}
      <div>
        <dt>Completed</dt>
        <dd>{formatCount(figures.completed)}</dd>
      </div>
      <div>
        <dt>Failed</dt>
        <dd>{formatCount(figures.failed)}</dd>
      </div>
      {figures.state !== 'up' && (
        <div className="is-bad">
          <dt>State</dt>
          <dd>{figures.state === 'down' ? 'Down' : `Slowed ×${figures.slowdown}`}</dd>
        </div>
      )}
      {figures.hitRatio !== null && (
        <div>
          <dt>Hit ratio</dt>
          <dd>{formatPercent(figures.hitRatio)}</dd>
        </div>
      )}
      {figures.backlog !== null && (
        <div>
          <dt>Backlog</dt>
          <dd>{plural(figures.backlog, 'message')}</dd>
        </div>
      )}
      {figures.consumerLagMs !== null && (
        <div>
          <dt>Consumer lag</dt>
          <dd>{formatMs(figures.consumerLagMs)}</dd>
        </div>
      )}
      {figures.longestWaitMs !== null && (
        <div title="The longest any message has waited for a consumer since the warm-up">
          <dt>Longest wait</dt>
          <dd>{formatMs(figures.longestWaitMs)}</dd>
        </div>
      )}
      {(figures.expired > 0 || node.params.expiredRequests === 'skip') && (
        <div title="Waiting requests answered unserved because their client had already given up">
          <dt>Skipped, expired</dt>
          <dd>{formatCount(figures.expired)}</dd>
        </div>
      )}
      {figures.degraded !== null && (
        <div title="Calls out that failed and were answered around: requests answered without what they would have given">
          <dt>Degraded</dt>
          <dd>{formatCount(figures.degraded)}</dd>
        </div>
      )}
      {figures.concurrentMisses !== null && (
        <div
          title={
            node.params.coalescing === 'on'
              ? 'Reads that missed a key already being fetched and waited for that fetch'
              : 'Reads that missed a key already being fetched and fetched it again (request coalescing would have them wait)'
          }
        >
          <dt>{node.params.coalescing === 'on' ? 'Coalesced reads' : 'Repeat fetches'}</dt>
          <dd>{formatCount(figures.concurrentMisses)}</dd>
        </div>
      )}
      {figures.staleReads !== null && (
        <div
          // A replica's stale reads are a hazard; a cache's are its stale-while-revalidate at work.
          className={node.kind === 'database' && figures.staleReads > 0 ? 'is-warn' : undefined}
          title={node.kind === 'database' ? 'Replica reads that answered before applying the latest write' : 'Reads answered with an entry past its TTL while one fetch refreshed it'}
        >
          <dt>Stale reads</dt>
          <dd>{formatCount(figures.staleReads)}</dd>
        </div>
      )}
      {figures.breaker !== null && (
        <div className={figures.breaker !== 'closed' ? 'is-bad' : undefined}>
          <dt>Breaker</dt>
          <dd>{STATE_TEXT[figures.breaker]}</dd>
        </div>
      )}
    </dl>
  );
}

function CostNote({ node }: { node: DesignNode }) {
  const instances = instancesOf(node);
  if (instances === 1) return null;
  const which =
    node.kind === 'database' ? ` (the primary and ${plural(instances - 1, 'replica')})` : node.kind === 'server' && autoscales(node.params) ? ', the fewest; each one autoscaling adds costs as much' : '';
  return (
    <>
      {formatCost(nodeCost(node))} for {plural(instances, 'instance')}
      {which}.
    </>
  );
}

function ScalingNote({ node }: { node: DesignNode }) {
  return autoscales(node.params) ? null : <>Autoscaling is off: set Max instances above Instances to add and remove instances with the load.</>;
}

function EdgeFigures({ id }: { id: string }) {
  const figures = useRun((s) => s.snapshot?.edges.find((e) => e.id === id));
  const badge = useRun((s) => s.live?.edges.get(id));
  if (!figures) return null;
  return (
    <dl className="inspector-figures" aria-label="Live figures">
      <div>
        <dt>Requests</dt>
        <dd>{formatRate(badge?.ratePerSecond ?? null)}</dd>
      </div>
      <div className={figures.failed > 0 ? 'is-bad' : undefined}>
        <dt>Failed</dt>
        <dd>{formatCount(figures.failed)}</dd>
      </div>
      {figures.breaker !== null && (
        <div className={figures.breaker !== 'closed' ? 'is-bad' : undefined}>
          <dt>Breaker</dt>
          <dd>
            {STATE_TEXT[figures.breaker]} · opened {plural(figures.breakerOpens, 'time')}
          </dd>
        </div>
      )}
      {figures.cut && (
        <div className="is-bad">
          <dt>Network</dt>
          <dd>Cut</dd>
        </div>
      )}
      {figures.addedLatencyMs > 0 && (
        <div className="is-warn">
          <dt>Added latency</dt>
          <dd>+{formatMs(figures.addedLatencyMs)}</dd>
        </div>
      )}
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
      <EdgeFigures id={edge.id} />
      <InjectFaultButton targetId={edge.id} />
      {[
        { title: null, specs: EDGE_PARAM_SPECS.filter((spec) => !isBreaker(spec.key)) },
        { title: 'Circuit breaker', specs: EDGE_PARAM_SPECS.filter((spec) => isBreaker(spec.key)) },
      ].map((group) => (
        <Section
          key={group.title ?? 'main'}
          title={group.title}
          note={group.title && edge.params.breakerFailures === 0 ? 'Off. Set a threshold to fail fast after that many failures.' : undefined}
        >
          {group.specs
            .filter((spec) => isRelevant(spec.key, edge.params, { sourceKind: source?.kind }))
            .map((spec) => (
              <ParamField
                key={`${edge.id}:${spec.key}`}
                spec={spec}
                value={edge.params[spec.key]}
                onCompare={COMPARABLE(spec) ? () => openCompare({ target: edge.id, key: spec.key }) : undefined}
                onCommit={(value: ParamValue) => setParam(edge.id, spec.key, value)}
              />
            ))}
        </Section>
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
          {plural(selectedNodes.size, 'node')} and {plural(selectedEdges.size, 'connection')} selected.
        </p>
        <button type="button" className="btn btn-danger-ghost" onClick={deleteSelection}>
          Delete selection
        </button>
      </div>
    );
  }
  return (
    <aside className="inspector" aria-label="Inspector">
      {body ?? <DesignSettings />}
    </aside>
  );
}
