/**
 * The inspector's queueing theory for a node: what the textbook model of its station predicts
 * for the arrivals measured so far, beside what the simulation measured — where the two agree
 * the model explains the node, and where they part the arrivals are not the random, steady
 * stream it assumes.
 */
import type { DesignNode } from '../../model';
import { useDesign } from '../../store';
import { useRun } from '../../store/run';
import { stationTheory, type StationTheory } from '../../insights/queueing';
import { formatMs, formatPercent, formatRate, plural } from '../format';

/** The theory for the node from the latest snapshot, or null when the model does not describe it (yet). */
function useTheory(node: DesignNode): StationTheory | null {
  const design = useDesign((s) => s.design);
  const figures = useRun((s) => s.snapshot?.nodes.find((n) => n.id === node.id));
  const measuredS = useRun((s) => s.snapshot?.measuredS ?? 0);
  return figures ? stationTheory(design, node, figures, measuredS) : null;
}

export function QueueingTheory({ node }: { node: DesignNode }) {
  const theory = useTheory(node);
  if (!theory) return null;
  const { model, method, servers, serviceMs, utilization, saturatesAtPerSecond, predictedWaitMs, measuredWaitMs } = theory;
  return (
    <section className="inspector-section" aria-label="Queueing theory">
      <h3 className="inspector-section-title">Queueing theory</h3>
      <p className="inspector-section-note">
        Modelled as an {model} queue: {formatRate(theory.arrivalsPerSecond)} on {plural(servers, 'worker')} of {formatMs(serviceMs)} each is ρ ={' '}
        {formatPercent(utilization)} of the {formatRate(saturatesAtPerSecond)} {servers === 1 ? 'it' : 'they'} can serve.
      </p>
      <dl className="inspector-figures" aria-label="Mean wait for a worker">
        <div>
          <dt title={`The model's mean wait for a worker (${method})`}>Wait, predicted</dt>
          <dd>{predictedWaitMs === null ? 'grows without end' : formatMs(predictedWaitMs)}</dd>
        </div>
        <div>
          <dt title="Mean queue length ÷ arrival rate (Little's law)">Wait, measured</dt>
          <dd>{formatMs(measuredWaitMs)}</dd>
        </div>
      </dl>
      <p className="inspector-section-note">
        {method} assumes random (Poisson) arrivals at a steady rate: traffic a balancer spreads evenly waits less, bursts wait more.
      </p>
    </section>
  );
}
