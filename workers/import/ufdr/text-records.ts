/**
 * SMS, MMS and Email models → messages, each with the conversation it belongs to.
 *
 * SMS and MMS go into one conversation per other party (or set of parties, for a group MMS),
 * as the phone's own Messages app shows them: a thread with Nadia holds her texts and picture
 * messages together. Numbers are matched however they are spelled (PartyKeys).
 *
 * Email goes into one conversation per thread (the subject without Re:/Fwd: prefixes, within
 * one mail account): that is how a mail client and an analyst read mail. One conversation per
 * account would bury a two-line threat in thousands of newsletters; one per correspondent would
 * split a thread as soon as someone is copied in.
 */

import type { ParsedChat, ParsedMessage, SourceLocator } from '../../../shared/contracts/parsed-source.ts';
import type { StampReader } from './date-order.ts';
import type { FileIndex } from './file-index.ts';
import { counterpartsOf, deletedStateOf, extractionOf, isDeleted, ownerRecipientDirection, partiesOf, sideTimesOf, stampOf } from './model-facts.ts';
import type { OwnerIdentifiers, PartyKeys, RoledParty } from './model-facts.ts';
import { fieldNode, fieldText, fieldValue, MAX_FIELD_CHARS } from './model-tree.ts';
import type { XmlNode } from './model-tree.ts';
import { attachmentsOf } from './attachment-records.ts';
import { directionOf } from './records.ts';

export interface RecordContext {
  locator: SourceLocator;
  files: FileIndex;
  owner: OwnerIdentifiers;
  keys: PartyKeys;
  stamps: StampReader;
}

export interface ConversationRecord {
  message: ParsedMessage;
  chat: ParsedChat;
  notes: string[];
}

/** Reply and forward prefixes in the languages these cases meet (Re, Fwd, AW, WG, TR, RV, Odp...). */
const SUBJECT_PREFIX = /^\s*((re|fw|fwd|aw|wg|tr|rv|sv|vs|odp|pd|ynt|antw|doorst|r|i)\s*(\[\d+\])?\s*:\s*)+/iu;

/**
 * An SMS's or MMS's own status, when nothing else gives its direction: a text the phone marks Read
 * or Unread came in, one Unsent (a draft, a failure) was the owner's (IPED reads SMS so). Not for
 * chat messages, whose "Read" is the other side's receipt of the owner's message.
 */
function directionOfTextStatus(model: XmlNode): 'incoming' | 'outgoing' | null {
  const status = (fieldText(model, 'Status') ?? '').trim().toLowerCase();
  if (status === 'read' || status === 'unread') return 'incoming';
  if (status === 'unsent' || status === 'draft') return 'outgoing';
  return null;
}

export function smsOrMms(model: XmlNode, type: 'SMS' | 'MMS', context: RecordContext): ConversationRecord {
  const notes: string[] = [];
  const parties = partiesOf(model);
  const direction = directionOf(model, parties.from, parties.all) ?? ownerRecipientDirection(parties) ?? directionOfTextStatus(model);
  context.owner.learn(parties, direction);
  const others = counterpartsOf(parties, direction, context.owner);
  const key = `sms:${context.keys.keyOfAll(others.map((party) => party.id ?? party.name ?? ''))}`;
  const written = textOf(model, 'Body', notes);
  // Some reports give an SMS's or MMS's text only as its Snippet (IPED reads it in Body's place).
  const snippet = written === '' ? textOf(model, 'Snippet', notes) : '';
  const body = written === '' ? snippet : written;
  const subject = fieldText(model, 'Subject');
  const stamp = stampOf(model, 'TimeStamp', notes, context.stamps);
  const { attachments, references } = attachmentsOf(model, context.files, notes, context.stamps);
  const sender = direction === 'outgoing' ? parties.from : (parties.from ?? (others.length === 1 ? (others[0] ?? null) : null));
  const extra = baseExtra(model, type, { folder: fieldText(model, 'Folder'), status: fieldText(model, 'Status'), smsc: fieldText(model, 'SMSC'), parties: describe(parties.all, notes, context) });
  if (subject !== null) extra['subject'] = subject;
  if (snippet !== '') extra['textFrom'] = 'Snippet (the model has no Body)';
  keepSideTimes(extra, model, notes, context.stamps);
  if (references.length > 0) extra['files'] = references;
  if (stamp.format !== null) extra['timestampFormat'] = stamp.format;
  const empty = body === '' && attachments.length === 0 && stamp.text === '';
  return {
    message: {
      chatKey: key,
      kind: empty ? 'unparsed' : 'message',
      sender: sender === null ? null : nameOf(sender, context.files),
      senderId: sender?.id ?? null,
      direction,
      time: stamp.time,
      timestampText: stamp.text,
      text: body,
      attachments,
      deleted: isDeleted(model),
      edited: false,
      locator: context.locator,
      ...(empty ? { reason: `the ${type} model has none of Body, TimeStamp or Attachments` } : {}),
      extra,
    },
    chat: conversation(key, 'SMS/MMS', others, context.files),
    notes,
  };
}

