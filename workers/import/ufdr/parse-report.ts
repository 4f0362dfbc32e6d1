/**
 * Cellebrite `report.xml`, streamed chunk by chunk through the shared UTF-8 decoder, the
 * DOCTYPE/ENTITY prefilter of the SMS XML importer, and saxes. Chats and their messages, SMS,
 * MMS, Email, Call and UserAccount models are emitted as each model closes (report-records.ts);
 * nothing larger than one model is held, except the bounded messages of a Chat whose header
 * comes after them (chat-hold.ts). A fragment (a <model> or <modelType> copied out of a
 * report, as tools and bug reports pass them around) is read like the same models in a report.
 *
 * Bad XML does not cost what was read: a report cut short (a truncated copy, a full disk during
 * export) keeps every message before the break, the message the break cut becomes an 'unparsed'
 * record with its raw text, and a warning gives the line and column.
 */

import type { ParseOutcome, ParserInput, ParseSink } from '../../../shared/contracts/parsed-source.ts';
import { AppError } from '../../../shared/errors.ts';
import { EntityDeclarationError, PrologueTooLongError, XmlPrefilter } from '../sms-xml/xml-prefilter.ts';
import { PROGRESS_EVERY_RECORDS, WarningLimiter } from '../import-limits.ts';
import { feedInSlices } from '../feed-in-slices.ts';
import { describeUtf8Problems, Utf8ChunkDecoder } from '../telegram/utf8-chunks.ts';
import { attachmentPresence } from './attachment-presence.ts';
import type { AttachmentPresence } from './attachment-presence.ts';
import { MAX_HELD_CHARS, MAX_HELD_MODELS } from './chat-hold.ts';
import { addParticipant, chatAtEnd, chatDeletedState, chatKeyOf, headerReady, missingHeader, newChatHeader } from './chats.ts';
import type { ChatHeader } from './chats.ts';
import { FileIndex, taggedFileOf } from './file-index.ts';
import { newNode } from './model-tree.ts';
import { ReportFacts } from './report-facts.ts';
import { FRAGMENT_ROOTS, ReportReader } from './report-reader.ts';
import type { Capture, ReaderEvents } from './report-reader.ts';
import { ReportRecords } from './report-records.ts';
import type { RecordStats } from './report-records.ts';
import { isProtectedReport } from './sniff.ts';
import { prescanTaggedFiles } from './tagged-files-prepass.ts';
import { StampReader } from './date-order.ts';
import type { DateOrderDecision } from './date-order.ts';
import { prescanDateOrder } from './date-prescan.ts';
import type { TaggedFilesOrder } from './tagged-files-prepass.ts';

export const UFDR_PARSER_VERSION = '1.28.0';

export async function parseUfdrReport(input: ParserInput, sink: ParseSink, options: { dateOrder?: 'dmy' | 'mdy' | 'ymd' } = {}): Promise<ParseOutcome> {
  const files = new FileIndex();
  // taggedFiles written after decodedData are indexed first, so attachments link in either order.
  const taggedFilesOrder = await prescanTaggedFiles(input, files, sink);
  const dates = await dateOrderOf(input, sink, options.dateOrder);
  const presence = await attachmentPresence(input.path);
  try {
    return await readReport(input, sink, files, taggedFilesOrder, presence, new StampReader(dates));
  } finally {
    presence?.close();
  }
}

/**
 * The examiner's choice, else the report's own evidence. 'ymd' is no choice here: UFDR numeric
 * dates write the year last, so the report's evidence decides.
 */
async function dateOrderOf(input: ParserInput, sink: ParseSink, chosen: 'dmy' | 'mdy' | 'ymd' | undefined): Promise<DateOrderDecision> {
  if (chosen === 'dmy' || chosen === 'mdy') return { order: chosen, source: 'override', evidence: 'set by the caller' };
  return prescanDateOrder(input, sink);
}

