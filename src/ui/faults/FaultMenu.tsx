/**
 * Inject fault menus: a button in the inspector and a right-click (or Shift+F10 / Menu key)
 * menu on canvas nodes and connections. Both list the same items, apply them to the running
 * simulation at once, and offer Schedule… for a fault at a chosen time.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { create } from 'zustand';
import { useDesign } from '../../store';
import { targetName, targetOf } from '../../store/faults';
import { useRun } from '../../store/run';
import { injectFault } from '../../store/runner';
import { useUi } from '../../store/ui';
import { faultMenuItems, type FaultMenuItem } from './menuItems';
import './faults.css';

function useLive(id: string) {
  const node = useRun((s) => s.snapshot?.nodes.find((n) => n.id === id));
  const edge = useRun((s) => s.snapshot?.edges.find((e) => e.id === id));
  return { node, edge };
}

/**
 * The last fault applied, for screen readers: the canvas, the charts and the timeline show it
 * to the eye, so it is not another notice to dismiss.
 */
const useAnnouncement = create<{ text: string }>()(() => ({ text: '' }));

async function apply(item: FaultMenuItem, name: string) {
  const problem = await injectFault(item.fault);
  if (problem) useUi.getState().notify('error', problem);
  else useAnnouncement.setState({ text: `${item.label}: ${name}.` });
}

const enabledItems = (menu: HTMLElement | null) =>
  Array.from(menu?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([disabled])') ?? []);

interface ListProps {
  targetId: string;
  /** `refocus`: give focus back to what opened the menu (Escape, a choice), not when clicking elsewhere. */
  onClose: (refocus: boolean) => void;
  labelledBy?: string;
  label?: string;
}

/** The menu itself (role="menu"): arrows move, Enter chooses, Escape closes. */
function FaultMenuList({ targetId, onClose, labelledBy, label }: ListProps) {
  const design = useDesign((s) => s.design);
  const status = useRun((s) => s.status);
  const stale = useRun((s) => s.stale);
  const { node, edge } = useLive(targetId);
  const ref = useRef<HTMLDivElement>(null);
  const target = targetOf(design, targetId);

  useEffect(() => {
    enabledItems(ref.current)[0]?.focus();
  }, []);
  useEffect(() => {
    const onPointer = (event: PointerEvent) => {
      if (!ref.current?.contains(event.target as Node)) onClose(false);
    };
    document.addEventListener('pointerdown', onPointer, true);
    return () => document.removeEventListener('pointerdown', onPointer, true);
  }, [onClose]);

  if (!target) return null;
  const live = status === 'running' || status === 'paused';
  const items = faultMenuItems(target, node, edge);
  const name = targetName(design, targetId);
  // A node added after Run is not in the running simulation: only Schedule… makes sense for it.
  const notLoaded = live && stale && !node && !edge;
  const canInject = live && !notLoaded;

  const onKeyDown = (event: KeyboardEvent) => {
    const all = enabledItems(ref.current);
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    let next = -1;
    if (event.key === 'ArrowDown') next = (at + 1) % all.length;
    else if (event.key === 'ArrowUp') next = (at - 1 + all.length) % all.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = all.length - 1;
    else if (event.key === 'Escape') {
      event.stopPropagation();
      event.preventDefault();
      onClose(true);
      return;
    } else if (event.key === 'Tab') {
      onClose(false);
      return;
    } else {
      // Keys pressed in the menu are the menu's: Backspace here must not delete the selected node.
      event.stopPropagation();
      return;
    }
    event.preventDefault();
    all[next]?.focus();
  };

  return (
    <div ref={ref} className="fault-menu" role="menu" aria-labelledby={labelledBy} aria-label={labelledBy ? undefined : label} onKeyDown={onKeyDown}>
      <p className="fault-menu-head" aria-hidden="true">
        {name}
        {node && node.state !== 'up' && <span className="fault-menu-state">{node.state === 'down' ? 'Down' : `Slowed ×${node.slowdown}`}</span>}
        {edge?.cut && <span className="fault-menu-state">Cut</span>}
      </p>
      {!canInject && (
        <p className="fault-menu-note">{notLoaded ? 'Added after Run: restart to break it live.' : 'Run the design to inject faults live.'}</p>
      )}
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          className={`fault-menu-item action-${item.fault.action}`}
          disabled={!canInject || item.disabled}
          onClick={() => {
            onClose(true);
            void apply(item, name);
          }}
        >
          <span className="fault-menu-swatch" aria-hidden="true" />
          {item.label}
        </button>
      ))}
      <div className="fault-menu-separator" role="separator" />
      <button
        type="button"
        role="menuitem"
        className="fault-menu-item"
        onClick={() => {
          onClose(false);
          useUi.getState().draftFault(targetId, items[0]?.fault.action);
        }}
      >
        <span className="fault-menu-swatch is-clock" aria-hidden="true" />
        Schedule…
      </button>
    </div>
  );
}

