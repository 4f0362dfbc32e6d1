import { chatId } from './chat-identity.ts';
import type { DbWorkerApi, ImportedChatSummary, MessageBatch, NewAttachment, NewChat, NewMessage } from '../../shared/contracts/db-worker.ts';
import type { ImportJob } from '../../shared/contracts/import-worker.ts';
import type { IndexDocument, IndexWorkerApi } from '../../shared/contracts/index-worker.ts';
import { indexFlags } from '../../shared/search/index-flags.ts';
import type { EncodedMessage, ParsedAttachment, ParsedChat, ParsedMessage, ParsedParticipant, ParseSink, ParseWarning, SourceLocator } from '../../shared/contracts/parsed-source.ts';
import type { ImportIssue } from '../../shared/domain/source.ts';
import { describeLocatorInFull, describePlace } from '../../shared/domain/locator.ts';
import type { WorkerClient } from '../../shared/worker/client.ts';
import type { CallContext } from '../../shared/worker/serve.ts';
import { batchTransferList, MessageBatchEncoder, type MessageRowFields } from './message-batch.ts';
import { addParticipants } from '../../shared/domain/participants.ts';
import { capMessageText } from './import-limits.ts';
import { resolveAttachment } from './resolve-attachment.ts';
import { RecordTimes } from './record-times.ts';
import { chatSummaryOf, newChatTally, see, type ChatTally } from './chat-tally.ts';
import type { SourceFiles } from './source-files.ts';
import { ownCopy, ownCopyOrNull } from '../../shared/text/own-copy.ts';

/** Messages per round trip to the db and index workers: big enough to amortise, small enough to cancel promptly. */
const BATCH_SIZE = 2000;
/**
 * Batches handed to the db worker and not yet stored. Two keep it busy while this thread parses
 * a slow stretch of the source (a batch of long messages, a run of attachments to hash) and
 * still bound what waits in memory to two batches.
 */
const BATCHES_IN_FLIGHT = 2;
/** Language for text that is only an export's placeholder ("<Media omitted>"): ISO 639-3 "no linguistic content". */
const NO_LINGUISTIC_CONTENT = 'zxx';

export interface Sinks {
  db: WorkerClient<DbWorkerApi>;
  /** One client per index shard; a document goes to shard rowid % shards. */
  index: WorkerClient<IndexWorkerApi>[];
}

/**
 * Stable across re-imports of the same bytes by the same parser version: the source's hash and
 * the record's position in the source. Ids of one source sort in import order, so the unique
 * index on messages.id grows at one place instead of at a random page per row (a random id
 * made that index most of the cost of storing a message).
 */
export function messageId(sourceSha256: string, position: number): string {
  return messageIdPrefix(sourceSha256) + positionInId(position);
}

/** How every id of the source's messages begins. */
function messageIdPrefix(sourceSha256: string): string {
  return `m-${sourceSha256.slice(0, 16)}-`;
}

function positionInId(position: number): string {
  return position.toString(36).padStart(8, '0');
}

/** What the search index keeps of a message; its rowid is added once the db worker has stored it. */
function indexDocument(message: NewMessage): Omit<IndexDocument, 'rowid'> {
  return {
    text: message.text,
    time: message.timestamp === null ? null : Date.parse(message.timestamp),
    chatId: message.chatId,
    sender: message.sender,
    sourceId: message.sourceId,
    lang: message.lang,
    flags: indexFlags({ hasAttachment: message.attachments.some((item) => item.kind === 'attached'), hasOcr: false, deleted: message.deleted, system: message.kind === 'system' }),
  };
}

/**
 * The ParseSink every parser writes into: turns parsed records into case records (stable ids,
 * UTC times in the source's recorded zone, verified attachments) and streams them in batches to
 * the db and index workers. Problems become import issues naming their place.
 */
export class RecordWriter implements ParseSink {
  readonly issues: ImportIssue[] = [];
  messages = 0;
  unparsed = 0;
  attachments = 0;
  /** Chats announced so far, by the parser's key, with the participants named so far. */
  private readonly chats = new Map<string, NewChat>();
  /** Chats (new, or with new participants) to store with the next batch, by chat id. */
  private readonly pendingChats = new Map<string, NewChat>();
  /** Packs the messages of this import as they come; a batch is what it holds when taken (sendBatch). */
  private readonly encoder = new MessageBatchEncoder(BATCH_SIZE);
  /** What the search index needs of each message of the batch being packed (none when no index is connected). */
  private documents: Omit<IndexDocument, 'rowid'>[] = [];
  /** The batches being stored, oldest first (see sendBatch). */
  private readonly storing: Promise<void>[] = [];
  private position = 0;
  /** Makes the records' times UTC in the source's zone. */
  private readonly times: RecordTimes;
  /** Per chat with messages, by the parser's key, in the order of their first message (tallyOf). */
  private readonly tallies = new Map<string, ChatTally>();
  /** The chat of the message before, and its key: most messages are in the same chat as the one before. */
  private lastTally: ChatTally | null = null;
  private lastTallyKey = '';

