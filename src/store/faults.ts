/**
 * Which faults apply where, in words a person reads, and the check a scheduled fault passes
 * before it enters the design. The model's restore() is the gate (node vs edge targets, ranges);
 * on top of it this refuses faults the engine would ignore (flushing a server), so a timeline
 * never shows a fault that does nothing.
 */
import { KIND_LABELS, nodeName, restore, type Design, type FaultAction, type NodeKind, type ScheduledFault } from '../model';

/** What a fault is aimed at: a node of a kind, or a connection. */
export type FaultTarget = { type: 'node'; id: string; kind: NodeKind; replicas: number } | { type: 'edge'; id: string };

export const FAULT_ACTION_LABELS: Record<FaultAction, string> = {
  kill: 'Kill',
  revive: 'Revive',
  slow: 'Slow',
  addLatency: 'Add latency',
  cut: 'Cut',
  heal: 'Heal',
  flush: 'Flush cache',
  spike: 'Spike traffic',
};

/** Kinds whose work takes a service time, so `slow` (service time × k) has an effect. */
const SLOWABLE = new Set<NodeKind>(['server', 'database', 'cache', 'cdn']);

/** The actions that do something to this target, in the order menus list them. */
export function actionsFor(target: FaultTarget): FaultAction[] {
  if (target.type === 'edge') return ['addLatency', 'cut', 'heal'];
  // A client is nobody's target: killing it does nothing; its faults are traffic spikes.
  if (target.kind === 'client') return ['spike'];
  const actions: FaultAction[] = ['kill', 'revive'];
  if (SLOWABLE.has(target.kind)) actions.push('slow');
  if (target.kind === 'cache' || target.kind === 'cdn') actions.push('flush');
  // cut/heal on a database partition its primary from its replicas; without replicas there is nothing to cut.
  if (target.kind === 'database' && target.replicas > 0) actions.push('cut', 'heal');
  return actions;
}

export function targetOf(design: Design, id: string): FaultTarget | null {
  const node = design.nodes.find((n) => n.id === id);
  if (node) {
    const replicas = typeof node.params.replicas === 'number' ? node.params.replicas : 0;
    return { type: 'node', id, kind: node.kind, replicas };
  }
  return design.edges.some((e) => e.id === id) ? { type: 'edge', id } : null;
}

/** A node's or a connection's name as the canvas shows it ("App 1", "Users → Load balancer"). */
export function targetName(design: Design, id: string): string {
  const node = design.nodes.find((n) => n.id === id);
  if (node) return node.label ?? node.id;
  const edge = design.edges.find((e) => e.id === id);
  if (!edge) return id;
  return `${nodeName(design, edge.source)} → ${nodeName(design, edge.target)}`;
}

/** What the fault's amount means for an action: slow/spike take a factor, addLatency milliseconds. */
export function amountOf(action: FaultAction): 'factor' | 'latencyMs' | null {
  if (action === 'slow' || action === 'spike') return 'factor';
  if (action === 'addLatency') return 'latencyMs';
  return null;
}

/** Whether a timed fault ends by itself (a kill is revived, a cut healed); revive, heal and flush are instants. */
export function canLast(action: FaultAction): boolean {
  return action !== 'revive' && action !== 'heal' && action !== 'flush';
}

/** "Slow ×3", "Add latency +200 ms", "Cut", with the target's kind-specific wording. */
export function describeAction(fault: Pick<ScheduledFault, 'action' | 'factor' | 'latencyMs'>, target?: FaultTarget | null): string {
  const { action } = fault;
  if (action === 'slow') return `Slow ×${formatAmount(fault.factor ?? 1)}`;
  if (action === 'spike') return `Spike traffic ×${formatAmount(fault.factor ?? 1)}`;
  if (action === 'addLatency') return `Add latency +${formatAmount(fault.latencyMs ?? 0)} ms`;
  if (target?.type === 'node' && target.kind === 'database') {
    if (action === 'cut') return 'Partition replicas';
    if (action === 'heal') return 'Heal partition';
  }
  return FAULT_ACTION_LABELS[action];
}

function formatAmount(x: number): string {
  return Number.isInteger(x) ? x.toLocaleString('en') : String(Number(x.toPrecision(4)));
}

/**
 * Why the design cannot hold this scheduled fault, or null when it can. The restore() gate
 * decides the format rules; its "Scheduled fault #1" becomes "This fault" for a form.
 */
export function faultProblem(design: Design, fault: ScheduledFault): string | null {
  const target = targetOf(design, fault.target);
  if (!target) return `There is no node or connection '${fault.target}' to aim the fault at.`;
  if (!actionsFor(target).includes(fault.action)) {
    const what = target.type === 'edge' ? 'a connection' : `a ${KIND_LABELS[target.kind].toLowerCase()}`;
    const hint =
      target.type === 'node' && target.kind === 'database' && (fault.action === 'cut' || fault.action === 'heal')
        ? ' (give the database replicas first)'
        : '';
    return `${FAULT_ACTION_LABELS[fault.action]} does not apply to ${what}${hint}; choose one of: ${actionsFor(target)
      .map((a) => FAULT_ACTION_LABELS[a])
      .join(', ')}.`;
  }
  // Only ids and ends matter to the fault rules, so the gate checks a skeleton of the design.
  const skeleton = {
    version: 1,
    nodes: design.nodes.map((n) => ({ id: n.id, kind: n.kind })),
    edges: design.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
    faults: [fault],
  };
  const result = restore(skeleton);
  if (result.ok) return null;
  const message = result.problems[0].message;
  // "Scheduled fault #1 is malformed: factor must be …" reads as the form's own words.
  const field = /^Scheduled fault #1 is malformed: (\w+) (.*)$/.exec(message);
  if (field && FIELD_NAMES[field[1]]) return `${FIELD_NAMES[field[1]]} ${field[2]}`;
  return message.replace(/^Scheduled fault #1( \([a-zA-Z]+\))?/, 'This fault');
}

/** The schema's field names as the Faults form labels them. */
export const FIELD_NAMES: Record<string, string> = {
  atS: 'When',
  factor: 'The factor',
  latencyMs: 'The extra latency',
  durationS: 'Lasts',
  target: 'The target',
};

/** The fault with only the fields its action uses (a kill carries no factor), as restore() would keep it. */
export function normalizeFault(fault: ScheduledFault): ScheduledFault {
  const out: ScheduledFault = { atS: fault.atS, action: fault.action, target: fault.target };
  const amount = amountOf(fault.action);
  if (amount === 'factor' && fault.factor !== undefined) out.factor = fault.factor;
  if (amount === 'latencyMs' && fault.latencyMs !== undefined) out.latencyMs = fault.latencyMs;
  if (canLast(fault.action) && fault.durationS !== undefined && fault.durationS > 0) out.durationS = fault.durationS;
  return out;
}

/** Faults in time order; equal times keep their order (the engine applies them in that order). */
export function sortFaults(faults: readonly ScheduledFault[]): ScheduledFault[] {
  return faults
    .map((f, i) => [f, i] as const)
    .sort((a, b) => a[0].atS - b[0].atS || a[1] - b[1])
    .map(([f]) => f);
}