async function readReport(input: ParserInput, sink: ParseSink, files: FileIndex, taggedFilesOrder: TaggedFilesOrder, presence: AttachmentPresence | null, stamps: StampReader): Promise<ParseOutcome> {
  const prefilled = taggedFilesOrder === 'after';
  const file = input.displayName;
  const warnings = new WarningLimiter(sink, file);
  const decoder = new Utf8ChunkDecoder();
  const prefilter = new XmlPrefilter();
  const facts = new ReportFacts();
  const records = new ReportRecords(file, sink, warnings, files, presence, stamps);
  const counts = { chats: 0, contacts: 0, userAccounts: 0 };
  const state: { root: string | null; chat: ChatHeader | null } = { root: null, chat: null };

  const events: ReaderEvents = {
    root(name, attrs) {
      state.root = name;
      if (name !== 'project' && !FRAGMENT_ROOTS.has(name)) reader.fault ??= { line: reader.parser.line, column: reader.parser.column, message: `the root element is <${name}>, not a Cellebrite <project> (or a <model> or <modelType> copied out of one)` };
      if (FRAGMENT_ROOTS.has(name)) records.fragment = true;
      facts.setProject(name === 'project' ? attrs : {});
    },
    chat(path, attrs, at) {
      if (path !== null) {
        counts.chats += 1;
        facts.count('Chat');
        state.chat = newChatHeader(newNode('model', attrs, at?.line ?? 0, at?.column ?? 0), attrs['id'] ?? null, path);
        return;
      }
      if (state.chat !== null) closeChat(state.chat);
      state.chat = null;
    },
    model: (type) => facts.count(type),
    captured(capture, raw) {
      const { root } = capture;
      if (capture.kind === 'file') {
        if (!prefilled) files.add(taggedFileOf(root));
      } else if (capture.kind === 'header') facts.header(root);
      else if (capture.kind === 'chat-field') state.chat?.fields.children.push(root);
      else if (capture.kind === 'participant' && state.chat !== null) addParticipant(state.chat, root, files);
      else if ((capture.kind === 'message' || capture.kind === 'activity') && state.chat !== null) holdOrEmit(state.chat, capture, raw);
      else if (capture.kind === 'standalone') records.instantMessage(capture, raw, null);
      else if (capture.kind === 'record') records.record(capture, raw);
      else if (capture.kind === 'contact') {
        counts.contacts += 1;
        facts.person(root, false, files);
      } else if (capture.kind === 'account') {
        counts.userAccounts += 1;
        records.account(capture, raw, capture.oversized ? null : facts.person(root, true, files));
      }
    },
    recoverable: (place, detail) => warnings.add('xml-character', `${file}:${place.line}:${place.column}`, `${detail} The text is kept as written.`),
  };
  const reader = new ReportReader(file, events);

  const emitter = (chat: ChatHeader) => (capture: Capture, raw: string): void => {
    if (capture.kind === 'message') records.instantMessage(capture, raw, chat);
    else records.activity(capture, raw, chat);
  };
  function holdOrEmit(chat: ChatHeader, capture: Capture, raw: string): void {
    const missing = missingHeader(chat);
    if (!chat.hold.add(capture, raw, () => headerReady(chat), emitter(chat))) return;
    warnings.add('chat-header', `${file}:${capture.root.line}:${capture.root.column}`, `the Chat's ${missing.length > 0 ? missing.join(', ') : 'header'} had not come after its first ${MAX_HELD_MODELS} messages, or ${MAX_HELD_CHARS} characters of them; its messages are filed under "${chatKeyOf(chat)}", and the header written later adds participants and the title but does not change the chat's key or its messages`);
  }
  /** The Chat model ended: its held messages, then the chat itself (with no messages it is still evidence that the conversation existed). */
  function closeChat(chat: ChatHeader): void {
    chat.hold.release(emitter(chat));
    const end = chatAtEnd(chat);
    records.announce(end.chat, end.again);
    records.chatEnded(chat);
    warnDeletedChat(chat, end.chat.title);
  }
  /**
   * A Chat the report marks deleted: the contract has no chat-level deleted field, so its records
   * carry extra.chatDeletedState (report-records.ts) and this one warning names the chat.
   */
  function warnDeletedChat(chat: ChatHeader, title: string): void {
    const stated = chatDeletedState(chat);
    if (stated === null) return;
    warnings.add('deleted-chat', `${file}:${chat.fields.line}:${chat.fields.column}`, `the Chat "${title}" (${chat.path}) is marked deleted_state="${stated}" by the report: the conversation itself was deleted on the phone; each of its records keeps this in extra.chatDeletedState, and each message keeps its own deleted flag`);
  }

  const flush = async (): Promise<void> => {
    for (const message of records.ready.splice(0, records.ready.length)) {
      records.stats.messages += 1;
      await sink.message(message);
      if (records.stats.messages % PROGRESS_EVERY_RECORDS === 0) sink.throwIfCancelled();
    }
  };

  try {
    let first = true;
    for await (const chunk of input.stream()) {
      if (first && isProtectedReport(chunk, file)) {
        throw new AppError('E_IMPORT_FORMAT', `${file}: this is the report.xml of a password-protected UFDR (it is encrypted); export an unprotected UFDR or a Physical Analyzer XML report and import that. Nothing was imported.`);
      }
      first = false;
      sink.throwIfCancelled();
      await feedInSlices(decoder.decode(chunk), (slice) => reader.feed(prefilter.push(slice)), flush, () => reader.fault !== null);
      sink.progress(decoder.bytesDone, input.size);
      if (reader.fault !== null) break;
    }
    if (reader.fault === null) {
      reader.feed(prefilter.push(decoder.end()));
      reader.feed(prefilter.end());
      reader.end();
    }
    await flush();
  } catch (error) {
    if (error instanceof EntityDeclarationError) {
      throw new AppError('E_IMPORT_FORMAT', `${file}:${error.line}: ${error.message}. Files that declare entities are refused, because entity expansion is a known attack (billion laughs, external entities); Cellebrite never writes a DOCTYPE. Nothing was imported.`);
    }
    if (error instanceof PrologueTooLongError) throw new AppError('E_IMPORT_FORMAT', `${file}: ${error.message}; this is not a Cellebrite report`);
    throw error;
  }

  const { stats } = records;
  const fragment = state.root !== null && FRAGMENT_ROOTS.has(state.root);
  const stopped = reader.fault;
  if (stopped !== null) {
    const cut = reader.capture;
    // Messages held for a header the break cut off are mapped with what was read of it.
    if (state.chat !== null) state.chat.hold.release(emitter(state.chat));
    if (cut !== null && (cut.kind === 'message' || cut.kind === 'activity' || cut.kind === 'standalone' || cut.kind === 'record' || cut.kind === 'account')) {
      records.cut(cut, reader.rawOfOpenCapture(), state.chat, `the XML breaks inside this model (${stopped.message} at line ${stopped.line}, column ${stopped.column})`);
    }
    if (state.chat !== null) {
      const end = chatAtEnd(state.chat);
      records.announce(end.chat, end.again);
      records.chatEnded(state.chat);
      warnDeletedChat(state.chat, end.chat.title);
    }
    await flush();
    if ((state.root !== 'project' && !fragment) || (stats.messages === 0 && records.announced.size === 0 && files.indexed === 0)) {
      throw new AppError('E_IMPORT_FORMAT', `${file}:${stopped.line}:${stopped.column}: ${stopped.message}; nothing could be read before it`);
    }
    sink.warning({ place: `${file}:${stopped.line}:${stopped.column}`, message: `bad XML: ${stopped.message}; reading stopped there: the ${stats.messages - stats.unparsed} records before it were imported, anything after it was not` });
  }
  if (state.root === null) throw new AppError('E_IMPORT_FORMAT', `${file}: no XML element found; this is not a Cellebrite report`);
  if (prefilter.loneSurrogates > 0) sink.warning({ place: file, message: `${prefilter.loneSurrogates} character references to a lone UTF-16 surrogate were read as U+FFFD` });
  const { guard } = reader;
  if (guard.escaped > 0) {
    sink.warning({ place: `${file}:${guard.firstEscapedLine ?? 1}`, message: `${guard.escaped} '<' characters inside field values are not escaped in the report (Physical Analyzer writes some values so, a Password model's Data above all); they were read as text` });
  }
  if (prefilter.doctype !== null) sink.warning({ place: file, message: `the file has a DOCTYPE (${prefilter.doctype.slice(0, 200)}), which Cellebrite does not write; it was ignored` });
  if (fragment && (stats.unresolvedFileRefs > 0 || stats.missingAttachmentFiles > 0)) {
    sink.warning({ place: file, message: `this is a fragment of a report.xml (its root is <${state.root ?? ''}>), without the report's taggedFiles: ${stats.unresolvedFileRefs} attachment file references could not be linked to vendor digests, and ${stats.missingAttachmentFiles} attachment files are not beside it` });
  }
  const noTime = describeNoTime(records, stamps, file);
  if (noTime !== null) sink.warning({ place: file, message: noTime });
  if (files.notIndexed > 0) sink.warning({ place: file, message: `${files.notIndexed} taggedFiles entries beyond the first ${files.indexed} were not indexed; their attachments use the path the message names, without vendor digests` });
  const unreferenced = stopped === null ? unreferencedEntries(presence, files) : null;
  if (unreferenced !== null && unreferenced.length > 0) sink.warning({ place: file, message: describeUnreferenced(unreferenced) });
  const utf8 = describeUtf8Problems(decoder.report);
  if (utf8 !== null) sink.warning({ place: file, message: utf8 });
  warnings.finish();
  sink.progress(decoder.bytesDone, input.size);
  const version = typeof facts.project['reportVersion'] === 'string' ? facts.project['reportVersion'] : null;
  const rootModel = fragment ? ` fragment (<${state.root ?? ''}${reader.rootType === null ? '' : ` type="${reader.rootType}"`}>)` : '';
  return {
    formatVersion: `cellebrite-report-2.0${version === null ? '' : ` (reportVersion ${version})`}${rootModel}`,
    details: {
      fragment,
      taggedFilesOrder,
      dateOrder: stamps.decision.order,
      dateOrderSource: stamps.decision.source,
      dateOrderEvidence: stamps.decision.evidence,
      dateOrderConflicts: stamps.conflicts,
      chatTimes: records.chatTimes,
      ...(records.chatTimesNotKept === 0 ? {} : { chatTimesNotKept: records.chatTimesNotKept }),
      project: facts.project,
      extractions: facts.extractions,
      caseInformation: facts.caseInformation,
      metadata: facts.sections,
      modelCounts: facts.modelCounts(),
      ...counts,
      ...stats,
      ...recordStats(stats),
      conversations: records.announced.size,
      taggedFiles: files.indexed + files.notIndexed,
      userAccountList: facts.accounts,
      surrogatePairsJoined: prefilter.joinedPairs,
      unescapedValueLessThans: guard.escaped,
      complete: stopped === null,
      ...(unreferenced === null ? {} : { unreferencedEntries: unreferenced.length, unreferencedEntryNames: unreferenced.slice(0, MAX_LISTED_UNREFERENCED) }),
      invalidUtf8Sequences: decoder.report.invalidSequences,
    },
  };
}

