import type { WallTime } from '../time/zoned-time.ts';

/**
 * The common shape every importer produces, whatever the export format. Parsers (one folder per
 * format under workers/import/) read a source and push chats and messages into a ParseSink; the
 * import worker turns them into case records (ids, UTC times in the recorded zone, languages,
 * index documents). Keep format quirks inside the parser; put only facts here.
 */

/** Where a record came from, precise enough to show a court. `file` is relative to the source root (a zip entry name inside a zip). */
export type SourceLocator =
  | { kind: 'text-lines'; file: string; lineStart: number; lineEnd: number; byteStart: number; byteEnd: number }
  | { kind: 'json-pointer'; file: string; pointer: string }
  | { kind: 'xml-path'; file: string; path: string; line?: number; column?: number }
  | { kind: 'html-element'; file: string; path: string; elementId?: string; line?: number }
  | { kind: 'sqlite-row'; file: string; table: string; rowid: number }
  | { kind: 'csv-row'; file: string; row: number; line: number }
  | { kind: 'file'; file: string };

export type MediaType = 'image' | 'video' | 'audio' | 'sticker' | 'gif' | 'document' | 'contact' | 'location' | 'unknown';

export interface ParsedAttachment {
  /** 'attached': the bytes are (or should be) in the source; 'omitted': the export left them out. */
  kind: 'attached' | 'omitted';
  mediaType: MediaType;
  fileName?: string;
  mimeType?: string;
  /** Path of the file inside the source (folder or zip), when the bytes are there. */
  path?: string;
  /**
   * Where else the same file may lie when `path` holds nothing, tried in order: for layouts a
   * copy may or may not keep (iOS WhatsApp media under Message/ in the app folder, or beside the
   * database in a flattened copy). The place the bytes were found is recorded as the source path.
   */
  alternativePaths?: string[];
  /**
   * The file's path from the root of a download its writer splits over several archives (Meta
   * "Download your information" parts), when the format proves the file belongs to this thread:
   * if no file of the source holds the attachment, a zip source may look for exactly this path in
   * the other zips picked with it (workers/import/zip/split-parts.ts). The place the bytes were
   * found, zip and entry, is recorded as the source path.
   */
  downloadPath?: string;
  /** Inline bytes (e.g. a base64 MMS part); the import worker hashes and stores them. */
  bytes?: Uint8Array;
  size?: number;
  /** Digests the vendor's report claims, to be checked against the bytes. */
  vendorDigests?: { md5?: string; sha256?: string };
  /**
   * What stands in for the file when none of its paths holds it (a thumbnail the database keeps
   * of media whose file is gone, the preview an export writes beside a photo or video): stored
   * as an attachment of its own, beside this one, which is still recorded as missing. Never used
   * when the file is found, and left out when it is missing too.
   */
  whenMissing?: ParsedAttachment;
}

/**
 * A time as the source gives it: an absolute instant when the source has one, wall-clock
 * otherwise, or a wall clock with the *standard* offset of the zone it was read in (Telegram
 * Desktop's HTML export writes the exporting computer's standard offset beside every time, in
 * summer too). The last is converted in the source's time zone when that zone has this standard
 * offset (so its daylight saving applies), and with the offset as written otherwise (said).
 */
export type ParsedTime = { utcMs: number } | { wall: WallTime } | { wall: WallTime; standardOffsetMinutes: number } | null;

export interface ParsedMessage {
  /** The format's own id of the conversation (thread id, jid, phone address...). */
  chatKey: string;
  kind: 'message' | 'system' | 'unparsed';
  /** Display name as the source writes it; null for system lines or when unknown. */
  sender: string | null;
  /** Phone number, jid, handle or account id of the sender, when the source gives one. */
  senderId?: string | null;
  direction?: 'incoming' | 'outgoing' | null;
  time: ParsedTime;
  /** The timestamp exactly as written in the source (a string of the raw value for numbers). */
  timestampText: string;
  text: string;
  attachments: ParsedAttachment[];
  deleted: boolean;
  edited: boolean;
  locator: SourceLocator;
  /** Why a record is 'unparsed' (its raw text is in `text`). */
  reason?: string;
  /** Format-specific facts worth keeping (service action, reply-to id, message type...). */
  extra?: Record<string, unknown>;
}

/** Someone a source names as taking part in a conversation, whether or not they sent anything in it. */
export interface ParsedParticipant {
  name: string | null;
  /** The identifier the format gives: phone number, e-mail address, account id. */
  id?: string | null;
  /**
   * How this format writes the person as a sender, where that is neither the name nor the id
   * alone (e-mail: "Name <address>"), so a participant who also sent is listed once.
   */
  label?: string;
}

