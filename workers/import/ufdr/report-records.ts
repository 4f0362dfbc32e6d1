/**
 * Turns each captured model into the record(s) it stands for and queues them for the sink:
 * InstantMessages (inside a Chat or standalone), SMS, MMS, Email, Call and UserAccount models.
 * A model the mappers cannot read, or one cut by broken XML, is kept as an 'unparsed' record
 * with its raw text; problems become warnings naming the file, line and XML path.
 */

import type { ParsedChat, ParsedMessage, ParseSink, SourceLocator } from '../../../shared/contracts/parsed-source.ts';
import type { WarningLimiter } from '../import-limits.ts';
import { defineField, truncateRaw } from '../import-limits.ts';
import { unparsedRecord } from '../unparsed-record.ts';
import { accountRecord, ACCOUNTS_CHAT } from './account-records.ts';
import { activityRecord, MAX_TRACKED_MESSAGE_IDS, mirroredMessageId } from './activity-records.ts';
import type { AttachmentPresence } from './attachment-presence.ts';
import type { StampReader } from './date-order.ts';
import { call } from './call-records.ts';
import { chatDeletedState, chatKeyOf, chatOf, standaloneGroup } from './chats.ts';
import type { ChatHeader } from './chats.ts';
import type { FileIndex } from './file-index.ts';
import { OwnerIdentifiers, PartyKeys, sideTimesOf } from './model-facts.ts';
import type { SideTime } from './model-facts.ts';
import { ownCopy, ownCopyOrNull } from '../../../shared/text/own-copy.ts';
import { fieldText } from './model-tree.ts';
import { instantMessage } from './records.ts';
import type { PersonFacts } from './report-facts.ts';
import { MAX_MODEL_CHARS } from './report-reader.ts';
import type { Capture } from './report-reader.ts';
import { email, smsOrMms } from './text-records.ts';
import { isNoTimeStamp } from './ufdr-time.ts';
import type { ConversationRecord, RecordContext } from './text-records.ts';

/** Chats whose own times are kept in the source details; past this they are counted. */
const MAX_CHAT_TIMES = 100_000;

export interface RecordStats {
  messages: number;
  standalone: number;
  sms: number;
  mms: number;
  emails: number;
  calls: number;
  accountRecords: number;
  /** ActivityLog entries recorded on their own, and those skipped as the mirror of a message. */
  activities: number;
  activitiesMirrored: number;
  unparsed: number;
  deleted: number;
  attachments: number;
  attachmentsWithDigests: number;
  unresolvedFileRefs: number;
  missingAttachmentFiles: number;
}

export class ReportRecords {
  readonly ready: ParsedMessage[] = [];
  /** Each chat's key as announced, a copy of its own (ownCopy): kept to the end of the import. */
  readonly announced = new Map<string, string>();
  readonly owner = new OwnerIdentifiers();
  readonly keys = new PartyKeys();
  /**
   * True for a report fragment: it comes without taggedFiles and usually without files, so file
   * problems are only counted here and summed up in one warning at the end.
   */
  fragment = false;
  /** Records whose time stamp is Physical Analyzer's "no time" (year 0001), and where the first is. */
  readonly noTime = { count: 0, first: null as string | null };
  /** The same for the times beside records' own (StampReader.sideNoTimes): where the first is. */
  readonly sideNoTime = { counted: 0, first: null as string | null };
  /** Each Chat's own times (StartTime, LastActivity), for the source details; bounded. */
  readonly chatTimes: { chatKey: string; modelId: string | null; times: Record<string, SideTime> }[] = [];
  chatTimesNotKept = 0;
  readonly stats: RecordStats = { messages: 0, standalone: 0, sms: 0, mms: 0, emails: 0, calls: 0, accountRecords: 0, activities: 0, activitiesMirrored: 0, unparsed: 0, deleted: 0, attachments: 0, attachmentsWithDigests: 0, unresolvedFileRefs: 0, missingAttachmentFiles: 0 };

