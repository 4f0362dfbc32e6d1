import { useEffect, useState } from 'react';
import type { ConversationSourceFacts, ConversationSummary } from '../../../../../shared/domain/message.ts';
import { api } from '../../../api/client.ts';
import { describeError } from '../../../app/format.ts';

export interface LoadedConversationFacts {
  entries: ConversationSourceFacts[];
  error: string | null;
}

const NONE: LoadedConversationFacts = { entries: [], error: null };

/**
 * The source facts of the conversation whose header is shown, asked for only when the list says
 * a source kept some: the list no longer carries them (thousands of conversations made it
 * megabytes, sent again on every refresh during an import). Asked again when that count changes
 * (another source merged in).
 */
export function useConversationFacts(conversation: ConversationSummary | undefined): LoadedConversationFacts {
  const chatId = conversation?.id ?? null;
  const sourcesWithFacts = conversation?.sourcesWithFacts ?? 0;
  const [loaded, setLoaded] = useState<LoadedConversationFacts>(NONE);
  useEffect(() => {
    setLoaded(NONE);
    if (chatId === null || sourcesWithFacts === 0) return undefined;
    let live = true;
    api.invoke('conversations.facts', { chatId }).then(
      (entries) => live && setLoaded({ entries, error: null }),
      (caught: unknown) => live && setLoaded({ entries: [], error: describeError(caught) }),
    );
    return () => {
      live = false;
    };
  }, [chatId, sourcesWithFacts]);
  return loaded;
}
