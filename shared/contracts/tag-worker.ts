import type { FoundIdentifier } from '../identifiers/extract.ts';

export interface TagItem {
  rowid: number;
  text: string;
  lang: string;
}

export interface TaggedItem {
  rowid: number;
  tags: { marker: string; score: number; spans: [number, number][]; rule: string; rules: string[]; lang: string; packVersion: string }[];
  identifiers: FoundIdentifier[];
}

/** Marker tagging and identifier extraction, as a pool of stateless workers. */
export interface TagWorkerApi {
  tag: { params: { items: TagItem[] }; result: { results: TaggedItem[]; tagger: { tool: string; toolVersion: string; packVersions: Record<string, string> } } };
}
