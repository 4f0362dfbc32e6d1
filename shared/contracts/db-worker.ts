import type { PackedRows } from './packed-rows.ts';
import type { SenderSeen } from '../domain/participants.ts';
import type { CaseSettings } from '../domain/case.ts';
import type { AttachmentRecord, ConversationSourceFacts, ConversationSummary, Message, MessageLocation, MessageOrder, MessagePage } from '../domain/message.ts';
import type { AbandonedStatus, ImportIssue, SourceRecord } from '../domain/source.ts';
import type { IndexDocument } from './index-worker.ts';
import type { MediaType, ParsedParticipant } from './parsed-source.ts';
import type { TaggedItem } from './tag-worker.ts';
import type { ConversationReviewFigures, ConversationRisk, CoverageReport, DecisionOnIndicatorNoLongerFound, ReviewDecision, SharedIdentifier, StoredTag } from '../domain/marker.ts';
import type { ImageItem, MessageImage, OcrStored, OcrWordBox } from '../domain/image.ts';

export interface NewAttachment extends AttachmentRecord {
  vendorMd5: string | null;
  vendorSha256: string | null;
  /** Case-relative path of bytes Threadline stored itself (inline parts), else null. */
  storedPath: string | null;
}

/** An image attachment and where its bytes are, for OCR and the image viewer. */
export interface OcrPendingRow {
  attachmentId: number;
  sha256: string;
  /** The file (or zip entry) the message was read from: attachment paths are relative to it. */
  entryName: string;
  messageRowid: number;
  sourceId: string;
  sourceFile: string;
  sourceFormat: string;
  sourcePath: string | null;
  storedPath: string | null;
  fileName: string | null;
}

/** An attachment whose bytes Threadline hashed, and where those bytes are. */
export interface AttachmentFile {
  attachmentId: number;
  messageId: string;
  sourceFile: string;
  sourceFormat: string;
  /** The file (or zip entry) the message was read from. */
  entryName: string;
  sourceId: string;
  sha256: string;
  fileName: string | null;
  mediaType: MediaType;
  /** Path inside the source (relative to the source file's folder, or a zip entry). */
  sourcePath: string | null;
  /** Case-relative path of bytes Threadline stored itself. */
  storedPath: string | null;
}

/** A message as the importer hands it to the database; row id and final seq are assigned there. */
export interface NewMessage extends Omit<Message, 'attachments'> {
  /** Position within its source, in source order. */
  sourcePosition: number;
  attachments: NewAttachment[];
}

/**
 * What an import saw of one chat as it wrote its messages: for a chat that source alone feeds,
 * the db worker takes these figures instead of reading every row of the chat again.
 */
export interface ImportedChatSummary {
  chatId: string;
  /** Rows written to the chat, of every kind. */
  count: number;
  /** Smallest and largest UTC timestamp (ISO text), null when no row has one. */
  first: string | null;
  last: string | null;
  /**
   * Rows whose UTC time is earlier than the latest time of a row before them in the chat's order
   * (rows without a time not counted): more than none, and the chat also gets a time order of its
   * own (ConversationSummary.outOfTimeOrder).
   */
  outOfTimeOrder: number;
  /** Rows of `count` kept raw because they could not be parsed (kind 'unparsed'). */
  unparsed: number;
  /**
   * Distinct (sender, sender id) pairs of kind 'message', in SQLite's `ORDER BY sender, sender_id`
   * order: code points (BINARY), a null id first. The chat's participants are made from these.
   */
  senders: SenderSeen[];
}

/** A conversation a source contributes to; several sources may name the same chat id. */
export interface NewChat {
  id: string;
  sourceId: string;
  title: string;
  kind: ConversationSummary['kind'];
  /** Everyone this source names as taking part so far; sent again, whole, when it grows. */
  participants: ParsedParticipant[];
  /**
   * The source settled the title after it first sent the chat (ParsedChat.retitle): the stored
   * title is replaced, unless another source has the chat too (its title stays the one given first).
   */
  retitle?: boolean;
  /** The kind is the source's statement (ParsedChat.kindStated): it replaces the stored kind, unless another source has the chat too. */
  kindStated?: boolean;
  /** ParsedChat.extra: kept with this source's link to the chat (chat_sources.extra, migration 0170). */
  extra?: Record<string, unknown>;
}


