import { join } from 'node:path';
import { AppError } from '../../shared/errors.ts';

/**
 * Where an uploaded file goes inside its drop's intake folder. A file dropped on its own keeps
 * its name; a file from a dropped folder keeps its place in that folder (the browser sends the
 * path from the folder down, "Export/Media/IMG-1.jpg"), so an export's text and media lie
 * together as on the seized disk. The path comes from the browser and is treated as hostile:
 * every part is reduced to a plain name, and "..", "." or an empty part is refused rather than
 * mended, so nothing is written outside the drop's folder.
 */
export interface UploadTarget {
  /** The folder the file is written in (created if needed). */
  folder: string;
  /** The file's name in it. */
  name: string;
  /** What the drop put in the intake: the file itself, or the top folder it came in. */
  root: string | null;
}

/** Parts of a path from a dropped folder; deeper folders than this are refused. */
export const MAX_UPLOAD_PATH_PARTS = 64;

export function uploadTarget(dropFolder: string, name: string, relativePath: string | null): UploadTarget {
  if (relativePath === null || relativePath === '') return { folder: dropFolder, name: plainName(name), root: null };
  const parts = relativePath.split('/');
  if (parts.length > MAX_UPLOAD_PATH_PARTS) throw new AppError('E_INVALID_REQUEST', `The uploaded path has more than ${MAX_UPLOAD_PATH_PARTS} parts`);
  for (const part of parts) {
    if (part === '' || part === '.' || part === '..') throw new AppError('E_INVALID_REQUEST', `The uploaded path "${relativePath.slice(0, 200)}" is not a path inside a folder`);
  }
  const plain = parts.map(plainName);
  const fileName = plain.pop() ?? 'upload';
  if (plain.length === 0) return { folder: dropFolder, name: fileName, root: null };
  return { folder: join(dropFolder, ...plain), name: fileName, root: join(dropFolder, plain[0] ?? 'upload') };
}

/** A name with only letters, digits, spaces and . _ ( ) -, at most 200 characters; never "." or "..". */
export function plainName(name: string): string {
  const plain = name.replace(/[^\p{L}\p{N} ._()-]/gu, '_').slice(0, 200);
  return plain === '' || /^\.+$/u.test(plain) ? 'upload' : plain;
}
