import type { MediaType, SourceLocator } from '../contracts/parsed-source.ts';

/** A locator points from a stored record back to the exact place in the seized source. */
export type Locator = SourceLocator;

export type MessageKind = 'message' | 'system' | 'unparsed';

/** An attachment as the case holds it: what the source said, and what Threadline verified. */
export interface AttachmentRecord {
  kind: 'attached' | 'omitted';
  mediaType: MediaType;
  fileName: string | null;
  mimeType: string | null;
  /** Path inside the source (folder or zip) the export names, when it names one. */
  sourcePath: string | null;
  size: number | null;
  /** SHA-256 of the bytes Threadline read; null when the bytes are not in the source. */
  sha256: string | null;
  /** 'verified': vendor digest matched; 'mismatch': it did not; 'missing': the file is not there. */
  status: 'ok' | 'verified' | 'mismatch' | 'missing' | 'omitted';
}

export interface Message {
  /** Stable id derived from the source hash and the locator: the same bytes give the same id. */
  id: string;
  sourceId: string;
  chatId: string;
  /** Position of the message in its conversation (0-based). */
  seq: number;
  kind: MessageKind;
  sender: string | null;
  /** Phone number, jid, handle or account id, when the source gives one. */
  senderId: string | null;
  direction: 'incoming' | 'outgoing' | null;
  /** Normalised UTC instant, ISO 8601, or null when the source time cannot be placed. */
  timestamp: string | null;
  /** The timestamp exactly as the source wrote it. */
  timestampText: string;
  text: string;
  /** ISO 639-3, 'und' when unknown. */
  lang: string;
  langConfidence: number;
  attachments: AttachmentRecord[];
  deleted: boolean;
  edited: boolean;
  locator: Locator;
  /** Format-specific facts (service action, reply-to id, unparsed reason...). */
  extra: Record<string, unknown> | null;
}

export interface ConversationSummary {
  id: string;
  sourceIds: string[];
  /** The seized devices its sources were declared as (ADR 0014), as written at import; empty when none was declared. */
  devices: string[];
  title: string;
  kind: 'private' | 'group' | 'channel' | 'unknown';
  /** Rows of the conversation: its messages and the records kept unparsed (`unparsedCount` of them), as SourceRecord.messageCount. */
  messageCount: number;
  unparsedCount: number;
  /**
   * Everyone who sent a message, as written, sorted; then everyone the sources name as taking
   * part who did not send (group members, e-mail recipients), with their identifier.
   */
  participants: string[];
  firstTimestamp: string | null;
  lastTimestamp: string | null;
  /**
   * How many of its sources keep facts about the chat beyond the above (ParsedChat.extra); absent
   * when none does. The facts themselves are asked for one conversation at a time
   * (conversations.facts): a phone database's thousands of conversations made the list megabytes.
   */
  sourcesWithFacts?: number;
  /**
   * Messages whose time is earlier than that of a message listed before them in the
   * conversation's order (messages without a time not counted). A conversation fed by one source
   * keeps the source's order, which is evidence too (a device clock put back, a report's own
   * order); when this is more than none, the conversation can also be read by time (MessageOrder).
   */
  outOfTimeOrder: number;
}

/** What one source keeps about a conversation beyond its summary (ParsedChat.extra: a database's conversation columns). */
export interface ConversationSourceFacts {
  sourceId: string;
  extra: Record<string, unknown>;
}

/**
 * The order a conversation is read in: as its messages are listed ('source': seq, the order the
 * source gives, or time for a conversation merged from several sources), or by UTC time
 * ('time': a message without a time stays after the message listed before it).
 */
export type MessageOrder = 'source' | 'time';

/** Messages of a conversation read in one order: `positions[i]` is where `messages[i]` stands in it (0-based). */
export interface MessagePage {
  total: number;
  messages: Message[];
  positions: number[];
}

/** Where a message stands: its conversation, its place in the conversation's order (seq) and by time. */
export interface MessageLocation {
  chatId: string;
  seq: number;
  /** Its place when the conversation is read by time (MessageOrder 'time'). */
  timePosition: number;
}
