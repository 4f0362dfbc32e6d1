import type { ConversationSourceFacts } from '../../../../../shared/domain/message.ts';
import { SourceFacts } from './SourceFacts.tsx';

/**
 * What each source keeps about the conversation itself (ParsedChat.extra: a database's
 * conversation columns no reader knows by name), folded under its title as a message's facts are
 * folded under the message. Nothing when no source kept any; a line when they could not be read.
 */
export function ConversationFacts({ entries, error = null }: { entries: readonly ConversationSourceFacts[]; error?: string | null }) {
  if (error !== null) {
    return (
      <p className="error" role="alert" data-testid="chat-source-facts-error">
        The conversation’s source facts could not be loaded: {error}
      </p>
    );
  }
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
