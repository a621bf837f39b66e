/**
 * The one gate for outside input. Links, files, autosave and the CLI all pass what they read
 * through restore(): it parses, migrates old versions, validates against the schema, fills
 * every default and normalises, and returns either a complete design or clear problems.
 * It never throws, and nothing it returns aliases the input.
 */
import { z } from 'zod';
import { migrate } from './migrations';
import { EDGE_PARAM_SPECS, NODE_KINDS, NODE_PARAM_SPECS, type NodeKind, type ParamSpec, type Params } from './params';
import {
  DESIGN_FORMAT,
  DESIGN_VERSION,
  FAULT_ACTIONS,
  type Design,
  type DesignEdge,
  type DesignNode,
  type Problem,
  type ScheduledFault,
} from './types';

export const LIMITS = {
  /** Decoded size of a document, in characters. */
  maxChars: 1_000_000,
  maxNodes: 1000,
  maxEdges: 5000,
  maxFaults: 1000,
  maxIdLength: 100,
  maxLabelLength: 100,
  maxNameLength: 200,
  /** A design's notes, in characters. */
  maxNotesLength: 10_000,
  maxDurationS: 1_000_000,
  /** Canvas coordinates; anything further out is a corrupted or hand-made file, not a drag. */
  maxCoordinate: 1_000_000,
} as const;

/**
 * Names that must never become ids: ids end up as keys of plain objects (run reports keyed by
 * node id), where `__proto__` would replace the prototype and `constructor` would read one.
 */
const RESERVED_IDS = new Set(['__proto__', 'constructor', 'prototype']);

const MAX_PROBLEMS = 50;

/** Fault actions that act on an edge; every other action acts on a node. */
const EDGE_FAULT_ACTIONS = new Set<string>(['addLatency', 'cut', 'heal']);

export const DEFAULT_RUN = { durationS: 60, warmupS: 5 } as const;

export type RestoreResult = { ok: true; design: Design; warnings: string[] } | { ok: false; problems: Problem[] };

const finite = z.number().refine(Number.isFinite);
const idString = z.string().trim().min(1).max(LIMITS.maxIdLength);
const loose = z.record(z.string(), z.unknown());

const envelopeSchema = z.object({
  name: z.unknown().optional(),
  seed: z.unknown().optional(),
  nodes: z.array(loose).max(LIMITS.maxNodes),
  edges: z.array(loose).max(LIMITS.maxEdges).optional(),
  faults: z.array(loose).max(LIMITS.maxFaults).optional(),
  run: loose.optional(),
  practice: z.unknown().optional(),
  notes: z.unknown().optional(),
});

/** A practice scenario's id: a short slug. Anything else is ignored like an unknown field. */
const PRACTICE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const nodeShape = z.object({
  id: idString,
  kind: z.string(),
  label: z.unknown().optional(),
  // A missing or malformed position is forgiven (the node goes to the origin); a far-out one is not.
  position: z.object({ x: finite, y: finite }).optional().catch(undefined),
  params: loose.optional().catch(undefined),
});

const edgeShape = z.object({
  id: idString.optional(),
  source: idString,
  target: idString,
  params: loose.optional().catch(undefined),
});

const faultShape = z.object({
  atS: finite.min(0).max(LIMITS.maxDurationS),
  action: z.enum(FAULT_ACTIONS),
  target: idString,
  factor: finite.min(0).max(1000).optional(),
  latencyMs: finite.min(0).max(600_000).optional(),
  durationS: finite.min(0).max(LIMITS.maxDurationS).optional(),
});

export function restore(input: unknown): RestoreResult {
  try {
    return restoreUnsafe(input);
  } catch (error) {
    // restore() is a gate: nothing may get past it as an exception.
    return { ok: false, problems: [{ message: `Could not read the design: ${String(error)}` }] };
  }
}

