/** Problems that stop the design from running; clicking one selects (and shows) its node. */
import { useMemo } from 'react';
import { useDesign } from '../../store';
import { problemsOf } from '../../store/runner';
import { useUi } from '../../store/ui';

export function Problems() {
  const design = useDesign((s) => s.design);
  const open = useUi((s) => s.problemsOpen);
  const setOpen = useUi((s) => s.setProblemsOpen);
  const focusNode = useUi((s) => s.focusNode);
  const select = useUi((s) => s.select);
  const problems = useMemo(() => problemsOf(design), [design]);
  if (problems.length === 0) return null;
  const title = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  return (
    <section className={`problems${open ? ' is-open' : ''}`} aria-label="Problems">
      <button type="button" className="problems-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className="problems-icon" aria-hidden="true">
          !
        </span>
        {title}
      </button>
      {open && (
        <ul>
          {problems.map((p, i) => (
            <li key={`${i}:${p.message}`}>
              {p.nodeId || p.edgeId ? (
                <button
                  type="button"
                  className="problem-link"
                  onClick={() => (p.nodeId ? focusNode(p.nodeId) : select([], [p.edgeId!]))}
                >
                  {p.message}
                </button>
              ) : (
                <span>{p.message}</span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
