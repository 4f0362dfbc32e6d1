import { useEffect } from 'react';
import { CaseScreen } from '../features/case/components/CaseScreen.tsx';
import { useCase } from '../features/case/state/use-case.ts';
import { Workspace } from './Workspace.tsx';

/** Dropped files must never make the window navigate to them (it would leave the app). */
function usePreventFileNavigation(): void {
  useEffect(() => {
    const prevent = (event: DragEvent): void => event.preventDefault();
    window.addEventListener('dragover', prevent);
    window.addEventListener('drop', prevent);
    return () => {
      window.removeEventListener('dragover', prevent);
      window.removeEventListener('drop', prevent);
    };
  }, []);
}

export function App() {
  const caseController = useCase();
  const { state, revision, refresh, adopt } = caseController;
  usePreventFileNavigation();

  if (state.status === 'loading') {
    return (
      <p className="boot" role="status">
        Connecting to the engine…
      </p>
    );
  }
  if (state.status === 'unreachable') {
    return (
      <main className="case-screen">
        <section className="case-card" role="alert">
          <h1>Threadline cannot reach its engine</h1>
          <p className="error">{state.message}</p>
          <p className="muted">In browser mode, open the full address printed by “threadline serve” (it carries the session token).</p>
          <button type="button" onClick={() => void refresh()}>
            Try again
          </button>
        </section>
      </main>
    );
  }
  if (state.info === null) return <CaseScreen onOpened={adopt} />;
  return <Workspace key={state.info.path} info={state.info} revision={revision} onClosed={() => adopt(null)} />;
}
