/**
 * Companions beside a WhatsApp database reached by their usual names, for when the source's folder
 * was not looked at whole (ParserInput.nearbyUnlisted: it could not be listed, or was cut at the
 * cap). A folder that cannot be listed (execute without read permission) still lets a file be
 * opened by its name. Used for wa.db beside msgstore.db (contacts.ts) and for ContactsV2.sqlite
 * and LID.sqlite beside ChatStorage.sqlite (ios-companions.ts); the name only reaches a file, its
 * tables still decide what it is.
 */

import type { NearbyFile, ParserInput } from '../../../shared/contracts/parsed-source.ts';
import { baseName } from '../sqlite/index.ts';

/**
 * `offered`, with each of `names` beside the source reached by its name when no file of that name
 * is among them. Each is read whole once (ParserInput.companion, bounded like any file beside a
 * source) and offered as a file beside it, before the others; its own -wal is reached by name the
 * same way. One that cannot be read is named in a warning and left out.
 */
export async function withNamesReached(input: ParserInput, offered: NearbyFile[], names: readonly string[], warn: (place: string, message: string) => void): Promise<NearbyFile[]> {
  const reached: NearbyFile[] = [];
  for (const name of names) {
    if (offered.some((file) => file.relation === 'same-folder' && baseName(file.input.displayName) === name)) continue;
    let bytes: Uint8Array | null;
    try {
      bytes = await input.companion(name);
    } catch (error) {
      warn(input.displayName, `${name} beside it could not be read (${error instanceof Error ? error.message : String(error)})`);
      continue;
    }
    if (bytes !== null) reached.push(siblingByName(input, name, bytes));
  }
  return reached.length === 0 ? offered : [...reached, ...offered];
}

/** A file beside `input` reached by its name, as a nearby file over its bytes. */
function siblingByName(input: ParserInput, name: string, bytes: Uint8Array): NearbyFile {
  const sibling = (path: string): string => path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1) + name;
  const own: ParserInput = {
    path: sibling(input.path),
    displayName: sibling(input.displayName),
    size: bytes.byteLength,
    readAll: () => Promise.resolve(bytes),
    async *stream() {
      yield bytes;
    },
    // Its -wal and -journal lie beside it, so beside the source too.
    companion: (companionName) => input.companion(companionName),
    nearby: () => Promise.resolve([]),
    nearbyUnlisted: () => Promise.resolve([]),
  };
  return { relation: 'same-folder', input: own, head: (length) => Promise.resolve(bytes.subarray(0, length)) };
}