/**
 * Columns of a stored message, in the order of the values of each row of a MessageBatch. The
 * locator and extra are JSON text, booleans are 0 or 1.
 */
export const MESSAGE_ROW_COLUMNS = [
  'id', 'source_id', 'chat_id', 'seq', 'source_position', 'kind', 'sender', 'sender_id', 'direction', 'timestamp', 'timestamp_text',
  'text', 'lang', 'lang_confidence', 'deleted', 'edited', 'locator', 'extra',
] as const;

/**
 * New messages as the import worker hands them to the db worker: one row of MESSAGE_ROW_COLUMNS
 * values per message, packed (shared/contracts/packed-rows.ts) into two buffers that are
 * transferred, not cloned, and the few attachments beside them by row. Encoding in the import
 * worker keeps the db worker, the one thread every import waits on, doing only SQLite's part
 * (workers/import/message-batch.ts, ADR 0015).
 */
export interface MessageBatch {
  rows: PackedRows;
  attachments: { row: number; attachments: NewAttachment[] }[];
}

/** The database worker is the single owner of the case database (a SQLite file, ADR 0013). */
/** Conversations whose stored participants were made again on opening, by newer rules (shared/domain/participants.ts). */
export interface ParticipantsRemade {
  rulesVersion: number;
  previous: number;
  chats: number;
}

