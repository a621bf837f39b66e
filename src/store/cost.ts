/** The design's monthly bill before it runs: each node's per-instance cost × its instances. */
import type { DesignNode } from '../model';

/**
 * Billed instances, as the engine counts them at the start of a run: a database is its primary
 * plus each replica, a server its instances (autoscaling starts from there).
 */
export function instancesOf(node: DesignNode): number {
  const { replicas, instances } = node.params;
  if (node.kind === 'database') return 1 + (typeof replicas === 'number' ? replicas : 0);
  if (node.kind === 'server') return typeof instances === 'number' ? instances : 1;
  return 1;
}

export function nodeCost(node: DesignNode): number {
  const each = node.params.costPerMonth;
  return typeof each === 'number' && Number.isFinite(each) ? each * instancesOf(node) : 0;
}

export function designCost(nodes: readonly DesignNode[]): number {
  let total = 0;
  for (const node of nodes) total += nodeCost(node);
  return Math.round(total * 100) / 100;
}
