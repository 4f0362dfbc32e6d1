import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseInfo } from '../../../../../shared/domain/case.ts';
import { api } from '../../../api/client.ts';
import { describeError } from '../../../app/format.ts';
import { useEngineEvent } from '../../../app/engine-events.ts';

export type CaseState =
  | { status: 'loading' }
  | { status: 'unreachable'; message: string }
  | { status: 'ready'; info: CaseInfo | null };

export interface CaseController {
  state: CaseState;
  /** Bumped on every case.changed event so lists know to reload. */
  revision: number;
  refresh(): Promise<void>;
  adopt(info: CaseInfo | null): void;
}

/** The open case as the engine reports it, kept fresh from case.changed events. */
export function useCase(): CaseController {
  const [state, setState] = useState<CaseState>({ status: 'loading' });
  const [revision, setRevision] = useState(0);
  const request = useRef(0);

  const refresh = useCallback(async () => {
    const ticket = ++request.current;
    try {
      const info = await api.invoke('case.current', {});
      if (ticket === request.current) setState({ status: 'ready', info });
    } catch (error) {
      if (ticket === request.current) setState({ status: 'unreachable', message: describeError(error) });
    }
  }, []);

  const adopt = useCallback((info: CaseInfo | null) => {
    request.current++;
    setState({ status: 'ready', info });
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEngineEvent((event) => {
    if (event.name !== 'case.changed') return;
    setRevision((value) => value + 1);
    void refresh();
  });

  return { state, revision, refresh, adopt };
}
