/**
 * Cellebrite models → Threadline records: an InstantMessage model (with its From/To parties,
 * Body, TimeStamp, Status and Attachments, the last read in attachment-records.ts) becomes a
 * ParsedMessage; the header fields of a Chat model become a ParsedChat. Field names are Physical
 * Analyzer's, which are not localised (unlike caseInformation labels), so they are matched exactly.
 */

import type { ParsedMessage, SourceLocator } from '../../../shared/contracts/parsed-source.ts';
import type { FileIndex } from './file-index.ts';
import { matchKey } from './file-index.ts';
import { nestedActivityFacts } from './activity-records.ts';
import { attachmentsOf } from './attachment-records.ts';
import { reactionFactsOf } from './reaction-facts.ts';
import { deletedStateOf, extractionOf, isDeleted, ownerRecipientDirection, partiesOf, readStampValue, sideTimesOf } from './model-facts.ts';
import { fieldModels, fieldNode, fieldText, fieldValue, MAX_FIELD_CHARS, partyOf } from './model-tree.ts';
import type { Party, XmlNode } from './model-tree.ts';
import type { StampReader } from './date-order.ts';
import { isNoTimeStamp } from './ufdr-time.ts';

/** Quoted (embedded) message text kept in `extra`, enough to recognise it. */
const QUOTE_CHARS = 500;

export interface MessageContext {
  chatKey: string;
  locator: SourceLocator;
  files: FileIndex;
  /** The chat's participants, to name a sender the message only gives by id, and the owner. */
  participants: Party[];
  /** The Chat's Source (WhatsApp, Telegram…), for messages that do not repeat it. */
  app: string | null;
  /** Reads time stamps in the report's day/month order. */
  stamps: StampReader;
}

export interface MessageResult {
  message: ParsedMessage;
  notes: string[];
}

