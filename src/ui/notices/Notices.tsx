/** Transient messages (a refused connection, an opened example), errors as role="alert". */
import { useEffect } from 'react';
import { useRun } from '../../store/run';
import { useUi, type Notice } from '../../store/ui';

function NoticeItem({ notice }: { notice: Notice }) {
  const dismiss = useUi((s) => s.dismiss);
  useEffect(() => {
    const timer = setTimeout(() => dismiss(notice.id), notice.tone === 'error' ? 8000 : 5000);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);
  return (
    <div className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
      <span>{notice.message}</span>
      <button type="button" className="notice-close" aria-label="Dismiss" onClick={() => dismiss(notice.id)}>
        ×
      </button>
    </div>
  );
}

export function Notices() {
  const notices = useUi((s) => s.notices);
  const runError = useRun((s) => s.error);
  const stale = useRun((s) => s.stale);
  const faultsStale = useRun((s) => s.faultsStale && s.status !== 'idle' && s.status !== 'finished');
  return (
    <div className="notices">
      {runError && (
        <div className="notice notice-error" role="alert">
          <span>{runError}</span>
          <button type="button" className="notice-close" aria-label="Dismiss" onClick={() => useRun.setState({ error: null })}>
            ×
          </button>
        </div>
      )}
      {stale && (
        <div className="notice notice-info" role="status">
          <span>The wiring changed since Run. Param edits still apply live; press Reset, then Run, to simulate the new wiring.</span>
        </div>
      )}
      {faultsStale && (
        <div className="notice notice-info" role="status">
          <span>Scheduled faults changed since Run: they happen from the next run (Reset, then Run). Inject fault breaks something now.</span>
        </div>
      )}
      {notices.map((n) => (
        <NoticeItem key={n.id} notice={n} />
      ))}
    </div>
  );
}
