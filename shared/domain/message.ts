/**
 * A locator points from a derived record back to the exact place in the seized source.
 * One variant per kind of source; more kinds (rowid, JSON pointer, XML path) join later.
 */
export type Locator =
  | { kind: 'text-lines'; file: string; lineStart: number; lineEnd: number; byteStart: number; byteEnd: number };

export type MessageKind = 'message' | 'system' | 'unparsed';

export interface MediaReference {
  kind: 'omitted' | 'attached';
  mediaType?: string;
  fileName?: string;
}

export interface Message {
  /** Stable id derived from the source hash and the locator: the same bytes give the same id. */
  id: string;
  sourceId: string;
  chatId: string;
  /** Position of the message in its conversation, in source order (0-based). */
  seq: number;
  kind: MessageKind;
  sender: string | null;
  /** Normalised UTC instant, ISO 8601, or null when the source time cannot be placed. */
  timestamp: string | null;
  /** The timestamp exactly as the source wrote it. */
  timestampText: string;
  text: string;
  /** ISO 639-3, 'und' when unknown. */
  lang: string;
  langConfidence: number;
  media: MediaReference | null;
  deleted: boolean;
  edited: boolean;
  locator: Locator;
}

export interface ConversationSummary {
  id: string;
  sourceId: string;
  title: string;
  messageCount: number;
  participants: string[];
  firstTimestamp: string | null;
  lastTimestamp: string | null;
}
