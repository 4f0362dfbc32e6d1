/**
 * The new Android msgstore layout (2021+): `message` joined to its 1:1 side tables
 * (`message_media`, `message_location`, `message_system`, `message_revoked`, `message_edit_info`,
 * `message_quoted`, `message_forwarded`, `message_system_number_change`), chats via `chat` -> `jid`,
 * reactions from `message_add_on`, members named by group events from `message_system_chat_participant`, the other
 * `message_system_*` details (system-details.ts), call facts from `call_log` via `message_call_log`. Side tables a version lacks are simply not joined; their columns read as NULL.
 */

import type { Database } from 'sql.js';
import type { ColumnRequest, Row, TableScan } from '../sqlite/index.ts';
import { Lookup, columnsOf, flagValue, hasTable, integerValue, nonEmptyText, numberValue, quoteIdentifier, rowidOf, scanRows, selectExpressions, storedOrder, textValue } from '../sqlite/index.ts';
import type { WaDisappearing, WaFields, WaReaction, WaTemplate } from './android-fields.ts';
import { GROUP_INVITE_COLUMNS, groupInviteOf } from './group-invite.ts';
import type { TransitionalSideTables } from './android-legacy.ts';
import { MentionBook, mentionsNotListedNote, mentionsOf } from './mentions.ts';
import type { MentionRows } from './mentions.ts';
import { QUOTED_MEDIA_COLUMNS, quotedMediaOf } from './quoted-media.ts';
import { MAX_CONTACT_CARDS, placeOf } from './android-fields.ts';
import { hasCallLink } from './android-calls.ts';
import { callOf } from './call-facts.ts';
import type { JidBook } from './jids.ts';
import { loadEventParticipants, resolveParticipants } from './group-events.ts';
import type { WaGroupEvent } from './group-events.ts';
import { systemDetailJoins, systemDetailsOf } from './system-details.ts';
import { clearJobCovering, loadClearJobs } from './cleared-chats.ts';
import type { ClearJob } from './cleared-chats.ts';
import { loadPolls } from './polls.ts';
import { ReceiptBook } from './receipts.ts';
import { CallParticipants } from './call-participants.ts';
import { LIVE_LOCATION_COLUMNS, liveLocationOf } from './live-location.ts';
import { thumbnailColumn, thumbnailOf } from './thumbnails.ts';
import type { WaPollOption } from './polls.ts';

interface SideTable {
  table: string;
  alias: string;
  /** The column holding the message's rowid. */
  key: string;
  columns: readonly (string | ColumnRequest)[];
}

