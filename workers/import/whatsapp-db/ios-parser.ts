/**
 * iOS WhatsApp `ChatStorage.sqlite` (a Core Data store) as a SourceParser: `ZWAMESSAGE` with its
 * session (`ZWACHATSESSION`), group member (`ZWAGROUPMEMBER`) and media item (`ZWAMEDIAITEM`).
 * Core Data times are seconds since 2001. No full real sample was available (FORMATS.md §5.2),
 * so every column is optional and unknown codes are kept as numbers.
 */

import type { Database } from 'sql.js';
import type { MediaType, ParseOutcome, ParseSink, ParsedAttachment, ParsedMessage, ParserInput, SourceParser } from '../../../shared/contracts/parsed-source.ts';
import { AppError } from '../../../shared/errors.ts';
import type { ColumnRequest, EvidenceDatabase, Row, ScanErrorCause,
  WarningCap} from '../sqlite/index.ts';
import { isoNoting, waAppleTime } from './wa-time.ts';
import {
  ChatRegistry,
  RowPacer,
  blobValue,
  columnsOf,
  flagValue,
  hasTable,
  integerValue,
  nonEmptyText,
  numberValue,
  putExtra,
  rowCount,
  rowidOf,
  scanErrorMessage,
  scanRows,
  selectExpressions,
  evidenceDatabaseParser,
  sqliteRowLocator,
  textValue,
  unparsedRow,
} from '../sqlite/index.ts';
import { isGroupJid } from './jids.ts';
import { placedIosMediaPath } from './media-data-path.ts';
import { quoteFromMetadata } from './ios-quote-metadata.ts';
import { callFromMetadata, iosCallText } from './ios-call-metadata.ts';
import { pushNameText, readStoredPushName } from './ios-push-names.ts';
import { iosPollFacts, iosReactionFacts } from './ios-reactions.ts';
import { IosPeople, LidPhones } from './ios-people.ts';
import { companionDetails, readIosCompanions } from './ios-companions.ts';
import { MEMBER_COLUMNS, loadGroupMembers, loadPushNames, loadSessions } from './ios-sessions.ts';
import type { Session } from './ios-sessions.ts';
import { iosEventText, iosMessageType, isFileMedia } from './message-types.ts';

/**
 * A WhatsApp message id as a deleted row's ZTEXT holds one ("3EB0C5D1F00112233", "BAE5…"): one run
 * of letters and digits with a digit in it, no space.
 */
const MESSAGE_ID_LIKE = /^(?=[^\s]*\d)[0-9A-Za-z_-]{8,64}$/u;

/** Reported on every source this parser reads; bump when its output changes. */
export const WHATSAPP_IOS_DB_PARSER_VERSION = '1.18.0';

const MESSAGE_COLUMNS: readonly (string | ColumnRequest)[] = [
  'ZCHATSESSION', 'ZISFROMME', { name: 'ZMESSAGEDATE', asText: true }, 'ZSENTDATE', 'ZFROMJID', 'ZTOJID', 'ZTEXT',
  'ZMESSAGETYPE', 'ZGROUPEVENTTYPE', 'ZGROUPMEMBER', 'ZMEDIAITEM', 'ZSTANZAID', 'ZPARENTMESSAGE', 'ZSTARRED', 'ZMESSAGESTATUS', 'ZPUSHNAME',
  'ZFLAGS',
];
/** ZWAMESSAGE.ZFLAGS bit 7: the message was forwarded [source: IPED ExtractorIOS, `(1 << 7 & ZFLAGS) as forwarded`]. */
const FLAG_FORWARDED = 1 << 7;
/** How a message of several contact cards joins their names and cards (Whatsapp-Chat-Exporter splits them so). */
const VCARD_NAME_SEPARATOR = '_$!<Name-Separator>!$_';
const VCARD_SEPARATOR = '_$!<VCard-Separator>!$_';
const MEDIA_COLUMNS: readonly (string | ColumnRequest)[] = [
  'ZMEDIALOCALPATH', 'ZTITLE', 'ZFILESIZE', 'ZLATITUDE', 'ZLONGITUDE', 'ZVCARDSTRING', 'ZVCARDNAME', 'ZMOVIEDURATION', 'ZMEDIAURL',
  // A reply's quote (ios-quote-metadata.ts), bounded in size: a larger blob (a quote with a large
  // thumbnail) is read as none, and the reply's ZPARENTMESSAGE is then its only link.
  { name: 'ZMETADATA', maxBytes: 1024 * 1024 },
];
/** A message's receipts and reactions (ios-receipt-info.ts); a larger blob is reported by its size, not read. */
const INFO_COLUMNS: readonly (string | ColumnRequest)[] = ['Z_PK', { name: 'ZRECEIPTINFO', maxBytes: 1024 * 1024 }];
/** Link previews (ZWAMESSAGEDATAITEM, joined by its ZMESSAGE). */
const DATA_ITEM_COLUMNS = ['ZTITLE', 'ZSUMMARY', 'ZMATCHEDTEXT', 'ZCONTENT1', 'ZCONTENT2'];
/** ZWACHATSESSION.ZSESSIONTYPE */
const SESSION_KINDS = { 0: 'private', 1: 'group', 2: 'unknown', 3: 'unknown' } as const;
const SESSION_TYPE_BROADCAST = 2;
/** ZMESSAGETYPE of a call message, its facts in the media item's ZMETADATA (ios-call-metadata.ts). */
const IOS_CALL_TYPE = 59;
/** ZMESSAGETYPE of a poll, its question, options and votes in ZWAMESSAGEINFO.ZRECEIPTINFO (ios-receipt-info.ts). */
const IOS_POLL_TYPE = 46;
const SESSION_TYPE_STATUS = 3;


