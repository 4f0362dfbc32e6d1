import type { KeyboardEvent } from 'react';
import { useMemo } from 'react';
import type { ConversationSummary } from '../../../../../shared/domain/message.ts';
import type { SourceRecord } from '../../../../../shared/domain/source.ts';
import { Participants } from '../../../app/Participants.tsx';
import { formatMessagesOf, formatUtc, formatUtcDayRange } from '../../../app/format.ts';
import { namesakeSources } from '../state/namesake-sources.ts';
import type { ConversationsState } from '../state/use-conversations.ts';

const SHOWN_PARTICIPANTS = 4;

/** Arrow keys walk the list, as analysts expect of a dense sidebar. */
function moveFocus(event: KeyboardEvent<HTMLUListElement>): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Home' && event.key !== 'End') return;
  const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('button[data-testid="conversation-item"]'));
  if (buttons.length === 0) return;
  event.preventDefault();
  const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
  const next = event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : index + (event.key === 'ArrowDown' ? 1 : -1);
  buttons[Math.max(0, Math.min(buttons.length - 1, next))]?.focus();
}

export function ConversationList({
  state,
  sources,
  selectedId,
  onSelect,
}: {
  state: ConversationsState;
  sources: readonly SourceRecord[];
  selectedId: string | null;
  onSelect: (conversation: ConversationSummary) => void;
}) {
  const { conversations, loading, error } = state;
  const sourceNames = useMemo(() => namesakeSources(conversations, sources), [conversations, sources]);
  return (
    <section className="conversations" aria-labelledby="conversations-title">
      <h2 id="conversations-title">
        Conversations <span className="muted">{conversations.length > 0 ? conversations.length : ''}</span>
      </h2>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!loading && conversations.length === 0 && error === null && <p className="muted empty">No conversations yet. Import a chat export above.</p>}
      <ul className="conversation-list" data-testid="conversation-list" onKeyDown={moveFocus}>
        {conversations.map((conversation) => (
          <li key={conversation.id}>
            <button
              type="button"
              className="conversation-item"
              data-testid="conversation-item"
              data-chat-id={conversation.id}
              aria-current={conversation.id === selectedId ? 'true' : undefined}
              onClick={() => onSelect(conversation)}
              title={`${formatUtc(conversation.firstTimestamp)} – ${formatUtc(conversation.lastTimestamp)}`}
            >
              <span className="conversation-title" dir="auto">
                {conversation.title}
              </span>
              <span className="conversation-participants">
                <Participants names={conversation.participants} limit={SHOWN_PARTICIPANTS} />
              </span>
              {sourceNames.has(conversation.id) && (
                <span className="conversation-device muted" data-testid="conversation-source" title="Another conversation has this title: the source files tell them apart">
                  <bdi>{sourceNames.get(conversation.id)}</bdi>
                </span>
              )}
              {conversation.devices.length > 0 && (
                <span className="conversation-device muted" data-testid="conversation-device">
                  <bdi>{conversation.devices.join(', ')}</bdi>
                </span>
              )}
              <span className="conversation-meta">
                <span>{formatMessagesOf(conversation.messageCount, conversation.unparsedCount)}</span>
                <span>{formatUtcDayRange(conversation.firstTimestamp, conversation.lastTimestamp)}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