/**
 * The one year-0001 warning: records whose own time is "no time", and the times beside them
 * (read, delivered, a chat's start, a file's times) that are. Those do not leave a record timeless.
 */
function describeNoTime(records: ReportRecords, stamps: StampReader, file: string): string | null {
  const { noTime, sideNoTime } = records;
  const own = noTime.count > 0 ? `${noTime.count} time stamps are 0001-01-01 (first at ${noTime.first ?? file}), Physical Analyzer's "no time": those records have no time, and keep the stamp as written` : null;
  const side = stamps.sideNoTimes > 0 ? `${stamps.sideNoTimes} other time stamps (read, delivered, file times…) are 0001-01-01 (first at ${sideNoTime.first ?? file}), Physical Analyzer's "no time": they are kept as written, without a UTC reading` : null;
  if (own === null) return side;
  return side === null ? own : `${own}; and ${side}`;
}

/** Names of unreferenced zip entries kept in the details; the count says how many there are. */
const MAX_LISTED_UNREFERENCED = 1000;
/** Names given in the warning itself. */
const NAMED_IN_WARNING = 10;

/**
 * The entries of a .ufdr zip (below report.xml's folder) that the report names nowhere: neither a
 * tagged file's Local Path nor an attachment's file. As the engine lists such files beside an
 * unzipped report.xml, so these are named, never passed over in silence. Null when it cannot be
 * said: outside a zip (the engine lists them), or when taggedFiles were not all indexed.
 */