export const whatsappIosDbParser: SourceParser = evidenceDatabaseParser({ format: 'whatsapp-ios-db', parserVersion: WHATSAPP_IOS_DB_PARSER_VERSION, kind: 'whatsapp-ios', read: parseChatStorage });

async function parseChatStorage(evidence: EvidenceDatabase, input: ParserInput, sink: ParseSink, warnings: WarningCap): Promise<ParseOutcome> {
  const { db } = evidence;
  const file = input.displayName;
  if (!hasTable(db, 'ZWAMESSAGE')) {
    throw new AppError('E_IMPORT_FORMAT', `${file}: a SQLite database, but not a WhatsApp ChatStorage.sqlite (no ZWAMESSAGE table)`);
  }
  const damaged = (message: string): void => warnings.add('damaged', file, message);
  // Its companions' lid pairs are weighed with its own; their names only fill what it lacks (ios-people.ts).
  const companions = await readIosCompanions(input, warnings, () => sink.throwIfCancelled());
  const lidPhones = new LidPhones();
  for (const pair of companions.pairs) lidPhones.note(pair.lid, pair.phoneJid, pair.place);
  const sessions = loadSessions(db, lidPhones, damaged);
  const people = new IosPeople(loadPushNames(db, damaged), lidPhones, companions.names);
  loadGroupMembers(db, sessions, people, lidPhones, damaged);
  const registry = new ChatRegistry(sink);
  const select = selectExpressions(columnsOf(db, 'ZWAMESSAGE'), 't', MESSAGE_COLUMNS);
  const joins = sideTableJoins(db, select);
  const pacer = new RowPacer(sink, rowCount(db, 'ZWAMESSAGE') ?? 0, input.size);
  const tally = { messages: 0, system: 0, unparsed: 0, deleted: 0 };
  const onError = (message: string, from: number | null, to: number | null, cause: ScanErrorCause): void => warnings.add('damaged', `${file}:ZWAMESSAGE`, scanErrorMessage('ZWAMESSAGE', message, from, to, cause));
  let previousRowid: number | null = null;
  for (const row of scanRows(db, { table: 'ZWAMESSAGE', select, joins }, onError)) {
    // A media or link item joined by its ZMESSAGE can repeat a message: keep the first.
    if (rowidOf(row) === previousRowid) continue;
    previousRowid = rowidOf(row);
    let message: ParsedMessage;
    try {
      message = toMessage(row, file, sessions, people, registry);
    } catch (error) {
      message = unparsedRow(file, 'ZWAMESSAGE', row, chatKeyFor(null, sessions, people, registry), error);
      warnings.add('row', `${file}:ZWAMESSAGE#${rowidOf(row)}`, message.reason ?? 'unreadable row');
    }
    tally[message.kind === 'unparsed' ? 'unparsed' : message.kind === 'system' ? 'system' : 'messages'] += 1;
    if (message.deleted) tally.deleted += 1;
    await sink.message(message);
    pacer.tick();
  }
  pacer.finish();
  return {
    formatVersion: null,
    details: { ...evidence.facts, ...tally, sessions: sessions.size, chats: registry.size, pushNames: people.pushNames.size, lidPhones: people.lidMappings, lidPhoneConflicts: [...lidPhones.conflicting], ...companionDetails(companions, people), warningCounts: warnings.finish(file), deletedRowsRecovered: false },
  };
}

