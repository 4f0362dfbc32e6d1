import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ConversationSourceFacts } from '../../../shared/domain/message.ts';
import { ConversationFacts } from '../../../renderer/src/features/messages/components/ConversationFacts.tsx';

/**
 * What a source keeps about a conversation (a bugle_db conversation's columns no reader knows,
 * asked for with conversations.facts when the header is shown) is shown with the conversation
 * (MessageView's head), as a message's facts are shown under it; a conversation whose sources
 * kept none shows none.
 */
const FACTS: ConversationSourceFacts[] = [{ sourceId: 'src-1', extra: { otherColumns: { snippet_text: 'see you at 9', archive_status: 1 } } }];

describe('a conversation\'s source facts in the UI', () => {
  it('shows each source\'s facts about the conversation', () => {
    const html = renderToStaticMarkup(createElement(ConversationFacts, { entries: FACTS }));
    expect(html).toContain('data-testid="chat-source-facts"');
    expect(html).toContain('Conversation source facts (1)');
    expect(html).toContain('see you at 9');
  });

  it('numbers the sources when several kept facts', () => {
    const html = renderToStaticMarkup(createElement(ConversationFacts, { entries: [...FACTS, { sourceId: 'src-2', extra: { otherColumns: { pinned_rank: 3 } } }] }));
    expect(html).toContain('Conversation source facts, source 2 of 2 (1)');
  });

  it('shows none for a conversation whose sources kept none', () => {
    expect(renderToStaticMarkup(createElement(ConversationFacts, { entries: [] }))).toBe('');
  });

  it('says so when the facts could not be loaded', () => {
    const html = renderToStaticMarkup(createElement(ConversationFacts, { entries: [], error: 'No case is open' }));
    expect(html).toContain('could not be loaded: No case is open');
  });
});