const SIDE_TABLES: readonly SideTable[] = [
  // raw_transcription_text: a voice message transcribed on the phone (2024+) [real schema dump, 2025].
  { table: 'message_media', alias: 'mm', key: 'message_row_id', columns: ['file_path', 'mime_type', 'media_name', 'media_caption', 'file_size', 'file_length', 'media_duration', 'file_hash', 'raw_transcription_text'] },
  // A live location's start is latitude/longitude; where it ended, and when, the live_location_final_* columns.
  { table: 'message_location', alias: 'ml', key: 'message_row_id', columns: ['latitude', 'longitude', 'place_name', 'place_address', 'url', ...LIVE_LOCATION_COLUMNS] },
  { table: 'message_system', alias: 'ms', key: 'message_row_id', columns: ['action_type'] },
  { table: 'message_system_number_change', alias: 'mn', key: 'message_row_id', columns: ['old_jid_row_id', 'new_jid_row_id'] },
  // admin_jid_row_id: the admin who deleted a group member's message [source: IPED's SELECT_REVOKED].
  // revoke_timestamp: when it was deleted for everyone [real schema dump, 2025].
  { table: 'message_revoked', alias: 'mr', key: 'message_row_id', columns: ['revoked_key_id', 'admin_jid_row_id', { name: 'revoke_timestamp', asText: true }] },
  // A view-once message's state, kept as stored: what its values mean is not known [real schema dump, 2025].
  { table: 'message_view_once_media', alias: 'mvo', key: 'message_row_id', columns: ['state'] },
  // A business's template message (types 25-28): its text is only here [real schema dump; IPED reads it so].
  { table: 'message_template', alias: 'tpl', key: 'message_row_id', columns: ['content_text_data', 'footer_text_data', 'template_id'] },
  // original_key_id and sender_timestamp kept as stored: WhatsApp's own query reads the three columns
  // together (a decompiled build: SELECT original_key_id, edited_timestamp, sender_timestamp FROM
  // message_edit_info WHERE message_row_id = ?), but what the two denote is not documented.
  { table: 'message_edit_info', alias: 'me', key: 'message_row_id', columns: [{ name: 'edited_timestamp', asText: true }, 'original_key_id', { name: 'sender_timestamp', asText: true }] },
  { table: 'message_quoted', alias: 'mq', key: 'message_row_id', columns: ['key_id', 'text_data', 'from_me', 'sender_jid_row_id'] },
  // The place a reply quotes, keyed like message_quoted on the reply's row [verified schema on the IPED sample].
  // The media a reply quotes, copied with it (quoted-media.ts).
  { table: 'message_quoted_media', alias: 'mqm', key: 'message_row_id', columns: QUOTED_MEDIA_COLUMNS },
  { table: 'message_quoted_location', alias: 'mql', key: 'message_row_id', columns: ['latitude', 'longitude', 'place_name', 'place_address', 'url', thumbnailColumn('thumbnail')] },
  // A place's map, a media preview: the only image of a location, or of media whose file is gone (thumbnails.ts).
  { table: 'message_thumbnail', alias: 'mt', key: 'message_row_id', columns: [thumbnailColumn('thumbnail')] },
  { table: 'message_forwarded', alias: 'mf', key: 'message_row_id', columns: ['forward_score'] },
  // A link's preview as the phone showed it: the page's title and description, the url [real schema dump, 2025].
  { table: 'message_text', alias: 'mtx', key: 'message_row_id', columns: ['page_title', 'description', 'url'] },
  // A message sent while disappearing messages were on: how long it was to live and when it was to go.
  // [schema verified on the IPED sample, which has no rows: the units are read by magnitude]
  { table: 'message_ephemeral', alias: 'mx', key: 'message_row_id', columns: ['duration', { name: 'expire_timestamp', asText: true }] },
  // A group invitation (type 24): which group, whose, its invite code and times (group-invite.ts).
  { table: 'message_group_invite', alias: 'mgi', key: 'message_row_id', columns: GROUP_INVITE_COLUMNS },
];

const MESSAGE_COLUMNS: readonly (string | ColumnRequest)[] = [
  'chat_row_id', 'from_me', 'key_id', 'sender_jid_row_id', 'status', { name: 'timestamp', asText: true },
  'received_timestamp', 'message_type', 'text_data', 'starred', 'origination_flags', 'sort_id',
  // A translation the phone made of the message (2025+) [real schema dump, 2025].
  'translated_text',
];

const CALL_FACT_COLUMNS = ['call_id', 'video_call', 'duration', 'call_result'];

/** `origination_flags` bit 0: the message was forwarded (IPED). */
const ORIGIN_FORWARDED = 1;

/** A template message's text, footer and buttons (the first 20: a template has a few), or null for a row with none. */
function templateOf(row: Row, buttons: Lookup | null): WaTemplate | null {
  const text = textValue(row['tpl_content_text_data']);
  if (text === null) return null;
  const labels = buttons === null ? [] : buttons.all(rowidOf(row), 20).map((button) => nonEmptyText(button['text_data'])).filter((label): label is string => label !== null);
  return { text, footer: nonEmptyText(row['tpl_footer_text_data']), templateId: nonEmptyText(row['tpl_template_id']), buttons: labels };
}

