import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { jsonCases } from './hostile-corpus/cases-json.ts';
import { markupCases } from './hostile-corpus/cases-markup.ts';
import { miscCases } from './hostile-corpus/cases-misc.ts';
import { sqliteCases } from './hostile-corpus/cases-sqlite.ts';
import { textCases } from './hostile-corpus/cases-text.ts';
import { zipCases } from './hostile-corpus/cases-zip.ts';
import type { HostileCase } from './hostile-corpus/types.ts';
import { DECOY_NAME, DECOY_TEXT } from './hostile-corpus/types.ts';

export type { HostileCase, HostileExpectation } from './hostile-corpus/types.ts';
export { CSV_MAPPING, SEED_WORD, whatsappText } from './hostile-corpus/seeds.ts';
export { DECOY_NAME } from './hostile-corpus/types.ts';

/**
 * A hostile-input corpus generated at test time (issue #3): every attack on every format it
 * applies to, one folder per case so no case can lend another its media or companions, and a
 * decoy file beside the corpus that every path-escape aims at.
 *
 *   <parent>/outside-secret.jpg        the decoy (must never be read or hashed as an attachment)
 *   <parent>/corpus/<case id>/<files>  the cases
 */
export function allHostileCases(): HostileCase[] {
  const cases = [...textCases(), ...jsonCases(), ...markupCases(), ...zipCases(), ...sqliteCases(), ...miscCases()];
  const ids = new Set(cases.map((item) => item.id));
  if (ids.size !== cases.length) throw new Error('hostile corpus: duplicate case ids');
  return cases;
}

export interface WrittenCorpus {
  parent: string;
  folder: string;
  cases: HostileCase[];
  /** Absolute path of a case's entry file. */
  entryPath(item: HostileCase): string;
  /** Every file and link under `parent` (relative path → SHA-256, "link:<target>" or "dir"), as written. */
  written: Map<string, string>;
}

/** Writes the cases (all, or those whose ids are given) under `<parent>/corpus`. */
export async function writeHostileCorpus(parent: string, cases: HostileCase[] = allHostileCases()): Promise<WrittenCorpus> {
  const folder = join(parent, 'corpus');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(parent, DECOY_NAME), DECOY_TEXT, { mode: 0o444 });
  const written = new Map<string, string>([[DECOY_NAME, sha256(Buffer.from(DECOY_TEXT))]]);
  for (const item of cases) {
    const caseFolder = join(folder, item.id);
    mkdirSync(caseFolder, { recursive: true });
    for (const file of item.files) {
      const path = join(caseFolder, file.name);
      mkdirSync(dirname(path), { recursive: true });
      const key = relative(parent, path);
      if ('directory' in file) {
        mkdirSync(path, { recursive: true });
        written.set(key, 'dir');
      } else if ('symlinkTo' in file) {
        const target = relative(dirname(path), join(parent, file.symlinkTo));
        symlinkSync(target, path);
        written.set(key, `link:${target}`);
      } else {
        const content = await file.bytes();
        const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
        // Read-only, like evidence: an importer that tried to open it for writing would fail loudly.
        writeFileSync(path, bytes, { mode: 0o444 });
        written.set(key, sha256(bytes));
      }
    }
  }
  return { parent, folder, cases, entryPath: (item) => join(folder, item.id, item.entry), written };
}

/**
 * What is under `root` now, in the shape of `written` (relative path → SHA-256, link or dir),
 * skipping the folders named in `skip` (the case folder, which is meant to change).
 */
export function snapshotTree(root: string, skip: string[] = []): Map<string, string> {
  const found = new Map<string, string>();
  const visit = (path: string): void => {
    for (const name of readdirSync(path).sort()) {
      const full = join(path, name);
      const key = relative(root, full);
      if (skip.includes(key)) continue;
      const stats = lstatSync(full);
      if (stats.isSymbolicLink()) found.set(key, `link:${readlinkSync(full)}`);
      else if (stats.isDirectory()) {
        if (readdirSync(full).length === 0) found.set(key, 'dir');
        visit(full);
      } else found.set(key, sha256(readFileSync(full)));
    }
  };
  visit(root);
  return found;
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