  /** messageId's prefix for this source, made once (a message's id is made for each of millions). */
  private readonly idPrefix: string;

  constructor(
    private readonly job: ImportJob,
    private readonly sinks: Sinks,
    private readonly context: CallContext,
    /** The files attachments are looked up in; changes per zip entry. */
    public files: SourceFiles,
  ) {
    this.idPrefix = messageIdPrefix(job.source.sha256);
    this.times = new RecordTimes(job.source.timeZone, (locator, message) => this.warning({ place: describePlace(locator), message }));
  }

  /**
   * Announces a chat. Announcing a known chat again adds the participants it names and may
   * settle its kind: a parser that learns group or private from the records (a WhatsApp text
   * export) says so at the end, and a chat still 'unknown' takes it (insertChats never changes
   * a kind that is already known). Its title changes only when the announcement says so
   * (`retitle`: a UFDR Chat's Name written after its Messages); its key and id never do. A kind
   * the source states (`kindStated`: a UFDR ChatType written after the chat was announced with a
   * kind guessed from its participants) replaces a known kind: the report's word beats our guess.
   * The source's facts about the chat (`extra`) are kept as first given.
   */
  chat(chat: ParsedChat): void {
    const known = this.chats.get(chat.key);
    const kind = chat.kind ?? 'unknown';
    if (known !== undefined) {
      // Announced again: a kind learnt from the records, or new participants (an e-mail reply to someone new).
      const restatesKind = chat.kindStated === true && kind !== 'unknown' && kind !== known.kind;
      const settlesKind = restatesKind || (known.kind === 'unknown' && kind !== 'unknown');
      if (settlesKind) known.kind = kind;
      if (restatesKind) known.kindStated = true;
      const retitles = chat.retitle === true && chat.title !== known.title;
      if (retitles) {
        known.title = ownCopy(chat.title);
        known.retitle = true;
      }
      // Facts about the conversation learnt only now (none were given before) go out with it.
      const newExtra = known.extra === undefined ? chat.extra : undefined;
      if (newExtra !== undefined) known.extra = newExtra;
      if (addOwnParticipants(known.participants, chat.participants) || settlesKind || retitles || newExtra !== undefined) this.queueChat(known);
      return;
    }
    const announced: NewChat = { id: chatId({ format: this.job.format, sha256: this.job.source.sha256, path: this.job.source.path, device: this.job.source.device }, chat), sourceId: this.job.source.id, title: ownCopy(chat.title), kind, participants: [], ...(chat.kindStated === true ? { kindStated: true } : {}), ...(chat.extra !== undefined ? { extra: chat.extra } : {}) };
    addOwnParticipants(announced.participants, chat.participants);
    // Kept to the end of the import: copies, so no chat keeps alive the text its strings were cut from (ownCopy).
    this.chats.set(ownCopy(chat.key), announced);
    this.queueChat(announced);
  }

  /** How many chats were announced, with or without messages. */
  get chatCount(): number {
    return this.chats.size;
  }

  /** Queues the chat for the next batch; a copy, so participants added later go out with a later batch. */
  private queueChat(chat: NewChat): void {
    this.pendingChats.set(chat.id, { ...chat, participants: [...chat.participants] });
  }

  warning(warning: ParseWarning): void {
    this.issues.push({ sourceId: this.job.source.id, place: warning.place, reason: warning.message });
  }

  throwIfCancelled(): void {
    this.context.throwIfCancelled();
  }

  progress(doneBytes: number, totalBytes: number): void {
    this.context.progress({ stage: 'importing', done: doneBytes, total: totalBytes, items: this.messages });
  }

  /**
   * Takes one parsed record. Returns a promise only when there is something to wait for (its
   * attachments to be read, or a full batch to be taken by the db worker): a parser awaits only
   * then, instead of a promise and a turn of the event loop for each of a million messages.
   */
  message(parsed: ParsedMessage): void | Promise<void> {
    if (parsed.attachments.length === 0) return this.add(parsed, []);
    return this.messageWithAttachments(parsed);
  }

