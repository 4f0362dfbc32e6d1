import { useEffect, useState } from 'react';
import type { MessageIndicatorsOf } from '../../../../../shared/domain/marker.ts';
import { api } from '../../../api/client.ts';

/**
 * A message's indicators with the analyst's latest decision on each, the decisions on indicators
 * the marker packs no longer find in it, and its notes and bookmark, as the review queue has them
 * (markers.ofChat).
 */
export type MessageIndicators = Pick<MessageIndicatorsOf, 'tags' | 'noLongerFound' | 'notes' | 'bookmarked'>;

const NONE: ReadonlyMap<string, MessageIndicators> = new Map();

/**
 * The indicators of a conversation's messages, by message id, so reading a conversation shows
 * what the tagger found in it and what was decided, not only the Review view. Read again when
 * `shown` (the view shown again after decisions elsewhere) or the case's `revision` (a re-tag, an
 * import) changes. A failure shows none: the messages themselves are still read and shown.
 */
export function useChatIndicators(chatId: string, shown: number, revision: number): ReadonlyMap<string, MessageIndicators> {
  const [indicators, setIndicators] = useState(NONE);
  useEffect(() => {
    let live = true;
    api.invoke('markers.ofChat', { chatId }).then(
      (items) => live && setIndicators(new Map(items.map(({ messageId, ...indicators }) => [messageId, indicators]))),
      () => live && setIndicators(NONE),
    );
    return () => {
      live = false;
    };
  }, [chatId, shown, revision]);
  return indicators;
}
