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
  messageCount: number;
  /**
   * Everyone who sent a message, as written, sorted; then everyone the sources name as taking
   * part who did not send (group members, e-mail recipients), with their identifier.
   */
  participants: string[];
  firstTimestamp: string | null;
  lastTimestamp: string | null;
  /** What sources keep about the chat beyond the above (ParsedChat.extra), per source; absent when none does. */
  sourceFacts?: { sourceId: string; extra: Record<string, unknown> }[];
}