export function instantMessage(model: XmlNode, context: MessageContext): MessageResult {
  const notes: string[] = [];
  const from = fieldModels(model, 'From').map(partyOf)[0] ?? null;
  const to = fieldModels(model, 'To').map(partyOf);
  const body = fieldValue(model, 'Body');
  const stamp = fieldNode(model, 'TimeStamp')?.children.find((child) => child.name === 'value');
  const { time, text: timestampText } = readStampValue(stamp, notes, context.stamps);
  if (time === null && timestampText !== '' && !isNoTimeStamp(timestampText)) notes.push(`timestamp "${timestampText.slice(0, 80)}" is in no known form; the message has no time`);
  if (body?.truncated === true) notes.push(`the Body was longer than ${MAX_FIELD_CHARS} characters and was cut there`);
  const { attachments, references } = attachmentsOf(model, context.files, notes, context.stamps);
  // A To party flagged as the owner says so too, where no From or participant is flagged.
  const direction = directionOf(model, from, context.participants) ?? ownerRecipientDirection(partiesOf(model));
  const owner = context.participants.find((party) => party.owner === true) ?? null;
  const sender = from ?? (direction === 'outgoing' ? owner : null);
  const senderName = sender === null ? null : (sender.name ?? context.files.nameOf(sender.id) ?? nameIn(context.participants, sender.id) ?? sender.id);
  const type = fieldText(model, 'Type');
  const sharedContacts = sharedContactsOf(model);
  const location = locationOf(model);
  const forwardedText = body === null ? forwardedBodyOf(model) : null;
  const empty = body === null && forwardedText === null && timestampText === '' && from === null && attachments.length === 0 && sharedContacts.length === 0 && location === null;
  const extra: Record<string, unknown> = {
    app: fieldText(model, 'Source') ?? fieldText(model, 'SourceApplication') ?? context.app,
    modelId: model.attrs['id'] ?? null,
    // Physical Analyzer 10.10 gives models a pa_id too, and a ReferenceId may name that one.
    ...(model.attrs['pa_id'] === undefined ? {} : { paId: model.attrs['pa_id'] }),
    identifier: fieldText(model, 'Identifier'),
    status: fieldText(model, 'Status'),
    type,
    deletedState: deletedStateOf(model),
    decodingConfidence: model.attrs['decoding_confidence'] ?? null,
    ...extractionOf(model),
  };
  if (stamp?.attrs['format'] !== undefined) extra['timestampFormat'] = stamp.attrs['format'];
  if (forwardedText !== null) extra['textFrom'] = 'EmbeddedInstantMessage (a forwarded message with no Body of its own)';
  // A disappearing message's timer (a TimeSpan); 00:00:00, written on every message, says none.
  const selfDestruct = fieldText(model, 'SelfDestructDuration');
  if (selfDestruct !== null && /[1-9]/u.test(selfDestruct)) extra['selfDestructDuration'] = selfDestruct;
  // Fields IPED and UFEDLib read on an InstantMessage that say what the message was or why it is
  // gone (a subject line, the reason and way it was deleted, its folder and chat), as written.
  for (const [key, name] of [['subject', 'Subject'], ['deletionReason', 'DeletionReason'], ['erased', 'Erased'], ['folder', 'Folder'], ['chatId', 'ChatId']] as const) {
    const value = fieldText(model, name);
    if (value !== null) extra[key] = value;
  }
  if (stamp?.attrs['format'] === 'TimeStampUnknown') notes.push('the report marks this timestamp as unreliable (TimeStampUnknown)');
  // DateRead, DateDelivered, DatePlayed… on the message itself.
  const times = sideTimesOf(model, notes, context.stamps);
  if (times !== null) extra['times'] = times;
  if (to.length > 0) extra['to'] = recipientsOf(model, to, notes, context);
  // A sender's own times (DateRead…), written on the From party as on a recipient's.
  const fromModel = fieldModels(model, 'From')[0];
  const fromTimes = fromModel === undefined ? null : sideTimesOf(fromModel, notes, context.stamps);
  if (from !== null && fromTimes !== null) extra['from'] = { id: from.id, name: partyName(from, context), times: fromTimes };
  if (references.length > 0) extra['files'] = references;
  if (sharedContacts.length > 0) extra['sharedContacts'] = sharedContacts;
  if (location !== null) extra['location'] = location;
  const reactions = reactionFactsOf(model, notes, context.stamps);
  if (reactions.length > 0) extra['reactions'] = reactions;
  Object.assign(extra, quoteFacts(model));
  // Which party joined or left is only in the nested ActivityLog, not in the Body (activity-records.ts).
  const activity = nestedActivityFacts(model);
  if (activity.length > 0) extra['activity'] = activity;
  const kind = empty ? 'unparsed' : isSystem(model, from, type) ? 'system' : 'message';
  // A system line has no author; the party the report invents for it ("System message") stays in extra.
  if (kind === 'system' && senderName !== null) extra['senderAsWritten'] = senderName;
  return {
    message: {
      chatKey: context.chatKey,
      kind,
      sender: kind === 'system' ? null : senderName,
      senderId: sender?.id ?? null,
      direction,
      time,
      timestampText,
      text: body?.text ?? forwardedText ?? '',
      attachments,
      deleted: isDeleted(model),
      // Physical Analyzer labels an edited message "Edited" (IPED's InstantMessage.isEdited reads it so).
      edited: labelsOf(model).includes('Edited'),
      locator: context.locator,
      ...(empty ? { reason: 'the model has none of Body, TimeStamp, From or Attachments' } : {}),
      extra,
    },
    notes,
  };
}

/** The Identifier of the From party of a service line (IPED's Party.SYSTEM_MESSAGE), lowercase. */
const SYSTEM_PARTY = 'system message';

/** Service lines ("You joined the group…"): the report labels them System, types them so, or sends them from "System message". */
function isSystem(model: XmlNode, from: Party | null, type: string | null): boolean {
  if (/system/iu.test(type ?? '')) return true;
  // The party Physical Analyzer invents for service lines, whatever their Type or labels say.
  if (from !== null && from.owner !== true && (from.id ?? '').toLowerCase() === SYSTEM_PARTY) return true;
  return labelsOf(model).includes('System') && (from === null || from.owner !== true);
}

/**
 * The To parties, each with the times the report gives on it: Physical Analyzer writes a
 * recipient's DateDelivered, DateRead and DatePlayed on that recipient's Party (as in the IPED
 * sample), which in a group says who read a message and when.
 */
function recipientsOf(model: XmlNode, to: Party[], notes: string[], context: MessageContext): Record<string, unknown>[] {
  const models = fieldModels(model, 'To');
  return to.map((party, index) => {
    const recipient: Record<string, unknown> = { id: party.id, name: partyName(party, context) };
    const partyModel = models[index];
    const times = partyModel === undefined ? null : sideTimesOf(partyModel, notes, context.stamps);
    if (times !== null) recipient['times'] = times;
    return recipient;
  });
}

/**
 * A party's name: its own, else a Contact's or UserAccount's, else the Chat Participant's with
 * the same identifier (a To party often gives only the identifier; the chat names the person).
 */
