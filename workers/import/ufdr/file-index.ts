/**
 * What the report says about extracted files (`<taggedFiles><file id=… path=…>` with their
 * `Local Path`, MD5 and SHA256 metadata) and which names go with which identifiers (Contact and
 * UserAccount models). Attachments refer to files by id (`file_id`, `jumptargets`). Physical
 * Analyzer writes taggedFiles before decodedData, so the index is filled first and read while
 * messages stream past; when an export writes them last, tagged-files-prepass.ts fills it first. Both maps are bounded: a report with millions of files must not exhaust
 * memory; past the bound, files are counted, and attachments fall back to the path the
 * Attachment model itself names.
 */

import { safeRelativePath } from '../import-limits.ts';
import { MATCHED_DIGITS } from '../phone-spellings.ts';
import { ownCopy } from '../../../shared/text/own-copy.ts';
import { isDeletedState } from './deleted-state.ts';
import { descendants } from './model-tree.ts';
import type { XmlNode } from './model-tree.ts';

export const MAX_INDEXED_FILES = 1_000_000;
export const MAX_KNOWN_NAMES = 500_000;

export interface TaggedFile {
  id: string | null;
  /** The file's path on the device (`/private/var/…`), as the report names it. */
  devicePath: string | null;
  /** Where the bytes are inside the UFDR (`files/Image/…`), from the `Local Path` metadata. */
  localPath: string | null;
  /** A `Local Path` refused because it leads outside the UFDR (`..`, absolute), as written. */
  refusedLocalPath: string | null;
  size: number | null;
  md5: string | null;
  sha256: string | null;
  deleted: boolean;
  /** The `deleted` attribute as written (`Intact`, `Deleted`, `Trash`…), or null when absent. */
  deletedState: string | null;
  /** accessInfo `<timestamp name=…>` texts as written (CreationTime, ModifyTime, AccessTime), in order. */
  times: [string, string][];
}

/** Reads a `<file>` element of taggedFiles (or one written inline in a model). */
export function taggedFileOf(node: XmlNode): TaggedFile {
  const items = new Map<string, string>();
  for (const item of descendants(node, 'item')) {
    const name = item.attrs['name'];
    if (name !== undefined && !items.has(name.toLowerCase())) items.set(name.toLowerCase(), item.text.trim());
  }
  const local = items.get('local path') ?? node.attrs['local_path'] ?? null;
  const size = node.attrs['size'];
  const localPath = local === null ? null : safeRelativePath(local);
  return {
    id: node.attrs['id'] ?? null,
    devicePath: node.attrs['path'] ?? null,
    localPath,
    refusedLocalPath: local !== null && local !== '' && localPath === null ? local : null,
    size: size !== undefined && /^\d+$/u.test(size) ? Number(size) : null,
    md5: hexDigest(items.get('md5') ?? node.attrs['md5'], 32),
    sha256: hexDigest(items.get('sha256') ?? items.get('sha-256') ?? node.attrs['sha256'], 64),
    deleted: isDeletedState(node.attrs['deleted']),
    deletedState: node.attrs['deleted'] ?? null,
    times: accessTimesOf(node),
  };
}

/** Times past this many per file are not kept: Physical Analyzer writes three. */
const MAX_FILE_TIMES = 16;
/** A longer text is no time stamp; it is cut to keep a million indexed files small. */
const MAX_FILE_TIME_CHARS = 64;

function accessTimesOf(node: XmlNode): [string, string][] {
  const times: [string, string][] = [];
  for (const access of descendants(node, 'accessInfo')) {
    for (const stamp of access.children) {
      const name = stamp.attrs['name'];
      const text = stamp.text.trim();
      if (stamp.name !== 'timestamp' || name === undefined || text === '' || times.length >= MAX_FILE_TIMES) continue;
      times.push([name, text.slice(0, MAX_FILE_TIME_CHARS)]);
    }
  }
  return times;
}

/** A digest as lowercase hex, or null when it is not `length` hex digits (a vendor typo is not a digest). */
function hexDigest(value: string | undefined, length: number): string | null {
  const compact = value?.replace(/[\s:-]/gu, '').toLowerCase();
  return compact !== undefined && compact.length === length && /^[0-9a-f]+$/u.test(compact) ? compact : null;
}

export class FileIndex {
  private readonly files = new Map<string, TaggedFile>();
  private readonly names = new Map<string, string>();
  indexed = 0;
  notIndexed = 0;

  add(file: TaggedFile): void {
    if (file.id === null) return;
    if (this.files.size >= MAX_INDEXED_FILES && !this.files.has(file.id)) {
      this.notIndexed += 1;
      return;
    }
    // Kept to the end of the import: copied, so no file keeps its part of the report alive (ownCopy).
    const kept = detachedFile(file);
    this.files.set(kept.id ?? file.id, kept);
    this.indexed += 1;
  }

  get(id: string): TaggedFile | undefined {
    return this.files.get(id);
  }

  /** The `Local Path` of every indexed file that has one: where the report says its bytes are. */
  *localPaths(): Iterable<string> {
    for (const file of this.files.values()) if (file.localPath !== null) yield file.localPath;
  }

  /** Remembers a name for an identifier (phone number, jid, user id); the first name wins. */
  addName(id: string, name: string): void {
    const key = matchKey(id);
    if (key === '' || this.names.has(key) || this.names.size >= MAX_KNOWN_NAMES) return;
    this.names.set(ownCopy(key), ownCopy(name));
  }

  nameOf(id: string | null): string | null {
    return id === null ? null : (this.names.get(matchKey(id)) ?? null);
  }
}

/**
 * A copy of the file that shares nothing with the report's text (ownCopy). Kept for a million
 * files, so copied by a JSON round trip, whose strings are plain ones: cut from a copy, as
 * ownCopy() makes them, each would keep a view besides (164 MB for 100,000 files, not 92 MB).
 */
function detachedFile(file: TaggedFile): TaggedFile {
  return JSON.parse(JSON.stringify(file)) as TaggedFile;
}

/**
 * The key that tells one person however their identifier is spelled: a phone number's last nine
 * digits (`0711111111`, `0040711111111` and `+40 711 111 111` are one number), as the phone's own
 * contact matching does; identifierKey otherwise. For names and the owner's numbers, not for keys
 * that are stored.
 */
export function matchKey(id: string): string {
  const key = identifierKey(id);
  return /^\d+$/u.test(key) && key.length >= MATCHED_DIGITS ? key.slice(-MATCHED_DIGITS) : key;
}

/**
 * Identifiers are written several ways across models (`+55 11 99999-7777`, `5511999997777`,
 * `5511999997777@s.whatsapp.net`); matching uses the digits of phone-like ids, lowercase otherwise.
 */
export function identifierKey(id: string): string {
  const trimmed = id.trim().toLowerCase();
  const phone = /^\+?[\d\s().-]{6,}(@s\.whatsapp\.net|@c\.us)?$/u.exec(trimmed);
  return phone === null ? trimmed : trimmed.replace(/@.*$/u, '').replace(/\D/gu, '');
}
