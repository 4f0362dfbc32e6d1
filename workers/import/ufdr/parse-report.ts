/**
 * Cellebrite `report.xml`, streamed chunk by chunk through the shared UTF-8 decoder, the
 * DOCTYPE/ENTITY prefilter of the SMS XML importer, and saxes. Chats and their messages are
 * emitted as each message model closes; nothing larger than one model is held.
 *
 * Bad XML does not cost what was read: a report cut short (a truncated copy, a full disk during
 * export) keeps every message before the break, the message the break cut becomes an 'unparsed'
 * record with its raw text, and a warning gives the line and column.
 */

import type { ParsedChat, ParsedMessage, ParseOutcome, ParserInput, ParseSink, SourceLocator } from '../../../shared/contracts/parsed-source.ts';
import { AppError } from '../../../shared/errors.ts';
import { EntityDeclarationError, PrologueTooLongError, XmlPrefilter } from '../sms-xml/xml-prefilter.ts';
import { PROGRESS_EVERY_RECORDS, WarningLimiter } from '../telegram/import-limits.ts';
import { describeUtf8Problems, Utf8ChunkDecoder } from '../telegram/utf8-chunks.ts';
import { addParticipant, chatKeyOf, chatOf, standaloneGroup } from './chats.ts';
import type { ChatHeader } from './chats.ts';
import { FileIndex, taggedFileOf } from './file-index.ts';
import { fieldText, newNode } from './model-tree.ts';
import type { Party, XmlNode } from './model-tree.ts';
import { instantMessage } from './records.ts';
import { ReportFacts } from './report-facts.ts';
import { MAX_MODEL_CHARS, ReportReader } from './report-reader.ts';
import type { Capture, ReaderEvents } from './report-reader.ts';
import { isProtectedReport } from './sniff.ts';

export const UFDR_PARSER_VERSION = '1.0.0';