function partyName(party: Party, context: MessageContext): string | null {
  return party.name ?? context.files.nameOf(party.id) ?? nameIn(context.participants, party.id);
}

function nameIn(parties: Party[], id: string | null): string | null {
  return id === null ? null : (participantWith(parties, id)?.name ?? null);
}

/**
 * The participant a message's party stands for. Physical Analyzer spells one person's identifier
 * differently across a chat (`40711111111@s.whatsapp.net` in Participants, `+40 711 111 111` in a
 * message's From, `0711111111` in an SMS), so ids are compared as matchKey reads them, not as written: an exact
 * comparison left the owner's own messages with no direction and the sender unnamed.
 */
function participantWith(parties: Party[], id: string): Party | undefined {
  const key = matchKey(id);
  return key === '' ? undefined : parties.find((party) => party.id !== null && matchKey(party.id) === key);
}

/**
 * Direction as the report states it (a Direction or Folder field, or an InstantMessage's
 * FromIsOwner), else from the sender being the phone's owner, else from a Status only one side
 * can have.
 */
export function directionOf(model: XmlNode, from: Party | null, participants: Party[]): 'incoming' | 'outgoing' | null {
  const stated = `${fieldText(model, 'Direction') ?? ''} ${fieldText(model, 'Folder') ?? ''}`.toLowerCase();
  // At the start of a word only: a mail folder "Presentations" or "Consent forms" is not "Sent".
  if (/(?<![a-z])(?:incoming|inbox)/u.test(stated)) return 'incoming';
  if (/(?<![a-z])(?:outgoing|outbox|sent)/u.test(stated)) return 'outgoing';
  const fromIsOwner = (fieldText(model, 'FromIsOwner') ?? '').toLowerCase();
  if (fromIsOwner === 'true' || fromIsOwner === 'false') return fromIsOwner === 'true' ? 'outgoing' : 'incoming';
  const fromId = from?.id ?? null;
  const owner = from?.owner ?? (fromId === null ? null : (participantWith(participants, fromId)?.owner ?? null));
  if (owner !== null) return owner ? 'outgoing' : 'incoming';
  const status = (fieldText(model, 'Status') ?? '').toLowerCase();
  if (status === 'sent' || status === 'outgoing') return 'outgoing';
  if (status === 'unread' || status === 'incoming') return 'incoming';
  return null;
}

/**
 * The message's labels ("System", "Edited", "Forwarded"…), as written: MessageLabel models in
 * MessageExtraData, and from Physical Analyzer 10.10 on a `<multiField name="Labels">` on the
 * message itself (IPED's sample of that version has no MessageLabel models at all).
 */
function labelsOf(model: XmlNode): string[] {
  const extraLabels = fieldModels(model, 'MessageExtraData').map((data) => fieldText(data, 'Label'));
  const labelsField = fieldNode(model, 'Labels');
  const listed = labelsField?.name === 'multiField' ? labelsField.children.filter((child) => child.name === 'value').map((value) => value.text.trim()) : [];
  return [...extraLabels, ...listed].filter((label): label is string => label !== null && label !== '');
}

/**
 * The words of a forwarded message that has no Body of its own: Physical Analyzer 10.10 puts the
 * forwarded content in an EmbeddedInstantMessage, the one its QuotedMessageData's ReferenceId
 * names (by id or pa_id), else the only one there is. Null when there is none to take.
 */
function forwardedBodyOf(model: XmlNode): string | null {
  if (!labelsOf(model).includes('Forwarded')) return null;
  const embedded = model.children
    .filter((child) => child.name === 'multiModelField' && child.attrs['name'] === 'EmbeddedInstantMessage')
    .flatMap((field) => field.children.filter((child) => child.name === 'model'));
  const reference = fieldModels(model, 'MessageExtraData').map(referenceIdOf).find((id) => id !== null);
  const named = reference === undefined ? undefined : embedded.find((quote) => quote.attrs['id'] === reference || quote.attrs['pa_id'] === reference);
  const source = named ?? (embedded.length === 1 ? embedded[0] : undefined);
  const text = source === undefined ? null : (fieldValue(source, 'Body')?.text ?? null);
  return text === null || text.trim() === '' ? null : text;
}

/** A Guid field of zeros is .NET's Guid.Empty: no reference (IPED's PA 10.10 sample writes it on a reply). */
function referenceIdOf(data: XmlNode): string | null {
  const id = fieldText(data, 'ReferenceId');
  return id === null || /^[0-]+$/u.test(id) ? null : id;
}