  constructor(
    private readonly file: string,
    private readonly sink: ParseSink,
    private readonly warnings: WarningLimiter,
    private readonly files: FileIndex,
    private readonly presence: AttachmentPresence | null,
    private readonly stamps: StampReader,
  ) {}

  /** `again`: tell the sink even if announced before (a header read after the chat's first messages). */
  announce(chat: ParsedChat, again = false): void {
    if (this.announced.has(chat.key) && !again) return;
    // Kept to the end of the import (the writer copies what it keeps of the chat itself).
    if (!this.announced.has(chat.key)) {
      const key = ownCopy(chat.key);
      this.announced.set(key, key);
    }
    this.sink.chat(chat);
  }

  /** An InstantMessage model, inside the Chat being read (`chat`) or standalone (null). */
  instantMessage(capture: Capture, raw: string, chat: ChatHeader | null): void {
    if (chat !== null) {
      const id = capture.root.attrs['id'];
      if (id !== undefined && chat.messageIds.size < MAX_TRACKED_MESSAGE_IDS) chat.messageIds.add(id);
      this.announce(chatOf(chat));
      this.queue(capture, raw, chatKeyOf(chat), (locator) => instantMessage(capture.root, { chatKey: chatKeyOf(chat), locator, files: this.files, participants: chat.participants, app: fieldText(chat.fields, 'Source'), stamps: this.stamps }), chatDeletedState(chat));
      return;
    }
    const group = standaloneGroup(capture.root, this.files, this.keys);
    this.announce(group.chat);
    this.stats.standalone += 1;
    this.queue(capture, raw, group.key, (locator) => instantMessage(capture.root, { chatKey: group.key, locator, files: this.files, participants: group.parties, app: null, stamps: this.stamps }));
  }

  /**
   * A Chat's StartTime and LastActivity, read as its model ends (so a time written after the
   * messages is read too), kept in the source details by chat key: the contract has no chat-level
   * time, and on each record a time written after the first messages would be missing from them.
   */
  chatEnded(chat: ChatHeader): void {
    const notes: string[] = [];
    const times = sideTimesOf(chat.fields, notes, this.stamps, []);
    const place = `${this.file}:${chat.fields.line}:${chat.fields.column}`;
    for (const note of notes) this.warnings.add('record', place, note);
    this.placeSideNoTimes(place);
    if (times === null) return;
    if (this.chatTimes.length >= MAX_CHAT_TIMES) this.chatTimesNotKept += 1;
    else this.chatTimes.push({ chatKey: this.announced.get(chatKeyOf(chat)) ?? ownCopy(chatKeyOf(chat)), modelId: ownCopyOrNull(chat.modelId), times: detachedTimes(times) });
  }

  /** A ChatActivity model of the Chat's ActivityLog: skipped when it mirrors a message read before it. */
  activity(capture: Capture, raw: string, chat: ChatHeader): void {
    const mirrored = capture.oversized ? null : mirroredMessageId(capture.root);
    if (mirrored !== null && chat.messageIds.has(mirrored)) {
      this.stats.activitiesMirrored += 1;
      return;
    }
    this.announce(chatOf(chat));
    const chatKey = chatKeyOf(chat);
    this.queue(
      capture,
      raw,
      chatKey,
      (locator) => {
        const notes: string[] = [];
        return { message: activityRecord(capture.root, chatKey, locator, notes, this.stamps), notes };
      },
      chatDeletedState(chat),
    );
    if (this.ready.at(-1)?.kind !== 'unparsed') this.stats.activities += 1;
  }

