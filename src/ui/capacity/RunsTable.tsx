/** Every run of a capacity search as a row, in order of load: the curve's figures for those who do not read charts. */
import type { LoadPoint } from '../../capacity/types';
import type { Design } from '../../model';
import { targetName } from '../../store/faults';
import { formatMs, formatPercent, formatRate } from '../format';
import { answeredP99 } from './curve';
import { formatScale } from '../../capacity/verdict';

interface Props {
  points: readonly LoadPoint[];
  /** The design the runs were of, for the busiest nodes' names. */
  design: Design;
  /** The highest load that met the target, marked; null while searching or when none did. */
  carried: LoadPoint | null;
}

const DASH = '—';

function Meets({ point }: { point: LoadPoint }) {
  return point.meets ? (
    <td className="capacity-meets is-ok">
      <span aria-hidden="true">✓</span>
      <span className="visually-hidden">Meets the target</span>
    </td>
  ) : (
    <td className="capacity-meets is-bad">
      <span aria-hidden="true">✗ </span>
      <span className="visually-hidden">Misses: </span>
      {point.shortfall}
    </td>
  );
}

export function RunsTable({ points, design, carried }: Props) {
  const rows = [...points].sort((a, b) => a.scale - b.scale);
  const queues = rows.some((p) => p.queueLagMs !== null);
  return (
    <table className="capacity-table">
      <caption className="visually-hidden">Each run of the search, in order of load</caption>
      <thead>
        <tr>
          <th scope="col">Load</th>
          <th scope="col">Offered</th>
          <th scope="col">Throughput</th>
          <th scope="col">p99</th>
          <th scope="col">Errors</th>
          {queues && <th scope="col">Queue wait</th>}
          <th scope="col" className="capacity-busiest">
            Busiest node
          </th>
          <th scope="col" className="capacity-meets">
            Meets target
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((point) => {
          const p99 = answeredP99(point);
          return (
            <tr key={point.scale} className={point.scale === carried?.scale ? 'is-carried' : undefined}>
              <th scope="row">
                {formatScale(point.scale)}
                {point.scale === 1 && <span className="capacity-tag"> today</span>}
                {point.scale === carried?.scale && <span className="capacity-tag"> capacity</span>}
              </th>
              <td>{formatRate(point.offeredPerSecond)}</td>
              <td>{formatRate(point.throughputPerSecond)}</td>
              <td>{p99 === null ? DASH : formatMs(p99)}</td>
              <td className={point.errorRate > 0 ? 'is-bad' : undefined}>{formatPercent(point.errorRate)}</td>
              {queues && <td>{point.queueLagMs === null ? DASH : formatMs(point.queueLagMs)}</td>}
              <td className="capacity-busiest">{point.busiest ? `${targetName(design, point.busiest.nodeId)} · ${formatPercent(point.busiest.utilization)}` : DASH}</td>
              <Meets point={point} />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
