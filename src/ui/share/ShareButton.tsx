/**
 * Share: puts the design's link (the whole design, seed, run settings and scheduled faults in
 * the URL fragment) in the address bar, copies it, and shows it in a dialog to copy again.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useDesign } from '../../store';
import { putLinkInAddress } from '../../store/autosave';
import { useRun } from '../../store/run';
import { formatRunLength } from '../format';
import { ModalDialog } from '../ModalDialog';
import { copyText } from './clipboard';
import './share.css';

/** Some chat apps and mail clients cut links around here. */
const LONG_LINK = 2000;

type CopyState = 'idle' | 'copied' | 'failed';

function ShareDialog({ link, runLabel, initialCopy, onClose }: { link: string; runLabel: string; initialCopy: CopyState; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>(initialCopy);
  const titleId = useId();
  const noteId = useId();

  useEffect(() => setCopy(initialCopy), [link, initialCopy]);
  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const copyAgain = async () => {
    const ok = await copyText(link);
    setCopy(ok ? 'copied' : 'failed');
    if (!ok) {
      input.current?.focus();
      input.current?.select();
    }
  };

  const length = link.length.toLocaleString('en');
  // Params changed while the run on screen went on: the link starts from the design as it is now.
  const editedLive = useRun((s) => s.edits.length > 0);
  return (
    <ModalDialog dialogRef={dialog} className="share-dialog" labelledBy={titleId} describedBy={noteId} onClose={onClose}>
      <div className="share-dialog-body">
        <h2 id={titleId}>Share this design</h2>
        <p id={noteId} className="share-note">
          Anyone who opens this link sees this design — nodes, parameters, seed, run settings and scheduled faults. It
          opens with Run for set to {runLabel}, so Run gives the same figures as that run here, bit for bit. The design
          travels in the link itself; nothing is uploaded.
        </p>
        <label className="share-label" htmlFor={`${titleId}-link`}>
          Link
        </label>
        <div className="share-row">
          <input
            ref={input}
            id={`${titleId}-link`}
            className="share-link"
            type="text"
            readOnly
            value={link}
            spellCheck={false}
            onFocus={(e) => e.currentTarget.select()}
            onClick={(e) => e.currentTarget.select()}
          />
          <button type="button" className="btn btn-primary" onClick={() => void copyAgain()}>
            Copy
          </button>
        </div>
        <p className="share-meta">
          <span>{length} characters</span>
          <span role="status" className={copy === 'failed' ? 'share-copy-failed' : 'share-copy-ok'}>
            {copy === 'copied' && 'Copied to the clipboard.'}
            {copy === 'failed' && 'Could not copy automatically: the link is selected, press Ctrl+C (⌘C on a Mac).'}
          </span>
        </p>
        {editedLive && (
          <p className="share-warning">
            The run on screen had parameters changed while it ran; the link carries the design as it is now, so its
            run starts with the new values and its figures differ from the ones on screen.
          </p>
        )}
        {link.length > LONG_LINK && (
          <p className="share-warning">
            This is a long link; some chat apps cut long links short. If it arrives damaged, send the design as a file
            (File → Export JSON) instead.
          </p>
        )}
        <div className="share-actions">
          <button type="button" className="btn" onClick={() => dialog.current?.close()}>
            Done
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}

export function ShareButton() {
  const [shared, setShared] = useState<{ link: string; runLabel: string; copy: CopyState } | null>(null);
  const share = async () => {
    const design = useDesign.getState().design;
    const link = putLinkInAddress(design);
    const runLabel = formatRunLength(design.run);
    setShared({ link, runLabel, copy: 'idle' });
    const ok = await copyText(link);
    setShared((s) => (s && s.link === link ? { ...s, copy: ok ? 'copied' : 'failed' } : s));
  };
  return (
    <>
      <button
        type="button"
        className="btn"
        onClick={() => void share()}
        title="Copy a link that opens this design, with its seed, so others get the same run"
      >
        <svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" strokeWidth="2.2" aria-hidden="true">
          <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
        </svg>
        <span className="btn-text">Share</span>
      </button>
      {shared && (
        <ShareDialog link={shared.link} runLabel={shared.runLabel} initialCopy={shared.copy} onClose={() => setShared(null)} />
      )}
    </>
  );
}