  /** An SMS, MMS, Email or Call model. */
  record(capture: Capture, raw: string): void {
    const context: RecordContext = { locator: this.locatorOf(capture), files: this.files, owner: this.owner, keys: this.keys, stamps: this.stamps };
    let mapped: ConversationRecord | null = null;
    let failure: string | null = null;
    if (!capture.oversized) {
      try {
        mapped = this.map(capture, context);
      } catch (error) {
        failure = `the model could not be read: ${error instanceof Error ? error.message : String(error)}`;
      }
    }
    const type = capture.modelType;
    if (type === 'SMS') this.stats.sms += 1;
    else if (type === 'MMS') this.stats.mms += 1;
    else if (type === 'Email') this.stats.emails += 1;
    else this.stats.calls += 1;
    if (mapped === null) {
      const key = `unreadable:${type}`;
      this.announce({ key, title: `Unreadable ${type} records`, kind: 'unknown' });
      this.push(unparsedRecord({ chatKey: key, raw, rawChars: capture.rawChars, locator: context.locator, reason: failure ?? `the model is larger than ${MAX_MODEL_CHARS} characters` }), capture);
      return;
    }
    this.announce(mapped.chat);
    this.push(mapped.message, capture, mapped.notes, raw);
  }

  account(capture: Capture, raw: string, person: PersonFacts | null): void {
    this.announce(ACCOUNTS_CHAT);
    this.stats.accountRecords += 1;
    const locator = this.locatorOf(capture);
    for (const id of person?.identifiers ?? []) this.owner.add(id);
    this.push(person === null ? unparsedRecord({ chatKey: ACCOUNTS_CHAT.key, raw, rawChars: capture.rawChars, locator, reason: `the model is larger than ${MAX_MODEL_CHARS} characters` }) : accountRecord(capture.root, person, locator), capture);
  }

  /** The model that broken XML cut off: kept raw, in the conversation it was being read into. */
  cut(capture: Capture, raw: string, chat: ChatHeader | null, reason: string): void {
    let key: string;
    let chatState: string | null = null;
    if ((capture.kind === 'message' || capture.kind === 'activity') && chat !== null) {
      this.announce(chatOf(chat));
      key = chatKeyOf(chat);
      chatState = chatDeletedState(chat);
    } else if (capture.kind === 'standalone') {
      const group = standaloneGroup(capture.root, this.files, this.keys);
      this.announce(group.chat);
      key = group.key;
    } else {
      key = capture.kind === 'account' ? ACCOUNTS_CHAT.key : `unreadable:${capture.modelType}`;
      this.announce(capture.kind === 'account' ? ACCOUNTS_CHAT : { key, title: `Unreadable ${capture.modelType} records`, kind: 'unknown' });
    }
    this.push(withChatState(unparsedRecord({ chatKey: key, raw, rawChars: capture.rawChars, locator: this.locatorOf(capture), reason }), chatState), capture);
  }

  private map(capture: Capture, context: RecordContext): ConversationRecord {
    if (capture.modelType === 'SMS' || capture.modelType === 'MMS') return smsOrMms(capture.root, capture.modelType, context);
    if (capture.modelType === 'Email') return email(capture.root, context);
    return call(capture.root, context);
  }

  /** `chatState`: the deleted_state of the Chat the record is in, when it says the chat was deleted. */
  private queue(capture: Capture, raw: string, chatKey: string, read: (locator: SourceLocator) => { message: ParsedMessage; notes: string[] }, chatState: string | null = null): void {
    const locator = this.locatorOf(capture);
    if (capture.oversized) {
      this.push(withChatState(unparsedRecord({ chatKey, raw, rawChars: capture.rawChars, locator, reason: `the model is larger than ${MAX_MODEL_CHARS} characters` }), chatState), capture);
      return;
    }
    try {
      const result = read(locator);
      this.push(withChatState(result.message, chatState), capture, result.notes, raw);
    } catch (error) {
      // A model the mapper cannot read must not stop the import; the examiner gets its raw text.
      this.push(withChatState(unparsedRecord({ chatKey, raw, rawChars: capture.rawChars, locator, reason: `the model could not be read: ${error instanceof Error ? error.message : String(error)}` }), chatState), capture);
    }
  }

