/**
 * Explicit, ordered migrations from older design versions to the current one (as tldraw
 * does). Each step takes the previous version's document and returns the next version's.
 */
import { DESIGN_FORMAT, DESIGN_VERSION } from './types';

type Doc = Record<string, unknown>;
type Migration = (doc: Doc) => Doc;

/**
 * Version 0 was the prototype's shape: `components` with `type`, `x`, `y` and `config`, and
 * `links` with `from`, `to` and `latency`. It had no seed field (runs always used seed 1).
 */
const fromV0: Migration = (doc) => {
  const components = Array.isArray(doc.components) ? doc.components : [];
  const links = Array.isArray(doc.links) ? doc.links : [];
  return {
    format: DESIGN_FORMAT,
    version: 1,
    name: doc.title,
    seed: 1,
    nodes: components.map((c: Doc) => ({
      id: c?.id,
      kind: c?.type,
      label: c?.name,
      position: { x: c?.x ?? 0, y: c?.y ?? 0 },
      params: c?.config,
    })),
    edges: links.map((l: Doc, i: number) => ({
      id: l?.id ?? `e${i + 1}`,
      source: l?.from,
      target: l?.to,
      params: l?.latency === undefined ? {} : { latencyMs: l.latency },
    })),
  };
};

/** MIGRATIONS[v] turns a version v document into version v + 1. */
const MIGRATIONS: Migration[] = [fromV0];

export function migrate(
  doc: Doc,
  warnings: string[],
): { ok: true; doc: Doc } | { ok: false; problem: string } {
  let version = detectVersion(doc);
  if (version === null) return { ok: false, problem: 'This is not an Archsim design: its version is not a whole number.' };
  if (version > DESIGN_VERSION) {
    return {
      ok: false,
      problem: `This design was made by a newer Archsim (format version ${version}; this one reads up to ${DESIGN_VERSION}).`,
    };
  }
  const from = version;
  while (version < DESIGN_VERSION) doc = MIGRATIONS[version++](doc);
  if (from < DESIGN_VERSION) warnings.push(`Upgraded the design from format version ${from} to ${DESIGN_VERSION}.`);
  return { ok: true, doc };
}

function detectVersion(doc: Doc): number | null {
  if (doc.version === undefined) return Array.isArray(doc.components) ? 0 : DESIGN_VERSION;
  return typeof doc.version === 'number' && Number.isInteger(doc.version) && doc.version >= 0 ? doc.version : null;
}
