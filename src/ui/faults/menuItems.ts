/**
 * The Inject fault menu's items for one node or connection: each action that applies to its
 * kind, with a few ready amounts (×2, ×5, ×10; +50 ms…), and the ones that would do nothing
 * right now (reviving a node that is up) disabled. Pure, so menus and tests share it.
 */
import type { EdgeLive, NodeLive } from '../../engine';
import type { ScheduledFault } from '../../model';
import { actionsFor, type FaultTarget } from '../../store/faults';

export interface FaultMenuItem {
  label: string;
  fault: Omit<ScheduledFault, 'atS'>;
  disabled?: boolean;
}

const FACTORS = [2, 5, 10];
const LATENCIES = [50, 200, 1000];

export function faultMenuItems(target: FaultTarget, node?: NodeLive, edge?: EdgeLive): FaultMenuItem[] {
  const items: FaultMenuItem[] = [];
  const id = target.id;
  for (const action of actionsFor(target)) {
    switch (action) {
      case 'kill':
        items.push({ label: 'Kill', fault: { action, target: id }, disabled: node?.state === 'down' });
        break;
      case 'revive':
        items.push({ label: 'Revive', fault: { action, target: id }, disabled: node !== undefined && node.state !== 'down' });
        break;
      case 'slow':
        for (const factor of FACTORS) {
          items.push({ label: `Slow ×${factor}`, fault: { action, target: id, factor }, disabled: node?.slowdown === factor });
        }
        items.push({ label: 'Normal speed', fault: { action, target: id, factor: 1 }, disabled: node !== undefined && node.slowdown === 1 });
        break;
      case 'spike':
        for (const factor of FACTORS) items.push({ label: `Spike traffic ×${factor}`, fault: { action, target: id, factor } });
        items.push({ label: 'End spike', fault: { action, target: id, factor: 1 } });
        break;
      case 'flush':
        items.push({ label: 'Flush cache', fault: { action, target: id } });
        break;
      case 'addLatency':
        for (const latencyMs of LATENCIES) {
          items.push({
            label: `Add latency +${latencyMs.toLocaleString('en')} ms`,
            fault: { action, target: id, latencyMs },
            disabled: edge?.addedLatencyMs === latencyMs,
          });
        }
        items.push({ label: 'Remove added latency', fault: { action, target: id, latencyMs: 0 }, disabled: edge !== undefined && edge.addedLatencyMs === 0 });
        break;
      case 'cut':
        items.push({
          label: target.type === 'node' ? 'Partition replicas' : 'Cut',
          fault: { action, target: id },
          disabled: edge?.cut === true,
        });
        break;
      case 'heal':
        items.push({
          label: target.type === 'node' ? 'Heal partition' : 'Heal',
          fault: { action, target: id },
          disabled: edge !== undefined && !edge.cut,
        });
        break;
    }
  }
  return items;
}
