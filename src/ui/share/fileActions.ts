/**
 * Export / Import JSON, Export PNG, Copy as Mermaid and the run’s results. Files are named after the design (fileNameFor); an
 * import goes through restore() like every outside input and is one undoable step; a bad file
 * leaves the design on screen and says what is wrong.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import { designToJson, fileNameFor, readDesignFile } from '../../share';
import { resultsCsv, resultsJson, secondsLeftOut, type ResultsNode } from '../../share/results';
import { useDesign } from '../../store';
import { clearAlerts, raiseAlert } from '../../store/autosave';
import { targetName } from '../../store/faults';
import { useRun } from '../../store/run';
import { runResults } from '../../store/runner';
import { useUi } from '../../store/ui';
import { designToMermaid } from '../../share/mermaid';
import { edgeSummary, nodeSummary } from '../canvas/summaries';
import { copyText } from './clipboard';
import { download } from './download';
import { notesHint, quoted, showDesign } from './showDesign';

type Flow = Pick<ReactFlowInstance, 'getNodes' | 'getNodesBounds'>;

/** The design as a Mermaid flowchart on the clipboard, or as a .mmd file when the clipboard is refused. */
export async function copyMermaid(): Promise<void> {
  const design = useDesign.getState().design;
  const text = designToMermaid(design, {
    node: nodeSummary,
    edge: (edge) => {
      const { latency, carries } = edgeSummary(edge);
      return [latency, carries].filter(Boolean).join(' · ');
    },
  });
  const notify = useUi.getState().notify;
  if (await copyText(text)) {
    notify('info', 'Copied as a Mermaid flowchart: paste it into a ```mermaid block of a README or design doc.');
  } else {
    download(new Blob([text], { type: 'text/plain' }), fileNameFor(design, 'mmd'));
    notify('info', 'The clipboard was refused, so the Mermaid flowchart was saved as a file instead.');
  }
}

export function exportJson(): void {
  const design = useDesign.getState().design;
  download(new Blob([designToJson(design)], { type: 'application/json' }), fileNameFor(design, 'json'));
}

/**
 * The run's figures as a file: CSV, a row per simulated second, or JSON, the runner's summary
 * with every second. Read from the worker whole (the charts hold a thinned, slimmed copy).
 */
export async function exportResults(format: 'csv' | 'json'): Promise<void> {
  const design = useDesign.getState().design;
  const notify = useUi.getState().notify;
  const results = await runResults().catch(() => null);
  if (!results) {
    notify('info', 'There are no results yet: press Run first.');
    return;
  }
  const name = { name: `${design.name} results` };
  if (format === 'json') {
    download(new Blob([resultsJson(results, design.name)], { type: 'application/json' }), fileNameFor(name, 'json'));
    return;
  }
  if (results.series.length === 0) {
    notify('info', 'The run has not finished a simulated second yet: there is no row to export.');
    return;
  }
  // Named as the person knows them now; in the order the run's per-node figures follow.
  const { nodeIds, snapshot } = useRun.getState();
  const passThrough = new Set(snapshot?.nodes.filter((n) => !n.ownWork).map((n) => n.id));
  const nodes: ResultsNode[] = nodeIds.map((id) => ({
    id,
    name: targetName(design, id),
    kind: results.summary.nodes[id]?.kind ?? 'server',
    ownWork: !passThrough.has(id),
  }));
  download(new Blob([resultsCsv(results, nodes)], { type: 'text/csv' }), fileNameFor(name, 'csv'));
  const leftOut = secondsLeftOut(results.series);
  if (leftOut > 0) notify('info', `The CSV holds the run’s last ${results.series.length.toLocaleString('en-US')} seconds: the first ${leftOut.toLocaleString('en-US')} are no longer kept.`);
}