function toMessage(row: Row, file: string, sessions: Map<number, Session>, people: IosPeople, registry: ChatRegistry): ParsedMessage {
  const sessionId = integerValue(row['zchatsession']);
  const session = sessionId === null ? undefined : sessions.get(sessionId);
  const fromMe = flagValue(row['zisfromme']);
  // Without a session the other side is the jid the message went to (mine) or came from (theirs).
  const peerJid = fromMe ? nonEmptyText(row['ztojid']) : nonEmptyText(row['zfromjid']);
  const chatKey = chatKeyFor(sessionId, sessions, people, registry, peerJid);
  const typeCode = integerValue(row['zmessagetype']);
  const type = iosMessageType(typeCode);
  const isGroup = session?.type === 1 || (session?.jid ?? '').endsWith('@g.us');
  // Status (status@broadcast) and broadcast sessions have many authors, like groups: the session
  // jid is no one's, so an update is the member's (or its ZFROMJID's), never status@broadcast's.
  // A group message's ZFROMJID is the group itself: without a member its author is unknown, not the group.
  const manyAuthors = isGroup || isBroadcastSession(session);
  const fromJid = nonEmptyText(row['zfromjid']);
  const authorJid = fromMe
    ? null
    : manyAuthors
      ? nonEmptyText(row['gm_zmemberjid']) ?? (fromJid !== session?.jid && !isGroupJid(fromJid) ? fromJid : null)
      : session?.jid ?? fromJid;
  // The name the store gives on the row's own session or member row, before any looked up by jid.
  const rowName = fromMe ? null : manyAuthors ? nonEmptyText(row['gm_zcontactname']) ?? nonEmptyText(row['gm_zfirstname']) : session?.name ?? null;
  const sender = fromMe ? null : rowName ?? people.nameOf(authorJid) ?? (manyAuthors ? pushNameText(nonEmptyText(row['zpushname'])) : null);
  const extra: Record<string, unknown> = { messageType: type.label };
  if (typeCode !== null) extra['messageTypeCode'] = typeCode;
  putExtra(extra, 'stanzaId', nonEmptyText(row['zstanzaid']));
  putExtra(extra, 'status', integerValue(row['zmessagestatus']));
  putStoredPushName(extra, nonEmptyText(row['zpushname']));
  // A lid shown by the phone stored beside it: the lid is kept (ios-people.ts).
  putExtra(extra, 'senderLid', people.mappedLid(authorJid));
  // A name or phone only a companion database gives names the rows it rests on.
  putExtra(extra, 'senderPhoneFrom', people.phoneFrom(authorJid));
  if (rowName === null) putExtra(extra, 'senderNameFrom', people.nameFrom(authorJid));
  // Placeholder times (-1, 0…) give no date but a note each, naming the column (wa-time.ts).
  const timeNotes: string[] = [];
  const time = waAppleTime('ZMESSAGEDATE', 'placeholder', row['zmessagedate'], row['zmessagedate__text']);
  isoNoting(time, timeNotes);
  putExtra(extra, 'sentAt', isoNoting(waAppleTime('ZSENTDATE', 'not set', row['zsentdate']), timeNotes));
  putExtra(extra, 'replyToMessage', integerValue(row['zparentmessage']));
  const quote = quoteFromMetadata(blobValue(row['mi_zmetadata']));
  if (quote !== null) {
    putExtra(extra, 'replyToKeyId', quote.stanzaId);
    putExtra(extra, 'quote', quote.text);
    if (quote.senderJid !== null) extra['quoteAuthor'] = { sender: people.nameOf(quote.senderJid), senderId: people.idOf(quote.senderJid) };
  }
  putExtra(extra, 'groupEventType', integerValue(row['zgroupeventtype']));
  if (flagValue(row['zstarred'])) extra['starred'] = true;
  if (((integerValue(row['zflags']) ?? 0) & FLAG_FORWARDED) !== 0) extra['forwarded'] = true;
  putExtra(extra, 'mediaUrl', nonEmptyText(row['mi_zmediaurl']));
  const preview = Object.fromEntries(DATA_ITEM_COLUMNS.map((column) => [column.slice(1).toLowerCase(), nonEmptyText(row[`di_${column.toLowerCase()}`])]).filter(([, value]) => value !== null));
  if (Object.keys(preview).length > 0) extra['linkPreview'] = preview;

  let text = textValue(row['ztext']) ?? '';
  if (type.deleted === true && MESSAGE_ID_LIKE.test(text)) {
    // A deleted message's ZTEXT holds an id of WhatsApp's, not the words [source: a WhatsApp-for-Mac
    // exporter's reading of a real store; Whatsapp-Chat-Exporter shows no text either]: kept, not
    // shown as said. Words (a space, no digit) stay the text: they are searchable, and no one read them as an id.
    extra['otherText'] = { column: 'ZTEXT', text, note: 'a deleted message: an id, not shown as its text' };
    text = '';
  }
  const attachments: ParsedAttachment[] = [];
  const caption = nonEmptyText(row['mi_ztitle']);
  const call = typeCode === IOS_CALL_TYPE ? callFromMetadata(blobValue(row['mi_zmetadata'])) : null;
  // Whether the text shown is words this reader wrote (a call's sentence, a notice, a poll's lines,
  // a place's or a card's name), not ZTEXT as someone wrote it: marked extra.textGenerated.
  let generated = false;
  // ZTEXT of a call or a notice, quoted after the line written: kept apart as stored too.
  const storedText = text;
  if (call !== null) {
    text = iosCallText(call, fromMe) + (text === '' ? '' : `: ${text}`);
    generated = true;
    extra['call'] = { video: call.video, outcome: call.outcome, durationSeconds: call.durationSeconds, column: 'ZWAMEDIAITEM.ZMETADATA' };
    if (call.participantJids.length > 0) extra['callParticipants'] = call.participantJids.map((jid) => ({ name: people.nameOf(jid), id: people.idOf(jid) }));
  } else if (type.system === true) {
    text = iosEventText(typeCode, integerValue(row['zgroupeventtype'])) + (text === '' ? '' : `: ${text}`);
    generated = true;
  } else if (type.mediaType !== undefined) {
    if (text === '' && caption !== null) {
      text = caption;
      // A location's ZTITLE is its place's name, not a caption anyone wrote.
      generated = type.mediaType === 'location';
    }
    // ZTEXT is shown; a ZTITLE caption that says something else is kept beside it, not lost.
    // (A location's ZTITLE is its place name, kept in extra.location.)
    else if (caption !== null && caption.trim() !== text.trim() && type.mediaType !== 'location') extra['otherText'] = { column: 'ZTITLE', text: caption };
    if (type.mediaType === 'location') putExtra(extra, 'location', iosPlace(numberValue(row['mi_zlatitude']), numberValue(row['mi_zlongitude']), caption));
    if (type.mediaType === 'contact') {
      const { names, cards } = contactCards(nonEmptyText(row['mi_zvcardname']), nonEmptyText(row['mi_zvcardstring']));
      if (text === '' && names.length > 0) {
        text = names.join(', ');
        generated = true;
      }
      cards.forEach((card, index) => {
        const bytes = new TextEncoder().encode(card);
        attachments.push({ kind: 'attached', mediaType: 'contact', mimeType: 'text/vcard', fileName: `${names[index] ?? 'contact'}.vcf`, bytes, size: bytes.byteLength });
      });
      if (cards.length > 1) extra['contactCards'] = cards.length;
    }
    if (isFileMedia(type.mediaType)) {
      attachments.push(mediaItemAttachment(row, type.mediaType, extra));
      putExtra(extra, 'durationSeconds', integerValue(row['mi_zmovieduration']) || null);
    }
  } else if (nonEmptyText(row['mi_zmedialocalpath']) !== null) {
    // A type code we cannot name (or one that names no file) whose media item holds a file: the file is evidence.
    attachments.push(mediaItemAttachment(row, 'unknown', extra));
  }
  const reactionChat = { chatJid: session?.jid ?? null, members: session?.members ?? [], chatName: session?.name ?? null, people };
  Object.assign(extra, iosReactionFacts(row, reactionChat, timeNotes));
  const poll = typeCode === IOS_POLL_TYPE ? iosPollFacts(row, reactionChat, { fromMe, sender, senderId: authorJid === null ? null : people.idOf(authorJid) }) : null;
  if (poll !== null) {
    extra['poll'] = poll.poll;
    text = [text === '' ? poll.question ?? '' : text, ...poll.lines].filter((line) => line !== '').join('\n');
    // The question is the sender's; the option lines and vote counts are this reader's (the options are in extra.poll).
    generated = poll.lines.length > 0 || generated;
  }
  if (generated && text !== '') {
    extra['textGenerated'] = true;
    if ((call !== null || type.system === true) && storedText !== '') extra['storedText'] = { column: 'ZTEXT', text: storedText };
  }
  if (timeNotes.length > 0) extra['timeNotes'] = timeNotes;
  return {
    chatKey,
    kind: type.system === true ? 'system' : 'message',
    sender,
    senderId: authorJid === null ? null : people.idOf(authorJid),
    direction: fromMe ? 'outgoing' : 'incoming',
    time: time.time,
    timestampText: time.timestampText,
    text,
    attachments,
    deleted: type.deleted === true,
    edited: false,
    locator: sqliteRowLocator(file, 'ZWAMESSAGE', row),
    extra,
  };
}

