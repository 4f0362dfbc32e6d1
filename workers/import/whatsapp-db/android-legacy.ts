/**
 * The legacy Android msgstore layout (until ~2022): one wide `messages` table keyed by
 * `key_remote_jid`. Group and security events are rows with `status` 6 whose action code is kept
 * in `media_size` (and the new group subject in `data`). Media have no path column: the path is
 * read out of the serialized MediaData in `thumb_image` (media-data-path.ts).
 *
 * Who a membership event names is only partly documented. [verified on the IPED sample] rows of
 * action 11 (created) carry the creator in `remote_resource`; rows of action 4 (added), dated at
 * the group's creation, carry in `remote_resource` a member who never writes in any chat (the
 * phone's owner, added by the creator), so there it names the member the event is about, not who
 * acted. [belief, unverified] some versions put the affected member's jid in `data` with the
 * actor in `remote_resource`. So: a jid-shaped `data` is the member and `remote_resource` the
 * actor; otherwise `remote_resource` is the member and the actor is reported as not recorded.
 *
 * The row's sender follows from that, per action code (remoteNotActor), because a court must
 * never see the member an event is about recorded as its author ("Y" as the author of "X added
 * Y"). `remote_resource` becomes the sender only where it is known to name who acted:
 * - 11 (created): [verified on the IPED sample] in 17 of its 18 created rows `remote_resource` is
 *   the number the group jid itself starts with (`<creator>-<time>@g.us`), the 18th is empty;
 * - 5 (left), 20 (joined via link), 28 (number changed): whoever the row names did it themselves;
 * - 4/12 (added), 7/14 (removed), 15 (made admin) with a jid-shaped `data`: the member is in
 *   `data`, so `remote_resource` is not the member; taken as the actor [belief, as above].
 * Everywhere else it is not: added/removed/admin rows without a member in `data` (there
 * `remote_resource` is the member, [verified] for 4), and every other code (subject, icon,
 * description, security and encryption notices, unknown codes), for which nothing confirms whose
 * jid it is. Those rows have no sender; `remote_resource` is kept in `extra.remoteResource` with
 * `extra.remoteResourceNote`, and the event text and `extra.groupEvent` still name the member.
 * [verified on the IPED sample] `key_from_me` is 1 on every status-6 row, also on groups another
 * number created: on these rows it does not mean the owner acted, so a jid-shaped `data` on a
 * row "from me" does not make the text say "You".
 */

import type { Database } from 'sql.js';
import type { ColumnRequest, Row, TableScan } from '../sqlite/index.ts';
import { Lookup, blobValue, columnsOf, flagValue, hasTable, integerValue, nonEmptyText, numberValue, rowidOf, scanRows, selectExpressions, storedOrder, textValue } from '../sqlite/index.ts';
import type { WaFields, WaMedia, WaReaction } from './android-fields.ts';
import { MAX_CONTACT_CARDS, hasPosition, placeOf } from './android-fields.ts';
import { isMembershipAction } from './group-events.ts';
import type { WaGroupEvent } from './group-events.ts';
import type { JidBook } from './jids.ts';
import { ReceiptBook } from './receipts.ts';
import { legacyMentionsOf } from './mentions.ts';
import { MEDIA_DATA_SCAN_BYTES, mediaPathFromMediaData } from './media-data-path.ts';
import { androidMessageType } from './message-types.ts';
import { systemDetailJoins, systemDetailsOf } from './system-details.ts';
import { PLACE_COLUMNS, legacyLocationJoin, liveLocationOf } from './live-location.ts';
import { thumbnailColumn, thumbnailOf } from './thumbnails.ts';

const MESSAGES_COLUMNS: readonly (string | ColumnRequest)[] = [
  'key_remote_jid', 'key_from_me', 'key_id', 'status', 'data', { name: 'timestamp', asText: true }, 'media_url',
  'media_mime_type', 'media_wa_type', 'media_size', 'media_name', 'media_caption', 'media_duration', 'latitude', 'longitude',
  'remote_resource', 'received_timestamp', 'starred', 'quoted_row_id', 'forwarded', 'edit_version', 'media_hash', 'mentioned_jids',
  // The row's thumbnail (a place's map, a media preview; thumbnails.ts), bounded in size.
  thumbnailColumn('raw_data'),
];

