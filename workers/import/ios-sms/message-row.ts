/**
 * One row of iOS `message` as a ParsedMessage: text (or the attributedBody when `text` is NULL),
 * direction, tapbacks, group events, edits and unsends, attachments.
 */

import type { Database } from 'sql.js';
import type { ParsedMessage } from '../../../shared/contracts/parsed-source.ts';
import type { ColumnRequest, Row } from '../sqlite/index.ts';
import {
  appleTime,
  blobValue,
  flagValue,
  integerValue,
  isoOrNull,
  nonEmptyText,
  numberValue,
  otherColumnValue,
  putExtra,
  rowidOf,
  sqliteRowLocator,
} from '../sqlite/index.ts';
import { IosAttachmentReader, MAX_ATTACHMENTS_PER_MESSAGE } from './attachments.ts';
import { MAX_CHATS_PER_MESSAGE } from './chats.ts';
import type { IosChats } from './chats.ts';
import { readSummaryInfo } from './summary-info.ts';
import { tapbackOf, targetOf } from './tapbacks.ts';
import { decodeAttributedBody, printableRuns } from './typedstream.ts';

/** Blobs larger than this are not read (a real attributedBody is a few hundred bytes). */
export const MAX_BLOB_BYTES = 1024 * 1024;

export const MESSAGE_COLUMNS: readonly (string | ColumnRequest)[] = [
  'guid', 'text', { name: 'attributedBody', maxBytes: MAX_BLOB_BYTES }, 'handle_id', 'other_handle', 'service', 'account',
  'destination_caller_id', 'subject', { name: 'date', asText: true }, { name: 'date_read', asText: true },
  { name: 'date_delivered', asText: true }, { name: 'date_edited', asText: true }, { name: 'date_retracted', asText: true },
  'is_from_me', 'is_read', 'is_sent', 'is_delivered', 'is_audio_message', 'is_emote', 'item_type', 'group_action_type',
  'group_title', 'associated_message_guid', 'associated_message_type', 'associated_message_emoji', 'thread_originator_guid',
  'balloon_bundle_id', 'expressive_send_style_id', { name: 'message_summary_info', maxBytes: MAX_BLOB_BYTES }, 'error', 'is_corrupt',
  // When an audio message was listened to (iOS 11.2 and later).
  'is_played', { name: 'date_played', asText: true },
];

/** Why a row's text could not be read; the caller warns once per row. */
export interface RowNotes {
  textProblem?: string;
}

export class IosMessageReader {
  private readonly attachments: IosAttachmentReader;

  constructor(
    db: Database,
    private readonly chats: IosChats,
  ) {
    this.attachments = new IosAttachmentReader(db);
  }

  /** Why no attachment row can be found by the join, for the parser to warn once; null when it can. */
  get attachmentNote(): string | null {
    return this.attachments.note;
  }