export class NewLayoutReader {
  private readonly chats = new Map<number, { jidRowId: number | null; subject: string | null }>();
  private readonly vcards: Lookup | null;
  /** Reactions by the rowid of the message they answer. */
  private readonly reactions: Map<number, Row[]>;
  /** Messages whose reactions were handed out: the rest answer a message that was not read. */
  private readonly reactionsClaimed = new Set<number>();
  /** Members a group event names (message_system_chat_participant), by message rowid. */
  private readonly eventParticipants: Map<number, number[]>;
  /** Poll options, with their votes, by the poll's message rowid (polls.ts). */
  private readonly polls: Map<number, WaPollOption[]>;
  /** The jid rows each message @mentions, by message row (mentions.ts). */
  private readonly mentions: MentionBook;
  /** Chats the owner cleared, by chat row (cleared-chats.ts). */
  private readonly clearJobs: Map<number, ClearJob[]>;
  /** A template message's buttons (message_template_button), by its message rowid. */
  private readonly templateButtons: Lookup | null;
  /** The recipients' receipts of the owner's messages (receipts.ts). */
  private readonly receiptBook: ReceiptBook | null;
  /** A group call's participants (call-participants.ts). */
  private readonly callParticipants: CallParticipants | null;

  constructor(
    private readonly db: Database,
    private readonly jids: JidBook,
    onError: (message: string) => void,
  ) {
    if (hasTable(db, 'chat')) {
      const select = selectExpressions(columnsOf(db, 'chat'), 't', ['jid_row_id', 'subject']);
      for (const row of scanRows(db, { table: 'chat', select }, (message) => onError(`chat: ${message}`))) {
        const jidRowId = integerValue(row['jid_row_id']);
        this.chats.set(rowidOf(row), { jidRowId, subject: nonEmptyText(row['subject']) });
        // Its messages are kept apart as this chat row's (fields), but who the chat is with is not known.
        if (jids.resolve(jidRowId) === null) onError(`chat row ${rowidOf(row)}: its jid (jid row ${jidRowId ?? 'NULL'}) is not in the jid table; its messages are kept as "Unknown chat (chat row ${rowidOf(row)})"`);
      }
    }
    this.vcards = hasTable(db, 'message_vcard') && columnsOf(db, 'message_vcard').has('message_row_id')
      ? new Lookup(db, `SELECT t.vcard FROM message_vcard AS t WHERE t.message_row_id = ? ORDER BY ${storedOrder(db, 'message_vcard', 't')}`, [{ table: 'message_vcard', columns: ['message_row_id'] }])
      : null;
    this.reactions = loadReactions(db, onError);
    this.eventParticipants = loadEventParticipants(db, onError);
    this.polls = loadPolls(db, jids, onError);
    this.clearJobs = loadClearJobs(db, onError);
    this.mentions = new MentionBook(db, onError);
    this.receiptBook = ReceiptBook.open(db, jids);
    this.callParticipants = CallParticipants.open(db, jids);
    this.templateButtons = hasTable(db, 'message_template_button') && columnsOf(db, 'message_template_button').has('message_row_id')
      ? new Lookup(db, `SELECT t.text_data FROM message_template_button AS t WHERE t.message_row_id = ? ORDER BY ${storedOrder(db, 'message_template_button', 't')}`, [
          { table: 'message_template_button', columns: ['message_row_id'] },
        ])
      : null;
  }

  scan(): TableScan {
    const select = [...selectExpressions(columnsOf(this.db, 'message'), 't', MESSAGE_COLUMNS)];
    const joins: string[] = [];
    for (const side of SIDE_TABLES) {
      const columns = hasTable(this.db, side.table) ? columnsOf(this.db, side.table) : new Set<string>();
      select.push(...selectExpressions(columns, side.alias, side.columns, `${side.alias}_`));
      if (columns.has(side.key)) joins.push(`LEFT JOIN ${quoteIdentifier(side.table)} AS ${side.alias} ON ${side.alias}.${quoteIdentifier(side.key)} = t.rowid`);
    }
    // A call's facts live in call_log, linked to its message row (newer versions) by message_call_log.
    const linked = hasCallLink(this.db);
    select.push(...selectExpressions(linked ? columnsOf(this.db, 'call_log') : new Set<string>(), 'cl', CALL_FACT_COLUMNS, 'cl_'));
    select.push(linked ? 'mcl.call_log_row_id AS cl_link' : 'NULL AS cl_link');
    if (linked) joins.push('LEFT JOIN message_call_log AS mcl ON mcl.message_row_id = t.rowid LEFT JOIN call_log AS cl ON cl._id = mcl.call_log_row_id');
    // The other message_system_* tables (old subject, icon, block, disappearing messages…).
    const details = systemDetailJoins(this.db);
    select.push(...details.select);
    joins.push(...details.joins);
    return { table: 'message', select, joins: joins.join(' ') };
  }