  private async messageWithAttachments(parsed: ParsedMessage): Promise<void> {
    // Described only when a warning needs it (most messages never do).
    const { locator } = parsed;
    const resolve = (attachment: ParsedAttachment): Promise<NewAttachment> =>
      resolveAttachment(attachment, this.files, this.job.casePath, (reason) => this.warning({ place: describePlace(locator), message: `attachment ${attachment.path ?? attachment.fileName ?? ''} cannot be read (${reason}); recorded as missing` }));
    const attachments = await Promise.all(parsed.attachments.map((stated) => resolve(this.withPlausibleSize(stated, locator))));
    for (const attachment of attachments) {
      if (attachment.status === 'mismatch') this.warning({ place: describePlace(locator), message: `attachment ${attachment.sourcePath ?? attachment.fileName ?? ''}: its bytes do not match the digest in the source's report` });
    }
    // What stands in for a file that is not there goes beside it (the missing one stays on
    // record), when it is there itself: a lost preview of a lost file tells nothing more.
    const standIns = parsed.attachments.flatMap((stated, index) => (attachments[index]?.status === 'missing' && stated.whenMissing !== undefined ? [stated.whenMissing] : []));
    for (const standIn of standIns) {
      const resolved = await resolve(this.withPlausibleSize(standIn, locator));
      if (resolved.status !== 'missing') attachments.push(resolved);
    }
    await this.add(parsed, attachments);
  }

  /**
   * The attachment without a size the source states that no file can have (negative, a
   * fraction, past 2^53 bytes, Infinity from hundreds of digits): a case keeps sizes as whole
   * bytes, and such a value would have failed its whole batch. The value is named in a warning.
   */
  private withPlausibleSize(attachment: ParsedAttachment, locator: SourceLocator): ParsedAttachment {
    const { size } = attachment;
    if (size === undefined || size === null || (Number.isSafeInteger(size) && size >= 0)) return attachment;
    this.warning({ place: describePlace(locator), message: `attachment ${attachment.path ?? attachment.fileName ?? ''}: the size the source states (${String(size)}) is not a whole number of bytes; recorded without a size` });
    const { size: _dropped, ...rest } = attachment;
    return rest;
  }

  /**
   * Takes a message whose text and extra come encoded (EncodedMessage): the same row `add` makes
   * of the ParsedMessage it stands for, with no string made of either.
   */
  encodedMessage(encoded: EncodedMessage): void | Promise<void> {
    const { source } = this.job;
    const tally = this.tallyOf(encoded.chatKey);
    this.messages++;
    const { locator } = encoded;
    const timestamp = this.times.toUtc({ utcMs: encoded.utcMs }, encoded.timestampText, locator);
    see(tally, encoded.sender, encoded.senderId, timestamp);
    const row: MessageRowFields = {
      id: this.idPrefix + positionInId(this.position),
      sourceId: source.id,
      chatId: tally.chatId,
      seq: tally.count++,
      sourcePosition: this.position++,
      kind: 'message',
      sender: encoded.sender,
      senderId: encoded.senderId,
      direction: encoded.direction,
      timestamp,
      timestampText: encoded.timestampText,
      lang: 'und',
      langConfidence: 0,
      deleted: false,
      edited: false,
      locator,
    };
    this.encoder.addEncoded(row, encoded);
    if (this.sinks.index.length > 0) {
      const text = Buffer.from(encoded.bytes.buffer, encoded.bytes.byteOffset, encoded.bytes.byteLength).toString('utf8', encoded.textStart, encoded.textEnd);
      this.documents.push(indexDocument({ ...row, text, attachments: [], extra: null }));
    }
    return this.encoder.size >= BATCH_SIZE ? this.sendBatch() : undefined;
  }

  /**
   * The tally of the chat the parser calls `key`, which is announced with the key as its title
   * if the parser has not. One lookup a message, none when it is the chat before's.
   */
  private tallyOf(key: string): ChatTally {
    if (this.lastTally !== null && key === this.lastTallyKey) return this.lastTally;
    let tally = this.tallies.get(key);
    if (tally === undefined) {
      if (!this.chats.has(key)) this.chat({ key, title: key });
      tally = newChatTally(this.chats.get(key)?.id ?? '');
      this.tallies.set(ownCopy(key), tally);
    }
    this.lastTally = tally;
    this.lastTallyKey = key;
    return tally;
  }