/** A transitional database's message_media row of a legacy message (new-layout columns). */
const NEW_MEDIA_COLUMNS = ['file_path', 'mime_type', 'media_name', 'media_caption', 'file_size', 'media_duration', 'file_hash'];

/** A transitional database's message_quoted row of a legacy reply (new-layout columns). */
const NEW_QUOTE_COLUMNS = ['key_id', 'text_data', 'from_me', 'sender_jid_row_id'];

/**
 * The quoted message's copy in messages_quotes (same columns as messages): a quoted location keeps
 * its coordinates, place name (media_name) and link (media_url) there, as a location row does.
 */
const QUOTE_COLUMNS = ['key_id', 'data', 'key_from_me', 'remote_resource', 'latitude', 'longitude', 'media_name', 'media_url', 'media_wa_type'];

/** `messages.status` of a group or security event row. */
const STATUS_SYSTEM = 6;
/**
 * A legacy event row "this is a business account" (action 46 in media_size) keeps the business's
 * name in media_name [verified on the IPED sample: "Hotdog412", "Nwi Fibra Ótica"].
 */
const BUSINESS_ACCOUNT_ACTION = 46;

/** Action codes whose row names in remote_resource the person who acted (file comment). */
const REMOTE_IS_ACTOR: ReadonlySet<number> = new Set([5, 11, 20, 28]);

/** A personal jid (phone or lid), as `data` would hold one: text of any other shape is not a member. */
const MEMBER_JID = /^[0-9]{5,20}(?::[0-9]+)?@(?:s\.whatsapp\.net|c\.us|lid)$/u;

/** What a transitional database's new side tables hold for a legacy row, by its rowid (NewLayoutReader). */
export interface TransitionalSideTables {
  reactionsOf(messagesRowId: number): WaReaction[];
  mentionsOf(messagesRowId: number): Pick<WaFields, 'mentions' | 'mentionsNote'>;
}

export class LegacyLayoutReader {
  /** Group subjects from `chat_list` (legacy databases have no `chat` table). */
  private readonly subjects = new Map<string, string>();
  /**
   * The cards of a contact message, from messages_vcards: a message sharing several contacts
   * (type 14) has them only there. [verified on the IPED sample: its trigger
   * messages_bd_for_messages_vcards_trigger keys messages_vcards on messages._id]
   */
  private readonly vcards: Lookup | null;
  /** The recipients' receipts of the owner's messages, in a transitional database (receipts.ts). */
  private readonly receiptBook: ReceiptBook | null;

  constructor(
    private readonly db: Database,
    onError: (message: string) => void,
    /** The jid table, where a transitional database has one: message_quoted names its author by jid row. */
    private readonly jids: JidBook | null = null,
    /**
     * A transitional database's reactions (message_add_on) and mentions (message_mentions), by the
     * rowid of their message: keyed on messages._id there, as WhatsApp's own triggers key its side tables.
     */
    private readonly sideTables: TransitionalSideTables | null = null,
  ) {
    this.receiptBook = jids === null ? null : ReceiptBook.open(db, jids);
    this.vcards = hasTable(db, 'messages_vcards') && columnsOf(db, 'messages_vcards').has('message_row_id') && columnsOf(db, 'messages_vcards').has('vcard')
      ? new Lookup(db, `SELECT t.vcard FROM messages_vcards AS t WHERE t.message_row_id = ? ORDER BY ${storedOrder(db, 'messages_vcards', 't')}`, [{ table: 'messages_vcards', columns: ['message_row_id'] }])
      : null;
    if (hasTable(db, 'chat_list')) {
      const select = selectExpressions(columnsOf(db, 'chat_list'), 't', ['key_remote_jid', 'subject']);
      for (const row of scanRows(db, { table: 'chat_list', select }, (message) => onError(`chat_list: ${message}`))) {
        const jid = nonEmptyText(row['key_remote_jid']);
        const subject = nonEmptyText(row['subject']);
        if (jid !== null && subject !== null) this.subjects.set(jid, subject);
      }
    }
  }

