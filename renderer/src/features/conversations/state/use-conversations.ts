import { useEffect, useState } from 'react';
import type { ConversationSummary } from '../../../../../shared/domain/message.ts';
import { api } from '../../../api/client.ts';
import { describeError } from '../../../app/format.ts';

export interface ConversationsState {
  conversations: ConversationSummary[];
  loading: boolean;
  error: string | null;
}

/** conversations.list, reloaded whenever `revision` changes (imports, case switches). */
export function useConversations(revision: number): ConversationsState {
  const [state, setState] = useState<ConversationsState>({ conversations: [], loading: true, error: null });

  useEffect(() => {
    let live = true;
    setState((current) => ({ ...current, loading: true }));
    api.invoke('conversations.list', {}).then(
      (conversations) => live && setState({ conversations, loading: false, error: null }),
      (caught: unknown) => live && setState((current) => ({ ...current, loading: false, error: describeError(caught) })),
    );
    return () => {
      live = false;
    };
  }, [revision]);

  return state;
}
