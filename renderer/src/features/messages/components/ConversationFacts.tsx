import type { ConversationSummary } from '../../../../../shared/domain/message.ts';
import { SourceFacts } from './SourceFacts.tsx';

/**
 * What each source keeps about the conversation itself (ParsedChat.extra: a database's
 * conversation columns no reader knows by name), folded under its title as a message's facts are
 * folded under the message. Nothing when no source kept any.
 */
export function ConversationFacts({ conversation }: { conversation: ConversationSummary }) {
  const entries = conversation.sourceFacts ?? [];
  return (
    <>
      {entries.map((entry, index) => (
        <SourceFacts
          key={entry.sourceId}
          extra={entry.extra}
          summary={entries.length > 1 ? `Conversation source facts, source ${index + 1} of ${entries.length}` : 'Conversation source facts'}
          testId="chat-source-facts"
          title={`Source ${entry.sourceId}`}
        />
      ))}
    </>
  );
}