export interface DbWorkerApi {
  open: {
    /** `settings` are written only when the case is created; a missing language list means any language. */
    params: { casePath: string; create: boolean; settings: Omit<CaseSettings, 'languages'> & Partial<Pick<CaseSettings, 'languages'>> };
    result: { createdAt: string; settings: CaseSettings; schemaVersion: number; interruptedSources: string[]; participantsRemade: ParticipantsRemade | null };
  };
  /** Replaces the case's language list (CaseSettings.languages); returns the settings now in force. */
  setCaseLanguages: { params: { languages: string[] }; result: CaseSettings };
  /** Accepts a MessagePort over which another worker (an importer) calls this API directly. */
  attachPort: { params: { port: unknown }; result: null };
  /** `messageCount`: the imported sources' messages, unparsed records not included (`unparsedCount`). */
  caseSummary: { params: Record<string, never>; result: { sources: SourceRecord[]; messageCount: number; unparsedCount: number } };
  /** An attachment with these bytes already in the case (so a loose copy is not imported twice). */
  findAttachmentByHash: { params: { sha256: string }; result: { messageId: string; chatTitle: string } | null };
  findSourceByHash: { params: { sha256: string }; result: SourceRecord | null };
  /** Records the source as 'importing' (committed at once, so a crash leaves a trace of it). */
  beginSource: { params: { source: SourceRecord }; result: null };
  insertChats: { params: { chats: NewChat[] }; result: null };
  insertMessages: { params: { batch: MessageBatch }; result: { rowids: number[] } };
  addIssues: { params: { issues: ImportIssue[] }; result: null };
  addProvenance: { params: { sourceId: string; stage: string; tool: string; toolVersion: string; parameters: Record<string, unknown> }; result: null };
  /** Marks the source imported (or failed) with its final counts and re-checked hash. */
  finishSource: {
    params: {
      sourceId: string;
      status: 'imported' | 'failed';
      sha256After: string | null;
      hashVerified: boolean | null;
      parser: { name: string; version: string; formatVersion: string | null };
      details: Record<string, unknown>;
      /** The import's own figures per chat (ImportOutcome.chats); checked against the rows before use. */
      chats?: ImportedChatSummary[];
    };
    result: SourceRecord;
  };
  /** Removes every derived row of a source that did not finish (cancel, error) and marks it. */
  abandonSource: { params: { sourceId: string; status: AbandonedStatus; reason: string }; result: null };
  listIssues: { params: { sourceId: string }; result: ImportIssue[] };
  listConversations: { params: Record<string, never>; result: ConversationSummary[] };
  /** What each imported source keeps about one chat (ParsedChat.extra); empty when none does. */
  conversationSourceFacts: { params: { chatId: string }; result: ConversationSourceFacts[] };
  /** The messages at positions [offset, offset + limit) of the chat read in `order` (source order when not given). */
  messagesRange: { params: { chatId: string; offset: number; limit: number; order?: MessageOrder }; result: MessagePage };
  messagesByRowids: { params: { rowids: number[] }; result: (Message & { rowid: number; sourceName: string; chatTitle: string })[] };
  locateMessage: { params: { messageId: string }; result: MessageLocation | null };
  /** Pages through the documents of imported sources, for (re)building the search index. */
  indexDocuments: { params: { sourceIds: string[]; afterRowid: number; limit: number }; result: IndexDocument[] };
  /** Messages of a source still waiting for language detection (media placeholders and system lines excluded). */
  languagePending: { params: { sourceId: string; afterRowid: number; limit: number }; result: { rowid: number; text: string; chatId: string; sender: string | null }[] };
  setLanguages: { params: { results: { rowid: number; lang: string; confidence: number }[] }; result: null };
  rowidsForMessageIds: { params: { ids: string[] }; result: number[] };
  allMessageRowids: { params: Record<string, never>; result: number[] };
  attachmentFiles: { params: { messageIds: string[] }; result: AttachmentFile[] };
  taggingPending: { params: { sourceId: string; afterRowid: number; limit: number }; result: { rowid: number; text: string; lang: string }[] };
  storeTagResults: { params: { results: TaggedItem[]; tagger: string; origin?: 'text' | 'ocr' }; result: null };
  ocrPending: { params: { limit: number }; result: OcrPendingRow[] };
  storeOcr: { params: { result: OcrStored }; result: null };
  storeOcrFailure: { params: { attachmentId: number; code: string; reason: string }; result: null };
  clearOcrFailures: { params: Record<string, never>; result: null };
  /** The images of the messages `messageIds` (those of one page of a conversation), in attachment order, with their OCR text and state. */
  imagesOfMessages: { params: { messageIds: string[] }; result: MessageImage[] };
  listImages: { params: { chatId: string | null; limit: number; offset: number }; result: { total: number; images: ImageItem[] } };
  /** onlySureWordsSearched: false for a result stored before migration 0110, whose whole text was searched and tagged. */
  ocrWords: { params: { attachmentId: number }; result: { text: string; searchableText: string; words: OcrWordBox[]; onlySureWordsSearched: boolean; engine: unknown; traineddata: unknown; parameters: unknown } | null };
  setStoredPath: { params: { attachmentId: number; storedPath: string }; result: null };
  ocrTextsForRowids: { params: { rowids: number[] }; result: [number, string][] };
  /** Messages with OCR results and their searched OCR text, in rowid order, for tagging again; lang: the image's stored language when the message has one image. */
  ocrTextsToTag: { params: { afterRowid: number; limit: number }; result: { rowid: number; text: string; lang: string | null }[] };
  attachmentLocation: { params: { attachmentId: number }; result: OcrPendingRow | null };
  tagsForRowids: { params: { rowids: number[] }; result: [number, StoredTag[]][] };
  decisionsForMessages: { params: { messageIds: string[] }; result: ReviewDecision[] };
  addDecision: { params: { decision: ReviewDecision }; result: null };
  conversationRisks: { params: { limit: number }; result: ConversationRisk[] };
  /** What a decision can change of one conversation's ranking (null: no indicator or decision left in it). */
  conversationReviewFigures: { params: { chatId: string }; result: ConversationReviewFigures | null };
  /** The review queue's messages of a conversation: tagged, or holding a decision on an indicator no longer found. */
  reviewQueueRowids: { params: { chatId: string }; result: number[] };
  /** The same in order, with the position of the first message with an indicator left to decide and that of the message `focus`. */
  reviewQueueOrder: { params: { chatId: string; focus: string | null }; result: { rowids: number[]; firstUndecided: number; focusIndex: number | null } };
  /** Ids of a conversation's messages holding a note or a bookmark decision, tagged or not. */
  annotatedMessageIds: { params: { chatId: string }; result: string[] };
  decisionsOnIndicatorsNoLongerFound: { params: { chatId: string } | { messageIds: string[] }; result: DecisionOnIndicatorNoLongerFound[] };
  reviewedRowids: { params: { kind: 'reviewed' | 'confirmed' | 'bookmarked' }; result: number[] };
  coverage: { params: Record<string, never>; result: CoverageReport };
  sharedIdentifiers: { params: { limit: number }; result: SharedIdentifier[] };
  importedSourceIds: { params: Record<string, never>; result: string[] };
  close: { params: Record<string, never>; result: null };
}
