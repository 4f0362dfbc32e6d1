/**
 * The schema-independent half of the Android WhatsApp importer: both table layouts (legacy
 * `messages`, new `message` + side tables) are first read into WaFields, and one function turns
 * those into a ParsedMessage, so the two layouts cannot drift apart in meaning.
 */

import type { Database, SqlValue } from 'sql.js';
import type { ParsedAttachment, ParsedMessage, SourceLocator } from '../../../shared/contracts/parsed-source.ts';
import type { ChatRegistry } from '../sqlite/index.ts';
import { Lookup, columnsOf, hasTable, integerValue, nonEmptyText, putExtra, storedOrder } from '../sqlite/index.ts';
import { callResultLabel, callText } from './call-facts.ts';
import type { WaCall } from './call-facts.ts';
import type { ClearJob } from './cleared-chats.ts';
import type { WaReceipt } from './receipts.ts';
import type { WaCallParticipant } from './call-participants.ts';
import type { ContactBook } from './contacts.ts';
import { eventFacts, isMembershipAction, membershipText } from './group-events.ts';
import type { WaGroupEvent } from './group-events.ts';
import { chatKindOfJid, isBroadcastJid, isGroupJid, phoneFromJid } from './jids.ts';
import type { JidBook, ResolvedJid } from './jids.ts';
import { androidMessageType, androidSystemAction, isFileMedia, isKnownSystemAction } from './message-types.ts';
import { describeSystemDetails, ownerActs } from './system-detail-text.ts';
import type { WaSystemDetails } from './system-details.ts';
import { thumbnailAttachment, thumbnailFacts } from './thumbnails.ts';
import type { WaThumbnail } from './thumbnails.ts';
import { isoNoting, waUnixTime } from './wa-time.ts';
import type { WaPollOption } from './polls.ts';