function restoreUnsafe(input: unknown): RestoreResult {
  let raw = input;
  if (typeof raw === 'string') {
    if (raw.length > LIMITS.maxChars) {
      return fail(`The design is too large (${raw.length.toLocaleString('en')} characters; the limit is 1 MB).`);
    }
    // Editors on Windows like to start UTF-8 files with a byte order mark, which JSON.parse refuses.
    const text = (raw as string).charCodeAt(0) === 0xfeff ? (raw as string).slice(1) : (raw as string);
    try {
      raw = JSON.parse(text);
    } catch {
      return fail('This is not a design file: it is not valid JSON.');
    }
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return fail('This is not an Archsim design: expected a JSON object with nodes and edges.');
  }
  // A document that names another format is not a design, however it is shaped (a run's exported results most of all).
  const format = (raw as Record<string, unknown>).format;
  if (format === 'archsim.results') return fail("This is a run's results (File → Export results), not a design: open the design's own JSON (File → Export JSON).");
  if (typeof format === 'string' && format !== DESIGN_FORMAT) return fail(`This is not an Archsim design: its format is '${plainText(format, 60)}', not '${DESIGN_FORMAT}'.`);
  const warnings: string[] = [];
  const migrated = migrate(raw as Record<string, unknown>, warnings);
  if (!migrated.ok) return fail(migrated.problem);
  const doc = migrated.doc;

  const envelope = envelopeSchema.safeParse(doc);
  if (!envelope.success) {
    return fail(`This is not an Archsim design: ${explainIssue(envelope.error.issues[0], doc)}.`);
  }
  const problems: Problem[] = [];

  const nodes: DesignNode[] = [];
  const nodeIds = new Set<string>();
  envelope.data.nodes.forEach((rawNode, index) => {
    const node = restoreNode(rawNode, index, problems);
    if (!node) return;
    if (nodeIds.has(node.id)) {
      problems.push({ message: `Two nodes share the id '${node.id}'.`, nodeId: node.id });
      return;
    }
    nodeIds.add(node.id);
    nodes.push(node);
  });

  const edges: DesignEdge[] = [];
  const edgeIds = new Set<string>();
  const links = new Set<string>();
  // A generated id must not take an id that a later edge states explicitly.
  const explicitEdgeIds = new Set<string>();
  for (const rawEdge of envelope.data.edges ?? []) {
    if (typeof rawEdge.id === 'string') explicitEdgeIds.add(rawEdge.id.trim());
  }
  (envelope.data.edges ?? []).forEach((rawEdge, index) => {
    const edge = restoreEdge(rawEdge, index, edgeIds, explicitEdgeIds, problems);
    if (!edge) return;
    for (const end of [edge.source, edge.target]) {
      if (!nodeIds.has(end)) {
        problems.push({ message: `Edge ${edge.id} points at node '${end}', which does not exist.`, edgeId: edge.id });
        return;
      }
    }
    if (edge.source === edge.target) {
      problems.push({ message: `Edge ${edge.id} connects node '${edge.source}' to itself.`, edgeId: edge.id });
      return;
    }
    const link = `${edge.source}\u0000${edge.target}`;
    if (links.has(link)) {
      problems.push({
        message: `Edge ${edge.id} repeats a connection from '${edge.source}' to '${edge.target}'.`,
        edgeId: edge.id,
      });
      return;
    }
    links.add(link);
    edgeIds.add(edge.id);
    edges.push(edge);
  });

  const databaseIds = new Set(nodes.filter((n) => n.kind === 'database').map((n) => n.id));
  const faults: ScheduledFault[] = [];
  (envelope.data.faults ?? []).forEach((rawFault, index) => {
    const parsed = faultShape.safeParse(rawFault);
    if (!parsed.success) {
      problems.push({ message: `Scheduled fault #${index + 1} is malformed: ${explainIssue(parsed.error.issues[0], rawFault)}.` });
      return;
    }
    const fault = parsed.data;
    const onEdge = EDGE_FAULT_ACTIONS.has(fault.action);
    // A cut (or heal) may also name a database: it partitions the primary from its replicas.
    const partitionsDatabase =
      (fault.action === 'cut' || fault.action === 'heal') && databaseIds.has(fault.target);
    if (!partitionsDatabase && !(onEdge ? edgeIds : nodeIds).has(fault.target)) {
      const exists = nodeIds.has(fault.target) || edgeIds.has(fault.target);
      problems.push({
        message: exists
          ? `Scheduled fault #${index + 1} (${fault.action}) must target ${onEdge ? 'an edge' : 'a node'}, but '${fault.target}' is ${onEdge ? 'a node' : 'an edge'}.`
          : `Scheduled fault #${index + 1} targets '${fault.target}', which does not exist.`,
      });
      return;
    }
    faults.push(stripUndefined(fault));
  });
  faults.sort((a, b) => a.atS - b.atS);

  const name = restoreText(envelope.data.name, LIMITS.maxNameLength) || 'Untitled design';
  const seed = restoreSeed(envelope.data.seed, problems);
  const run = restoreRun(envelope.data.run, problems);
  const practice = envelope.data.practice;
  const notes = restoreNotes(envelope.data.notes);

  if (problems.length > MAX_PROBLEMS) {
    // A thousand copies of the same mistake help nobody and would flood the alert.
    const more = problems.length - MAX_PROBLEMS;
    problems.splice(MAX_PROBLEMS, more, { message: `…and ${more.toLocaleString('en')} more problems.` });
  }
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    warnings,
    design: {
      format: DESIGN_FORMAT,
      version: DESIGN_VERSION,
      name,
      seed,
      nodes,
      edges,
      faults,
      run,
      ...(typeof practice === 'string' && practice.length <= LIMITS.maxIdLength && PRACTICE_ID.test(practice) ? { practice } : {}),
      ...(notes ? { notes } : {}),
    },
  };
}

