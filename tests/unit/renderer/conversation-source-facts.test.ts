import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../../shared/domain/message.ts';
import { ConversationFacts } from '../../../renderer/src/features/messages/components/ConversationFacts.tsx';

/**
 * What a source keeps about a conversation (ConversationSummary.sourceFacts: a bugle_db
 * conversation's columns no reader knows) is shown with the conversation (MessageView's head), as
 * a message's facts are shown under it; a conversation whose sources kept none shows none.
 */
const CONVERSATION: ConversationSummary = {
  id: 'c-1', sourceIds: ['src-1'], devices: [], title: 'Ana', kind: 'private', messageCount: 0, participants: ['Ana'], firstTimestamp: null, lastTimestamp: null, outOfTimeOrder: 0,
  sourceFacts: [{ sourceId: 'src-1', extra: { otherColumns: { snippet_text: 'see you at 9', archive_status: 1 } } }],
};

describe('a conversation\'s source facts in the UI', () => {
  it('shows each source\'s facts about the conversation', () => {
    const html = renderToStaticMarkup(createElement(ConversationFacts, { conversation: CONVERSATION }));
    expect(html).toContain('data-testid="chat-source-facts"');
    expect(html).toContain('Conversation source facts (1)');
    expect(html).toContain('see you at 9');
  });

  it('shows none for a conversation whose sources kept none', () => {
    const bare: ConversationSummary = { ...CONVERSATION };
    delete bare.sourceFacts;
    expect(renderToStaticMarkup(createElement(ConversationFacts, { conversation: bare }))).toBe('');
  });
});