export interface ParsedChat {
  key: string;
  /**
   * Set when the same conversation can arrive in several sources of this format (message_1.json
   * and message_2.json of one Messenger thread; two SMS backups of one phone): chats with the
   * same format and mergeKey become one conversation when their sources come from one device,
   * the one the analyst declared at import (ADR 0014). Without it, or without a declared device
   * (and not mergeWithinFolder), a chat belongs to its source alone.
   */
  mergeKey?: string;
  /**
   * The export itself is split over several files of one folder (Messenger message_1..N.json,
   * Telegram messages2.html, the mbox files of one account): chats with the same mergeKey merge
   * within that folder even when no device was declared.
   */
  mergeWithinFolder?: boolean;
  title: string;
  /**
   * This announcement's title replaces the one the chat was announced with before: the parser
   * learnt it only after the chat's first records (a UFDR Chat whose Name follows its Messages).
   * Without it, a chat announced again keeps its first title. Only this source's title changes:
   * a conversation another source gave its title keeps it (insertChats).
   */
  retitle?: boolean;
  kind?: 'private' | 'group' | 'channel' | 'unknown';
  /**
   * The source states this kind (a UFDR Chat's ChatType), it is not guessed from the participants:
   * it replaces a kind this source announced before, which may have been a guess made before the
   * statement was read (a ChatType written after the chat's first messages). Without it, a chat
   * announced again only settles an 'unknown' kind. As with `retitle`, a conversation another
   * source has too keeps the kind it was given first (insertChats).
   */
  kindStated?: boolean;
  /**
   * Who the source says takes part, senders or not (group members, e-mail recipients). A chat
   * announced again with more participants gains them (an e-mail thread whose replies go to
   * new people); everyone who sent a message is a participant anyway.
   */
  participants?: ParsedParticipant[];
  /**
   * What the source keeps about the conversation beyond its title, kind and participants, as a
   * message keeps its own in `extra` (a database's conversation columns no reader knows by name,
   * under `otherColumns`). Stored with this source's link to the chat and shown with the chat. A
   * chat announced again without it keeps what it had; the first announcement that has it gives it.
   */
  extra?: Record<string, unknown>;
}

export interface ParseWarning {
  /** "file:line", "table#rowid", a JSON pointer...: somewhere a person can look. */
  place: string;
  message: string;
}

/** Where a parser sends what it reads. `message` may await: that is the backpressure. */
/**
 * A message a reader of a file's bytes hands on with its text and `extra` already encoded: the
 * text as UTF-8, `extra` as UTF-8 JSON, so that storing it makes a string of neither (an SMS
 * backup's plain elements, ADR 0015). It is what a ParsedMessage of kind 'message' with this
 * text and extra, no attachments, neither deleted nor edited, and this instant would be.
 */
export interface EncodedMessage {
  chatKey: string;
  sender: string | null;
  senderId: string | null;
  direction: 'incoming' | 'outgoing' | null;
  utcMs: number;
  timestampText: string;
  locator: SourceLocator;
  /** Holds the text at textStart..textEnd and the JSON of `extra` at extraStart..extraEnd; read during the call only. */
  bytes: Uint8Array;
  textStart: number;
  textEnd: number;
  extraStart: number;
  extraEnd: number;
}

export interface ParseSink {
  chat(chat: ParsedChat): void;
  message(message: ParsedMessage): void | Promise<void>;
  /** Sinks that store encoded messages as they are; a reader gives ParsedMessages to the others. */
  encodedMessage?(message: EncodedMessage): void | Promise<void>;
  warning(warning: ParseWarning): void;
  /** Checked between chunks; throws AppError('E_CANCELLED') when the user cancelled. */
  throwIfCancelled(): void;
  progress(doneBytes: number, totalBytes: number): void;
}

export interface ParserInput {
  /** Absolute path of the source file (opened read-only; never written). */
  path: string;
  /** The name shown in locators (file name, or zip entry name). */
  displayName: string;
  size: number;
  /** Reads the whole file (fine for SQLite and small files; stream big text/XML/JSON instead). */
  readAll(): Promise<Uint8Array>;
  /** Streams the file in chunks. */
  stream(): AsyncIterable<Uint8Array>;
  /** Files next to the source that belong to it by name (SQLite -wal/-journal, MMS part files). */
  companion(name: string): Promise<Uint8Array | null>;
  /**
   * Files near the source that may belong to it, to be recognised by their content, never by
   * their name (a contacts database beside msgstore.db, whatever it is called): the other files
   * of its folder (or of its folder in a zip), then the rest of its zip and the other files
   * imported with it. Listed when asked; nothing is read until the parser asks.
   */
  nearby(): Promise<NearbyFile[]>;
  /**
   * The folders near the source whose files nearby() does not all offer: one that could not be
   * listed, or was listed only in part (up to a cap). Empty when nothing near it was left out. A
   * parser that decides from what is near a source (a companion, the other pages of a chat) cannot
   * say nothing else is there when this is not empty, and says which folder and why.
   */
  nearbyUnlisted(): Promise<NearbyGap[]>;
}