  scan(): TableScan {
    const select = [...selectExpressions(columnsOf(this.db, 'messages'), 't', MESSAGES_COLUMNS)];
    // A reply points (quoted_row_id) at its own copy of the quoted message in messages_quotes,
    // which keeps the quoted key and text even when the original row is gone. _id is unique: no repeats.
    const quotes = hasTable(this.db, 'messages_quotes') ? columnsOf(this.db, 'messages_quotes') : new Set<string>();
    select.push(...selectExpressions(quotes, 'mq', QUOTE_COLUMNS, 'mq_'));
    const joinable = quotes.has('_id') && columnsOf(this.db, 'messages').has('quoted_row_id');
    // thumb_image holds the media path; only a bounded prefix is read (as bytes, whatever its declared type).
    const hasThumb = columnsOf(this.db, 'messages').has('thumb_image');
    select.push(hasThumb ? `substr(CAST(t.thumb_image AS BLOB), 1, ${MEDIA_DATA_SCAN_BYTES}) AS thumb_scan` : 'NULL AS thumb_scan');
    select.push(hasThumb ? 'length(CAST(t.thumb_image AS BLOB)) AS thumb_length' : 'NULL AS thumb_length');
    // [verified on the IPED sample] its triggers key message_system and the message_system_* and
    // message_ephemeral_setting tables on messages._id: where a legacy event's details live.
    const details = systemDetailJoins(this.db);
    select.push(...details.select);
    // A venue's address and where a live location ended: message_location, keyed on messages._id here too (live-location.ts).
    const live = legacyLocationJoin(this.db);
    select.push(...live.select);
    // [verified schema on the IPED sample] message_quoted is keyed on messages._id (messages_bd_for_message_quoted_trigger),
    // message_quoted_location on message_quoted's key: a legacy reply's quoted place may be there instead.
    const quotedCopy = hasTable(this.db, 'message_quoted') ? columnsOf(this.db, 'message_quoted') : new Set<string>();
    select.push(...selectExpressions(quotedCopy, 'nq', NEW_QUOTE_COLUMNS, 'nq_'));
    const quotedPlace = hasTable(this.db, 'message_quoted_location') ? columnsOf(this.db, 'message_quoted_location') : new Set<string>();
    select.push(...selectExpressions(quotedPlace, 'mql', [...PLACE_COLUMNS, thumbnailColumn('thumbnail')], 'mql_'));
    // [verified schema on the IPED sample] message_thumbnail is keyed on messages._id (messages_bd_for_message_thumbnail_trigger).
    const thumbnails = hasTable(this.db, 'message_thumbnail') ? columnsOf(this.db, 'message_thumbnail') : new Set<string>();
    select.push(...selectExpressions(thumbnails, 'mt', [thumbnailColumn('thumbnail')], 'mt_'));
    // [belief: the schema forensic write-ups give; no sample holds the table] Older databases keep
    // thumbnails in message_thumbnails, keyed like the message itself (one unique key).
    const keyedThumbnails = hasTable(this.db, 'message_thumbnails') ? columnsOf(this.db, 'message_thumbnails') : new Set<string>();
    const keyedJoinable = ['key_remote_jid', 'key_from_me', 'key_id', 'thumbnail'].every((column) => keyedThumbnails.has(column));
    if (keyedJoinable) select.push(...selectExpressions(keyedThumbnails, 'lt', [thumbnailColumn('thumbnail')], 'lt_'));
    // A transitional database keys the new side tables on messages._id (its delete triggers, a real
    // schema dump, say so): the media's path and hash in message_media, a deletion in message_revoked.
    const newMedia = hasTable(this.db, 'message_media') ? columnsOf(this.db, 'message_media') : new Set<string>();
    select.push(...selectExpressions(newMedia, 'nm', NEW_MEDIA_COLUMNS, 'nm_'));
    const newRevoked = hasTable(this.db, 'message_revoked') ? columnsOf(this.db, 'message_revoked') : new Set<string>();
    select.push(...selectExpressions(newRevoked, 'nr', ['revoked_key_id', 'admin_jid_row_id'], 'nr_'));
    const joins = [
      ...(newMedia.has('message_row_id') ? ['LEFT JOIN message_media AS nm ON nm.message_row_id = t._id'] : []),
      ...(newRevoked.has('message_row_id') ? ['LEFT JOIN message_revoked AS nr ON nr.message_row_id = t._id'] : []),
      ...(joinable ? ['LEFT JOIN messages_quotes AS mq ON mq._id = t.quoted_row_id'] : []),
      ...(quotedCopy.has('message_row_id') ? ['LEFT JOIN message_quoted AS nq ON nq.message_row_id = t._id'] : []),
      ...(quotedPlace.has('message_row_id') ? ['LEFT JOIN message_quoted_location AS mql ON mql.message_row_id = t._id'] : []),
      ...(thumbnails.has('message_row_id') ? ['LEFT JOIN message_thumbnail AS mt ON mt.message_row_id = t._id'] : []),
      ...(keyedJoinable ? ['LEFT JOIN message_thumbnails AS lt ON lt.key_remote_jid = t.key_remote_jid COLLATE BINARY AND lt.key_from_me = t.key_from_me AND lt.key_id = t.key_id COLLATE BINARY'] : []),
      ...details.joins, ...live.joins,
    ];
    return { table: 'messages', select, ...(joins.length > 0 ? { joins: joins.join(' ') } : {}) };
  }