  /** The dummy first row (chat_row_id -1) that WhatsApp keeps in every database. */
  isPlaceholder(row: Row): boolean {
    return integerValue(row['chat_row_id']) === -1 || textValue(row['key_id']) === '-1';
  }

  fields(row: Row): WaFields {
    const chatRowId = integerValue(row['chat_row_id']);
    const chat = this.chats.get(chatRowId ?? -1);
    const chatJid = this.jids.resolve(chat?.jidRowId ?? null);
    const senderRowId = integerValue(row['sender_jid_row_id']);
    const mediaPresent = [row['mm_file_path'], row['mm_mime_type'], row['mm_media_name'], row['mm_file_size']].some((value) => value !== null && value !== undefined);
    const duration = integerValue(row['mm_media_duration']);
    return {
      chatJid: chatJid?.jid ?? null,
      chatSubject: chat?.subject ?? null,
      ...(chatJid === null && chatRowId !== null ? { unreadableChatRow: chatRowId } : {}),
      fromMe: flagValue(row['from_me']),
      keyId: nonEmptyText(row['key_id']),
      groupSender: senderRowId === null || senderRowId === 0 ? null : this.jids.resolve(senderRowId),
      typeCode: integerValue(row['message_type']),
      legacySystem: false,
      systemAction: integerValue(row['ms_action_type']),
      groupEvent: this.groupEvent(row),
      systemDetails: systemDetailsOf(row),
      text: textValue(row['text_data']),
      caption: nonEmptyText(row['mm_media_caption']),
      status: integerValue(row['status']),
      timestamp: row['timestamp'] ?? null,
      timestampText: row['timestamp__text'] ?? null,
      receivedTimestamp: row['received_timestamp'] ?? null,
      media: mediaPresent
        ? {
            path: nonEmptyText(row['mm_file_path']),
            mimeType: nonEmptyText(row['mm_mime_type']),
            name: nonEmptyText(row['mm_media_name']),
            size: mediaSize(integerValue(row['mm_file_size']), integerValue(row['mm_file_length'])),
            durationSeconds: duration,
            fileHash: nonEmptyText(row['mm_file_hash']),
          }
        : null,
      location: placeOf(numberValue(row['ml_latitude']), numberValue(row['ml_longitude']), {
        name: nonEmptyText(row['ml_place_name']), address: nonEmptyText(row['ml_place_address']), url: nonEmptyText(row['ml_url']),
      }),
      vcards: this.vcards === null ? [] : this.vcards.all(rowidOf(row), MAX_CONTACT_CARDS + 1).map((card) => textValue(card['vcard'])).filter((card): card is string => card !== null),
      revokedKeyId: nonEmptyText(row['mr_revoked_key_id']),
      revokedByAdmin: this.jids.resolve(integerValue(row['mr_admin_jid_row_id'])),
      revokedAt: row['mr_revoke_timestamp'] ?? null,
      revokedAtText: row['mr_revoke_timestamp__text'] ?? null,
      viewOnceState: integerValue(row['mvo_state']),
      template: templateOf(row, this.templateButtons),
      receipts: this.receiptBook === null || !flagValue(row['from_me']) ? null : this.receiptBook.of(rowidOf(row)),
      editedAt: row['me_edited_timestamp'] ?? null,
      editedAtText: row['me_edited_timestamp__text'] ?? null,
      editOriginalKeyId: nonEmptyText(row['me_original_key_id']),
      editSenderTimestamp: row['me_sender_timestamp'] ?? null,
      editSenderTimestampText: row['me_sender_timestamp__text'] ?? null,
      quotedKeyId: nonEmptyText(row['mq_key_id']),
      quotedText: nonEmptyText(row['mq_text_data']),
      quotedFrom: { fromMe: flagValue(row['mq_from_me']), sender: this.jids.resolve(integerValue(row['mq_sender_jid_row_id'])) },
      quotedLocation: placeOf(numberValue(row['mql_latitude']), numberValue(row['mql_longitude']), {
        name: nonEmptyText(row['mql_place_name']), address: nonEmptyText(row['mql_place_address']), url: nonEmptyText(row['mql_url']),
      }),
      quotedThumbnail: thumbnailOf(row, 'mql_thumbnail', 'message_quoted_location.thumbnail'),
      quotedMedia: quotedMediaOf(row),
      thumbnail: thumbnailOf(row, 'mt_thumbnail', 'message_thumbnail.thumbnail'),
      reactions: this.reactionsOf(rowidOf(row)),
      call: row['cl_link'] === null || row['cl_link'] === undefined ? null : callOf(row, 'cl_'),
      callParticipants: this.callParticipants?.of(integerValue(row['cl_link'])) ?? [],
      disappearing: disappearingOf(row),
      liveLocation: liveLocationOf(row),
      pollOptions: this.polls.get(rowidOf(row)) ?? [],
      groupInvite: groupInviteOf(row, this.jids),
      ...this.mentionFields(this.mentions.ofMessageRow(rowidOf(row), nonEmptyText(row['key_id']))),
      starred: flagValue(row['starred']),
      translatedText: nonEmptyText(row['translated_text']),
      linkPreview: linkPreviewOf(row),
      transcription: nonEmptyText(row['mm_raw_transcription_text']),
      clearedBy: clearJobCovering(this.clearJobs, chatRowId, integerValue(row['sort_id']), flagValue(row['starred'])),
      forwarded: ((integerValue(row['origination_flags']) ?? 0) & ORIGIN_FORWARDED) !== 0 || (integerValue(row['mf_forward_score']) ?? 0) > 0,
    };
  }