function quoteFacts(model: XmlNode): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  const labels = labelsOf(model);
  if (labels.length > 0) facts['labels'] = [...new Set(labels)];
  // A forwarded message's original sender (ForwardedMessageData.OriginalSender, as IPED reads it).
  const original = fieldModels(model, 'MessageExtraData').flatMap((data) => fieldModels(data, 'OriginalSender').map(partyOf))[0];
  if (original !== undefined) facts['forwardedFrom'] = { id: original.id, name: original.name };
  const extraData = fieldModels(model, 'MessageExtraData');
  // A reply's ReplyMessageData names the message it answers by the app's own id
  // (OriginalMessageID, matching that message's Identifier) and holds it as a nested
  // InstantMessage model instead of a ReferenceId (a real Telegram reply in IPED's sample).
  const nestedQuotes = extraData.flatMap((data) => fieldModels(data, 'InstantMessage'));
  const quoted = extraData.map(referenceIdOf).find((id) => id !== null) ?? nestedQuotes.map((quote) => quote.attrs['id'] ?? null).find((id) => id !== null);
  if (quoted !== undefined) facts['replyToModelId'] = quoted;
  const originalId = extraData.map((data) => fieldText(data, 'OriginalMessageID')).find((id) => id !== null);
  if (originalId !== undefined) facts['replyToIdentifier'] = originalId;
  const embedded = [
    ...model.children.filter((child) => child.name === 'multiModelField' && child.attrs['name'] === 'EmbeddedInstantMessage').flatMap((field) => field.children.filter((child) => child.name === 'model')),
    ...nestedQuotes,
  ];
  // Physical Analyzer repeats the EmbeddedInstantMessage field; one quote is one quote.
  const unique = embedded.filter((quote, index) => quote.attrs['id'] === undefined || embedded.findIndex((other) => other.attrs['id'] === quote.attrs['id']) === index);
  if (unique.length > 0) {
    facts['quoted'] = unique.map((quote) => {
      const from = fieldModels(quote, 'From').map(partyOf)[0];
      const paId = quote.attrs['pa_id'] === undefined ? {} : { paId: quote.attrs['pa_id'] };
      return { modelId: quote.attrs['id'] ?? null, ...paId, sender: from?.name ?? from?.id ?? null, body: (fieldValue(quote, 'Body')?.text ?? '').slice(0, QUOTE_CHARS) };
    });
  }
  return facts;
}

/**
 * Contact cards sent in the message (`SharedContacts`: Contact models with a Name and Entries
 * such as PhoneNumber or UserID). The Body of such a message is empty: the card is its content.
 */
function sharedContactsOf(model: XmlNode): Record<string, unknown>[] {
  return fieldModels(model, 'SharedContacts').map((contact) => ({
    modelId: contact.attrs['id'] ?? null,
    name: fieldText(contact, 'Name'),
    entries: fieldModels(contact, 'Entries').map((entry) => ({ type: entry.attrs['type'] ?? null, category: fieldText(entry, 'Category'), value: fieldText(entry, 'Value') })),
  }));
}

/**
 * A location sent in the message: the `Position` Coordinate (Latitude, Longitude, Elevation,
 * PositionAddress, Map, Comment), often with an empty Body. Coordinates are kept as written too:
 * some locales write a decimal comma, read here as a point.
 */
function locationOf(model: XmlNode): Record<string, unknown> | null {
  const position = fieldModels(model, 'Position')[0];
  if (position === undefined) return null;
  const location: Record<string, unknown> = {};
  for (const [key, name] of [['latitude', 'Latitude'], ['longitude', 'Longitude'], ['elevation', 'Elevation']] as const) {
    const text = fieldText(position, name);
    const value = text === null ? Number.NaN : Number(text.replace(',', '.'));
    if (Number.isFinite(value)) location[key] = value;
  }
  for (const [key, name] of [['address', 'PositionAddress'], ['map', 'Map'], ['comment', 'Comment'], ['latitudeText', 'Latitude'], ['longitudeText', 'Longitude']] as const) {
    const text = fieldText(position, name);
    if (text !== null) location[key] = text;
  }
  const sharing = fieldText(model, 'IsLocationSharing');
  if (sharing !== null) location['isLocationSharing'] = sharing.toLowerCase() === 'true';
  return Object.keys(location).length === 0 ? null : location;
}