export function email(model: XmlNode, context: RecordContext): ConversationRecord {
  const notes: string[] = [];
  const parties = partiesOf(model);
  const account = fieldText(model, 'Account');
  const folder = fieldText(model, 'Folder');
  let direction = directionOf(model, parties.from, parties.all) ?? ownerRecipientDirection(parties);
  if (direction === null && account !== null && parties.from?.id !== null && parties.from?.id !== undefined) {
    direction = parties.from.id.toLowerCase() === account.toLowerCase() ? 'outgoing' : 'incoming';
  }
  const subject = fieldText(model, 'Subject');
  const thread = (subject ?? '').replace(SUBJECT_PREFIX, '').trim();
  const key = `email:${(account ?? '').toLowerCase()}:${thread.toLowerCase()}`;
  const written = textOf(model, 'Body', notes);
  // A mail the decoder kept only a preview of gives its words as Snippet, as an SMS may.
  const snippet = written === '' ? textOf(model, 'Snippet', notes) : '';
  const body = written === '' ? snippet : written;
  const html = looksLikeHtml(body);
  const text = [subject === null ? null : `Subject: ${subject}`, html ? htmlToText(body) : body].filter((part): part is string => part !== null && part !== '').join('\n\n');
  const stamp = stampOf(model, 'TimeStamp', notes, context.stamps);
  const { attachments, references } = attachmentsOf(model, context.files, notes, context.stamps);
  const extra = baseExtra(model, 'Email', { account, folder, status: fieldText(model, 'Status'), subject, parties: describe(parties.all, notes, context) });
  keepSideTimes(extra, model, notes, context.stamps);
  if (html) extra['body'] = 'HTML; the text shown has its tags removed (the report keeps the HTML)';
  if (snippet !== '') extra['textFrom'] = 'Snippet (the model has no Body)';
  // The raw headers (Message-ID, Received…) say where a mail came from; labels and priority as written.
  for (const [key, name] of [['emailHeader', 'EmailHeader'], ['priority', 'Priority']] as const) {
    const value = textOf(model, name, notes);
    if (value.trim() !== '') extra[key] = value;
  }
  const labels = fieldNode(model, 'Labels');
  const labelValues = labels?.name === 'multiField' ? labels.children.filter((child) => child.name === 'value').map((value) => value.text.trim()).filter((label) => label !== '') : [];
  if (labelValues.length > 0) extra['labels'] = labelValues;
  if (references.length > 0) extra['files'] = references;
  if (stamp.format !== null) extra['timestampFormat'] = stamp.format;
  const empty = text === '' && attachments.length === 0 && stamp.text === '';
  const everyone = parties.all.filter((party, index) => parties.all.findIndex((other) => (other.id ?? other.name) === (party.id ?? party.name)) === index);
  const chat: ParsedChat = {
    key,
    title: `Email: ${thread === '' ? '(no subject)' : thread}${account === null ? '' : ` (${account})`}`,
    kind: everyone.length > 2 ? 'group' : 'private',
    mergeKey: key,
  };
  if (everyone.length > 0) chat.participants = everyone.map((party) => ({ name: nameOf(party, context.files), id: party.id }));
  return {
    message: {
      chatKey: key,
      kind: empty ? 'unparsed' : 'message',
      sender: parties.from === null ? null : nameOf(parties.from, context.files),
      senderId: parties.from?.id ?? null,
      direction,
      time: stamp.time,
      timestampText: stamp.text,
      text,
      attachments,
      deleted: isDeleted(model),
      edited: false,
      locator: context.locator,
      ...(empty ? { reason: 'the Email model has none of Subject, Body, TimeStamp or Attachments' } : {}),
      extra,
    },
    chat,
    notes,
  };
}