/**
 * A contact message's names and vCards. Several contacts in one message are joined with WhatsApp's
 * separators; with one more name than cards, the first name titles the group of them.
 */
function contactCards(nameField: string | null, cardField: string | null): { names: string[]; cards: string[] } {
  const names = nameField === null ? [] : nameField.split(VCARD_NAME_SEPARATOR).map((name) => name.trim()).filter((name) => name !== '');
  const cards = cardField === null ? [] : cardField.split(VCARD_SEPARATOR).map((card) => card.trim()).filter((card) => card.startsWith('BEGIN:VCARD'));
  if (names.length === cards.length + 1 && cards.length > 1) return { names: names.slice(1), cards };
  return { names, cards };
}

/** The file a message's ZWAMEDIAITEM names: attached when it has a local path, else omitted (never downloaded). */
function mediaItemAttachment(row: Row, mediaType: MediaType, extra: Record<string, unknown>): ParsedAttachment {
  const path = nonEmptyText(row['mi_zmedialocalpath']);
  const attachment: ParsedAttachment = { kind: path === null ? 'omitted' : 'attached', mediaType };
  if (path !== null) {
    // Relative to Message/ in the app group folder: placed below the database's folder; a
    // flattened copy may hold Media/ beside the database instead.
    attachment.path = placedIosMediaPath(path);
    if (attachment.path !== path && !path.startsWith('/')) attachment.alternativePaths = [path];
    attachment.fileName = path.split('/').pop() ?? path;
    if (attachment.path !== path) extra['mediaPathInDatabase'] = path;
  }
  const size = integerValue(row['mi_zfilesize']);
  if (size !== null && size > 0) attachment.size = size;
  return attachment;
}

