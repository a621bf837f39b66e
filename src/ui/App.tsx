/** The playground's layout and its keyboard shortcuts. */
import { useEffect } from 'react';
import { ReactFlowProvider } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import './theme.css';
import { useUi } from '../store/ui';
import { copy, cut, deleteSelection, paste, redo, selectAll, undo } from './actions';
import { Canvas } from './canvas/Canvas';
import { FaultContextMenu } from './faults/FaultMenu';
import { Header } from './header/Header';
import { Inspector } from './inspector/Inspector';
import { MetricsDock } from './metrics/MetricsDock';
import { Notices } from './notices/Notices';
import { Palette } from './palette/Palette';
import { Problems } from './problems/Problems';
import { ShareLayer } from './share/ShareLayer';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

function useShortcuts() {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      let handled = true;
      if (mod && key === 'z' && !event.shiftKey) undo();
      else if (mod && ((key === 'z' && event.shiftKey) || key === 'y')) redo();
      else if (mod && key === 'c') copy();
      else if (mod && key === 'x') cut();
      else if (mod && key === 'v') paste();
      else if (mod && key === 'a') selectAll();
      else if (!mod && (event.key === 'Delete' || event.key === 'Backspace')) deleteSelection();
      else if (event.key === 'Escape') useUi.getState().clearSelection();
      else handled = false;
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function App() {
  useShortcuts();
  return (
    <ReactFlowProvider>
      <div className="app">
        <Header />
        <Palette />
        <main className="stage">
          <Canvas />
          <Problems />
          <Notices />
          <ShareLayer />
        </main>
        <FaultContextMenu />
        <Inspector />
        <MetricsDock />
      </div>
    </ReactFlowProvider>
  );
}
