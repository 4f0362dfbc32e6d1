import type { ConversationSummary } from '../../../../../shared/domain/message.ts';
import type { SourceRecord } from '../../../../../shared/domain/source.ts';

/**
 * The source files of conversations that the list would otherwise show alike: two with one title
 * and the same devices (two backups of one sender's SMS, "BANK-INFO" in each, were two identical
 * rows; which file each came from was only found by opening it). Keyed by conversation id; a
 * conversation whose title is its own gets none, so the list stays as short as it was. A file is
 * named by its file name, unless another source has that name too (two phones' msgstore.db: the
 * rows stayed alike), then by its path, and by its hash as well when the path is another's too.
 */
export function namesakeSources(conversations: readonly ConversationSummary[], sources: readonly SourceRecord[]): Map<string, string> {
  const lookalike = (conversation: ConversationSummary): string => JSON.stringify([conversation.title, conversation.devices]);
  const counts = new Map<string, number>();
  for (const conversation of conversations) counts.set(lookalike(conversation), (counts.get(lookalike(conversation)) ?? 0) + 1);
  const names = sourceLabels(sources);
  const shown = new Map<string, string>();
  for (const conversation of conversations) {
    if ((counts.get(lookalike(conversation)) ?? 0) < 2) continue;
    const files = [...new Set(conversation.sourceIds.map((id) => names.get(id) ?? id))].sort();
    shown.set(conversation.id, files.join(', '));
  }
  return shown;
}

/** How many characters of a SHA-256 tell two files of one path apart in a label. */
const SHA256_SHOWN = 12;

/** Each source's label: its file name, else its path, else its path and the start of its hash, whichever no other source shares. */
function sourceLabels(sources: readonly SourceRecord[]): Map<string, string> {
  const count = (values: readonly string[]): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
    return counts;
  };
  // Only sources that give conversations: a failed attempt at the same file is not another file.
  const imported = sources.filter((source) => source.status === 'imported');
  const names = count(imported.map((source) => source.displayName));
  const paths = count(imported.map((source) => source.path));
  return new Map(
    sources.map((source) => {
      if ((names.get(source.displayName) ?? 0) < 2) return [source.id, source.displayName];
      if ((paths.get(source.path) ?? 0) < 2) return [source.id, source.path];
      return [source.id, `${source.path} (sha256 ${source.sha256.slice(0, SHA256_SHOWN)})`];
    }),
  );
}
