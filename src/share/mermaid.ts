/**
 * A design as a Mermaid flowchart, to paste into a design doc or a README (GitHub, GitLab and
 * most wikis draw Mermaid blocks): each node in a shape for its kind, with its name and what it
 * is set to; each connection with what the canvas writes on it; left to right, as requests go.
 */
import { KIND_LABELS, type Design, type DesignEdge, type DesignNode, type NodeKind } from '../model';

/** What to write in a node under its name, and on a connection (the canvas's own words). */
export interface MermaidLabels {
  node: (node: DesignNode) => string;
  edge: (edge: DesignEdge) => string;
}

/** The brackets around a node's label: a shape per kind, so the picture reads without a legend. */
const SHAPES: Record<NodeKind, readonly [string, string]> = {
  client: ['([', '])'], // stadium
  loadBalancer: ['{{', '}}'], // hexagon: it decides where a request goes
  shardRouter: ['{{', '}}'],
  server: ['[', ']'],
  cache: ['(', ')'], // rounded
  cdn: ['>', ']'], // flag
  database: ['[(', ')]'], // cylinder
  queue: ['[[', ']]'],
  rateLimiter: ['[/', '\\]'], // trapezoid
};

/**
 * Text inside a quoted label: Mermaid's entity codes for what would end the quote, open markup
 * (labels are drawn as HTML) or start a code of its own. `#` first, as the codes contain it.
 */
export function mermaidText(text: string): string {
  return text
    .replace(/#/g, '#35;')
    .replace(/"/g, '#quot;')
    .replace(/&/g, '#38;')
    .replace(/</g, '#lt;')
    .replace(/>/g, '#gt;')
    .replace(/`/g, '#96;');
}

export function designToMermaid(design: Design, labels: MermaidLabels): string {
  // Ids of our own: a design's ids may hold anything, and Mermaid reserves words such as `end`.
  const ids = new Map(design.nodes.map((node, i) => [node.id, `n${i + 1}`]));
  const lines = ['---', `title: ${JSON.stringify(design.name)}`, '---', 'flowchart LR'];
  for (const node of design.nodes) {
    const [open, close] = SHAPES[node.kind];
    const summary = labels.node(node);
    const label = [node.label ?? node.id, summary || KIND_LABELS[node.kind]].map(mermaidText).join('<br/>');
    lines.push(`  ${ids.get(node.id)}${open}"${label}"${close}`);
  }
  for (const edge of design.edges) {
    const from = ids.get(edge.source);
    const to = ids.get(edge.target);
    if (!from || !to) continue;
    const text = labels.edge(edge);
    lines.push(text ? `  ${from} -->|"${mermaidText(text)}"| ${to}` : `  ${from} --> ${to}`);
  }
  return `${lines.join('\n')}\n`;
}
