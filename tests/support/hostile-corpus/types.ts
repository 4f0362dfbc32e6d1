import type { ErrorCode } from '../../../shared/errors.ts';

/**
 * One hostile input: the files of a case folder (the entry file plus what travels with it) and
 * what an analyst should see after importing it through the whole engine.
 */
export interface HostileCase {
  /** Folder name of the case inside the corpus; unique. */
  id: string;
  /** The export format the attack targets (the format it is dressed as). */
  format: string;
  /** What the input does, in words for a failing test's message. */
  attack: string;
  files: HostileFile[];
  /** The file (relative to the case folder) the expectation is about. */
  entry: string;
  expect: HostileExpectation;
}

export type HostileFile =
  | { name: string; bytes: () => Uint8Array | string | Promise<Uint8Array | string> }
  /** A symbolic link; `target` is relative to the corpus's parent folder (e.g. the decoy outside the corpus). */
  | { name: string; symlinkTo: string }
  | { name: string; directory: true };

/**
 * `failed`: the source is refused with `code`, and the message names the entry file and matches
 * `says` (the place: line, offset, entry, XML line, or the reason). `imported`: the good records
 * are in the case, every `issue` pattern matches one of the source's issues (naming the place),
 * each word in `finds` is searchable, no word in `absent` is.
 */
export type HostileExpectation =
  | { status: 'failed'; code: ErrorCode; says: RegExp }
  | { status: 'imported'; format?: string; issues?: RegExp[]; finds?: string[]; absent?: string[]; messages?: number; unparsed?: number }
  /** No source at all comes from this path. */
  | { status: 'nothing'; why: string };

/** The decoy every path-escape attack aims at: a real file beside the corpus that must never be read. */
export const DECOY_NAME = 'outside-secret.jpg';
export const DECOY_TEXT = 'decoysecret root:x:0:0';