function fail(message: string): RestoreResult {
  return { ok: false, problems: [{ message }] };
}

function restoreNode(rawNode: Record<string, unknown>, index: number, problems: Problem[]): DesignNode | null {
  const parsed = nodeShape.safeParse(rawNode);
  if (!parsed.success) {
    problems.push({ message: `Node #${index + 1} is malformed: ${explainIssue(parsed.error.issues[0], rawNode)}.` });
    return null;
  }
  const { id, kind, label, position, params } = parsed.data;
  if (RESERVED_IDS.has(id)) {
    problems.push({ message: `Node #${index + 1} uses the reserved id '${id}'; give it another id.` });
    return null;
  }
  if (!(NODE_KINDS as readonly string[]).includes(kind)) {
    problems.push({
      message: `Node '${id}' has unknown kind '${kind.slice(0, 40)}' (expected one of ${NODE_KINDS.join(', ')}).`,
      nodeId: id,
    });
    return null;
  }
  const x = position?.x ?? 0;
  const y = position?.y ?? 0;
  if (Math.abs(x) > LIMITS.maxCoordinate || Math.abs(y) > LIMITS.maxCoordinate) {
    problems.push({
      message: `Node '${id}' is placed absurdly far away (${describe(x)}, ${describe(y)}); positions must be within ±${LIMITS.maxCoordinate.toLocaleString('en')}.`,
      nodeId: id,
    });
    return null;
  }
  const node: DesignNode = {
    id,
    kind: kind as NodeKind,
    position: { x: x + 0, y: y + 0 },
    params: restoreParams(NODE_PARAM_SPECS[kind as NodeKind], params ?? {}, `Node '${id}'`, problems, { nodeId: id }),
  };
  const text = restoreText(label, LIMITS.maxLabelLength);
  if (text) node.label = text;
  return node;
}