/** The model's other TimeStamp fields (DateRead, DateSent, EndTime…) in extra.times (model-facts.ts sideTimesOf). */
export function keepSideTimes(extra: Record<string, unknown>, model: XmlNode, notes: string[], stamps: StampReader): void {
  const times = sideTimesOf(model, notes, stamps);
  if (times !== null) extra['times'] = times;
}

function textOf(model: XmlNode, name: string, notes: string[]): string {
  const value = fieldValue(model, name);
  if (value?.truncated === true) notes.push(`the ${name} was longer than ${MAX_FIELD_CHARS} characters and was cut there`);
  return value?.text ?? '';
}

function baseExtra(model: XmlNode, type: string, facts: Record<string, unknown>): Record<string, unknown> {
  const extra: Record<string, unknown> = { recordType: type.toLowerCase(), app: fieldText(model, 'Source'), modelId: model.attrs['id'] ?? null, deletedState: deletedStateOf(model), decodingConfidence: model.attrs['decoding_confidence'] ?? null, ...extractionOf(model) };
  for (const [key, value] of Object.entries(facts)) if (value !== null) extra[key] = value;
  return extra;
}

/**
 * The parties as written, each with the times Physical Analyzer writes on it: a recipient's
 * DateDelivered or DateRead says when that person got the message, as on InstantMessage To parties.
 */
function describe(parties: RoledParty[], notes: string[], context: RecordContext): Record<string, unknown>[] {
  return parties.map((party) => {
    const described: Record<string, unknown> = { id: party.id, name: nameOf(party, context.files), role: party.role };
    const times = sideTimesOf(party.model, notes, context.stamps);
    if (times !== null) described['times'] = times;
    return described;
  });
}

function nameOf(party: RoledParty, files: FileIndex): string | null {
  return party.name ?? files.nameOf(party.id) ?? party.id;
}

function conversation(key: string, label: string, others: RoledParty[], files: FileIndex): ParsedChat {
  const shown = others.map((party) => {
    const name = party.name ?? files.nameOf(party.id);
    return name !== null && party.id !== null && name !== party.id ? `${name} (${party.id})` : (name ?? party.id ?? '?');
  });
  const chat: ParsedChat = { key, title: `${label}: ${shown.length > 0 ? shown.join(', ') : 'unknown number'}`, kind: others.length > 1 ? 'group' : others.length === 1 ? 'private' : 'unknown', mergeKey: key };
  if (others.length > 0) chat.participants = others.map((party) => ({ name: party.name ?? files.nameOf(party.id), id: party.id }));
  return chat;
}

function looksLikeHtml(text: string): boolean {
  return /<(html|body|div|p|br|table|span)[\s>/]/iu.test(text.slice(0, 4096));
}

/** Mail bodies are often HTML; search and reading want the words, the report keeps the markup. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[\s\S]*?<\/\1\s*>/giu, ' ')
    .replace(/<br\s*\/?>|<\/(p|div|tr|li|h\d)\s*>/giu, '\n')
    .replace(/<[^>]*>/gu, '')
    .replace(/&nbsp;/giu, ' ')
    .replace(/&lt;/giu, '<')
    .replace(/&gt;/giu, '>')
    .replace(/&quot;/giu, '"')
    .replace(/&#39;|&apos;/giu, "'")
    .replace(/&#(\d{1,7});/gu, (_, code: string) => safeCodePoint(Number(code)))
    .replace(/&amp;/giu, '&')
    .replace(/[ \t]+\n/gu, '\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}

function safeCodePoint(code: number): string {
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
}