/** A folder near a source whose files were not all offered (ParserInput.nearbyUnlisted). */
export interface NearbyGap {
  relation: NearbyFile['relation'];
  /** The folder as a person can find it (an absolute path on disk). */
  folder: string;
  /** Why, as a clause: "it could not be listed (EACCES: permission denied, scandir …)". */
  reason: string;
}

/** A file near a source (ParserInput.nearby). */
export interface NearbyFile {
  /**
   * 'same-folder': beside the source (in its folder, or its folder inside the same zip);
   * 'same-import': elsewhere in the same zip, or another file of the same import.
   */
  relation: 'same-folder' | 'same-import';
  /** The file to read, with its own companions (a -wal beside it); its nearby() is empty. */
  input: ParserInput;
  /** Its first `length` bytes, or all of it when it is shorter. */
  head(length: number): Promise<Uint8Array>;
  /**
   * Changes whenever the bytes may have changed (size and modification time on disk, size and
   * CRC-32 of a zip entry); absent when nothing cheap tells. Facts a parser read from a nearby file
   * may be kept for the next sources of the import under its path and this, never without it.
   */
  fingerprint?: string;
}

export interface ParseOutcome {
  /** Format facts for the court: detected version, inferred date order and evidence, platform... */
  details: Record<string, unknown>;
  formatVersion: string | null;
}

/**
 * Folders an export format writes beside a source's own folder and shares between its sources
 * (signal-export copies stickers once, into exported_stickers beside the chat folders). An
 * attachment path may reach into them as "../<folder>/…", at import and when the bytes are read
 * again (viewer, packages); nowhere else outside the source's folder. By format.
 */
export const SHARED_EXPORT_FOLDERS: Readonly<Record<string, readonly string[]>> = {
  'signal-export-text': ['exported_stickers'],
  // A phone's WhatsApp folder holds Databases/msgstore.db beside Media/ (whatsapp-db/README.md).
  'whatsapp-android-db': ['Media'],
  // A Signal Desktop profile holds sql/db.sqlite beside attachments.noindex/ (signal-desktop/message-parts.ts).
  'signal-desktop-db': ['attachments.noindex'],
  // A DYI export keeps the stickers of every thread in messages/stickers_used/, two folders up from
  // a thread's message_1.json (messages/inbox/alice_123/); meta/meta-message.ts names them from there.
  'meta-messages-json': ['../stickers_used'],
};

/**
 * Formats whose shared folders exist only when the source lies in a folder of this name: the
 * WhatsApp app root is the parent of its Databases folder, and a msgstore.db copied anywhere else
 * has no app root, so nothing beside its folder may be read.
 */
const SHARED_ONLY_FROM_FOLDER: Readonly<Record<string, string>> = {
  'whatsapp-android-db': 'Databases',
  'signal-desktop-db': 'sql',
};

/** The shared folders (SHARED_EXPORT_FOLDERS) an attachment of this source may reach into. */
export function sharedExportFolders(format: string, sourcePath: string): readonly string[] {
  const folders = SHARED_EXPORT_FOLDERS[format] ?? [];
  const required = SHARED_ONLY_FROM_FOLDER[format];
  return required === undefined || sourceFolderName(sourcePath) === required ? folders : [];
}

/** The name of the folder a source file lies in ("Databases" for …/WhatsApp/Databases/msgstore.db, also inside a zip). */
export function sourceFolderName(sourcePath: string): string {
  const parts = sourcePath.split(/[\\/]/u);
  return parts.length < 2 ? '' : parts[parts.length - 2] ?? '';
}

/** One export format. Sniffing looks at content, never at the file name alone. */
export interface SourceParser {
  format: string;
  parserVersion: string;
  /** True when the head of the file (first 64 KiB) is this format. */
  sniff(head: Uint8Array, displayName: string): boolean;
  parse(input: ParserInput, sink: ParseSink, options: { dateOrder?: 'dmy' | 'mdy' | 'ymd' }): Promise<ParseOutcome>;
}