export interface WaFields {
  chatJid: string | null;
  chatSubject: string | null;
  /**
   * The new layout's chat row, when the chat's jid cannot be read (no chat row, or its jid row is
   * missing): it keeps such chats apart, instead of merging them all into one unknown chat.
   */
  unreadableChatRow?: number;
  fromMe: boolean;
  keyId: string | null;
  /** The author of an incoming group message (null in private chats: the chat is the author). */
  groupSender: ResolvedJid | null;
  typeCode: number | null;
  /** True for a legacy row with status 6 (a group or security event). */
  legacySystem: boolean;
  systemAction: number | null;
  /** Who a membership event (added, removed, left…) names, when the layout records it. */
  groupEvent: WaGroupEvent | null;
  /**
   * A legacy event row's remote_resource that is not taken as its sender (not known to name who
   * acted; android-legacy.ts), kept for the record with the reason.
   */
  remoteResourceNotSender?: { jid: string; note: string };
  /** The name a legacy "this is a business account" row gives the business (android-legacy.ts). */
  businessName?: string;
  /** What the message_system_* side tables hold for a system row (system-details.ts). */
  systemDetails?: WaSystemDetails | null;
  text: string | null;
  /** Where `text` was read: 'text_data' (new layout, the default) or 'data' (legacy). */
  textColumn?: 'text_data' | 'data';
  caption: string | null;
  status: number | null;
  timestamp: SqlValue;
  timestampText: SqlValue;
  receivedTimestamp: SqlValue;
  media: WaMedia | null;
  location: WaLocation | null;
  vcards: string[];
  revokedKeyId: string | null;
  /** The group admin who deleted the message (message_revoked.admin_jid_row_id); absent in layouts without it. */
  revokedByAdmin?: ResolvedJid | null;
  /** message_revoked.revoke_timestamp (new layout): when it was deleted for everyone. */
  revokedAt?: SqlValue;
  revokedAtText?: SqlValue;
  /** message_view_once_media.state as stored (new layout); its meaning is not known. */
  viewOnceState?: number | null;
  /** A business's template message (message_template); absent in layouts without it. */
  template?: WaTemplate | null;
  /** A group call's participants with their own results (call_log_participant_v2; call-participants.ts). */
  callParticipants?: WaCallParticipant[];
  /** The recipients' receipts of an owner's message (receipt_user; receipts.ts); absent in layouts without them. */
  receipts?: { receipts: WaReceipt[]; total: number } | null;
  editedAt: SqlValue;
  editedAtText: SqlValue;
  /** Legacy messages.edit_version, kept as it stands: what its values mean is not documented (FORMATS.md §5.1). */
  editVersion?: number | null;
  quotedKeyId: string | null;
  /** The text the reply quotes, as stored with the reply: it survives when the quoted message is gone. */
  quotedText: string | null;
  /**
   * Who wrote the quoted message, as stored with the reply (new message_quoted.from_me /
   * sender_jid_row_id, legacy messages_quotes.key_from_me / remote_resource): it too survives the original.
   */
  quotedFrom?: { fromMe: boolean; sender: ResolvedJid | null };
  /**
   * The place a reply quotes, as stored with the reply (new message_quoted_location, legacy
   * messages_quotes.latitude/longitude): like the quoted text, it survives the quoted message.
   */
  quotedLocation?: WaLocation | null;
  /** The map thumbnail of the quoted place (message_quoted_location.thumbnail; thumbnails.ts). */
  quotedThumbnail?: WaThumbnail | null;
  /** The row's thumbnail (message_thumbnail, legacy raw_data; thumbnails.ts): a place's map, a media preview. */
  thumbnail?: WaThumbnail | null;
  reactions: WaReaction[];
  /** The call a row records (call_log, directly or through message_call_log), or null. */
  call: WaCall | null;
  /**
   * A group call's call_log.jid_row_id: the person the row names beside the group. Not taken as the
   * sender (whether that person started the call is not known), but kept: it is who the call was with.
   */
  callParty?: ResolvedJid;
  /** Where a live location ended (message_location.live_location_*); absent in layouts without it. */
  liveLocation?: WaLiveLocation | null;
  /** A poll's options with their votes (new layout: message_poll_option; polls.ts); absent in layouts without them. */
  pollOptions?: WaPollOption[];
  /** Set when the message was sent with disappearing messages on (message_ephemeral); absent in layouts without it. */
  disappearing?: WaDisappearing | null;
  starred: boolean;
  /**
   * Words the phone made from the message, not what was sent: a translation (message.translated_text)
   * and a voice message's transcription (message_media.raw_transcription_text). New layout only;
   * absent where the columns are not.
   */
  translatedText?: string | null;
  transcription?: string | null;
  /** A link's preview (message_text: title, description, url); new layout only. */
  linkPreview?: Record<string, string> | null;
  /** The clear-chat job that hides this row, awaiting purge (new layout; cleared-chats.ts); absent otherwise. */
  clearedBy?: ClearJob | null;
  forwarded: boolean;
}

/**
 * A shared place: its coordinates and, for a venue, its name, address and link. A venue shared
 * without a fix (or a damaged row) has no position: its coordinates are null, and `positionNote`
 * says what the row held instead (0, 0 is never a position).
 */
export interface WaLocation {
  latitude: number | null;
  longitude: number | null;
  name: string | null;
  address: string | null;
  url: string | null;
  positionNote?: string;
}

/**
 * A place from a row's columns, or null when it names none: WhatsApp leaves 0, 0 (or NULL) in the
 * coordinates of a row that shares no place. A row that still names a place (name, address or
 * link) keeps it, with its position unknown: nothing the database holds is dropped.
 */
export function placeOf(latitude: number | null, longitude: number | null, details: Omit<WaLocation, 'latitude' | 'longitude'>): WaLocation | null {
  if (latitude !== null && longitude !== null && !(latitude === 0 && longitude === 0)) return { latitude, longitude, ...details };
  if (details.name === null && details.address === null && details.url === null) return null;
  const held = latitude === null || longitude === null ? 'no coordinates' : 'coordinates 0, 0';
  return { latitude: null, longitude: null, ...details, positionNote: `position unknown: the row holds ${held}` };
}

/** True when a place has coordinates, not only a name. */
export function hasPosition(place: WaLocation | null): boolean {
  return place !== null && place.latitude !== null && place.longitude !== null;
}

/**
 * A live location beyond its start (new layout message_location.live_location_*): how long it was
 * shared (as stored, unit not documented), its update count, and where and when it ended.
 */