  private push(message: ParsedMessage, capture: Capture, notes: string[] = [], raw?: string): void {
    const place = `${this.file}:${capture.root.line}:${capture.root.column}`;
    for (const note of notes) this.warnings.add('record', place, note);
    const kept = message.kind === 'unparsed' && raw !== undefined ? keepRaw(message, raw, capture.rawChars) : message;
    if (kept.kind === 'unparsed') this.stats.unparsed += 1;
    if (kept.deleted) this.stats.deleted += 1;
    if (kept.time === null && isNoTimeStamp(kept.timestampText)) {
      this.noTime.count += 1;
      this.noTime.first ??= place;
    }
    this.placeSideNoTimes(place);
    this.checkAttachments(kept, place);
    this.ready.push(kept);
  }

  /** Notes where the first year-0001 side time was read: the record or chat just mapped. */
  private placeSideNoTimes(place: string): void {
    if (this.stamps.sideNoTimes === this.sideNoTime.counted) return;
    this.sideNoTime.counted = this.stamps.sideNoTimes;
    this.sideNoTime.first ??= place;
  }

  private checkAttachments(message: ParsedMessage, place: string): void {
    for (const attachment of message.attachments) {
      this.stats.attachments += 1;
      if (attachment.vendorDigests !== undefined) this.stats.attachmentsWithDigests += 1;
      if (attachment.kind === 'attached' && attachment.path !== undefined && this.presence !== null && !this.presence.has(attachment.path)) {
        this.stats.missingAttachmentFiles += 1;
        if (!this.fragment) this.warnings.add('missing-file', place, `attachment "${attachment.path}" is named by the report but its file is not in the UFDR; the message is kept and the attachment recorded as missing`);
      }
    }
    const refs = message.extra?.['files'];
    if (!Array.isArray(refs)) return;
    for (const ref of refs as { inReport?: boolean; fileId?: unknown; refusedLocalPath?: unknown }[]) {
      if (typeof ref.refusedLocalPath === 'string') {
        this.warnings.add('unsafe-local-path', place, `the Local Path "${ref.refusedLocalPath}" of tagged file ${String(ref.fileId)} leads outside the UFDR and was not followed; the attachment is looked for by its device path`);
      }
      if (ref.inReport !== false || typeof ref.fileId !== 'string') continue;
      this.stats.unresolvedFileRefs += 1;
      if (!this.fragment) this.warnings.add('unresolved-file', place, `attachment file_id "${ref.fileId}" is not among the report's taggedFiles; its vendor digests cannot be checked`);
    }
  }

  private locatorOf(capture: Capture): SourceLocator {
    return { kind: 'xml-path', file: this.file, path: capture.path, line: capture.root.line, column: capture.root.column };
  }
}

/** A chat's times, kept in the source details to the end of the import, copied (ownCopy). */
function detachedTimes(times: Record<string, SideTime>): Record<string, SideTime> {
  const copy: Record<string, SideTime> = {};
  for (const [name, time] of Object.entries(times)) {
    defineField(copy, ownCopy(name), { ...time, text: ownCopy(time.text), ...(time.format === undefined ? {} : { format: ownCopy(time.format) }) });
  }
  return copy;
}

/**
 * A record of a Chat the report marks deleted keeps that state in extra: the contract has no
 * chat-level deleted field, and the record's own `deleted` stays the message's own state (a chat
 * deleted as a whole can hold messages that were intact in it).
 */
function withChatState(message: ParsedMessage, chatState: string | null): ParsedMessage {
  return chatState === null ? message : { ...message, extra: { ...message.extra, chatDeletedState: chatState } };
}

/** A record a mapper found empty keeps the model's raw text; its reason says when that text was cut. */
function keepRaw(message: ParsedMessage, raw: string, rawChars: number): ParsedMessage {
  const kept = truncateRaw(raw, rawChars);
  return { ...message, text: kept.text, ...(kept.note === '' ? {} : { reason: `${message.reason ?? 'the model could not be read'}${kept.note}` }) };
}
