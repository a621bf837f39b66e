/**
 * The Faults tab of the bottom dock: the design's scheduled faults on a time axis and in a
 * list, with a form to add or edit one. They are part of the design, so they are undoable,
 * autosaved, carried in share links, and replayed at their times in every run.
 */
import { useMemo, useState } from 'react';
import type { Design, ScheduledFault } from '../../model';
import { useDesign } from '../../store';
import { canLast, describeAction, targetName, targetOf } from '../../store/faults';
import { useRun } from '../../store/run';
import { useUi } from '../../store/ui';
import { FaultForm } from './FaultForm';
import { happenedAt, injectedLive, lanes, ticks, timelineEnd } from './timeline';
import './faults.css';

const LANES = 3;

function useNowS(): number {
  return useRun((s) => (s.snapshot ? s.snapshot.timeMs / 1000 : 0));
}

export function faultLabel(design: Design, fault: ScheduledFault): string {
  return `${describeAction(fault, targetOf(design, fault.target))} · ${targetName(design, fault.target)}`;
}

const seconds = (x: number) => `${Number(x.toFixed(2)).toLocaleString('en')} s`;

function Timeline({ onEdit, editingIndex }: { onEdit: (index: number) => void; editingIndex: number | null }) {
  const design = useDesign((s) => s.design);
  const nowS = useNowS();
  const status = useRun((s) => s.status);
  const applied = useRun((s) => s.snapshot?.faults);
  const runLength = useUi((s) => s.runLength);
  const endS = timelineEnd(design, nowS);
  const pct = (t: number) => `${Math.min(100, Math.max(0, (t / endS) * 100))}%`;
  const laneOf = useMemo(() => lanes(design.faults.map((f) => f.atS / endS), 0.16, LANES), [design.faults, endS]);
  const injected = useMemo(() => injectedLive(applied ?? [], design.faults), [applied, design.faults]);
  const warmupS = runLength === 'design' ? design.run.warmupS : 0;
  const live = status !== 'idle';
  return (
    <div className="fault-timeline" role="group" aria-label="Fault timeline">
      <div className="fault-timeline-track">
        {ticks(endS).map((t) => (
          <span key={t} className="fault-timeline-gridline" style={{ left: pct(t) }} aria-hidden="true" />
        ))}
        {warmupS > 0 && (
          <div className="fault-timeline-warmup" style={{ width: pct(warmupS) }} title="Warm-up: figures are not counted yet">
            warm-up
          </div>
        )}
        {design.faults.map((fault, i) =>
          fault.durationS !== undefined && canLast(fault.action) ? (
            <span
              key={`span-${i}`}
              className={`fault-span lane-${laneOf[i]} action-${fault.action}`}
              aria-hidden="true"
              style={{ left: pct(fault.atS), width: `${Math.max(0.4, (Math.min(fault.durationS, endS - fault.atS) / endS) * 100)}%` }}
            />
          ) : null,
        )}
        {design.faults.map((fault, i) => {
          const lasts = fault.durationS !== undefined && canLast(fault.action);
          const past = live && nowS >= fault.atS;
          const label = faultLabel(design, fault);
          return (
            <button
              key={i}
              type="button"
              className={`fault-marker lane-${laneOf[i]} action-${fault.action}${past ? ' is-past' : ''}${editingIndex === i ? ' is-editing' : ''}`}
              style={{ left: pct(fault.atS) }}
              onClick={() => onEdit(i)}
              aria-label={`${label} at ${seconds(fault.atS)}${lasts ? ` for ${seconds(fault.durationS!)}` : ''}: edit`}
              title={`${seconds(fault.atS)}: ${label}${lasts ? ` for ${seconds(fault.durationS!)}` : ''}${past ? ' (happened)' : ''}`}
            >
              {label}
            </button>
          );
        })}
        {injected.map((entry, i) => (
          <span
            key={`live-${i}`}
            className="fault-injected"
            style={{ left: pct(entry.tS) }}
            title={`${seconds(entry.tS)}: ${describeAction(entry, targetOf(design, entry.target))} · ${targetName(design, entry.target)} (injected live)`}
          />
        ))}
        {live && <div className="fault-timeline-now" style={{ left: pct(nowS) }} aria-hidden="true" />}
      </div>
      <div className="fault-timeline-axis" aria-hidden="true">
        {ticks(endS).map((t) => (
          <span key={t} style={{ left: pct(t) }}>
            {t} s
          </span>
        ))}
      </div>
    </div>
  );
}

export function FaultsPanel() {
  const design = useDesign((s) => s.design);
  const removeFault = useDesign((s) => s.removeFault);
  const nowS = useRun((s) => (s.snapshot ? Math.ceil(s.snapshot.timeMs / 1000) : null));
  const applied = useRun((s) => s.snapshot?.faults);
  const status = useRun((s) => s.status);
  const happened = useMemo(() => happenedAt(applied ?? [], design.faults), [applied, design.faults]);
  const [editingIndex, setEditingIndex] = useState<number | null>(null);
  const editing = editingIndex !== null && design.faults[editingIndex] ? { index: editingIndex, fault: design.faults[editingIndex] } : null;
  // Keep the editing object stable while the fault is unchanged, so the form is not reset under the user.
  const editingMemo = useMemo(() => editing, [editing?.index, editing?.fault]);
  const suggestedAtS = nowS !== null ? nowS + 5 : 10;

  return (
    <div className="faults-panel">
      <div className="faults-main">
        <Timeline onEdit={setEditingIndex} editingIndex={editingIndex} />
        {design.faults.length === 0 ? (
          <p className="faults-empty">
            No scheduled faults. A fault added here happens at its time in every run of this design and travels with its share link.
            To break something right now, right-click a node or connection while the design runs.
          </p>
        ) : (
          <table className="faults-list" aria-label="Scheduled faults">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Fault</th>
                <th scope="col">Target</th>
                <th scope="col">Lasts</th>
                <th scope="col">This run</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {design.faults.map((fault, i) => (
                <tr key={i} className={editingIndex === i ? 'is-editing' : undefined}>
                  <td className="num">{seconds(fault.atS)}</td>
                  <td>{describeAction(fault, targetOf(design, fault.target))}</td>
                  <td>{targetName(design, fault.target)}</td>
                  <td>{!canLast(fault.action) ? 'instant' : fault.durationS !== undefined ? seconds(fault.durationS) : 'until the end'}</td>
                  <td className={happened[i] !== null ? 'is-done' : 'muted'}>
                    {happened[i] !== null ? `Happened at ${seconds(happened[i]!)}` : status === 'idle' ? '—' : 'Pending'}
                  </td>
                  <td className="faults-row-actions">
                    <button type="button" className="btn btn-ghost" onClick={() => setEditingIndex(i)} aria-label={`Edit fault ${i + 1}: ${faultLabel(design, fault)}`}>
                      Edit
                    </button>
                    <button
                      type="button"
                      className="btn btn-ghost btn-danger-text"
                      onClick={() => {
                        removeFault(i);
                        setEditingIndex(null);
                      }}
                      aria-label={`Delete fault ${i + 1}: ${faultLabel(design, fault)}`}
                    >
                      Delete
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <FaultForm key={editingMemo ? `edit-${editingMemo.index}` : 'add'} editing={editingMemo} suggestedAtS={suggestedAtS} onDone={() => setEditingIndex(null)} />
    </div>
  );
}