function restoreEdge(
  rawEdge: Record<string, unknown>,
  index: number,
  taken: Set<string>,
  explicit: Set<string>,
  problems: Problem[],
): DesignEdge | null {
  const parsed = edgeShape.safeParse(rawEdge);
  if (!parsed.success) {
    problems.push({ message: `Edge #${index + 1} is malformed: ${explainIssue(parsed.error.issues[0], rawEdge)}.` });
    return null;
  }
  const { source, target, params } = parsed.data;
  if (parsed.data.id !== undefined && RESERVED_IDS.has(parsed.data.id)) {
    problems.push({ message: `Edge #${index + 1} uses the reserved id '${parsed.data.id}'; give it another id.` });
    return null;
  }
  let id = parsed.data.id ?? `e${index + 1}`;
  if (parsed.data.id !== undefined && taken.has(id)) {
    problems.push({ message: `Two edges share the id '${id}'.`, edgeId: id });
    return null;
  }
  if (parsed.data.id === undefined) {
    let n = index + 1;
    while (taken.has(id) || explicit.has(id)) id = `e${++n}`;
  }
  return {
    id,
    source,
    target,
    params: restoreParams(EDGE_PARAM_SPECS, params ?? {}, `Edge ${id}`, problems, { edgeId: id }),
  };
}

/** Keeps exactly the params the kind declares, each checked against its spec or defaulted. */
export function restoreParams(
  specs: readonly ParamSpec[],
  raw: Record<string, unknown>,
  owner: string,
  problems: Problem[],
  ref: Pick<Problem, 'nodeId' | 'edgeId'>,
): Params {
  const params: Params = {};
  for (const spec of specs) {
    const value = Object.prototype.hasOwnProperty.call(raw, spec.key) ? raw[spec.key] : undefined;
    const checked = checkParam(spec, value);
    if ('error' in checked) {
      problems.push({ message: `${owner}: ${checked.error}`, ...ref });
      params[spec.key] = spec.default;
    } else {
      params[spec.key] = checked.value;
    }
  }
  return params;
}

/** Validates one value against its spec; `undefined` means "use the default". */
/** Text as typed → what checkParam should judge: '' is null, numerals are numbers, anything else stays a string. */
export function parseNumberText(text: string): unknown {
  const trimmed = text.trim().replace(/,/g, '');
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isNaN(n) ? text.trim() : n;
}

export function checkParam(spec: ParamSpec, value: unknown): { value: number | string | null } | { error: string } {
  if (value === undefined) return { value: spec.default };
  if (spec.type === 'enum') {
    if (typeof value === 'string' && spec.options.includes(value)) return { value };
    return { error: `${spec.key} must be one of ${spec.options.join(', ')}, got ${describe(value)}.` };
  }
  if (value === null || value === '') {
    if (spec.nullable) return { value: null };
    return { error: `${spec.key} is required, got ${describe(value)}.` };
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return { error: `${spec.key} must be a number, got ${describe(value)}.` };
  }
  const unit = spec.unit ? ` ${spec.unit}` : '';
  if (spec.exclusiveMin ? value <= spec.min : value < spec.min) {
    const bound = spec.min === 0 ? (spec.exclusiveMin ? 'a positive number' : 'zero or more') : `at least ${spec.min}${unit}`;
    return { error: `${spec.key} must be ${bound}, got ${describe(value)}.` };
  }
  if (value > spec.max) return { error: `${spec.key} must be at most ${spec.max}${unit}, got ${describe(value)}.` };
  if (spec.minWhenOn !== undefined && value !== 0 && value < spec.minWhenOn) {
    return { error: `${spec.key} must be 0 (off) or at least ${spec.minWhenOn}${unit}, got ${describe(value)}.` };
  }
  if (spec.integer && !Number.isInteger(value)) {
    return { error: `${spec.key} must be a whole number, got ${describe(value)}.` };
  }
  // -0 would not survive JSON (it comes back as 0), so it never enters a design.
  return { value: value + 0 };
}

