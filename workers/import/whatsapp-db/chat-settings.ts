/**
 * A chat's disappearing-messages setting as the new layout's `chat` row holds it now:
 * `ephemeral_expiration` (the timer; 0 or NULL when off), `ephemeral_setting_timestamp` (when it
 * was set) and `ephemeral_disappearing_messages_initiator`. Messages of a chat with a timer vanish
 * from the phone when it runs out: an analyst must learn that a chat had one, and since when, to
 * read its gaps. The setting messages (message_ephemeral_setting, system-details.ts) say when it
 * changed, but only while they themselves have not disappeared.
 *
 * [sources: the columns are in a real 2023 msgstore.db schema (frozenspider/chat-history-manager,
 * whatsapp-android_2023-10/msgstore.sql, whose sample chat holds 86400 and 1696243309000); a
 * decompiled WhatsApp Android build (smali class X/2t0, logged as EphemeralSettingMessageStore)
 * writes the three columns together into the chat row from the chat's ephemeral info: its
 * `expiration`, `ephemeralSettingTimestamp` and `disappearingMessagesInitiator`. The timer is
 * taken as seconds [belief, as for message_ephemeral.duration: the timers WhatsApp offers,
 * 86400 / 604800 / 7776000, and the protocol libraries' ephemeral expiration is in seconds]; the
 * time is read by its magnitude, as every WhatsApp time; what the initiator's values mean is not
 * documented, so it is kept as stored.]
 *
 * Kept in the source's details (ParsedChat carries no facts of its own), one entry per chat with a
 * timer, at most MAX_CHATS_WITH_SETTINGS.
 */

import type { Database } from 'sql.js';
import { columnsOf, hasTable, integerValue, rowidOf, scanRows, selectExpressions } from '../sqlite/index.ts';
import type { JidBook } from './jids.ts';
import { isoNoting, waUnixTime } from './wa-time.ts';

/** Chats listed with their setting: a hostile table cannot make the details unbounded. */
export const MAX_CHATS_WITH_SETTINGS = 1000;

export interface ChatDisappearingSetting {
  /** The chat as its messages name it: "jid:<jid>", or "chat-row:<n>" when its jid cannot be read. */
  chat: string;
  chatRow: number;
  durationSeconds: number;
  setAt: string | null;
  /** ephemeral_disappearing_messages_initiator as stored; its values' meaning is not documented. */
  initiator: number | null;
  timeNotes?: string[];
}

export interface ChatSettings {
  disappearing: ChatDisappearingSetting[];
  /** Chats with a timer, listed or not. */
  chatsWithTimer: number;
}

/** The chats of the new layout whose `chat` row holds a disappearing-messages timer; null without the column. */
export function readChatSettings(db: Database, jids: JidBook, onError: (message: string) => void): ChatSettings | null {
  if (!hasTable(db, 'chat')) return null;
  const columns = columnsOf(db, 'chat');
  if (!columns.has('ephemeral_expiration')) return null;
  const select = selectExpressions(columns, 't', ['jid_row_id', 'ephemeral_expiration', { name: 'ephemeral_setting_timestamp', asText: true }, 'ephemeral_disappearing_messages_initiator']);
  const settings: ChatSettings = { disappearing: [], chatsWithTimer: 0 };
  for (const row of scanRows(db, { table: 'chat', select }, (message) => onError(`chat: ${message}`))) {
    const duration = integerValue(row['ephemeral_expiration']);
    if (duration === null || duration === 0) continue;
    settings.chatsWithTimer += 1;
    if (settings.disappearing.length >= MAX_CHATS_WITH_SETTINGS) continue;
    const chatRow = rowidOf(row);
    const jid = jids.resolve(integerValue(row['jid_row_id']))?.jid ?? null;
    const timeNotes: string[] = [];
    const setAt = isoNoting(waUnixTime('chat.ephemeral_setting_timestamp', 'not set', row['ephemeral_setting_timestamp'] ?? null, row['ephemeral_setting_timestamp__text'] ?? null), timeNotes);
    settings.disappearing.push({
      chat: jid === null ? `chat-row:${chatRow}` : `jid:${jid}`,
      chatRow,
      durationSeconds: duration,
      setAt,
      initiator: integerValue(row['ephemeral_disappearing_messages_initiator']),
      ...(timeNotes.length === 0 ? {} : { timeNotes }),
    });
  }
  return settings;
}