  /**
   * The reactions answering the message of this rowid, taken from message_add_on. The legacy reader
   * of a transitional database asks too: there they answer messages._id (WaReaction).
   */
  reactionsOf(messageRowId: number): WaReaction[] {
    this.reactionsClaimed.add(messageRowId);
    return (this.reactions.get(messageRowId) ?? []).map((reaction) => ({
      fromMe: flagValue(reaction['from_me']),
      sender: this.jids.resolve(integerValue(reaction['sender_jid_row_id'])),
      emoji: textValue(reaction['reaction']) ?? '',
      timestamp: reaction['timestamp'] ?? null,
      addOnRowId: rowidOf(reaction),
    }));
  }

  /**
   * Reactions whose message was never read (its row is gone, or could not be read): they belong to
   * no record, so the caller must say so rather than drop them without a word.
   */
  unclaimedReactions(): { count: number; parentRowIds: number[] } {
    const parentRowIds = [...this.reactions.keys()].filter((parent) => !this.reactionsClaimed.has(parent)).sort((a, b) => a - b);
    return { count: parentRowIds.reduce((sum, parent) => sum + (this.reactions.get(parent)?.length ?? 0), 0), parentRowIds };
  }

  /** The members a system row names and a number change, when the side tables record them. */
  private groupEvent(row: Row): WaGroupEvent | null {
    if (integerValue(row['ms_action_type']) === null) return null;
    const participants = resolveParticipants(this.eventParticipants.get(rowidOf(row)) ?? [], this.jids);
    const from = integerValue(row['mn_old_jid_row_id']);
    const to = integerValue(row['mn_new_jid_row_id']);
    const event: WaGroupEvent = { actor: 'sender', participants, participantSource: 'message_system_chat_participant' };
    if (from !== null || to !== null) event.numberChange = { from: resolveParticipants(from === null ? [] : [from], this.jids)[0] ?? null, to: resolveParticipants(to === null ? [] : [to], this.jids)[0] ?? null };
    return event;
  }