/** The inspector's Inject fault button, for the selected node or connection. */
export function InjectFaultButton({ targetId }: { targetId: string }) {
  const [open, setOpen] = useState(false);
  const buttonId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const status = useRun((s) => s.status);
  const live = status === 'running' || status === 'paused';
  return (
    <div className="inject-fault">
      <button
        ref={button}
        id={buttonId}
        type="button"
        className={`btn inject-fault-button${open ? ' is-open' : ''}`}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
        title={live ? 'Break this now, in the running simulation' : 'Faults apply while the design runs; Schedule… adds one at a time'}
      >
        <svg viewBox="0 0 24 24" width="15" height="15" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
          <path d="M13 2 4 14h7l-1 8 9-12h-7z" />
        </svg>
        Inject fault
        <svg viewBox="0 0 24 24" width="12" height="12" fill="none" stroke="currentColor" strokeWidth="2.4" aria-hidden="true">
          <path d="m6 9 6 6 6-6" />
        </svg>
      </button>
      {open && (
        <FaultMenuList
          targetId={targetId}
          labelledBy={buttonId}
          onClose={(refocus) => {
            setOpen(false);
            if (refocus) button.current?.focus();
          }}
        />
      )}
    </div>
  );
}

interface ContextState {
  id: string;
  x: number;
  y: number;
  opener: HTMLElement | null;
}

/**
 * Right-click on a node or connection of the canvas. It listens on the document (the canvas
 * stays unaware of it) and selects what was clicked, so the inspector shows it too. The Menu
 * key and Shift+F10 on a focused node fire the same event, so the keyboard reaches it.
 */
export function FaultContextMenu() {
  const [menu, setMenu] = useState<ContextState | null>(null);
  const box = useRef<HTMLDivElement>(null);
  const [place, setPlace] = useState<{ left: number; top: number } | null>(null);

  useEffect(() => {
    const onContext = (event: MouseEvent) => {
      const element = (event.target as Element | null)?.closest?.('.react-flow__node, .react-flow__edge, .edge-label[data-edge-id]');
      if (!element || !element.closest('.canvas')) return;
      const id = element.getAttribute('data-id') ?? element.getAttribute('data-edge-id');
      if (!id) return;
      const design = useDesign.getState().design;
      if (!targetOf(design, id)) return;
      event.preventDefault();
      const isNode = element.classList.contains('react-flow__node');
      // Selecting makes the inspector show the same node or connection beside the menu.
      useUi.getState().select(isNode ? [id] : [], isNode ? [] : [id]);
      const rect = element.getBoundingClientRect();
      // A keyboard-opened menu has no pointer position: open it at the element.
      const fromKeyboard = event.clientX === 0 && event.clientY === 0;
      setMenu({
        id,
        x: fromKeyboard ? rect.left + Math.min(rect.width, 40) : event.clientX,
        y: fromKeyboard ? rect.bottom : event.clientY,
        opener: element instanceof HTMLElement ? element : null,
      });
      setPlace(null);
    };
    document.addEventListener('contextmenu', onContext);
    return () => document.removeEventListener('contextmenu', onContext);
  }, []);

  // Keep the menu on screen: measure it, then flip it left or up where it would overflow.
  useLayoutEffect(() => {
    if (!menu || !box.current) return;
    const { width, height } = box.current.getBoundingClientRect();
    const left = Math.max(4, Math.min(menu.x, window.innerWidth - width - 4));
    const top = menu.y + height > window.innerHeight - 4 ? Math.max(4, menu.y - height) : menu.y;
    setPlace({ left, top });
  }, [menu]);

  const announcement = <Announcement />;
  if (!menu) return announcement;
  return (
    <>
      {announcement}
      <div
        ref={box}
        className="fault-context-menu"
        style={{ left: place?.left ?? menu.x, top: place?.top ?? menu.y, opacity: place ? 1 : 0 }}
      >
        <FaultMenuList
          key={menu.id}
          targetId={menu.id}
          label="Inject fault"
          onClose={(refocus) => {
            const opener = menu.opener;
            setMenu(null);
            if (refocus) opener?.focus();
          }}
        />
      </div>
    </>
  );
}

function Announcement() {
  const text = useAnnouncement((s) => s.text);
  return (
    <p className="visually-hidden" role="status" aria-live="polite" data-testid="fault-announcement">
      {text}
    </p>
  );
}
