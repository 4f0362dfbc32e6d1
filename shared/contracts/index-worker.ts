import type { ParsedQuery } from '../search/query.ts';

/** Bits of IndexDocument.flags: cheap yes/no facts the filters test. */
export const DOC_FLAGS = { attachment: 1, ocr: 2, deleted: 4, system: 8 } as const;

/** What the index keeps per message: its words, and the facts filters and sorting need. */
export interface IndexDocument {
  rowid: number;
  text: string;
  /** UTC ms, or null when the message has no time. */
  time: number | null;
  chatId: string;
  sender: string | null;
  sourceId: string;
  lang: string;
  flags: number;
}

export interface IndexUpdate {
  rowid: number;
  lang?: string;
  /** Bits to set in flags (e.g. DOC_FLAGS.ocr once OCR text exists). */
  setFlags?: number;
  /** Marker ids now on the message (replaces the previous list). */
  markers?: string[];
  /** Extra searchable text (OCR) appended to the message's words. */
  appendText?: string;
}

export type SearchSort = 'relevance' | 'newest' | 'oldest';

/** A query with the filters the engine resolved to ids (chat titles and source names to ids). */
export interface ShardQuery {
  query: ParsedQuery;
  chatIds: string[] | null;
  sourceIds: string[] | null;
  sort: SearchSort;
  /** How many top hits to return (offset + limit of the page). */
  limit: number;
  /** Count languages of the matching messages (facet counts for the UI). */
  facets: boolean;
}

export interface ShardHit {
  rowid: number;
  time: number | null;
  score: number;
}

export interface ShardResult {
  total: number;
  hits: ShardHit[];
  langFacets: Record<string, number>;
}

/** One shard of the case's search index; a case has one shard per core, each in its own worker. */
export interface IndexWorkerApi {
  /** Loads the shard's persisted generation named by the case manifest (or starts empty). */
  open: { params: { casePath: string; shard: number; generation: number | null }; result: { documentCount: number; loaded: boolean } };
  attachPort: { params: { port: unknown }; result: null };
  add: { params: { documents: IndexDocument[] }; result: null };
  update: { params: { updates: IndexUpdate[] }; result: null };
  /** Messages of these sources stop matching (an import that did not finish). */
  dropSources: { params: { sourceIds: string[] }; result: null };
  clear: { params: Record<string, never>; result: null };
  query: { params: ShardQuery; result: ShardResult };
  /** Writes generation `generation` of this shard; the engine then points the manifest at it. */
  persist: { params: { generation: number }; result: { bytes: number; documentCount: number } };
  /** Replaces index/manifest.json atomically (called on one shard once all shards persisted). */
  commitManifest: { params: { manifest: string }; result: null };
  /** Deletes this shard's generations other than `keep` (after the manifest points at `keep`). */
  prune: { params: { keep: number }; result: null };
  stats: { params: Record<string, never>; result: { documentCount: number; vocabulary: number; heapUsed: number; rss: number } };
}