  private add(parsed: ParsedMessage, attachments: NewMessage['attachments']): void | Promise<void> {
    const { source } = this.job;
    const tally = this.tallyOf(parsed.chatKey);
    const { locator } = parsed;
    if (parsed.kind === 'unparsed') {
      this.unparsed++;
      tally.unparsed++;
      this.warning({ place: describePlace(locator), message: parsed.reason ?? 'could not be read as a message; kept raw' });
    } else {
      this.messages++;
    }
    this.attachments += attachments.filter((attachment) => attachment.kind === 'attached').length;
    // Every format's over-long body is cut here, once: the case keeps the first part, the
    // locator keeps the way to every byte (ADR 0011).
    const capped = capMessageText(parsed.text);
    if (capped.note !== null) this.warning({ place: describePlace(locator), message: `${capped.note} (${describeLocatorInFull(parsed.locator)})` });
    const extra = capped.note === null ? parsed.extra : { ...parsed.extra, textChars: capped.totalChars };
    const placeholder = parsed.extra?.['placeholder'] === true;
    const timestamp = this.times.toUtc(parsed.time, parsed.timestampText, locator);
    see(tally, parsed.kind === 'message' ? parsed.sender : null, parsed.senderId ?? null, timestamp);
    const message: NewMessage = {
      id: this.idPrefix + positionInId(this.position),
      sourceId: source.id,
      chatId: tally.chatId,
      seq: tally.count++,
      sourcePosition: this.position++,
      kind: parsed.kind,
      sender: parsed.sender,
      senderId: parsed.senderId ?? null,
      direction: parsed.direction ?? null,
      timestamp,
      timestampText: parsed.timestampText,
      text: capped.text,
      // Languages are detected afterwards by the language worker pool (engine/import/detect-languages.ts).
      lang: placeholder ? NO_LINGUISTIC_CONTENT : 'und',
      langConfidence: 0,
      attachments,
      deleted: parsed.deleted,
      edited: parsed.edited,
      locator: parsed.locator,
      extra: parsed.reason === undefined ? (extra ?? null) : { ...extra, unparsedReason: parsed.reason },
    };
    this.encoder.add(message);
    if (this.sinks.index.length > 0) this.documents.push(indexDocument(message));
    return this.encoder.size >= BATCH_SIZE ? this.sendBatch() : undefined;
  }

  /** Figures per chat written so far: rows, first and last UTC time, senders (ImportedChatSummary). */
  chatSummaries(): ImportedChatSummary[] {
    return [...this.tallies.values()].map(chatSummaryOf);
  }

  /** Sends what is pending and waits until all of it is stored and indexed. */
  async flush(): Promise<void> {
    await this.sendBatch();
    while (this.storing.length > 0) await this.storing.shift();
  }

  /**
   * Hands the batch to the db worker and returns once no more than BATCHES_IN_FLIGHT batches
   * are waiting to be stored: parsing the next batch overlaps storing this one (the two workers
   * run on different cores).
   */
  private async sendBatch(): Promise<void> {
    const chats = [...this.pendingChats.values()];
    this.pendingChats.clear();
    const documents = this.documents;
    this.documents = [];
    this.context.throwIfCancelled();
    // Taken before waiting, so the db worker is never idle while this thread waits.
    const encoded = this.encoder.take();
    while (this.storing.length >= BATCHES_IN_FLIGHT) await this.storing.shift();
    const storing = this.store(chats, documents, encoded);
    // A failure is raised by a later sendBatch or flush; keep it from being reported as unhandled meanwhile.
    storing.catch(() => undefined);
    this.storing.push(storing);
  }

  /** Waits for the batches being stored, ignoring their failures (for use when the import fails anyway). */
  async settle(): Promise<void> {
    await Promise.all(this.storing.splice(0).map((storing) => storing.catch(() => undefined)));
  }

  private async store(chats: NewChat[], documents: Omit<IndexDocument, 'rowid'>[], encoded: MessageBatch | null): Promise<void> {
    // Both calls are sent before either is awaited: the db worker takes calls in the order they
    // are sent, so a later batch can never be stored before this one (its rowids stay in order).
    const chatsStored = chats.length > 0 ? this.sinks.db.call('insertChats', { chats }) : null;
    chatsStored?.catch(() => undefined);
    if (encoded === null) {
      await chatsStored;
      return;
    }
    const messagesStored = this.sinks.db.call('insertMessages', { batch: encoded }, { transfer: batchTransferList(encoded) });
    messagesStored.catch(() => undefined);
    await chatsStored;
    const { rowids } = await messagesStored;
    const shards: IndexDocument[][] = this.sinks.index.map(() => []);
    documents.forEach((document, index) => {
      const rowid = rowids[index] ?? -1;
      shards[rowid % shards.length]?.push({ rowid, ...document });
    });
    await Promise.all(shards.map((shard, index) => (shard.length === 0 ? null : this.sinks.index[index]?.call('add', { documents: shard }))));
  }
}

/**
 * Adds the participants not yet listed, as strings of their own (ownCopy): the writer keeps them to
 * the end of the import. Only those added are copied (a parser may announce a chat per message).
 */
function addOwnParticipants(list: ParsedParticipant[], more: readonly ParsedParticipant[] | undefined): boolean {
  const from = list.length;
  if (!addParticipants(list, more ?? [])) return false;
  for (let index = from; index < list.length; index++) {
    const party = list[index] as ParsedParticipant;
    list[index] = { ...party, name: ownCopyOrNull(party.name), ...(party.id === undefined ? {} : { id: ownCopyOrNull(party.id) }) };
  }
  return true;
}
