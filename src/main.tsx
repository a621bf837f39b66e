import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { exportJson } from './ui/share/fileActions';

// The last line of defence: if the app itself fails to render, say so and offer the design
// (which lives in the store and in autosave, untouched) as a file.
function Crash({ error }: { error: Error }) {
  return (
    <div className="crash" role="alert">
      <h1>Archsim hit a bug and stopped drawing.</h1>
      <p>Your design is safe: it is saved in this browser and comes back when you reload.</p>
      <p className="crash-detail">{error.message}</p>
      <div className="crash-actions">
        <button type="button" className="btn btn-primary" onClick={() => window.location.reload()}>
          Reload
        </button>
        <button type="button" className="btn" onClick={exportJson}>
          Export design JSON
        </button>
      </div>
    </div>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ErrorBoundary fallback={(error) => <Crash error={error} />}>
      <App />
    </ErrorBoundary>
  </StrictMode>,
);