export interface WaLiveLocation {
  shareDuration: number | null;
  sequenceNumber: number | null;
  finalLatitude: number | null;
  finalLongitude: number | null;
  finalAt: SqlValue;
  finalAtText: SqlValue;
}

/** A disappearing message's timer as the database keeps it: seconds to live, and when it was to expire. */
export interface WaDisappearing {
  durationSeconds: number | null;
  expiresAt: SqlValue;
  expiresAtText: SqlValue;
}

export interface WaMedia {
  path: string | null;
  mimeType: string | null;
  name: string | null;
  size: number | null;
  durationSeconds: number | null;
  /** The file's SHA-256 as WhatsApp recorded it, base64 (new file_hash, legacy media_hash); absent where the layout has none. */
  fileHash?: string | null;
  /** The path as the database holds it, when it was read out of a blob (legacy thumb_image). */
  pathFound?: string;
  /** Why there is no path, when the layout keeps it somewhere it could not be read from. */
  pathNote?: string;
}

/** A business's template message (message_template): its text, footer and up to 20 buttons. */
export interface WaTemplate {
  text: string;
  footer: string | null;
  templateId: string | null;
  buttons: string[];
}

/** A reaction to the message (new layout: message_add_on + message_add_on_reaction). */
export interface WaReaction {
  fromMe: boolean;
  /** Who reacted, when the row says (groups); null in a private chat, where it is the other person. */
  sender: ResolvedJid | null;
  emoji: string;
  timestamp: SqlValue;
  /** Its message_add_on rowid: where the reaction itself lies in the database. */
  addOnRowId: number;
}

const OWNER_MARKER = 'status_me';

/**
 * Contact cards kept per message (a message may share many contacts). Readers fetch one more, so a
 * message holding more says so instead of losing the rest unseen (a cap of 100 once did).
 */
export const MAX_CONTACT_CARDS = 1000;

/**
 * Members listed per group: a group holds up to 1024 (the lookup's default of 1000 cut the rest
 * off unseen); room is left for larger community announcement groups, while a hostile table still
 * cannot make one chat unbounded.
 */
const MAX_GROUP_MEMBERS = 5000;

/** The dedupe key of a message across the two layouts of a transitional database. */
export function messageKey(fields: WaFields): string | null {
  return fields.keyId === null ? null : `${fields.chatJid ?? ''}|${fields.fromMe ? 1 : 0}|${fields.keyId}`;
}

/** Chats keyed by jid (the same key in both layouts), with titles and group members. */
export class AndroidChats {
  private readonly newMembers: Lookup | null;
  private readonly legacyMembers: Lookup | null;

  constructor(
    db: Database,
    private readonly registry: ChatRegistry,
    private readonly contacts: ContactBook,
    private readonly jids: JidBook,
  ) {
    const hasRaw = columnsOf(db, 'jid').has('raw_string');
    // Members by jid row, resolved as senders are (a lid to its phone jid through jid_map), so a
    // member and their messages carry the same id. In the table's own order: without ORDER BY the
    // order (and which members a capped list keeps) would follow whichever index SQLite walks. A
    // WITHOUT ROWID table has no rowid to order by: its primary key is its order (storedOrder).
    this.newMembers = hasTable(db, 'group_participant_user') && hasRaw
      ? new Lookup(db, `SELECT gp.user_jid_row_id AS member_row FROM group_participant_user AS gp JOIN jid AS g ON g._id = gp.group_jid_row_id WHERE g.raw_string = ? COLLATE BINARY ORDER BY ${storedOrder(db, 'group_participant_user', 'gp')}`, [
          { table: 'jid', columns: ['raw_string'] },
          { table: 'group_participant_user', columns: ['group_jid_row_id'] },
        ])
      : null;
    this.legacyMembers = hasTable(db, 'group_participants') && columnsOf(db, 'group_participants').has('gjid')
      ? new Lookup(db, `SELECT t.jid AS member FROM group_participants AS t WHERE t.gjid = ? COLLATE BINARY ORDER BY ${storedOrder(db, 'group_participants', 't')}`, [{ table: 'group_participants', columns: ['gjid'] }])
      : null;
  }

