import type { ParsedParticipant } from '../../../shared/contracts/parsed-source.ts';
import { conversationParticipants, type SenderSeen } from '../../../shared/domain/participants.ts';
import type { SqlConnection as Database } from '../sql-connection.ts';
import { CHAT_MESSAGES, CHAT_NUMBER } from './chat-order-sql.ts';
import { asNullableString, asString, run, selectAll } from './rows.ts';

/** Everyone who sent a message in the chat, as written, with the identifier the format gave. */
export function chatSenders(db: Database, chatId: string): SenderSeen[] {
  return selectAll(db, `SELECT DISTINCT m.sender, m.sender_id FROM ${CHAT_MESSAGES} WHERE o.chat = ${CHAT_NUMBER} AND m.sender IS NOT NULL AND m.kind = 'message' ORDER BY m.sender, m.sender_id`, [chatId]).map(
    (row) => ({ sender: asString(row['sender']), senderId: asNullableString(row['sender_id']) }),
  );
}

/** The chat's participants as shown: its senders, then whoever its sources name as taking part (conversationParticipants). */
export function chatParticipants(db: Database, chatId: string, senders: readonly SenderSeen[]): string[] {
  const declared = selectAll(db, 'SELECT cs.participants FROM chat_sources cs JOIN sources s ON s.id = cs.source_id WHERE cs.chat_id = ? ORDER BY s.imported_at, s.id', [chatId]);
  return conversationParticipants(
    senders,
    declared.flatMap((row) => JSON.parse(asString(row['participants'])) as ParsedParticipant[]),
  );
}

/**
 * Makes every chat's stored participants again by the current rules (PARTICIPANT_RULES_VERSION):
 * a case made before they changed showed one person twice ("Dorin (+40 712-345-678)" and "Dorin
 * (+40712345678)") until its chats were summarised again. Reads each chat's senders once, as
 * summarising does; returns how many chats' lists changed.
 */
export function remakeParticipants(db: Database): number {
  let changed = 0;
  for (const row of selectAll(db, 'SELECT id, participants FROM chats')) {
    const chatId = asString(row['id']);
    const participants = JSON.stringify(chatParticipants(db, chatId, chatSenders(db, chatId)));
    if (participants === asString(row['participants'])) continue;
    run(db, 'UPDATE chats SET participants = ? WHERE id = ?', [participants, chatId]);
    changed += 1;
  }
  return changed;
}
