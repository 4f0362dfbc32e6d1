import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Encoder, Index } from 'flexsearch';
import type { IndexDocument } from '../../shared/contracts/db-worker.ts';
import { AppError } from '../../shared/errors.ts';
import type { QueryTerm } from '../../shared/search/query.ts';
import { foldedWords } from '../../shared/text/fold.ts';
import { fsyncDirectory, writeFileAtomic } from '../runtime/atomic-write.ts';

export const INDEX_FOLDER = 'index';
const MANIFEST_FILE = 'manifest.json';
const INDEX_FORMAT = 1;

interface IndexManifest {
  format: number;
  generation: number;
  sourceIds: string[];
  documentCount: number;
  files: string[];
  flexsearchOptions: typeof FLEXSEARCH_OPTIONS;
}

/**
 * Text is folded by shared/text/fold.ts before it reaches FlexSearch, so FlexSearch's own
 * encoder only splits on the spaces we put in. 'forward' tokenizing gives prefix search.
 */
const FLEXSEARCH_OPTIONS = { tokenize: 'forward', resolution: 9 } as const;

function createIndex(): Index {
  return new Index({
    ...FLEXSEARCH_OPTIONS,
    encoder: new Encoder({ normalize: false, dedupe: false, split: ' ', numeric: false }),
  });
}

/**
 * The case's message index. Persisted as generations: the files of generation N are written
 * in full into their own folder, then the manifest naming N is replaced atomically, so a crash
 * mid-write leaves the previous generation in force.
 */
export class MessageIndex {
  private index = createIndex();
  private documentCount = 0;
  private generation = 0;

  constructor(private readonly folder: string) {}

  static manifestPath(casePath: string): string {
    return join(casePath, INDEX_FOLDER, MANIFEST_FILE);
  }

  load(): { sourceIds: string[]; documentCount: number; loaded: boolean } {
    const manifestFile = join(this.folder, MANIFEST_FILE);
    if (!existsSync(manifestFile)) return { sourceIds: [], documentCount: 0, loaded: false };
    let manifest: IndexManifest;
    try {
      manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as IndexManifest;
      if (manifest.format !== INDEX_FORMAT) return { sourceIds: [], documentCount: 0, loaded: false };
      const generationFolder = join(this.folder, generationName(manifest.generation));
      const index = createIndex();
      for (const key of manifest.files) index.import(key, readFileSync(join(generationFolder, encodeKey(key)), 'utf8'));
      this.index = index;
    } catch (error) {
      throw new AppError('E_INDEX_CORRUPT', `The search index in ${this.folder} cannot be read: ${String(error)}`, { cause: error });
    }
    this.documentCount = manifest.documentCount;
    this.generation = manifest.generation;
    return { sourceIds: manifest.sourceIds, documentCount: manifest.documentCount, loaded: true };
  }

  clear(): void {
    this.index = createIndex();
    this.documentCount = 0;
  }

  add(documents: IndexDocument[]): void {
    for (const document of documents) {
      const words = foldedWords(document.text);
      if (words.length === 0) continue;
      this.index.add(document.rowid, words.join(' '));
      this.documentCount++;
    }
  }

  candidates(terms: QueryTerm[], limit: number): number[] {
    if (terms.length === 0) return [];
    // FlexSearch intersects the terms; exact-word and phrase checks happen afterwards on the text.
    const result = this.index.search(terms.map((term) => term.word).join(' '), { limit });
    return (result as (number | string)[]).map(Number);
  }

  async persist(sourceIds: string[]): Promise<{ generation: number; bytes: number }> {
    const generation = this.generation + 1;
    const generationFolder = join(this.folder, generationName(generation));
    rmSync(generationFolder, { recursive: true, force: true });
    mkdirSync(generationFolder, { recursive: true });
    const files: string[] = [];
    let bytes = 0;
    await this.index.export((key: string, data: string) => {
      writeFileSync(join(generationFolder, encodeKey(key)), data);
      files.push(key);
      bytes += data.length;
    });
    fsyncDirectory(generationFolder);
    const manifest: IndexManifest = { format: INDEX_FORMAT, generation, sourceIds, documentCount: this.documentCount, files, flexsearchOptions: FLEXSEARCH_OPTIONS };
    writeFileAtomic(join(this.folder, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
    this.generation = generation;
    this.removeOldGenerations();
    return { generation, bytes };
  }

  private removeOldGenerations(): void {
    for (const entry of readdirSync(this.folder)) {
      if (entry.startsWith('gen-') && entry !== generationName(this.generation)) rmSync(join(this.folder, entry), { recursive: true, force: true });
    }
  }
}

function generationName(generation: number): string {
  return `gen-${String(generation).padStart(6, '0')}`;
}

/** FlexSearch export keys are short ASCII names like "1.reg"; keep file names safe regardless. */
function encodeKey(key: string): string {
  return `${encodeURIComponent(key)}.json`;
}