  keyFor(jid: string | null, subject: string | null, unreadableChatRow?: number): string {
    const chatRow = jid === null && unreadableChatRow !== undefined ? unreadableChatRow : null;
    const key = jid !== null ? `jid:${jid}` : chatRow !== null ? `chat-row:${chatRow}` : 'jid:unknown';
    this.registry.ensure(key, () => {
      // status@broadcast and a broadcast list's own jid are no one. A list's people are its recipients, where
      // the participant tables list them under its jid as a group's members [belief: no sample holds a list].
      const members = jid !== null && (isGroupJid(jid) || isBroadcastJid(jid)) ? this.members(jid) : jid === null ? [] : [jid];
      return {
        key,
        title: subject ?? this.contacts.labelOf(jid) ?? (chatRow === null ? 'Unknown chat' : `Unknown chat (chat row ${chatRow})`),
        kind: chatKindOfJid(jid),
        participants: members.map((member) => ({ name: this.contacts.nameOf(member), id: phoneFromJid(member) ?? member })),
      };
    });
    return key;
  }

  private members(groupJid: string): string[] {
    const newRows = (this.newMembers?.all(groupJid, MAX_GROUP_MEMBERS) ?? []).map((row) => this.jids.resolve(integerValue(row['member_row']))?.jid ?? null);
    const legacyRows = (this.legacyMembers?.all(groupJid, MAX_GROUP_MEMBERS) ?? []).map((row) => nonEmptyText(row['member']));
    // The phone's owner is listed with an empty jid (or "status_me" in old databases): not a person to name.
    const members = [...newRows, ...legacyRows].filter((member): member is string => member !== null && member !== OWNER_MARKER);
    return [...new Set(members)];
  }

  free(): void {
    this.newMembers?.free();
    this.legacyMembers?.free();
  }
}

