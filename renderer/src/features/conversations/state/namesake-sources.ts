import type { ConversationSummary } from '../../../../../shared/domain/message.ts';
import type { SourceRecord } from '../../../../../shared/domain/source.ts';

/**
 * The source files of conversations that the list would otherwise show alike: two with one title
 * and the same devices (two backups of one sender's SMS, "BANK-INFO" in each, were two identical
 * rows; which file each came from was only found by opening it). Keyed by conversation id; a
 * conversation whose title is its own gets none, so the list stays as short as it was.
 */
export function namesakeSources(conversations: readonly ConversationSummary[], sources: readonly SourceRecord[]): Map<string, string> {
  const lookalike = (conversation: ConversationSummary): string => JSON.stringify([conversation.title, conversation.devices]);
  const counts = new Map<string, number>();
  for (const conversation of conversations) counts.set(lookalike(conversation), (counts.get(lookalike(conversation)) ?? 0) + 1);
  const names = new Map(sources.map((source) => [source.id, source.displayName]));
  const shown = new Map<string, string>();
  for (const conversation of conversations) {
    if ((counts.get(lookalike(conversation)) ?? 0) < 2) continue;
    const files = [...new Set(conversation.sourceIds.map((id) => names.get(id) ?? id))].sort();
    shown.set(conversation.id, files.join(', '));
  }
  return shown;
}
