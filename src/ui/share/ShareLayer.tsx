/**
 * What persistence shows over the canvas: the "Your previous design was kept — Restore" banner,
 * alerts about links, files and storage (role="alert", until dismissed), and the drop target
 * for a .json file. Also opens a design link pasted into an open tab (hashchange).
 */
import { useEffect, useRef, useState } from 'react';
import { useDesign } from '../../store';
import { designFromLink, dismissAlert, hideKeptBanner, usePersistence } from '../../store/autosave';
import { importFile } from './fileActions';
import { notesHint, quoted, restoreKeptDesign, showDesign } from './showDesign';
import './share.css';

function timeAgo(savedAt: number | null): string {
  if (savedAt === null) return '';
  const minutes = Math.round((Date.now() - savedAt) / 60_000);
  if (minutes < 1) return ', saved just now';
  if (minutes < 60) return `, saved ${minutes} min ago`;
  return `, saved ${new Date(savedAt).toLocaleString()}`;
}

function KeptBanner() {
  const kept = usePersistence((s) => s.kept);
  if (!kept) return null;
  return (
    <div className="kept-banner" role="region" aria-label="Previous design">
      <div className="kept-banner-text">
        <p className="kept-banner-title">Your previous design was kept</p>
        <p>
          {quoted(kept.name)}
          {timeAgo(kept.savedAt)} — the link opened over it.
        </p>
      </div>
      <div className="kept-banner-actions">
        <button type="button" className="btn btn-primary" onClick={restoreKeptDesign}>
          Restore
        </button>
        <button type="button" className="btn btn-ghost" onClick={hideKeptBanner} title="Hide this; your previous design stays saved (File → Restore previous design) until another link replaces it">
          Keep this one
        </button>
      </div>
    </div>
  );
}

function Alerts() {
  const alerts = usePersistence((s) => s.alerts);
  return (
    <>
      {alerts.map((alert) => {
        const shown = alert.problems.slice(0, 4);
        const more = alert.problems.length - shown.length;
        return (
          <div key={alert.id} className="share-alert" role="alert">
            <div className="share-alert-text">
              <p className="share-alert-title">{alert.title}</p>
              {shown.length === 1 ? (
                <p>{shown[0]}</p>
              ) : (
                <ul>
                  {shown.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                  {more > 0 && <li>…and {more} more.</li>}
                </ul>
              )}
              {alert.footer && <p className="share-alert-footer">{alert.footer}</p>}
            </div>
            <button type="button" className="notice-close" aria-label="Dismiss" onClick={() => dismissAlert(alert.id)}>
              ×
            </button>
          </div>
        );
      })}
    </>
  );
}

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/**
 * Files dropped anywhere on the page are taken as an import: left to the browser, a dropped
 * file would replace the page (and the unsaved edit) with the file itself.
 */
function useFileDrop(onFile: (file: File) => void): boolean {
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const latest = useRef(onFile);
  latest.current = onFile;
  useEffect(() => {
    const onEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth.current++;
      setOver(true);
    };
    const onOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setOver(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth.current = 0;
      setOver(false);
      const file = event.dataTransfer?.files[0];
      if (file) latest.current(file);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  return over;
}

/** A design link pasted into the address bar of an open tab. */
function useLinkNavigation() {
  useEffect(() => {
    const onHashChange = () => {
      const design = designFromLink(location.hash, useDesign.getState().design);
      if (design) void showDesign(design, `Opened ${quoted(design.name)} from the link${notesHint(design)}. Undo (Ctrl+Z) brings your previous design back.`);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
}

export function ShareLayer() {
  useLinkNavigation();
  const dragging = useFileDrop((file) => void importFile(file));
  return (
    <>
      <div className="share-layer">
        <KeptBanner />
        <Alerts />
      </div>
      {dragging && (
        <div className="drop-target" aria-hidden="true">
          <p>Drop a .json design file to open it</p>
        </div>
      )}
    </>
  );
}