  /**
   * Who the row @mentions: a transitional database's message_mentions rows for it (filled from
   * mentioned_jids by WhatsApp's own migration), else its own mentioned_jids (mentions.ts).
   */
  private mentionsOf(row: Row): Pick<WaFields, 'mentions' | 'mentionsNote' | 'mentionedJidsAsStored'> {
    const listed = this.sideTables?.mentionsOf(rowidOf(row));
    if (listed?.mentions !== undefined && listed.mentions.length > 0) return listed;
    return legacyMentionsOf(row['mentioned_jids']) ?? {};
  }

  /** The dummy first row (key_remote_jid "-1"). */
  isPlaceholder(row: Row): boolean {
    return textValue(row['key_remote_jid']) === '-1';
  }

  fields(row: Row): WaFields {
    const chatJid = nonEmptyText(row['key_remote_jid']);
    const status = integerValue(row['status']);
    const legacySystem = status === STATUS_SYSTEM;
    const typeCode = integerValue(row['media_wa_type']);
    const remote = nonEmptyText(row['remote_resource']);
    const hasMedia = !legacySystem && typeCode !== null && typeCode !== 0;
    const fromMe = flagValue(row['key_from_me']);
    const action = legacySystem ? integerValue(row['media_size']) : null;
    const data = nonEmptyText(row['data']);
    const notSender = legacySystem && remote !== null ? remoteNotActor(action, data) : null;
    const businessName = action === BUSINESS_ACCOUNT_ACTION ? nonEmptyText(row['media_name']) : null;
    return {
      chatJid,
      chatSubject: chatJid === null ? null : this.subjects.get(chatJid) ?? null,
      fromMe,
      keyId: nonEmptyText(row['key_id']),
      groupSender: remote === null || notSender !== null ? null : { jid: remote },
      ...(remote === null || notSender === null ? {} : { remoteResourceNotSender: { jid: remote, note: notSender } }),
      typeCode: legacySystem ? null : typeCode,
      legacySystem,
      systemAction: action,
      groupEvent: legacySystem ? membershipEvent(action, remote, data, fromMe) : null,
      // Only event rows read them: a side table's key is not known to point at anything else here.
      systemDetails: legacySystem ? systemDetailsOf(row) : null,
      ...(businessName === null ? {} : { businessName }),
      text: textValue(row['data']),
      textColumn: 'data',
      liveLocation: liveLocationOf(row),
      caption: nonEmptyText(row['media_caption']) ?? nonEmptyText(row['nm_media_caption']),
      status,
      timestamp: row['timestamp'] ?? null,
      timestampText: row['timestamp__text'] ?? null,
      receivedTimestamp: row['received_timestamp'] ?? null,
      media: hasMedia ? withNewMedia(legacyMedia(row), row) : null,
      location: legacyPlace(row),
      vcards: hasMedia && androidMessageType(typeCode).mediaType === 'contact' ? this.cardsOf(rowidOf(row)) : [],
      revokedKeyId: nonEmptyText(row['nr_revoked_key_id']),
      revokedByAdmin: this.jids?.resolve(integerValue(row['nr_admin_jid_row_id'])) ?? null,
      receipts: this.receiptBook === null || !fromMe ? null : this.receiptBook.of(rowidOf(row)),
      editedAt: null,
      editedAtText: null,
      editVersion: integerValue(row['edit_version']),
      ...this.quoteOf(row),
      quotedLocation: quotedPlace(row),
      quotedThumbnail: thumbnailOf(row, 'mql_thumbnail', 'message_quoted_location.thumbnail'),
      thumbnail: thumbnailOf(row, 'raw_data', 'messages.raw_data') ?? thumbnailOf(row, 'mt_thumbnail', 'message_thumbnail.thumbnail') ?? thumbnailOf(row, 'lt_thumbnail', 'message_thumbnails.thumbnail'),
      // Reactions came with the new layout (message_add_on): a transitional database has them, keyed on messages._id.
      reactions: this.sideTables?.reactionsOf(rowidOf(row)) ?? [],
      ...this.mentionsOf(row),
      // Legacy calls are in call_log too (read by CallLogReader), never linked to a messages row.
      call: null,
      starred: flagValue(row['starred']),
      forwarded: flagValue(row['forwarded']),
    };
  }