export function buildMessage(fields: WaFields, chatKey: string, contacts: ContactBook, locator: SourceLocator): ParsedMessage {
  const type = androidMessageType(fields.typeCode);
  const system = fields.legacySystem || type.system === true || fields.call !== null;
  const extra: Record<string, unknown> = { messageType: fields.legacySystem ? 'system' : fields.typeCode === null && fields.call !== null ? 'call' : type.label };
  if (fields.call !== null) extra['call'] = fields.call;
  if (fields.callParty !== undefined) extra['callParty'] = partyFacts(fields.callParty, contacts);
  if (fields.callParticipants !== undefined && fields.callParticipants.length > 0) {
    extra['callParticipants'] = fields.callParticipants.map((participant) => ({
      ...(participant.party === null ? { name: null, id: null } : partyFacts(participant.party, contacts)),
      result: participant.result === null ? null : callResultLabel(participant.result, false),
      resultCode: participant.result,
    }));
  }
  if (fields.typeCode !== null) extra['messageTypeCode'] = fields.typeCode;
  putExtra(extra, 'keyId', fields.keyId);
  putExtra(extra, 'status', fields.status);
  // Kept beside the text, never as it: made on the phone, not sent by anyone.
  putExtra(extra, 'translatedText', fields.translatedText ?? null);
  putExtra(extra, 'voiceTranscription', fields.transcription ?? null);
  if (fields.linkPreview !== undefined && fields.linkPreview !== null) extra['linkPreview'] = fields.linkPreview;
  // Placeholder times (-1, 0…) give no date but a note each, naming the column (wa-time.ts).
  const timeNotes: string[] = [];
  const time = waUnixTime('timestamp', 'placeholder', fields.timestamp, fields.timestampText);
  isoNoting(time, timeNotes);
  putExtra(extra, 'receivedAt', isoNoting(waUnixTime('received_timestamp', 'not set', fields.receivedTimestamp), timeNotes));
  putExtra(extra, 'replyToKeyId', fields.quotedKeyId);
  putExtra(extra, 'quote', fields.quotedText);
  if (fields.quotedFrom !== undefined && (fields.quotedKeyId !== null || fields.quotedText !== null)) {
    extra['quoteAuthor'] = authorFacts(fields.quotedFrom.fromMe, fields.quotedFrom.sender, fields.chatJid, contacts);
  }
  if (fields.quotedLocation !== undefined && fields.quotedLocation !== null) extra['quoteLocation'] = fields.quotedLocation;
  if (fields.quotedThumbnail !== undefined && fields.quotedThumbnail !== null) extra['quoteThumbnail'] = thumbnailFacts(fields.quotedThumbnail);
  if (fields.thumbnail !== undefined && fields.thumbnail !== null) extra['thumbnail'] = thumbnailFacts(fields.thumbnail);
  putExtra(extra, 'revokedKeyId', fields.revokedKeyId);
  if (fields.revokedKeyId !== null) putExtra(extra, 'deletedAt', isoNoting(waUnixTime('message_revoked.revoke_timestamp', 'not set', fields.revokedAt ?? null, fields.revokedAtText ?? null), timeNotes));
  if (fields.viewOnceState !== undefined && fields.viewOnceState !== null) extra['viewOnceState'] = { state: fields.viewOnceState, note: 'message_view_once_media.state as stored; its meaning is not known' };
  if (fields.revokedByAdmin !== undefined && fields.revokedByAdmin !== null) extra['deletedByAdmin'] = authorFacts(false, fields.revokedByAdmin, fields.chatJid, contacts);
  if (fields.receipts !== undefined && fields.receipts !== null && fields.receipts.receipts.length > 0) {
    extra['receipts'] = fields.receipts.receipts.map((receipt) => ({
      ...authorFacts(false, receipt.recipient, fields.chatJid, contacts),
      receivedAt: isoNoting(waUnixTime('receipt_user.receipt_timestamp', 'not set', receipt.receivedAt), timeNotes),
      readAt: isoNoting(waUnixTime('receipt_user.read_timestamp', 'not set', receipt.readAt), timeNotes),
      playedAt: isoNoting(waUnixTime('receipt_user.played_timestamp', 'not set', receipt.playedAt), timeNotes),
    }));
    if (fields.receipts.total > fields.receipts.receipts.length) extra['receiptsListed'] = `the first ${fields.receipts.receipts.length}; receipt_user holds more`;
  }
  if (fields.template !== undefined && fields.template !== null) {
    extra['template'] = { footer: fields.template.footer, templateId: fields.template.templateId, buttons: fields.template.buttons };
  }
  if (fields.starred) extra['starred'] = true;
  if (fields.clearedBy !== undefined && fields.clearedBy !== null) {
    extra['clearedChat'] = { deletedChatJobRow: fields.clearedBy.jobRowId, upToSortId: fields.clearedBy.upToSortId, note: 'the owner cleared this chat up to here: WhatsApp hides the message and purges it later' };
  }
  if (fields.forwarded) extra['forwarded'] = true;
  const editedAt = waUnixTime('edited_timestamp', 'not set', fields.editedAt, fields.editedAtText);
  putExtra(extra, 'editedAt', isoNoting(editedAt, timeNotes));
  if (fields.editVersion !== undefined && fields.editVersion !== null && fields.editVersion !== 0) extra['editVersion'] = fields.editVersion;
  if (fields.disappearing !== undefined && fields.disappearing !== null) {
    const { durationSeconds, expiresAt, expiresAtText } = fields.disappearing;
    extra['disappearing'] = { durationSeconds, expiresAt: isoNoting(waUnixTime('expire_timestamp', 'not set', expiresAt, expiresAtText), timeNotes) };
  }

  // A block notice's author is the phone's owner, never the blocked person (system-detail-text.ts).
  const byOwner = system && ownerActs(fields.systemDetails);
  const authorJid = authorOf(fields.fromMe || byOwner, fields.groupSender, fields.chatJid);
  if (fields.groupSender?.lid !== undefined) extra['senderLid'] = fields.groupSender.lid;
  if (fields.remoteResourceNotSender !== undefined) {
    extra['remoteResource'] = fields.remoteResourceNotSender.jid;
    extra['remoteResourceNote'] = fields.remoteResourceNotSender.note;
  }
  const sender = authorJid === null ? null : contacts.labelOf(authorJid);
  // An empty reaction is one withdrawn (WhatsApp's own code looks them up as `reaction = ''`): kept, apart, never shown as a reaction.
  const given = fields.reactions.filter((reaction) => reaction.emoji !== '');
  const withdrawn = fields.reactions.filter((reaction) => reaction.emoji === '');
  if (given.length > 0) extra['reactions'] = given.map((reaction) => reactionFacts(reaction, fields.chatJid, contacts, timeNotes));
  if (withdrawn.length > 0) extra['withdrawnReactions'] = withdrawn.map((reaction) => { const { emoji: _emoji, ...facts } = reactionFacts(reaction, fields.chatJid, contacts, timeNotes); return facts; });

  // A template message's words are only in message_template: the message's own text is empty.
  const templateText = fields.template === undefined || fields.template === null ? null : [fields.template.text, fields.template.footer].filter((part) => part !== null && part !== '').join('\n');
  let text = fields.text === null || fields.text === '' ? (templateText ?? fields.text ?? '') : fields.text;
  const attachments: ParsedAttachment[] = [];
  if (fields.call !== null) {
    text = callText(fields.call, fields.fromMe);
  } else if (system) {
    const action = fields.systemAction === null && !fields.legacySystem ? type.label : androidSystemAction(fields.systemAction);
    if (fields.systemAction !== null) extra['systemAction'] = fields.systemAction;
    // Calls keep "audio"/"video" in text_data; group subject changes keep the new subject.
    text = fields.text === null ? action : `${action}: ${fields.text}`;
    if (fields.businessName !== undefined) {
      extra['businessName'] = fields.businessName;
      text = `${text}: ${fields.businessName}`;
    }
    const event = fields.groupEvent;
    if (event !== null && fields.systemAction !== null && (isMembershipAction(fields.systemAction) || event.participants.length > 0)) {
      extra['groupEvent'] = eventFacts(event);
      const actor = fields.fromMe && !fields.legacySystem ? 'You' : sender;
      text = membershipText(fields.systemAction, actor, event, contacts, action) ?? text;
    }
    const details = fields.systemDetails;
    if (details !== null && details !== undefined) {
      const chatContact = fields.chatJid === null || isGroupJid(fields.chatJid) || isBroadcastJid(fields.chatJid)
        ? null
        : { jid: fields.chatJid, id: phoneFromJid(fields.chatJid) ?? fields.chatJid, label: contacts.labelOf(fields.chatJid) ?? fields.chatJid };
      const described = describeSystemDetails(details, {
        code: fields.systemAction,
        action,
        knownAction: fields.systemAction === null || isKnownSystemAction(fields.systemAction),
        actor: fields.fromMe && !fields.legacySystem ? 'You' : sender,
        newValue: fields.text,
        chatContact,
        text,
      }, extra);
      text = described.text;
      attachments.push(...described.attachments);
    }
  } else if (type.mediaType !== undefined) {
    text = fields.caption ?? (type.mediaType === 'contact' ? fields.media?.name ?? fields.text ?? '' : fields.text ?? '');
    if (type.mediaType === 'location' && fields.location !== null) {
      extra['location'] = fields.location;
      if (text === '') text = [fields.location.name, fields.location.address].filter((part) => part !== null).join(', ');
    }
    if (type.mediaType === 'location' && fields.liveLocation !== undefined && fields.liveLocation !== null) {
      // Where a live location ended, and when: its start alone would place the person wrongly.
      const { finalAt, finalAtText, ...live } = fields.liveLocation;
      extra['liveLocation'] = { ...live, finalAt: isoNoting(waUnixTime('live_location_final_timestamp', 'not set', finalAt, finalAtText), timeNotes) };
    }
    if (type.mediaType === 'contact') {
      // Legacy rows keep the card in `data` and the name in media_name; new rows the name in text_data.
      const textIsCard = fields.text?.startsWith('BEGIN:VCARD') === true;
      const cards = fields.vcards.length > 0 ? fields.vcards.slice(0, MAX_CONTACT_CARDS) : textIsCard && fields.text !== null ? [fields.text] : [];
      if (fields.vcards.length > MAX_CONTACT_CARDS) extra['contactCardsNote'] = `more than ${MAX_CONTACT_CARDS} contact cards: only the first ${MAX_CONTACT_CARDS} were read`;
      const name = fields.media?.name ?? (textIsCard ? null : fields.text);
      for (const card of cards) attachments.push(contactCard(card, name));
      if (textIsCard) text = name ?? '';
    }
    if (!(type.mediaType === 'contact' && fields.text?.startsWith('BEGIN:VCARD') === true)) keepOtherText(fields, text, extra);
    const preview = fields.thumbnail !== undefined && fields.thumbnail !== null ? thumbnailAttachment(fields.thumbnail, `thumbnail-${fields.keyId ?? 'message'}`) : null;
    // A place has no file, and media without a local path will never have one: the thumbnail is
    // then their only image. Media whose file is named has it as a stand-in, stored only when the
    // import finds no file there (deleted media: the thumbnail is all the phone kept).
    const fileless = type.mediaType === 'location' || (isFileMedia(type.mediaType) && (fields.media === null || fields.media.path === null));
    if (isFileMedia(type.mediaType)) {
      const media = mediaAttachment(fields, type.mediaType, extra);
      attachments.push(!fileless && preview !== null && media.kind === 'attached' ? { ...media, whenMissing: preview } : media);
    }
    if (fileless && preview !== null) attachments.push(preview);
  } else if (fields.pollOptions !== undefined && fields.pollOptions.length > 0) {
    const options = fields.pollOptions.map((option) => pollOptionFacts(option, fields.chatJid, contacts, timeNotes));
    extra['poll'] = { options };
    text = [text, ...options.map((option) => `• ${option.name ?? '(no text)'}${option.voteTotal === null ? '' : ` (${option.voteTotal} vote${option.voteTotal === 1 ? '' : 's'})`}`)].filter((line) => line !== '').join('\n');
  }
  if (type.mediaType === undefined && !system && namesMedia(fields.media)) {
    // A type code we cannot name (or one that names no file) whose row still has media: the file is evidence.
    attachments.push(mediaAttachment(fields, 'unknown', extra));
  }
  if (fields.media?.durationSeconds !== null && fields.media?.durationSeconds !== undefined && fields.media.durationSeconds > 0) {
    extra['durationSeconds'] = fields.media.durationSeconds;
  }
  if (timeNotes.length > 0) extra['timeNotes'] = timeNotes;
  return {
    chatKey,
    kind: system ? 'system' : 'message',
    sender,
    senderId: authorJid === null ? null : phoneFromJid(authorJid) ?? authorJid,
    // Legacy group events carry key_from_me = 1 whoever acted (android-legacy.ts): no direction is known.
    // A block row not flagged "from me" has no direction either: its author is the owner, its flag says otherwise.
    direction: fields.legacySystem || (byOwner && !fields.fromMe) ? null : fields.fromMe ? 'outgoing' : 'incoming',
    time: time.time,
    timestampText: time.timestampText,
    text,
    attachments,
    deleted: type.deleted === true || fields.revokedKeyId !== null || (fields.clearedBy !== undefined && fields.clearedBy !== null),
    // An edit whose time is a placeholder was still an edit (its message_edit_info row says so).
    edited: editedAt.time !== null || editedAt.placeholderNote !== undefined,
    locator,
    extra,
  };
}

