/**
 * One request's waterfall: a row per call, each under the call that made it, along a time axis
 * from its first send. Per call, the trip there and back as thin light lines, the wait for a
 * worker hatched amber, the worker's own time solid in the node's kind colour, and the wait
 * for the calls it made as a thin line in that colour; a call that failed or was turned away
 * is marked in the danger colour, one still under way fades out to the end of the axis, and
 * work nobody waits for is drawn dashed and lighter.
 */
import { useMemo, type CSSProperties } from 'react';
import type { Design, DesignNode } from '../../model';
import type { Trace } from '../../trace/types';
import { useDesign } from '../../store';
import { useUi } from '../../store/ui';
import { formatMs } from '../format';
import { REASON_LABELS } from '../../trace/words';
import { answeredAt, axisEndMs, axisTicks, OUTCOME_WORDS, requestDrawing, spanDrawing, spanFigures, spanTook, waterfallRows, type Drawing, type WaterfallRow } from './waterfallLayout';

/** A node's name and kind in the design that was traced; its id when it is not there. */
export function nodeOf(design: Design, id: string): { name: string; kind: DesignNode['kind'] | null } {
  const node = design.nodes.find((n) => n.id === id);
  return { name: node?.label ?? id, kind: node?.kind ?? null };
}

/** A node's name that selects it on the canvas, while the design on the canvas still has it. */
export function NodeButton({ nodeId, name, className = '' }: { nodeId: string; name: string; className?: string }) {
  const present = useDesign((s) => s.design.nodes.some((n) => n.id === nodeId));
  const focusNode = useUi((s) => s.focusNode);
  if (!present) return <span className={className}>{name}</span>;
  return (
    <button type="button" className={`link-button ${className}`} onClick={() => focusNode(nodeId)} title={`Select ${name} on the canvas`}>
      {name}
    </button>
  );
}

function Bars({ drawing, answered }: { drawing: Drawing; answered: number | null }) {
  return (
    <span className="waterfall-bars" aria-hidden="true">
      {answered !== null && <span className="waterfall-answered" style={{ left: `${answered}%` }} />}
      {drawing.segments.map((s, i) => (
        <span key={i} className={`waterfall-seg is-${s.kind}${s.open ? ' is-open' : ''}${s.late ? ' is-late' : ''}`} style={{ left: `${s.left}%`, width: `${s.width}%` }} />
      ))}
      {drawing.retries.map((at, i) => (
        <span key={`r${i}`} className="waterfall-retry" style={{ left: `${at}%` }} />
      ))}
      {drawing.stop !== null && (
        <span className="waterfall-stop" style={{ left: `${drawing.stop}%` }}>
          ✕
        </span>
      )}
    </span>
  );
}

/** `givenUp`: the client stopped waiting for this call while the one that made it was still awaited (the top of what went on regardless). */
function Row(props: { row: WaterfallRow; trace: Trace; design: Design; endMs: number; makesCalls: boolean; givenUp: boolean; answered: number | null }) {
  const { row, trace, design, endMs, makesCalls, givenUp, answered } = props;
  const { name, kind } = nodeOf(design, row.nodeId);
  const span = row.span;
  const drawing = span ? spanDrawing(span, endMs, makesCalls, row.lateFromMs) : requestDrawing(trace, endMs);
  const took = span ? spanTook(span) : trace.latencyMs;
  const outcome = span ? span.outcome : trace.ok ? 'ok' : 'failed';
  const figures = span
    ? spanFigures(span, row.lateFromMs)
    : `the request, sent at t = ${trace.sentAtS.toFixed(1)} s, ${trace.ok ? 'answered' : 'failed'} after ${formatMs(trace.latencyMs)}${trace.attempts > 1 ? ` in ${trace.attempts} attempts` : ''}`;
  const tags = span === null ? [] : [span.attempt > 0 && `retry ${span.attempt}`, span.detached ? 'async' : givenUp && 'given up'].filter((t): t is string => Boolean(t));
  const bad = outcome === 'failed' || outcome === 'turnedAway';
  return (
    <tr
      className={`waterfall-row kind-${kind ?? 'none'}${row.background ? ' is-background' : ''}${bad ? ' is-bad' : ''}${span === null ? ' is-request' : ''}`}
      title={`${name}: ${figures}`}
    >
      <th scope="row" className="waterfall-name" style={{ '--depth': Math.min(row.depth, 8) } as CSSProperties}>
        <span className="waterfall-name-inner">
          <span className="waterfall-kind" aria-hidden="true" />
          <NodeButton nodeId={row.nodeId} name={name} className="waterfall-node" />
          {tags.map((tag) => (
            <span key={tag} className="waterfall-tag">
              {tag}
            </span>
          ))}
        </span>
      </th>
      <td className="waterfall-track">
        <span className="visually-hidden">{figures}</span>
        <Bars drawing={drawing} answered={answered} />
      </td>
      <td className={`waterfall-took${outcome !== 'ok' ? ` is-${outcome}` : ''}`}>
        {outcome === 'ok' ? formatMs(took) : OUTCOME_WORDS[outcome]}
      </td>
    </tr>
  );
}

export function Waterfall({ trace, design }: { trace: Trace; design: Design }) {
  const rows = useMemo(() => waterfallRows(trace), [trace]);
  const endMs = useMemo(() => axisEndMs(trace), [trace]);
  const { ticks, stepPercent } = useMemo(() => axisTicks(endMs), [endMs]);
  const callers = useMemo(() => new Set(trace.spans.map((s) => s.parent)), [trace]);
  // Work nobody waits for went on after the answer: mark where the client had it.
  const answered = answeredAt(trace, endMs);
  return (
    <div className="waterfall-scroll">
      <table
        className="waterfall"
        aria-label={`Call by call: the ${REASON_LABELS[trace.reason].toLowerCase()} request kept, ${formatMs(trace.latencyMs)}`}
        style={{ '--tick-step': `${stepPercent}%` } as CSSProperties}
      >
        <colgroup>
          <col className="waterfall-col-name" />
          <col />
          <col className="waterfall-col-took" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col" className="waterfall-name">
              Call
            </th>
            <th scope="col" className="waterfall-axis">
              <span className="visually-hidden">Time since the request was sent, 0 to {formatMs(endMs)}</span>
              <span className="waterfall-ticks" aria-hidden="true">
                {ticks.map((t) => (
                  <span key={t.ms} className={`waterfall-tick${t.at > 94 ? ' is-last' : ''}`} style={{ left: `${t.at}%` }}>
                    {t.label}
                  </span>
                ))}
              </span>
            </th>
            <th scope="col" className="waterfall-took">
              Took
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <Row
              key={row.key}
              row={row}
              trace={trace}
              design={design}
              endMs={endMs}
              makesCalls={callers.has(row.index)}
              givenUp={row.span !== null && row.lateFromMs !== null && !(trace.spans[row.span.parent]?.pastAnswer ?? false)}
              answered={answered}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
