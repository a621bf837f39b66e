/** A comparison asked for as text (`lb.algorithm`, `app.workers=2,4,8`), resolved against a design. */
import { EDGE_PARAM_SPECS, NODE_PARAM_SPECS, type Design, type ParamSpec, type ParamValue } from '../model';
import type { Subject } from './types';
import { defaultValues, parseValues } from './values';

/** The spec and current value of `subject` in `design`, or null when there is no such node, edge or param. */
export function findSubject(design: Design, { target, key }: Subject): { spec: ParamSpec; value: ParamValue } | null {
  const node = design.nodes.find((n) => n.id === target);
  const edge = node ? undefined : design.edges.find((e) => e.id === target);
  const owner = node ?? edge;
  const spec = (node ? NODE_PARAM_SPECS[node.kind] : EDGE_PARAM_SPECS).find((s) => s.key === key);
  return owner && spec ? { spec, value: owner.params[key] } : null;
}

export function resolveComparison(design: Design, text: string): { subject: Subject; values: ParamValue[] } | { error: string } {
  const [path, list] = text.split(/=(.*)/s, 2);
  const dot = path.lastIndexOf('.');
  if (dot <= 0 || dot === path.length - 1) return { error: `expected <node-or-edge>.<param>[=v1,v2,…], got '${text}'` };
  const subject = { target: path.slice(0, dot), key: path.slice(dot + 1) };
  const node = design.nodes.find((n) => n.id === subject.target);
  const edge = design.edges.find((e) => e.id === subject.target);
  if (!node && !edge) return { error: `there is no node or edge '${subject.target}'` };
  const found = findSubject(design, subject);
  if (!found) {
    const keys = (node ? NODE_PARAM_SPECS[node.kind] : EDGE_PARAM_SPECS).map((s) => s.key);
    return { error: `'${subject.target}' has no param '${subject.key}'; it has ${keys.join(', ')}` };
  }
  if (list === undefined) return { subject, values: defaultValues(found.spec, found.value) };
  const parsed =
    found.spec.type === 'enum'
      ? enumValues(found.spec.options, list)
      : parseValues(found.spec, list);
  return 'error' in parsed ? parsed : { subject, values: parsed.values };
}

function enumValues(options: readonly string[], list: string): { values: ParamValue[] } | { error: string } {
  const values = [...new Set(list.split(',').map((v) => v.trim()).filter(Boolean))];
  const unknown = values.find((v) => !options.includes(v));
  if (unknown !== undefined) return { error: `'${unknown}' is not one of ${options.join(', ')}` };
  return values.length > 0 ? { values } : { error: 'give at least one value' };
}