/**
 * A media row shows its caption; the row's own text (text_data, legacy data) may say something
 * else beside it, and no text the database holds may be lost: where it differs from the text shown,
 * it is kept with the column it came from.
 */
function keepOtherText(fields: WaFields, shown: string, extra: Record<string, unknown>): void {
  const own = fields.text;
  if (own === null || own.trim() === '' || own.trim() === shown.trim()) return;
  extra['otherText'] = { column: fields.textColumn ?? 'text_data', text: own };
}

/**
 * Who wrote a row: me, the member the row names, or the other person of a private chat. A group's
 * or a status/broadcast chat's own jid is no one's: without a member the author is unknown.
 */
function authorOf(fromMe: boolean, member: ResolvedJid | null, chatJid: string | null): string | null {
  if (fromMe) return null;
  return member?.jid ?? (isGroupJid(chatJid) || isBroadcastJid(chatJid) ? null : chatJid);
}

/** A person a row names without being its author: their label, number (or jid) and lid, if any. */
function partyFacts(party: ResolvedJid, contacts: ContactBook): Record<string, unknown> {
  return { name: contacts.labelOf(party.jid), id: phoneFromJid(party.jid) ?? party.jid, ...(party.lid === undefined ? {} : { lid: party.lid }) };
}

/** Who wrote something the row records beside itself (a reaction, a quoted message), named as senders are. */
function authorFacts(fromMe: boolean, member: ResolvedJid | null, chatJid: string | null, contacts: ContactBook): { fromMe: boolean; sender: string | null; senderId: string | null } {
  const jid = authorOf(fromMe, member, chatJid);
  return { fromMe, sender: jid === null ? null : contacts.labelOf(jid), senderId: jid === null ? null : phoneFromJid(jid) ?? jid };
}