export async function importFile(file: File): Promise<boolean> {
  const result = await readDesignFile(file);
  if (!result.ok) {
    raiseAlert('file', `${quoted(file.name)} could not be imported`, result.problems, 'Your design is unchanged.');
    return false;
  }
  clearAlerts('file');
  const adjusted = result.warnings.length;
  const note =
    adjusted === 0 ? '' : ` ${adjusted === 1 ? 'One thing was' : `${adjusted} things were`} adjusted: ${result.warnings[0]}`;
  await showDesign(result.design, `Imported ${quoted(result.design.name)}${notesHint(result.design)}. Undo (Ctrl+Z) brings your previous design back.${note}`);
  return true;
}

/** Room around the design in the image, in canvas pixels. */
const PADDING = 48;
/** Longest side of the image in CSS pixels before it is scaled down (before the pixel ratio). */
const MAX_SIDE = 4000;

/**
 * A PNG of the whole design, not just the visible part: React Flow's viewport element is
 * rendered with a transform that fits every node's bounds into the image. The minimap, the
 * controls and the toolbar live outside the viewport; the filter keeps them out regardless.
 */
export async function exportPng(flow: Flow): Promise<void> {
  const design = useDesign.getState().design;
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  if (!viewport || design.nodes.length === 0) {
    useUi.getState().notify('info', 'There is nothing on the canvas to export yet: add a component first.');
    return;
  }
  try {
    const bounds = flow.getNodesBounds(flow.getNodes());
    const naturalWidth = bounds.width + 2 * PADDING;
    const naturalHeight = bounds.height + 2 * PADDING;
    const zoom = Math.min(1, MAX_SIDE / naturalWidth, MAX_SIDE / naturalHeight);
    const width = Math.ceil(naturalWidth * zoom);
    const height = Math.ceil(naturalHeight * zoom);
    const x = (PADDING - bounds.x) * zoom;
    const y = (PADDING - bounds.y) * zoom;
    const { toPng } = await import('html-to-image');
    const restoreSvg = inlineSvgPaint(viewport);
    const dataUrl = await toPng(viewport, {
      backgroundColor: canvasColour(),
      width,
      height,
      pixelRatio: width * height > 2_000_000 ? 1 : 2,
      skipFonts: true,
      style: { width: `${width}px`, height: `${height}px`, transform: `translate(${x}px, ${y}px) scale(${zoom})` },
      filter: (node) => {
        const classes = (node as Element).classList;
        return !classes || !['react-flow__minimap', 'react-flow__controls', 'react-flow__panel'].some((c) => classes.contains(c));
      },
    }).finally(restoreSvg);
    download(dataUrl, fileNameFor(design, 'png'));
  } catch (error) {
    raiseAlert('image', 'The image could not be made', [error instanceof Error ? error.message : String(error)], 'Your design is unchanged; Export JSON still works.');
  }
}

const SVG_PAINT = ['stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'fill', 'fill-opacity', 'opacity'] as const;

/**
 * html-to-image copies computed styles onto HTML elements but not onto SVG shapes, and the
 * stylesheet does not travel into the image: edges, whose stroke comes from CSS, would be
 * invisible. Their paint is written onto them as presentation attributes for the capture (the
 * stylesheet still wins on screen) and taken off again afterwards. Animated dashes are left out.
 */
function inlineSvgPaint(root: Element): () => void {
  const added: [Element, string][] = [];
  for (const shape of root.querySelectorAll('svg path, svg circle, svg rect, svg line, svg polyline, svg polygon, svg ellipse')) {
    const style = getComputedStyle(shape);
    for (const property of SVG_PAINT) {
      if (shape.hasAttribute(property)) continue;
      const value = property === 'stroke-dasharray' ? 'none' : style.getPropertyValue(property);
      if (!value) continue;
      shape.setAttribute(property, value);
      added.push([shape, property]);
    }
  }
  return () => {
    for (const [shape, property] of added) shape.removeAttribute(property);
  };
}

function canvasColour(): string {
  const flowElement = document.querySelector('.react-flow');
  if (flowElement) {
    const style = getComputedStyle(flowElement);
    const colour = style.getPropertyValue('--xy-background-color').trim() || style.backgroundColor;
    if (colour && colour !== 'rgba(0, 0, 0, 0)') return colour;
  }
  return '#ffffff';
}