export async function parseUfdrReport(input: ParserInput, sink: ParseSink): Promise<ParseOutcome> {
  const file = input.displayName;
  const warnings = new WarningLimiter(sink, file);
  const decoder = new Utf8ChunkDecoder();
  const prefilter = new XmlPrefilter();
  const files = new FileIndex();
  const facts = new ReportFacts();
  const ready: ParsedMessage[] = [];
  const announced = new Set<string>();
  const stats = { messages: 0, standalone: 0, unparsed: 0, deleted: 0, attachments: 0, attachmentsWithDigests: 0, unresolvedFileRefs: 0, chats: 0, contacts: 0, userAccounts: 0 };
  const state: { root: string | null; chat: ChatHeader | null } = { root: null, chat: null };

  const announce = (chat: ParsedChat): void => {
    if (announced.has(chat.key)) return;
    announced.add(chat.key);
    sink.chat(chat);
  };

  const emit = (model: XmlNode, chatKey: string, participants: Party[], app: string | null, capture: Capture, raw: string): void => {
    const locator: SourceLocator = { kind: 'xml-path', file, path: capture.path, line: capture.root.line, column: capture.root.column };
    const place = `${file}:${capture.root.line}:${capture.root.column}`;
    let message: ParsedMessage;
    if (capture.oversized) {
      message = unparsed(chatKey, raw, locator, `the model is larger than ${MAX_MODEL_CHARS} characters`);
    } else {
      try {
        const result = instantMessage(model, { chatKey, locator, files, participants, app });
        for (const note of result.notes) warnings.add('record', place, note);
        message = result.message.kind === 'unparsed' ? { ...result.message, text: raw } : result.message;
      } catch (error) {
        // A model the mapper cannot read must not stop the import; the examiner gets its raw text.
        message = unparsed(chatKey, raw, locator, `the model could not be read: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (message.kind === 'unparsed') stats.unparsed += 1;
    if (message.deleted) stats.deleted += 1;
    for (const attachment of message.attachments) {
      stats.attachments += 1;
      if (attachment.vendorDigests !== undefined) stats.attachmentsWithDigests += 1;
    }
    const refs = message.extra?.['files'];
    if (Array.isArray(refs)) stats.unresolvedFileRefs += refs.filter((ref: { inReport?: boolean; fileId?: unknown }) => ref.inReport === false && ref.fileId !== null).length;
    ready.push(message);
  };

  const messageCapture = (capture: Capture, raw: string): void => {
    if (capture.kind === 'message' && state.chat !== null) {
      announce(chatOf(state.chat));
      emit(capture.root, chatKeyOf(state.chat), state.chat.participants, fieldText(state.chat.fields, 'Source'), capture, raw);
    } else {
      const group = standaloneGroup(capture.root, files);
      announce(group.chat);
      stats.standalone += 1;
      emit(capture.root, group.key, group.parties, null, capture, raw);
    }
  };

  const events: ReaderEvents = {
    root(name, attrs) {
      state.root = name;
      if (name !== 'project') reader.fault ??= { line: reader.parser.line, column: reader.parser.column, message: `the root element is <${name}>, not a Cellebrite <project>` };
      facts.setProject(attrs);
    },
    chat(path, attrs) {
      if (path !== null) {
        stats.chats += 1;
        facts.count('Chat');
        state.chat = { fields: newNode('model', attrs, 0, 0), participants: [], modelId: attrs['id'] ?? null, path };
        return;
      }
      // A chat without messages is still evidence that the conversation existed.
      if (state.chat !== null) announce(chatOf(state.chat));
      state.chat = null;
    },
    model: (type) => facts.count(type),
    captured(capture, raw) {
      const { root } = capture;
      if (capture.kind === 'file') files.add(taggedFileOf(root));
      else if (capture.kind === 'header') facts.header(root);
      else if (capture.kind === 'chat-field') state.chat?.fields.children.push(root);
      else if (capture.kind === 'participant' && state.chat !== null) addParticipant(state.chat, root, files);
      else if (capture.kind === 'message' || capture.kind === 'standalone') messageCapture(capture, raw);
      else if (capture.kind === 'contact' || capture.kind === 'account') {
        if (capture.kind === 'contact') stats.contacts += 1;
        else stats.userAccounts += 1;
        facts.person(root, capture.kind === 'account', files);
      }
    },
    recoverable: (place, detail) => warnings.add('xml-character', `${file}:${place.line}:${place.column}`, `${detail} The text is kept as written.`),
  };
  const reader = new ReportReader(file, events);

  const flush = async (): Promise<void> => {
    for (const message of ready.splice(0, ready.length)) {
      stats.messages += 1;
      await sink.message(message);
      if (stats.messages % PROGRESS_EVERY_RECORDS === 0) sink.throwIfCancelled();
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
      reader.feed(prefilter.push(decoder.decode(chunk)));
      await flush();
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

  const stopped = reader.fault;
  if (stopped !== null) {
    const cut = reader.capture;
    if (cut !== null && (cut.kind === 'message' || cut.kind === 'standalone')) {
      const raw = reader.rawOfOpenCapture();
      const key = cut.kind === 'message' && state.chat !== null ? chatKeyOf(state.chat) : standaloneGroup(cut.root, files).key;
      if (cut.kind === 'message' && state.chat !== null) announce(chatOf(state.chat));
      else announce(standaloneGroup(cut.root, files).chat);
      stats.unparsed += 1;
      ready.push(unparsed(key, raw, { kind: 'xml-path', file, path: cut.path, line: cut.root.line, column: cut.root.column }, `the XML breaks inside this model (${stopped.message} at line ${stopped.line}, column ${stopped.column})`));
    } else if (state.chat !== null) {
      announce(chatOf(state.chat));
    }
    await flush();
    if (state.root !== 'project' || (stats.messages === 0 && announced.size === 0 && files.indexed === 0)) {
      throw new AppError('E_IMPORT_FORMAT', `${file}:${stopped.line}:${stopped.column}: ${stopped.message}; nothing could be read before it`);
    }
    sink.warning({ place: `${file}:${stopped.line}:${stopped.column}`, message: `bad XML: ${stopped.message}; reading stopped there: the ${stats.messages - stats.unparsed} messages before it were imported, anything after it was not` });
  }
  if (state.root === null) throw new AppError('E_IMPORT_FORMAT', `${file}: no XML element found; this is not a Cellebrite report`);
  if (prefilter.loneSurrogates > 0) sink.warning({ place: file, message: `${prefilter.loneSurrogates} character references to a lone UTF-16 surrogate were read as U+FFFD` });
  if (prefilter.doctype !== null) sink.warning({ place: file, message: `the file has a DOCTYPE (${prefilter.doctype.slice(0, 200)}), which Cellebrite does not write; it was ignored` });
  if (files.notIndexed > 0) sink.warning({ place: file, message: `${files.notIndexed} taggedFiles entries beyond the first ${files.indexed} were not indexed; their attachments use the path the message names, without vendor digests` });
  const utf8 = describeUtf8Problems(decoder.report);
  if (utf8 !== null) sink.warning({ place: file, message: utf8 });
  warnings.finish();
  sink.progress(decoder.bytesDone, input.size);
  const version = typeof facts.project['reportVersion'] === 'string' ? facts.project['reportVersion'] : null;
  return {
    formatVersion: version === null ? 'cellebrite-report-2.0' : `cellebrite-report-2.0 (reportVersion ${version})`,
    details: {
      project: facts.project,
      extractions: facts.extractions,
      caseInformation: facts.caseInformation,
      metadata: facts.sections,
      modelCounts: facts.modelCounts(),
      ...stats,
      messages: stats.messages - stats.unparsed,
      conversations: announced.size,
      taggedFiles: files.indexed + files.notIndexed,
      userAccountList: facts.accounts,
      surrogatePairsJoined: prefilter.joinedPairs,
      complete: stopped === null,
      invalidUtf8Sequences: decoder.report.invalidSequences,
    },
  };
}

function unparsed(chatKey: string, raw: string, locator: SourceLocator, reason: string): ParsedMessage {
  return { chatKey, kind: 'unparsed', sender: null, time: null, timestampText: '', text: raw, attachments: [], deleted: false, edited: false, locator, reason };
}