  toMessage(row: Row, file: string, notes: RowNotes): ParsedMessage {
    const rowid = rowidOf(row);
    const handleId = integerValue(row['handle_id']);
    const fromMe = flagValue(row['is_from_me']);
    // A handle row gone (a damaged copy) still names who wrote: as the chat's participant list does.
    const handle = handleId === null || handleId === 0 ? null : this.chats.handles.get(handleId) ?? `handle ${handleId}`;
    const { key: chatKey, alsoIn, alsoInNotListed, recentlyDeleted } = this.chats.chatKeyFor(rowid, handleId);
    const date = appleTime(row['date'], row['date__text']);
    const extra: Record<string, unknown> = {};
    putExtra(extra, 'guid', nonEmptyText(row['guid']));
    putExtra(extra, 'service', nonEmptyText(row['service']));
    putExtra(extra, 'account', nonEmptyText(row['destination_caller_id']) ?? nonEmptyText(row['account']));
    putExtra(extra, 'subject', nonEmptyText(row['subject']));
    putExtra(extra, 'readAt', isoOrNull(appleTime(row['date_read'], row['date_read__text'])));
    putExtra(extra, 'deliveredAt', isoOrNull(appleTime(row['date_delivered'], row['date_delivered__text'])));
    putExtra(extra, 'read', row['is_read'] === null ? null : flagValue(row['is_read']));
    // An owner's row not sent (it failed, or "Send Later" holds it) is no message sent at its date.
    if (fromMe) putExtra(extra, 'sent', row['is_sent'] === null ? null : flagValue(row['is_sent']));
    if (fromMe) putExtra(extra, 'delivered', row['is_delivered'] === null ? null : flagValue(row['is_delivered']));
    if (flagValue(row['is_emote'])) extra['emote'] = true;
    putExtra(extra, 'replyToGuid', nonEmptyText(row['thread_originator_guid']));
    putExtra(extra, 'appBundle', nonEmptyText(row['balloon_bundle_id']));
    putExtra(extra, 'sendEffect', nonEmptyText(row['expressive_send_style_id']));
    if (flagValue(row['is_audio_message'])) extra['audioMessage'] = true;
    if (flagValue(row['is_played'])) extra['played'] = true;
    putExtra(extra, 'playedAt', isoOrNull(appleTime(row['date_played'], row['date_played__text'])));
    if (integerValue(row['error']) !== null && integerValue(row['error']) !== 0) extra['error'] = integerValue(row['error']);
    if (alsoIn.length > 0) extra['alsoInChats'] = alsoIn;
    if (alsoInNotListed > 0) extra['alsoInChatsNotListed'] = `joined to ${alsoInNotListed} more chats in chat_message_join than the ${MAX_CHATS_PER_MESSAGE} listed`;
    if (recentlyDeleted !== null) {
      extra['recentlyDeleted'] = true;
      putExtra(extra, 'recentlyDeletedAt', isoOrNull(recentlyDeleted));
    }
    if (flagValue(row['is_corrupt'])) extra['markedCorrupt'] = true;

    let text = nonEmptyText(row['text']);
    if (text === null) text = this.bodyText(row, extra, notes);
    else compareWithBody(row, text, extra);
    const tapback = this.tapback(row);
    if (tapback !== null) extra['tapback'] = tapback;
    const edits = this.edits(row, extra);

    const locationShare = sharedLocation(row);
    // The owner's own location share can be stored with is_from_me 0: imessage-exporter reads
    // other_handle with share_direction 0 as the owner's (locationShare.fromMe).
    const ownShare = !fromMe && locationShare?.fromMe === true;
    if (locationShare !== null) extra['locationShare'] = locationShare.facts;
    const byMe = fromMe || ownShare;
    const sender = byMe ? null : handle;
    const event = groupEvent(row, byMe ? 'You' : handle ?? 'Someone', this.chats, locationShare);
    if (event !== null) {
      // The event's sentence is this reader's, not anyone's words; a text the row holds beside it is kept as stored.
      extra['textGenerated'] = true;
      if (text !== null && text !== '') extra['storedText'] = { column: extra['textSource'] === 'attributedBody' ? 'attributedBody' : 'text', text };
    }
    const attachments = this.attachments.of(rowid);
    if (attachments.facts.length > 0) extra['attachmentFacts'] = attachments.facts;
    if (attachments.notRead > 0) extra['attachmentsNotRead'] = `${attachments.notRead} more attachment rows in message_attachment_join than the ${MAX_ATTACHMENTS_PER_MESSAGE} read for one message`;
    return {
      chatKey,
      kind: event === null ? 'message' : 'system',
      sender,
      senderId: sender,
      direction: byMe ? 'outgoing' : 'incoming',
      time: date.time,
      timestampText: date.timestampText,
      text: event ?? text ?? '',
      attachments: attachments.attachments,
      // Unsent (retracted) by the sender, or deleted by the owner and waiting in Recently Deleted.
      deleted: edits.retracted || recentlyDeleted !== null,
      edited: edits.edited,
      locator: sqliteRowLocator(file, 'message', row),
      extra,
    };
  }

  /** The text kept only in attributedBody (iOS 16+), or null with a note saying why. */
  private bodyText(row: Row, extra: Record<string, unknown>, notes: RowNotes): string | null {
    const blob = blobValue(row['attributedbody']);
    const length = numberValue(row['attributedbody__length']);
    if (blob === null) {
      if (length !== null && length > MAX_BLOB_BYTES) notes.textProblem = `attributedBody is ${length} bytes, more than the ${MAX_BLOB_BYTES} read; its text was not decoded`;
      return null;
    }
    const decoded = decodeAttributedBody(blob);
    if (!decoded.ok) {
      notes.textProblem = `the text is only in attributedBody, which could not be decoded (${decoded.reason})`;
      extra['attributedBodyPrintable'] = printableRuns(blob);
      return null;
    }
    extra['textSource'] = 'attributedBody';
    if (decoded.note !== undefined) notes.textProblem = `attributedBody: ${decoded.note}`;
    return decoded.text;
  }

  private tapback(row: Row): Record<string, unknown> | null {
    const type = integerValue(row['associated_message_type']);
    if (type === null || type === 0) return null;
    const result: Record<string, unknown> = { associatedMessageType: type };
    const tapback = tapbackOf(type);
    if (tapback !== null) {
      result['reaction'] = tapback.reaction;
      result['removed'] = tapback.removed;
    }
    putExtra(result, 'emoji', nonEmptyText(row['associated_message_emoji']));
    putExtra(result, 'targetGuid', targetOf(nonEmptyText(row['associated_message_guid']))?.guid ?? null);
    return result;
  }

