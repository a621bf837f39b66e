import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designArb } from '../model/arbitrary';
import { restored } from '../engine/testSupport';
import { designToMermaid, mermaidText } from './mermaid';

const labels = { node: (n: { kind: string }) => `${n.kind} settings`, edge: (e: { params: { latencyMs?: number } }) => (e.params.latencyMs ? `${e.params.latencyMs} ms` : '') };

describe('designToMermaid', () => {
  it('draws each node in its kind’s shape and each connection with its words', () => {
    const design = restored({
      name: 'Tiny',
      nodes: [
        { id: 'users', kind: 'client', label: 'Users' },
        { id: 'lb', kind: 'loadBalancer' },
        { id: 'end', kind: 'server', label: 'App' },
        { id: 'db', kind: 'database', label: 'DB' },
      ],
      edges: [
        { source: 'users', target: 'lb', params: { latencyMs: 20 } },
        { source: 'lb', target: 'end' },
        { source: 'end', target: 'db', params: { latencyMs: 1 } },
      ],
    });
    expect(designToMermaid(design, labels)).toBe(
      [
        '---',
        'title: "Tiny"',
        '---',
        'flowchart LR',
        '  n1(["Users<br/>client settings"])',
        '  n2{{"lb<br/>loadBalancer settings"}}',
        // A node whose id is Mermaid's reserved `end` gets an id of ours.
        '  n3["App<br/>server settings"]',
        '  n4[("DB<br/>database settings")]',
        '  n1 -->|"20 ms"| n2',
        '  n2 --> n3',
        '  n3 -->|"1 ms"| n4',
        '',
      ].join('\n'),
    );
  });

  it('writes label text as Mermaid entity codes wherever it could end a label or open markup', () => {
    expect(mermaidText('say "hi" <b>#1</b> & `x`')).toBe('say #quot;hi#quot; #lt;b#gt;#35;1#lt;/b#gt; #38; #96;x#96;');
  });

  it('gives every node one line and every connection one, with no quote, angle bracket or newline inside a label', () => {
    fc.assert(
      fc.property(designArb({ maxNodes: 8 }), (generated) => {
        const design = restored(generated);
        const lines = designToMermaid(design, labels).trimEnd().split('\n').slice(4);
        expect(lines).toHaveLength(design.nodes.length + design.edges.length);
        for (const line of lines) {
          const inner = /"(.*)"/.exec(line)?.[1] ?? '';
          expect(inner.replaceAll('<br/>', '')).not.toMatch(/["<>`\n]/);
        }
      }),
      { numRuns: 200 },
    );
  });
});
