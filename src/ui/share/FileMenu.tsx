/**
 * The header's File menu: Export JSON, Import JSON, Export PNG, Copy as Mermaid, the results of a run once there
 * is one, and the design a link opened over while it is kept.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import { keptDesign } from '../../store/autosave';
import { useRun } from '../../store/run';
import { copyMermaid, exportJson, exportPng, exportResults, importFile } from './fileActions';
import { quoted, restoreKeptDesign } from './showDesign';
import './share.css';

interface Item {
  label: string;
  hint: string;
  run: () => void;
}

export function FileMenu() {
  const flow = useReactFlow();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const items: Item[] = [
    { label: 'Export JSON', hint: 'Save the design as a file', run: exportJson },
    { label: 'Import JSON…', hint: 'Open a design file (or drop it on the canvas)', run: () => fileInput.current?.click() },
    { label: 'Export PNG', hint: 'An image of the whole design', run: () => void exportPng(flow) },
    { label: 'Copy as Mermaid', hint: 'A flowchart for a README or design doc', run: () => void copyMermaid() },
  ];
  const hasRun = useRun((s) => s.status !== 'idle');
  if (hasRun) {
    items.push(
      { label: 'Export results CSV', hint: 'The run, second by second, for a spreadsheet', run: () => void exportResults('csv') },
      { label: 'Export results JSON', hint: 'The run’s figures as npm run sim prints them, and every second', run: () => void exportResults('json') },
    );
  }
  // Read when the menu opens: the slot is in storage, shared with other tabs.
  const kept = open ? keptDesign() : null;
  if (kept) {
    items.push({ label: 'Restore previous design', hint: `${quoted(kept.name)}, kept when a link opened over it`, run: restoreKeptDesign });
  }

  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open]);

  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const entries = Array.from(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? []);
    const at = entries.indexOf(document.activeElement as HTMLElement);
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = (at + 1) % entries.length;
    else if (event.key === 'ArrowUp') next = (at - 1 + entries.length) % entries.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = entries.length - 1;
    else if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      close(event.key === 'Escape');
      return;
    }
    if (next !== null) {
      event.preventDefault();
      entries[next]?.focus();
    }
  };

  return (
    <div className="file-menu">
      <button
        ref={button}
        type="button"
        className="btn"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? 'file-menu-list' : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        <svg viewBox="0 0 24 24" width="14" height="14" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
          <path d="M14 3H6a1 1 0 0 0-1 1v16a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1V8zM14 3v5h5" />
        </svg>
        <span className="btn-text">File</span>
        <svg viewBox="0 0 24 24" width="12" height="12" fill="none" stroke="currentColor" strokeWidth="2.4" aria-hidden="true">
          <path d="m6 9 6 6 6-6" />
        </svg>
      </button>
      {open && (
        <div ref={menu} id="file-menu-list" className="menu" role="menu" aria-label="File" onKeyDown={onMenuKey}>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="menu-item"
              aria-label={item.label.replace('…', '')}
              onClick={() => {
                close(true);
                item.run();
              }}
            >
              <span className="menu-item-label">{item.label}</span>
              <span className="menu-item-hint" aria-hidden="true">{item.hint}</span>
            </button>
          ))}
        </div>
      )}
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        // Reached through the menu item; hidden so it is not a second, unnamed control.
        hidden
        aria-label="Import JSON file"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importFile(file);
        }}
      />
    </div>
  );
}