/**
 * A location item's place: its coordinates and name (ZTITLE). 0, 0 or NULL coordinates are no
 * position (a venue shared without a fix, or a damaged row): a named place keeps its name with its
 * position unknown, rather than being placed at 0, 0 or dropped.
 */
function iosPlace(latitude: number | null, longitude: number | null, name: string | null): Record<string, unknown> | null {
  if (latitude !== null && longitude !== null && !(latitude === 0 && longitude === 0)) return { latitude, longitude, name };
  if (name === null) return null;
  const held = latitude === null || longitude === null ? 'no coordinates' : 'coordinates 0, 0';
  return { latitude: null, longitude: null, name, positionNote: `position unknown: the row holds ${held}` };
}

/**
 * LEFT JOINs for the side tables, adding their columns to `select`. Media items are linked from the
 * message (ZWAMESSAGE.ZMEDIAITEM) in real stores, and from the item (ZWAMEDIAITEM.ZMESSAGE) in some.
 */
function sideTableJoins(db: Database, select: string[]): string {
  const message = columnsOf(db, 'ZWAMESSAGE');
  const columns = (table: string): Set<string> => (hasTable(db, table) ? columnsOf(db, table) : new Set<string>());
  const media = columns('ZWAMEDIAITEM');
  const member = columns('ZWAGROUPMEMBER');
  const dataItem = columns('ZWAMESSAGEDATAITEM');
  const info = columns('ZWAMESSAGEINFO');
  select.push(...selectExpressions(media, 'mi', MEDIA_COLUMNS, 'mi_'));
  select.push(...selectExpressions(info, 'inf', INFO_COLUMNS, 'inf_'));
  select.push(...selectExpressions(member, 'gm', MEMBER_COLUMNS, 'gm_'));
  select.push(...selectExpressions(dataItem, 'di', DATA_ITEM_COLUMNS, 'di_'));
  const joins: string[] = [];
  if (media.has('z_pk') && message.has('zmediaitem')) joins.push('LEFT JOIN ZWAMEDIAITEM AS mi ON mi.Z_PK = t.ZMEDIAITEM');
  else if (media.has('zmessage')) joins.push('LEFT JOIN ZWAMEDIAITEM AS mi ON mi.ZMESSAGE = t.rowid');
  if (member.has('z_pk') && message.has('zgroupmember')) joins.push('LEFT JOIN ZWAGROUPMEMBER AS gm ON gm.Z_PK = t.ZGROUPMEMBER');
  if (dataItem.has('zmessage')) joins.push('LEFT JOIN ZWAMESSAGEDATAITEM AS di ON di.ZMESSAGE = t.rowid');
  // Like media items: linked from the message (ZWAMESSAGE.ZMESSAGEINFO), or from the info row (ZMESSAGE).
  if (info.has('z_pk') && message.has('zmessageinfo')) joins.push('LEFT JOIN ZWAMESSAGEINFO AS inf ON inf.Z_PK = t.ZMESSAGEINFO');
  else if (info.has('zmessage')) joins.push('LEFT JOIN ZWAMESSAGEINFO AS inf ON inf.ZMESSAGE = t.rowid');
  return joins.join(' ');
}

