/** The design's monthly bill before it runs: each node's per-instance cost × its instances. */
import type { DesignNode } from '../model';

/** Billed instances, as the engine counts them: a database is its primary plus each replica. */
export function instancesOf(node: DesignNode): number {
  const replicas = node.kind === 'database' && typeof node.params.replicas === 'number' ? node.params.replicas : 0;
  return 1 + replicas;
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