/** A poll option as kept in extra.poll: its text, WhatsApp's own count, and each vote row, named as senders are. */
function pollOptionFacts(option: WaPollOption, chatJid: string | null, contacts: ContactBook, timeNotes: string[]): { name: string | null; voteTotal: number | null; optionRowId: number; voters: Record<string, unknown>[] } {
  return {
    name: option.name,
    voteTotal: option.voteTotal,
    optionRowId: option.optionRowId,
    voters: option.voters.map((vote) => ({
      ...authorFacts(vote.fromMe, vote.sender, chatJid, contacts),
      at: isoNoting(waUnixTime(`message_add_on row ${vote.addOnRowId} timestamp`, 'not set', vote.timestamp), timeNotes),
      addOnRowId: vote.addOnRowId,
    })),
  };
}

function reactionFacts(reaction: WaReaction, chatJid: string | null, contacts: ContactBook, timeNotes: string[]): Record<string, unknown> {
  return {
    emoji: reaction.emoji,
    ...authorFacts(reaction.fromMe, reaction.sender, chatJid, contacts),
    at: isoNoting(waUnixTime(`message_add_on row ${reaction.addOnRowId} timestamp`, 'not set', reaction.timestamp), timeNotes),
    addOnRowId: reaction.addOnRowId,
  };
}

