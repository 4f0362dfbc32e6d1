/**
 * What both Android table layouts (legacy `messages`, new `message` + side tables) are first read
 * into: WaFields and the facts it carries (places, media, reactions, timers…), with the small
 * helpers the layout readers share. android-message.ts turns WaFields into a ParsedMessage, so the
 * two layouts cannot drift apart in meaning.
 */

import type { SqlValue } from 'sql.js';
import type { WaCall } from './call-facts.ts';
import type { WaCallParticipant } from './call-participants.ts';
import type { ClearJob } from './cleared-chats.ts';
import type { WaGroupEvent } from './group-events.ts';
import type { WaGroupInvite } from './group-invite.ts';
import type { WaMention } from './mentions.ts';
import type { WaQuotedMedia } from './quoted-media.ts';
import type { ResolvedJid } from './jids.ts';
import type { WaPollOption } from './polls.ts';
import type { WaReceipt } from './receipts.ts';
import type { WaSystemDetails } from './system-details.ts';
import type { WaThumbnail } from './thumbnails.ts';

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
  /** message_edit_info.original_key_id and sender_timestamp (new layout), as stored: what they denote is not documented. */
  editOriginalKeyId?: string | null;
  editSenderTimestamp?: SqlValue;
  editSenderTimestampText?: SqlValue;
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
  /** The media a reply quotes, as stored with the reply (message_quoted_media; quoted-media.ts); absent in layouts without it. */
  quotedMedia?: WaQuotedMedia | null;
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
  /** The people the message @mentions (message_mentions; mentions.ts); absent in layouts without it. */
  mentions?: readonly WaMention[];
  /** Set when message_mentions holds more rows for the message than `mentions` lists. */
  mentionsNote?: string | null;
  /** A legacy row's mentioned_jids as stored, when it could not be read as a list of jids (mentions.ts). */
  mentionedJidsAsStored?: string;
  /** What a group invitation invites to (message_group_invite; group-invite.ts); absent in layouts without it. */
  groupInvite?: WaGroupInvite | null;
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

/**
 * Contact cards kept per message (a message may share many contacts). Readers fetch one more, so a
 * message holding more says so instead of losing the rest unseen (a cap of 100 once did).
 */
export const MAX_CONTACT_CARDS = 1000;

/** The dedupe key of a message across the two layouts of a transitional database. */
export function messageKey(fields: WaFields): string | null {
  return fields.keyId === null ? null : `${fields.chatJid ?? ''}|${fields.fromMe ? 1 : 0}|${fields.keyId}`;
}