/** A schema issue in words a person can act on ("id is missing", "nodes must be a list, got an object"). */
function explainIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const field = issue.path.map(String).join('.') || 'it';
  let value: unknown = raw;
  for (const key of issue.path) {
    value = value !== null && typeof value === 'object' && Object.prototype.hasOwnProperty.call(value, key)
      ? (value as Record<PropertyKey, unknown>)[key]
      : undefined;
  }
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return `${field} is missing`;
      return `${field} must be ${TYPE_NAMES[issue.expected] ?? issue.expected}, got ${describe(value)}`;
    case 'too_small':
      if (issue.origin === 'string') return `${field} is empty`;
      return `${field} must be at least ${String(issue.minimum)}, got ${describe(value)}`;
    case 'too_big':
      if (issue.origin === 'array') return `${field} has more than ${String(issue.maximum)} entries`;
      if (issue.origin === 'string') return `${field} is longer than ${String(issue.maximum)} characters`;
      return `${field} must be at most ${String(issue.maximum)}, got ${describe(value)}`;
    case 'invalid_value':
      return `${field} must be one of ${issue.values.map(String).join(', ')}, got ${describe(value)}`;
    default:
      return `${field} is not valid (${describe(value)})`;
  }
}

const TYPE_NAMES: Record<string, string> = {
  array: 'a list',
  object: 'an object',
  record: 'an object',
  string: 'text',
  number: 'a number',
};

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 30 ? `${value.slice(0, 30)}…` : value);
  if (typeof value === 'number') return String(value);
  if (value === null) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : String(value);
}

/** C0 and C1 controls, DEL, and line and paragraph separators: labels are one line of text. */
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/** Bidirectional overrides and isolates, which can make text read differently from what it is. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;
/** A surrogate half without its partner is not a character; it would not survive UTF-8. */
const LONE_SURROGATES = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Single-line text without control characters, which could confuse a terminal running the
 * CLI, or bidirectional controls, which make text read as something else.
 */
function stripControls(value: string, max: number): string {
  return value.slice(0, max * 4).replace(LONE_SURROGATES, '').replace(BIDI_CONTROLS, '').replace(CONTROL_CHARS, ' ');
}

const cut = (text: string, max: number) => Array.from(text).slice(0, max).join('');

/** Plain text of at most `max` characters, never cut inside one; not trimmed, so the editor can use it on every keystroke. */
export function plainText(value: string, max: number): string {
  return cut(stripControls(value, max), max);
}

/**
 * Notes are plain text that keeps its lines and tabs: Windows line ends become \n, other
 * controls go as in names. Not a string (or only blanks): no notes, never a problem.
 */
export function notesText(value: string): string {
  const lines = value.slice(0, LIMITS.maxNotesLength * 4).replace(/\r\n?/g, '\n').split('\n');
  const clean = lines.map((line) => line.split('\t').map((part) => stripControls(part, LIMITS.maxNotesLength)).join('\t')).join('\n');
  return cut(clean, LIMITS.maxNotesLength);
}

function restoreNotes(value: unknown): string {
  if (typeof value !== 'string') return '';
  const text = notesText(value).trimEnd();
  return text.trim() ? text : '';
}

/** Plain text, trimmed: the same whether restored once or twice (cut by characters, then trimmed). */
function restoreText(value: unknown, max: number): string {
  if (typeof value !== 'string') return '';
  return cut(stripControls(value, max).trim(), max).trim();
}

function restoreSeed(value: unknown, problems: Problem[]): number {
  if (value === undefined || value === null) return 1;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff) return value;
  problems.push({ message: `seed must be a whole number from 0 to 4294967295, got ${describe(value)}.` });
  return 1;
}

function restoreRun(value: Record<string, unknown> | undefined, problems: Problem[]) {
  const run = { durationS: DEFAULT_RUN.durationS as number, warmupS: DEFAULT_RUN.warmupS as number };
  if (!value) return run;
  for (const key of ['durationS', 'warmupS'] as const) {
    const v = value[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > LIMITS.maxDurationS || (key === 'durationS' && v === 0)) {
      const least = key === 'durationS' ? 'more than 0' : 'from 0';
      problems.push({ message: `run.${key} must be a number of seconds ${least} up to ${LIMITS.maxDurationS}, got ${describe(v)}.` });
    } else {
      run[key] = v;
    }
  }
  return run;
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