  /**
   * What a reply quotes: its copy in messages_quotes, else (transitional databases) its
   * message_quoted row, keyed on messages._id, whose author is a jid row.
   */
  private quoteOf(row: Row): Pick<WaFields, 'quotedKeyId' | 'quotedText' | 'quotedFrom'> {
    const keyId = nonEmptyText(row['mq_key_id']);
    const text = nonEmptyText(row['mq_data']);
    if (keyId !== null || text !== null) return { quotedKeyId: keyId, quotedText: text, quotedFrom: { fromMe: flagValue(row['mq_key_from_me']), sender: quotedSender(row) } };
    return {
      quotedKeyId: nonEmptyText(row['nq_key_id']),
      quotedText: nonEmptyText(row['nq_text_data']),
      quotedFrom: { fromMe: flagValue(row['nq_from_me']), sender: this.jids?.resolve(integerValue(row['nq_sender_jid_row_id'])) ?? null },
    };
  }

  /** Contact cards beside a legacy contact message (none when the table is absent). */
  private cardsOf(messageRowId: number): string[] {
    if (this.vcards === null) return [];
    return this.vcards.all(messageRowId, MAX_CONTACT_CARDS + 1).map((card) => textValue(card['vcard'])).filter((card): card is string => card !== null);
  }

  free(): void {
    this.vcards?.free();
  }
}

/**
 * A legacy location: the row's own columns first, what message_location adds (a transitional
 * database's venue address; live-location.ts) where the row has nothing. A position in either
 * table wins over a place named without one.
 */
function legacyPlace(row: Row): WaFields['location'] {
  const details = {
    name: nonEmptyText(row['media_name']) ?? nonEmptyText(row['ml_place_name']),
    address: nonEmptyText(row['ml_place_address']),
    url: nonEmptyText(row['media_url']) ?? nonEmptyText(row['ml_url']),
  };
  const own = placeOf(numberValue(row['latitude']), numberValue(row['longitude']), details);
  const fromTable = placeOf(numberValue(row['ml_latitude']), numberValue(row['ml_longitude']), details);
  return hasPosition(own) ? own : hasPosition(fromTable) ? fromTable : own ?? fromTable;
}

/**
 * The place a reply quotes: its copy in messages_quotes, else (transitional databases)
 * message_quoted_location, keyed on the reply's messages._id. A messages_quotes copy without a
 * position names a place only when it is a location (media_wa_type 5 or 16): another quoted
 * media's media_name and media_url are its file name and download link, not a venue.
 */
