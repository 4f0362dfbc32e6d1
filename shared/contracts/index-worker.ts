import type { QueryTerm } from '../search/query.ts';
import type { IndexDocument } from './db-worker.ts';

/** The search index worker owns the FlexSearch index of one case. */
export interface IndexWorkerApi {
  /** Loads the persisted index; reports which sources it covers so the host can reconcile. */
  open: { params: { casePath: string }; result: { sourceIds: string[]; documentCount: number; loaded: boolean } };
  attachPort: { params: { port: unknown }; result: null };
  add: { params: { documents: IndexDocument[] }; result: null };
  /** Forgets everything (before a rebuild). */
  clear: { params: Record<string, never>; result: null };
  /** Candidate row ids containing every term; the host checks them against the full query. */
  candidates: { params: { terms: QueryTerm[]; limit: number }; result: { rowids: number[] } };
  /** Writes a new generation of the index and a manifest naming the sources it covers. */
  persist: { params: { sourceIds: string[] }; result: { generation: number; bytes: number } };
}
