import type { SqlConnection as Database, SqlValue } from '../sql-connection.ts';
import type { DecisionOnIndicatorNoLongerFound } from '../../../shared/domain/marker.ts';
import { toDecision } from './markers.ts';
import { asString, selectAll, selectOne } from './rows.ts';
import { FROM_DECISIONS_NO_LONGER_FOUND } from './review-sql.ts';

const CHUNK = 500;

/**
 * The latest confirm/dismiss decisions on indicators the marker packs no longer find, of one
 * conversation or of the messages given, in conversation order. Each names the tagger and pack
 * that last tagged the message's source (its 'markers' provenance, tagSource), so a court can be
 * told which version no longer finds what an analyst decided on.
 */
export function decisionsOnIndicatorsNoLongerFound(db: Database, scope: { chatId: string } | { messageIds: string[] }): DecisionOnIndicatorNoLongerFound[] {
  const rows: Record<string, SqlValue>[] = [];
  const select = `SELECT d.*, m.chat_id, m.source_id ${FROM_DECISIONS_NO_LONGER_FOUND}`;
  if ('chatId' in scope) rows.push(...selectAll(db, `${select} AND m.chat_id = ? ORDER BY m.seq, d.id`, [scope.chatId]));
  else {
    for (let start = 0; start < scope.messageIds.length; start += CHUNK) {
      const chunk = scope.messageIds.slice(start, start + CHUNK);
      rows.push(...selectAll(db, `${select} AND d.message_id IN (${chunk.map(() => '?').join(',')}) ORDER BY m.chat_id, m.seq, d.id`, chunk));
    }
  }
  const taggerOf = new Map<string, { name: string; packVersions: Record<string, string> } | null>();
  return rows.map((row) => {
    const sourceId = asString(row['source_id']);
    if (!taggerOf.has(sourceId)) taggerOf.set(sourceId, lastTagging(db, sourceId));
    const decision = toDecision(row);
    return { chatId: asString(row['chat_id']), decision, noLongerFoundBy: describeTagger(taggerOf.get(sourceId) ?? null, decision.marker ?? '') };
  });
}

/** The tagger and pack versions that last tagged a source to the end (tagSource records them). */
function lastTagging(db: Database, sourceId: string): { name: string; packVersions: Record<string, string> } | null {
  const row = selectOne(db, "SELECT tool, tool_version, parameters FROM provenance WHERE source_id = ? AND stage = 'markers' ORDER BY id DESC LIMIT 1", [sourceId]);
  if (row === null) return null;
  const parameters = JSON.parse(asString(row['parameters'])) as { packVersions?: Record<string, string> };
  return { name: `${asString(row['tool'])} ${asString(row['tool_version'])}`, packVersions: parameters.packVersions ?? {} };
}

function describeTagger(tagging: { name: string; packVersions: Record<string, string> } | null, marker: string): string {
  if (tagging === null) return 'the marker packs last run on its source (their versions were not recorded)';
  const pack = tagging.packVersions[marker];
  return pack === undefined ? `${tagging.name}, which has no ${marker} pack` : `${tagging.name}, ${marker} pack ${pack}`;
}