  private edits(row: Row, extra: Record<string, unknown>): { edited: boolean; retracted: boolean } {
    const editedAt = appleTime(row['date_edited'], row['date_edited__text']);
    const retractedAt = appleTime(row['date_retracted'], row['date_retracted__text']);
    putExtra(extra, 'editedAt', isoOrNull(editedAt));
    putExtra(extra, 'unsentAt', isoOrNull(retractedAt));
    let edited = editedAt.time !== null;
    let retracted = retractedAt.time !== null;
    const blob = blobValue(row['message_summary_info']);
    const summary = blob === null ? null : readSummaryInfo(blob);
    if (summary !== null) {
      if (summary.versions.length > 0) {
        edited = true;
        extra['editHistory'] = summary.versions;
      }
      if (summary.retractedParts.length > 0) {
        retracted = true;
        extra['unsentParts'] = summary.retractedParts;
      }
    }
    return { edited, retracted };
  }

  free(): void {
    this.attachments.free();
  }
}

/**
 * When both `text` and attributedBody exist they should say the same thing; a difference (a row
 * edited with a database tool, or an app bug) is worth showing, so the body's version is kept.
 */
function compareWithBody(row: Row, text: string, extra: Record<string, unknown>): void {
  const blob = blobValue(row['attributedbody']);
  if (blob === null) return;
  const decoded = decodeAttributedBody(blob);
  if (decoded.ok && decoded.note === undefined && decoded.text !== text) extra['attributedBodyText'] = decoded.text;
}

/** item_type 3 by group_action_type (imessage-exporter's GroupAction). */
const GROUP_ACTIONS: Readonly<Record<number, string>> = {
  0: 'left the conversation',
  1: 'changed the group photo',
  2: 'removed the group photo',
  4: 'changed the chat background',
  6: 'removed the chat background',
};

/**
 * A location share's event (item_type 4, group_action_type 0): share_status 1 stopped, 0 started;
 * the owner's own when other_handle is set and share_direction is 0 [source: imessage-exporter,
 * Message::shared_location_kind and is_from_me]. Both columns are read from the row's other
 * columns (they stay in extra.otherColumns as stored); null for other rows.
 */
interface LocationShare {
  started: boolean | null;
  fromMe: boolean;
  facts: Record<string, unknown>;
}

function sharedLocation(row: Row): LocationShare | null {
  if (integerValue(row['item_type']) !== 4 || (integerValue(row['group_action_type']) ?? 0) !== 0) return null;
  const status = otherColumnValue(row, 'share_status');
  const direction = otherColumnValue(row, 'share_direction');
  const otherHandle = integerValue(row['other_handle']) ?? 0;
  const started = status === undefined || status === null ? null : Number(status) === 0;
  const fromMe = otherHandle !== 0 && direction !== undefined && direction !== null && Number(direction) === 0;
  const facts: Record<string, unknown> = { state: started === null ? 'not recorded' : started ? 'started' : 'stopped' };
  if (fromMe) facts['ownerNote'] = 'the owner\'s share: other_handle set and share_direction 0 (is_from_me is 0)';
  return { started, fromMe, facts };
}

/** The sentence for a group event row (item_type ≠ 0), or null for an ordinary message. */
function groupEvent(row: Row, actor: string, chats: IosChats, locationShare: LocationShare | null): string | null {
  const itemType = integerValue(row['item_type']);
  if (itemType === null || itemType === 0) return null;
  const action = integerValue(row['group_action_type']) ?? 0;
  const otherId = integerValue(row['other_handle']);
  const other = otherId === null || otherId === 0 ? 'someone' : chats.handles.get(otherId) ?? `handle ${otherId}`;
  const unknown = `iMessage event (item_type ${itemType}, group_action_type ${action})`;
  switch (itemType) {
    case 1:
      // A member "added" who is the row's own handle changed their phone number (imessage-exporter's PhoneNumberChanged).
      if (action === 0 && otherId !== null && otherId !== 0 && otherId === integerValue(row['handle_id'])) return `${other} changed their phone number`;
      return action === 0 ? `${actor} added ${other} to the conversation` : action === 1 ? `${actor} removed ${other} from the conversation` : unknown;
    case 2: {
      const title = nonEmptyText(row['group_title']);
      return title === null ? `${actor} removed the conversation name` : `${actor} named the conversation "${title}"`;
    }
    case 3:
      // Only action 0 is a departure; iOS 18 added 4 and 6 (chat background), and more may come.
      return GROUP_ACTIONS[action] === undefined ? unknown : `${actor} ${GROUP_ACTIONS[action]}`;
    case 4:
      if (locationShare?.started === true) return `${actor} started sharing location`;
      if (locationShare?.started === false) return `${actor} stopped sharing location`;
      return `${actor} shared a location`;
    case 5:
      return `${actor} kept an audio message`;
    case 6:
      return `FaceTime call (${actor})`;
    default:
      return unknown;
  }
}
