import type { Locator, MessageKind } from './message.ts';

export interface SearchHit {
  id: string;
  source: string;
  sourceId: string;
  chat: string;
  chatId: string;
  seq: number;
  sender: string | null;
  /** The sender's address or number where the source gives one. */
  senderId: string | null;
  kind: MessageKind;
  /** Where the source says (a device's own messages are 'outgoing'); null when it does not. */
  direction: 'incoming' | 'outgoing' | null;
  timestamp: string | null;
  text: string;
  lang: string;
  markers: string[];
  locator: Locator;
  /** UTF-16 [start, end) ranges of text that matched the query, for highlighting. */
  highlights: [number, number][];
  /** Text read from the message's images, with its own matching ranges, when it has any. */
  ocr?: { text: string; highlights: [number, number][] };
}

export interface SearchResult {
  query: string;
  total: number;
  tookMs: number;
  hits: SearchHit[];
  /** Languages of all matching messages (ISO 639-3 -> count), when asked for. */
  langFacets: Record<string, number>;
}