  /** A transitional database's side tables as its legacy reader asks them, by messages._id. */
  legacySideTables(): TransitionalSideTables {
    return {
      reactionsOf: (messagesRowId) => this.reactionsOf(messagesRowId),
      mentionsOf: (messagesRowId) => this.mentionFields(this.mentions.ofLegacyRow(messagesRowId)),
    };
  }

  /** Mention rows no message read claimed (mentions.ts MentionBook). */
  unclaimedMentions(): { rows: number; messageRowIds: number[] } {
    return this.mentions.unclaimed();
  }

  free(): void {
    this.vcards?.free();
    this.mentions.free();
  }

  private mentionFields(listed: MentionRows | undefined): Pick<WaFields, 'mentions' | 'mentionsNote'> {
    return { mentions: mentionsOf(listed, this.jids), mentionsNote: mentionsNotListedNote(listed) };
  }
}

/** The message_ephemeral row of a message, or null when it has none. */
function disappearingOf(row: Row): WaDisappearing | null {
  const durationSeconds = integerValue(row['mx_duration']);
  const expiresAt = row['mx_expire_timestamp'] ?? null;
  if (durationSeconds === null && (expiresAt === null || expiresAt === 0)) return null;
  return { durationSeconds, expiresAt, expiresAtText: row['mx_expire_timestamp__text'] ?? null };
}

/**
 * One person's reaction per message_add_on row. A group holds up to 1024 people (a cap of 1000
 * dropped the rest unseen); room is left for larger community groups, while a hostile table still
 * cannot make a message unbounded.
 */
const MAX_REACTIONS = 5000;

/**
 * Reactions are rows of message_add_on (who, when, parent_message_row_id) with the emoji in
 * message_add_on_reaction: not messages, so they are read once, in one pass, and handed to the
 * message they answer (one pass rather than a lookup per message: the parent column may have no index).
 */
function loadReactions(db: Database, onError: (message: string) => void): Map<number, Row[]> {
  const byParent = new Map<number, Row[]>();
  if (!hasTable(db, 'message_add_on') || !hasTable(db, 'message_add_on_reaction')) return byParent;
  const addOn = columnsOf(db, 'message_add_on');
  const reaction = columnsOf(db, 'message_add_on_reaction');
  if (!addOn.has('_id') || !addOn.has('parent_message_row_id') || !reaction.has('message_add_on_row_id')) return byParent;
  const select = [...selectExpressions(addOn, 't', ['parent_message_row_id', 'from_me', 'sender_jid_row_id', 'timestamp']), ...selectExpressions(reaction, 'r', ['reaction'])];
  const scan = { table: 'message_add_on', select, joins: 'JOIN message_add_on_reaction AS r ON r.message_add_on_row_id = t._id' };
  for (const row of scanRows(db, scan, (message) => onError(`message_add_on: ${message}`))) {
    const parent = integerValue(row['parent_message_row_id']);
    if (parent === null) continue;
    const list = byParent.get(parent) ?? [];
    if (list.length < MAX_REACTIONS) list.push(row);
    byParent.set(parent, list);
  }
  return byParent;
}

/** message_text's preview of a link (title, description, url), or null when it holds none. */
function linkPreviewOf(row: Row): Record<string, string> | null {
  const preview = Object.fromEntries(
    [['title', row['mtx_page_title']], ['description', row['mtx_description']], ['url', row['mtx_url']]]
      .map(([key, value]) => [key, nonEmptyText(value)] as const)
      .filter((entry): entry is readonly [string, string] => entry[1] !== null),
  );
  return Object.keys(preview).length === 0 ? null : preview;
}

/**
 * A media row's size: file_size, else file_length when file_size is 0 or NULL. A real 2026
 * archive holds 20,429 rows with file_length > 0 and file_size 0 or NULL [a public write-up of a
 * WhatsApp Android reader ("WhatsApp on Android", Amberkeep), counting 1,124,291 messages]; 0 is
 * no size, so it must not hide the other column.
 */
function mediaSize(fileSize: number | null, fileLength: number | null): number | null {
  return fileSize !== null && fileSize > 0 ? fileSize : fileLength !== null && fileLength > 0 ? fileLength : fileSize;
}
