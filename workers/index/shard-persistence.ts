import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../shared/errors.ts';
import { fsyncDirectory } from '../runtime/atomic-write.ts';
import { FLEXSEARCH_OPTIONS } from './flex-postings.ts';
import { ShardIndex } from './shard-index.ts';

/** 3: word frequencies are read from the posting lists (no frequencies.json). */
const SHARD_FORMAT = 3;
const COLUMN_NAMES = ['rowids', 'times', 'chats', 'senders', 'sources', 'langs', 'flags', 'markers'] as const;

interface ShardMeta {
  format: number;
  documentCount: number;
  flexsearchOptions: typeof FLEXSEARCH_OPTIONS;
  flexFiles: string[];
  columns: { name: (typeof COLUMN_NAMES)[number]; byteOffset: number; byteLength: number }[];
  dictionaries: { chats: string[]; senders: string[]; sources: string[]; langs: string[]; markers: string[] };
  deadSources: number[];
}

export function generationFolder(casePath: string, shard: number, generation: number): string {
  return join(casePath, 'index', `shard-${shard}`, `gen-${String(generation).padStart(6, '0')}`);
}

/**
 * Writes a complete generation of a shard into its own folder (never over the one in use), so
 * the engine can switch the case manifest to it atomically once every shard has written.
 */
export async function saveShard(shard: ShardIndex, folder: string): Promise<number> {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(join(folder, 'flex'), { recursive: true });
  let bytes = 0;
  const flexFiles: string[] = [];
  await shard.postings.export((key: string, data: string) => {
    writeFileSync(join(folder, 'flex', `${encodeURIComponent(key)}.json`), data);
    flexFiles.push(key);
    bytes += data.length;
  });
  const columns: ShardMeta['columns'] = [];
  const buffers: Uint8Array[] = [];
  let offset = 0;
  for (const name of COLUMN_NAMES) {
    const view = shard[name].view();
    const raw = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    columns.push({ name, byteOffset: offset, byteLength: raw.byteLength });
    buffers.push(raw);
    offset += raw.byteLength;
  }
  writeFileSync(join(folder, 'columns.bin'), Buffer.concat(buffers));
  bytes += writeJsonArray(join(folder, 'texts.json'), shard.texts);
  const meta: ShardMeta = {
    format: SHARD_FORMAT,
    documentCount: shard.size,
    flexsearchOptions: FLEXSEARCH_OPTIONS,
    flexFiles,
    columns,
    dictionaries: { chats: shard.chatIds.values, senders: shard.senderNames.values, sources: shard.sourceIds.values, langs: shard.langCodes.values, markers: shard.markerIds.values },
    deadSources: [...shard.deadSources],
  };
  writeFileSync(join(folder, 'meta.json'), JSON.stringify(meta));
  fsyncDirectory(join(folder, 'flex'));
  fsyncDirectory(folder);
  return bytes + offset;
}

export function loadShard(folder: string): ShardIndex {
  try {
    const meta = JSON.parse(readFileSync(join(folder, 'meta.json'), 'utf8')) as ShardMeta;
    if (meta.format !== SHARD_FORMAT) throw new Error(`shard format ${meta.format}, expected ${SHARD_FORMAT}`);
    const shard = new ShardIndex();
    for (const key of meta.flexFiles) shard.postings.load(key, readFileSync(join(folder, 'flex', `${encodeURIComponent(key)}.json`), 'utf8'));
    const columns = readFileSync(join(folder, 'columns.bin'));
    for (const column of meta.columns) {
      const slice = columns.buffer.slice(columns.byteOffset + column.byteOffset, columns.byteOffset + column.byteOffset + column.byteLength);
      const target = shard[column.name];
      if (column.name === 'rowids' || column.name === 'times') (target as ShardIndex['rowids']).load(new Float64Array(slice));
      else if (column.name === 'flags') (target as ShardIndex['flags']).load(new Uint8Array(slice));
      else if (column.name === 'markers') (target as ShardIndex['markers']).load(new Uint32Array(slice));
      else (target as ShardIndex['chats']).load(new Int32Array(slice));
    }
    shard.texts = JSON.parse(readFileSync(join(folder, 'texts.json'), 'utf8')) as string[];
    shard.chatIds.load(meta.dictionaries.chats);
    shard.senderNames.load(meta.dictionaries.senders);
    shard.sourceIds.load(meta.dictionaries.sources);
    shard.langCodes.load(meta.dictionaries.langs);
    shard.markerIds.load(meta.dictionaries.markers);
    for (const id of meta.deadSources) shard.deadSources.add(id);
    shard.rebuildPositionMap();
    return shard;
  } catch (error) {
    throw new AppError('E_INDEX_CORRUPT', `The search index shard in ${folder} cannot be read: ${String(error)}`, { cause: error });
  }
}

/** Texts per write: the whole array as one JSON string would cost its size twice more at the peak. */
const TEXTS_PER_WRITE = 20_000;

/** Writes `values` as one JSON array, a slice at a time; returns the bytes written. */
function writeJsonArray(path: string, values: readonly string[]): number {
  const fd = openSync(path, 'w');
  let bytes = 0;
  try {
    for (let start = 0; start < values.length || start === 0; start += TEXTS_PER_WRITE) {
      const body = JSON.stringify(values.slice(start, start + TEXTS_PER_WRITE)).slice(1, -1);
      const chunk = `${start === 0 ? '[' : body === '' ? '' : ','}${body}${start + TEXTS_PER_WRITE >= values.length ? ']' : ''}`;
      bytes += writeSync(fd, chunk);
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** Deletes every generation of the shard except `keep`. */
export function removeOtherGenerations(shardFolder: string, keep: string): void {
  let entries: string[];
  try {
    entries = readdirSync(shardFolder);
  } catch {
    return;
  }
  for (const entry of entries) if (entry.startsWith('gen-') && join(shardFolder, entry) !== keep) rmSync(join(shardFolder, entry), { recursive: true, force: true });
}