/** True when a media row says anything of a file (a legacy row of a non-media type reads as an all-empty one). */
function namesMedia(media: WaMedia | null): media is WaMedia {
  return media !== null && (media.path !== null || media.mimeType !== null || media.name !== null || (media.size ?? 0) > 0);
}

function mediaAttachment(fields: WaFields, mediaType: NonNullable<ReturnType<typeof androidMessageType>['mediaType']>, extra: Record<string, unknown>): ParsedAttachment {
  const media = fields.media;
  // No local path: the file was never downloaded (or was removed); the message still says what it was.
  const attachment: ParsedAttachment = { kind: media?.path === null || media === null ? 'omitted' : 'attached', mediaType };
  if (media === null) return attachment;
  const fileName = media.name ?? media.path?.split('/').pop() ?? null;
  if (fileName !== null) attachment.fileName = fileName;
  if (media.mimeType !== null) attachment.mimeType = media.mimeType;
  if (media.path !== null) attachment.path = media.path;
  if (media.size !== null && media.size > 0) attachment.size = media.size;
  if (media.pathFound !== undefined) extra['mediaPathInDatabase'] = media.pathFound;
  if (media.pathNote !== undefined) extra['mediaPathNote'] = media.pathNote;
  putFileHash(attachment, media.fileHash ?? null, extra);
  return attachment;
}

/**
 * WhatsApp's own SHA-256 of the file becomes the digest the found bytes are checked against (hex,
 * as attachments are hashed); a value that is not 32 bytes of base64 is kept as it stands, unchecked.
 */
function putFileHash(attachment: ParsedAttachment, fileHash: string | null, extra: Record<string, unknown>): void {
  if (fileHash === null) return;
  const bytes = /^[A-Za-z0-9+/]{43}=$/u.test(fileHash) ? Buffer.from(fileHash, 'base64') : null;
  if (bytes?.byteLength === 32) attachment.vendorDigests = { sha256: bytes.toString('hex') };
  else extra['mediaFileHash'] = fileHash;
}

function contactCard(vcard: string, name: string | null): ParsedAttachment {
  const bytes = new TextEncoder().encode(vcard);
  return { kind: 'attached', mediaType: 'contact', mimeType: 'text/vcard', fileName: `${name ?? 'contact'}.vcf`, bytes, size: bytes.byteLength };
}
