/**
 * The schema-independent half of the Android WhatsApp importer: both table layouts (legacy
 * `messages`, new `message` + side tables) are first read into WaFields (android-fields.ts), and
 * one function turns those into a ParsedMessage, so the two layouts cannot drift apart in meaning.
 */

import type { ParsedAttachment, ParsedMessage, SourceLocator } from '../../../shared/contracts/parsed-source.ts';
import { putExtra } from '../sqlite/index.ts';
import type { WaFields, WaReaction } from './android-fields.ts';
import { MAX_CONTACT_CARDS } from './android-fields.ts';
import { contactCard, mediaAttachment, namesMedia } from './android-media-attachment.ts';
import { callResultLabel, callText } from './call-facts.ts';
import type { ContactBook } from './contacts.ts';
import { eventFacts, isMembershipAction, membershipText } from './group-events.ts';
import { groupInviteFacts } from './group-invite.ts';
import { mentionFacts } from './mentions.ts';
import { quotedMediaFacts } from './quoted-media.ts';
import { isBroadcastJid, isGroupJid, phoneFromJid } from './jids.ts';
import type { ResolvedJid } from './jids.ts';
import { androidMessageType, androidSystemAction, isFileMedia, isKnownSystemAction } from './message-types.ts';
import type { WaPollOption } from './polls.ts';
import { describeSystemDetails, ownerActs } from './system-detail-text.ts';
import { thumbnailAttachment, thumbnailFacts } from './thumbnails.ts';
import { isoNoting, waUnixTime } from './wa-time.ts';

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
  if (fields.quotedMedia !== undefined && fields.quotedMedia !== null) extra['quoteMedia'] = quotedMediaFacts(fields.quotedMedia);
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
  if ((fields.editOriginalKeyId ?? null) !== null || (fields.editSenderTimestamp ?? null) !== null) {
    const senderTimestamp = isoNoting(waUnixTime('message_edit_info.sender_timestamp', 'not set', fields.editSenderTimestamp ?? null, fields.editSenderTimestampText ?? null), timeNotes);
    extra['editInfo'] = { originalKeyId: fields.editOriginalKeyId ?? null, senderTimestamp, note: 'message_edit_info.original_key_id and sender_timestamp as stored (the time read by its magnitude); what they denote is not documented' };
  }
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
  // Whether the text shown is words this reader wrote (a call's sentence, a notice, a poll's lines,
  // a place's name and address), not a text WhatsApp stored as someone's: marked extra.textGenerated.
  let generated = false;
  if (fields.call !== null) {
    text = callText(fields.call, fields.fromMe);
    generated = true;
  } else if (system) {
    generated = true;
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
      if (text === '') {
        text = [fields.location.name, fields.location.address].filter((part) => part !== null).join(', ');
        generated = text !== '';
      }
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
      // The card's name (media_name) shown as the text, where the message has no words of its own.
      if (fields.caption === null && fields.media?.name !== undefined && fields.media.name !== null && text === fields.media.name) generated = true;
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
    // The question is the sender's; the option lines and vote counts are this reader's (the options are in extra.poll).
    generated = true;
  }
  if (fields.mentions !== undefined && fields.mentions.length > 0) extra['mentions'] = fields.mentions.map((mention) => mentionFacts(mention, contacts));
  if (fields.mentionsNote !== undefined && fields.mentionsNote !== null) extra['mentionsNote'] = fields.mentionsNote;
  if (fields.mentionedJidsAsStored !== undefined) {
    extra['mentionedJids'] = { asStored: fields.mentionedJidsAsStored, note: 'messages.mentioned_jids as stored: not read as a list of jids separated by commas, so who is mentioned is not listed' };
  }
  if (fields.groupInvite !== undefined && fields.groupInvite !== null) {
    const invite = groupInviteFacts(fields.groupInvite, contacts, timeNotes);
    extra['groupInvite'] = invite;
    // The invitation is the message: without a caption, say what it invites to, marked as words
    // this reader wrote (as the other importers mark theirs), not the sender's.
    if (text === '') {
      text = `${type.label}: ${fields.groupInvite.groupName ?? String(invite['group'] ?? '')}`;
      generated = true;
    }
  }
  if (type.mediaType === undefined && !system && namesMedia(fields.media)) {
    // A type code we cannot name (or one that names no file) whose row still has media: the file is evidence.
    attachments.push(mediaAttachment(fields, 'unknown', extra));
  }
  if (fields.media?.durationSeconds !== null && fields.media?.durationSeconds !== undefined && fields.media.durationSeconds > 0) {
    extra['durationSeconds'] = fields.media.durationSeconds;
  }
  if (generated && text !== '') {
    extra['textGenerated'] = true;
    // A call's, a notice's or a poll's own stored text (a new subject, "audio"/"video", the poll's
    // question) is quoted in or replaced by the lines written: kept as stored, so the database's
    // words stay apart from ours.
    if ((fields.call !== null || system || extra['poll'] !== undefined) && fields.text !== null && fields.text !== '') extra['storedText'] = { column: fields.textColumn ?? 'text_data', text: fields.text };
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
