/**
 * Turns a design into the plain JSON document of the interchange format (DESIGN.md), with a
 * stable key order so that files diff cleanly and equal designs serialise to equal text.
 * Files keep every param; links drop what restore() would fill back in anyway.
 */
import { DEFAULT_RUN } from '../model/restore';
import { EDGE_PARAM_SPECS, NODE_PARAM_SPECS, type ParamSpec, type Params } from '../model/params';
import { DESIGN_FORMAT, DESIGN_VERSION, type Design, type ScheduledFault } from '../model/types';

export interface DocumentOptions {
  /**
   * Leave out whatever restore() restores to the same value: params at their default, the
   * default run settings, no faults, edge ids restore() would generate. Changing a default in
   * the catalogue therefore needs a format version and a migration, or old links change.
   */
  compact?: boolean;
}

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
type JsonObject = { [key: string]: JsonValue };

export function designDocument(design: Design, options: DocumentOptions = {}): JsonObject {
  const compact = options.compact ?? false;
  const doc: JsonObject = {};
  if (!compact) doc.format = DESIGN_FORMAT;
  // Always written, even in links: a version-less document would be read as the newest one.
  doc.version = DESIGN_VERSION;
  doc.name = design.name;
  doc.seed = design.seed;
  if (design.practice !== undefined) doc.practice = design.practice;
  if (design.notes) doc.notes = design.notes;
  const run = design.run ?? DEFAULT_RUN;
  if (!compact || run.durationS !== DEFAULT_RUN.durationS || run.warmupS !== DEFAULT_RUN.warmupS) {
    doc.run = { durationS: run.durationS, warmupS: run.warmupS };
  }
  doc.nodes = design.nodes.map((node) => {
    const out: JsonObject = { id: node.id, kind: node.kind };
    if (node.label) out.label = node.label;
    out.position = compact
      ? { x: Math.round(node.position.x) + 0, y: Math.round(node.position.y) + 0 }
      : { x: node.position.x, y: node.position.y };
    const params = paramsDocument(NODE_PARAM_SPECS[node.kind] ?? [], node.params, compact);
    if (!compact || Object.keys(params).length > 0) out.params = params;
    return out;
  });
  doc.edges = design.edges.map((edge, index) => {
    const out: JsonObject = {};
    if (!compact || edge.id !== `e${index + 1}`) out.id = edge.id;
    out.source = edge.source;
    out.target = edge.target;
    const params = paramsDocument(EDGE_PARAM_SPECS, edge.params, compact);
    if (!compact || Object.keys(params).length > 0) out.params = params;
    return out;
  });
  const faults = design.faults ?? [];
  if (!compact || faults.length > 0) doc.faults = faults.map(faultDocument);
  return doc;
}

/** Catalogue order, catalogue keys only: a param the catalogue does not know is not part of the design. */
function paramsDocument(specs: readonly ParamSpec[], params: Params, compact: boolean): JsonObject {
  const out: JsonObject = {};
  for (const spec of specs) {
    if (!Object.prototype.hasOwnProperty.call(params, spec.key)) continue;
    const value = params[spec.key];
    if (value === undefined || (compact && value === spec.default)) continue;
    out[spec.key] = value;
  }
  return out;
}

function faultDocument(fault: ScheduledFault): JsonObject {
  const out: JsonObject = { atS: fault.atS, action: fault.action, target: fault.target };
  if (fault.factor !== undefined) out.factor = fault.factor;
  if (fault.latencyMs !== undefined) out.latencyMs = fault.latencyMs;
  if (fault.durationS !== undefined) out.durationS = fault.durationS;
  return out;
}
