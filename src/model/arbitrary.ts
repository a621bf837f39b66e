/**
 * fast-check arbitraries for property tests: valid designs built from the parameter catalogue
 * (so a new param is covered the day it is added), and the hostile input a gate must survive.
 */
import fc from 'fast-check';
import { EDGE_PARAM_SPECS, NODE_KINDS, NODE_PARAM_SPECS, type ParamSpec, type ParamValue, type Params } from './params';
import { FAULT_ACTIONS, type Design, type ScheduledFault } from './types';

export function paramValueArb(spec: ParamSpec): fc.Arbitrary<ParamValue> {
  if (spec.type === 'enum') return fc.constantFrom(...spec.options);
  const number: fc.Arbitrary<number> = spec.integer
    ? fc.integer({ min: Math.ceil(spec.min), max: Math.floor(spec.max) })
    : fc.double({ min: spec.min, max: spec.max, noNaN: true, noDefaultInfinity: true }).filter(
        (v) => !(spec.exclusiveMin && v <= spec.min) && !(spec.minWhenOn !== undefined && v !== 0 && v < spec.minWhenOn),
      );
  const withDefault = fc.oneof({ arbitrary: number, weight: 4 }, { arbitrary: fc.constant(spec.default ?? spec.min), weight: 1 });
  return spec.nullable ? fc.option(withDefault, { nil: null, freq: 4 }) : withDefault;
}

function paramsArb(specs: readonly ParamSpec[]): fc.Arbitrary<Params> {
  const shape: Record<string, fc.Arbitrary<ParamValue>> = {};
  for (const spec of specs) shape[spec.key] = paramValueArb(spec);
  return fc.record(shape) as fc.Arbitrary<Params>;
}

/** Text a person might type, including emoji, accents and right-to-left scripts. */
const textArb = (maxLength: number) =>
  fc.oneof(
    fc.string({ maxLength, unit: 'grapheme' }),
    fc.constantFrom('Users', 'App 1', 'Load balancer', 'Café ☕', 'قاعدة البيانات', '数据库', '🚀 edge', '<b>bold</b>'),
  );

/** Notes as people write them (lines, tabs, Windows line ends) and as nobody should (controls). */
const notesArb = fc.oneof(
  fc.string({ maxLength: 400, unit: 'grapheme' }),
  fc.array(fc.string({ maxLength: 60, unit: 'grapheme' }), { maxLength: 8 }).map((lines) => lines.join('\n')),
  fc.constantFrom('Peak 6,944 req/s\r\n\t- reads 90 %\r\n', '  \n\t ', 'a\u0007b\u202ec', 'x'.repeat(10_050)),
);

const idArb = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/),
  fc.string({ minLength: 1, maxLength: 12, unit: 'grapheme-ascii' }),
);

export interface DesignArbOptions {
  maxNodes?: number;
  /** Positions as whole numbers (what a link stores); otherwise any finite double in range. */
  integerPositions?: boolean;
}

/**
 * Designs that restore() accepts. They are not necessarily in restore()'s normal form (labels
 * may have surrounding spaces, for example): tests compare against restore()'s output.
 */
export function designArb(options: DesignArbOptions = {}): fc.Arbitrary<Design> {
  const maxNodes = options.maxNodes ?? 12;
  const coordinate = options.integerPositions
    ? fc.integer({ min: -100_000, max: 100_000 })
    : fc.double({ min: -100_000, max: 100_000, noNaN: true, noDefaultInfinity: true });
  const nodeArb = fc.constantFrom(...NODE_KINDS).chain((kind) =>
    fc.record({
      kind: fc.constant(kind),
      label: fc.option(textArb(120), { nil: undefined }),
      position: fc.record({ x: coordinate, y: coordinate }),
      params: paramsArb(NODE_PARAM_SPECS[kind]),
    }),
  );
  return fc
    .record({
      ids: fc.uniqueArray(
        idArb.filter((id) => id.trim() === id && !['__proto__', 'constructor', 'prototype'].includes(id)),
        { maxLength: maxNodes },
      ),
      name: textArb(220),
      notes: fc.option(notesArb, { nil: undefined }),
      seed: fc.integer({ min: 0, max: 0xffffffff }),
      run: fc.record({
        durationS: fc.oneof(fc.constant(60), fc.double({ min: 0.001, max: 100_000, noNaN: true })),
        warmupS: fc.oneof(fc.constant(5), fc.double({ min: 0, max: 10_000, noNaN: true })),
      }),
    })
    .chain(({ ids, name, notes, seed, run }) => {
      const pairs: [number, number][] = [];
      for (let a = 0; a < ids.length; a++) for (let b = 0; b < ids.length; b++) if (a !== b) pairs.push([a, b]);
      return fc
        .record({
          nodes: fc.tuple(...ids.map(() => nodeArb)),
          links: fc.subarray(pairs, { maxLength: Math.min(pairs.length, 3 * ids.length) }),
          explicitEdgeIds: fc.boolean(),
        })
        .chain(({ nodes, links, explicitEdgeIds }) => {
          const edgeIds = links.map((_, i) => (explicitEdgeIds ? `edge-${(i * 7919) % 10007}` : `e${i + 1}`));
          const faultArb: fc.Arbitrary<ScheduledFault> = fc
            .record({
              atS: fc.double({ min: 0, max: 100_000, noNaN: true }),
              action: fc.constantFrom(...FAULT_ACTIONS),
              pick: fc.nat(),
              factor: fc.option(fc.double({ min: 0, max: 1000, noNaN: true }), { nil: undefined }),
              latencyMs: fc.option(fc.double({ min: 0, max: 600_000, noNaN: true }), { nil: undefined }),
              durationS: fc.option(fc.double({ min: 0, max: 100_000, noNaN: true }), { nil: undefined }),
            })
            .map(({ pick, ...fault }) => {
              const onEdge = fault.action === 'addLatency' || fault.action === 'cut' || fault.action === 'heal';
              const pool = onEdge ? edgeIds : ids;
              return { ...fault, target: pool[pick % pool.length] } as ScheduledFault;
            });
          return fc
            .record({
              faults: fc.array(faultArb, { maxLength: ids.length && edgeIds.length ? 4 : 0 }),
              edgeParams: fc.tuple(...links.map(() => paramsArb(EDGE_PARAM_SPECS))),
            })
            .map(
              ({ faults, edgeParams }): Design => ({
                format: 'archsim.design',
                version: 1,
                name,
                seed,
                run,
                nodes: nodes.map((node, i) => ({ id: ids[i], ...node })),
                edges: links.map(([a, b], i) => ({ id: edgeIds[i], source: ids[a], target: ids[b], params: edgeParams[i] })),
                faults,
                ...(notes === undefined ? {} : { notes }),
              }),
            );
        });
    });
}

/** Any JSON value, with the keys an attacker would try sprinkled in. */
export const hostileJsonArb: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    fc.string(),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(
      fc.oneof(
        fc.string(),
        fc.constantFrom('__proto__', 'constructor', 'prototype', 'nodes', 'edges', 'faults', 'id', 'kind', 'params', 'version'),
      ),
      tie('value'),
      { maxKeys: 6 },
    ),
  ),
})).value;