function chatKeyFor(sessionId: number | null, sessions: Map<number, Session>, people: IosPeople, registry: ChatRegistry, peerJid: string | null = null): string {
  const known = sessionId === null ? undefined : sessions.get(sessionId);
  const session: Session | undefined = known ?? (peerJid === null ? undefined : { jid: peerJid, name: null, type: peerJid.endsWith('@g.us') ? 1 : 0 });
  const key = session?.jid !== null && session?.jid !== undefined ? `jid:${session.jid}` : `session:${sessionId ?? 'unknown'}`;
  registry.ensure(key, () => ({
    key,
    title: session?.name ?? (session?.jid === null || session?.jid === undefined ? 'Unknown chat' : people.idOf(session.jid)),
    kind: SESSION_KINDS[(session?.type ?? 2) as keyof typeof SESSION_KINDS] ?? 'unknown',
    participants: session?.jid !== null && session?.jid !== undefined && session.type === 0 ? [{ name: session.name ?? people.knownName(session.jid), id: people.idOf(session.jid) }] : session?.members ?? [],
  }));
  return key;
}

/** ZSESSIONTYPE 2 (broadcast list) or 3 (status), or a session whose jid is a broadcast one. */
function isBroadcastSession(session: Session | undefined): boolean {
  return session?.type === SESSION_TYPE_BROADCAST || session?.type === SESSION_TYPE_STATUS || (session?.jid ?? '').endsWith('@broadcast');
}

/** ZWAMESSAGE.ZPUSHNAME when it is not a plain name (wrapped, or metadata): kept as stored, saying what it is. */
function putStoredPushName(extra: Record<string, unknown>, value: string | null): void {
  const read = readStoredPushName(value);
  if (read === null || read.kind === 'name') return;
  extra['pushNameStored'] = read.kind === 'wrapped'
    ? { value, name: read.name, note: 'ZPUSHNAME holds the name wrapped (base64 of a protobuf)' }
    : { value, note: 'ZPUSHNAME holds no name (base64 of a protobuf of numbers)' };
}