function quotedPlace(row: Row): WaFields['location'] {
  const copy = placeOf(numberValue(row['mq_latitude']), numberValue(row['mq_longitude']), { name: nonEmptyText(row['mq_media_name']), address: null, url: nonEmptyText(row['mq_media_url']) });
  const quotedType = integerValue(row['mq_media_wa_type']);
  // A copy with a position is a place, as before; without one, only a quoted location's names are.
  const copyIsPlace = hasPosition(copy) || (quotedType !== null && androidMessageType(quotedType).mediaType === 'location');
  const fromTable = placeOf(numberValue(row['mql_latitude']), numberValue(row['mql_longitude']), {
    name: nonEmptyText(row['mql_place_name']), address: nonEmptyText(row['mql_place_address']), url: nonEmptyText(row['mql_url']),
  });
  const ownCopy = copyIsPlace ? copy : null;
  return hasPosition(ownCopy) ? ownCopy : hasPosition(fromTable) ? fromTable : ownCopy ?? fromTable;
}

/** The author of a quoted message in a group: its copy's remote_resource (empty in private chats). */
function quotedSender(row: Row): { jid: string } | null {
  const remote = nonEmptyText(row['mq_remote_resource']);
  return remote === null ? null : { jid: remote };
}

/**
 * The legacy row's media completed from its message_media row (transitional databases): the
 * path, which the legacy row keeps only in thumb_image, and the hash WhatsApp checks files by.
 */
function withNewMedia(media: WaMedia, row: Row): WaMedia {
  const path = nonEmptyText(row['nm_file_path']);
  const completed: WaMedia = {
    ...media,
    mimeType: media.mimeType ?? nonEmptyText(row['nm_mime_type']),
    name: media.name ?? nonEmptyText(row['nm_media_name']),
    size: media.size ?? integerValue(row['nm_file_size']),
    durationSeconds: media.durationSeconds ?? integerValue(row['nm_media_duration']),
    fileHash: media.fileHash ?? nonEmptyText(row['nm_file_hash']),
  };
  if (media.path === null && path !== null) {
    completed.path = path;
    delete completed.pathNote;
  }
  return completed;
}

function legacyMedia(row: Row): WaMedia {
  const media: WaMedia = {
    path: null,
    mimeType: nonEmptyText(row['media_mime_type']),
    name: nonEmptyText(row['media_name']),
    size: integerValue(row['media_size']),
    durationSeconds: integerValue(row['media_duration']),
    fileHash: nonEmptyText(row['media_hash']),
  };
  const found = mediaPathFromMediaData(blobValue(row['thumb_scan']), integerValue(row['thumb_length']));
  if (found.path === null) {
    media.pathNote = found.reason;
  } else {
    media.path = found.path;
    media.pathFound = found.found;
  }
  return media;
}

/**
 * Why an event row's remote_resource is not its sender, or null when it is known to name who
 * acted (see the file comment for the evidence, per action code).
 */
function remoteNotActor(action: number | null, data: string | null): string | null {
  if (action !== null && REMOTE_IS_ACTOR.has(action)) return null;
  if (isMembershipAction(action)) {
    if (data !== null && MEMBER_JID.test(data)) return null;
    return 'remote_resource names the member this event is about, not who acted; who acted is not recorded';
  }
  return `remote_resource is not known to name who acted for action ${action ?? 'none'}; not taken as the sender`;
}

/** The member a legacy membership row names (see the file comment for what is and is not known). */
function membershipEvent(action: number | null, remote: string | null, data: string | null, fromMe: boolean): WaGroupEvent | null {
  if (!isMembershipAction(action)) return null;
  // "From me" on an event row is not evidence that the owner acted (file comment): no "You".
  if (data !== null && MEMBER_JID.test(data)) return { actor: fromMe ? 'unknown' : 'sender', participants: [{ jid: data }], participantSource: 'data' };
  return { actor: 'unknown', participants: remote === null ? [] : [{ jid: remote }], participantSource: 'remote_resource' };
}