function unreferencedEntries(presence: AttachmentPresence | null, files: FileIndex): string[] | null {
  if (presence === null || files.notIndexed > 0) return null;
  // Attachments were looked up as the messages were read; files no message names are looked up now.
  for (const path of files.localPaths()) presence.has(path);
  return presence.unnamed();
}

/**
 * Files Physical Analyzer writes into a UFDR for its own reader, not taken from the device: the
 * viewer's settings.json, the case database dump and its description under DbData/ (a PostgreSQL
 * dump, "PGDMP"), and the thumbnail cache. Real PA 10.7 UFDRs hold all of them (a public
 * description of five); told apart, so the device files the report skips are not lost among them.
 */
const READER_FILE = /^(?:settings\.json|ThumbnailCache\.s3d[bd]|DbData\/.+)$/iu;

function describeUnreferenced(names: string[]): string {
  const own = names.filter((name) => READER_FILE.test(name));
  const device = names.filter((name) => !READER_FILE.test(name));
  const listed = (list: string[]): string => `${list.slice(0, NAMED_IN_WARNING).join(', ')}${list.length > NAMED_IN_WARNING ? ` and ${list.length - NAMED_IN_WARNING} more (all are listed in the source's details)` : ''}`;
  const readerNote = own.length === 0 ? '' : `${own.length} of them ${own.length === 1 ? 'is a file' : 'are files'} Physical Analyzer writes for its own reader (viewer settings, case database, thumbnail cache), not device data: ${listed(own)}`;
  const head = `${names.length} ${names.length === 1 ? 'entry' : 'entries'} of the UFDR ${names.length === 1 ? 'is' : 'are'} named nowhere in report.xml (no tagged file's Local Path, no attachment), so this report imports nothing from ${names.length === 1 ? 'it' : 'them'}`;
  if (device.length === 0) return `${head}; ${readerNote}`;
  return `${head}: ${listed(device)}${readerNote === '' ? '' : `; ${readerNote}`}`;
}

/** Messages proper (chat, SMS, MMS, email) apart from call, account and chat-activity records. */
function recordStats(stats: RecordStats): Record<string, number> {
  return { messages: stats.messages - stats.unparsed - stats.calls - stats.accountRecords - stats.activities, records: stats.messages };
}
