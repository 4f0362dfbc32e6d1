import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../engine/engine.ts';
import { detectFiles } from '../../engine/import/detect-files.ts';
import { decodeAttributedBody, parseBinaryPlist, readSummaryInfo } from '../../workers/import/ios-sms/index.ts';
import { SAMPLES, tempFolder } from '../support/temp-case.ts';
import { FAMILIES } from '../support/update-golden.ts';

/**
 * The files of ../shared/samples that no golden family imports: the folder's own documents,
 * the families other suites own, and the iMessage decoder fixtures. None may be skipped silently:
 * documents are refused with a reason, decoder fixtures are decoded by our decoders.
 */

/** Sample folders whose importers and golden tests belong to other suites. */
const OWNED_ELSEWHERE = ['ufdr', 'signal', 'email'];
const ROOT_DOCUMENTS = ['README.md', 'SOURCES.md'];
const IMESSAGE = join(SAMPLES, 'ios-sms-db', 'imessage-exporter');

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const present = existsSync(SAMPLES);

describe.skipIf(!present)('samples no golden family imports', () => {
  let engine: Engine;
  let caseFolder: string;
  let detected: { path: string; format: string | null; reason: string }[];

  beforeAll(async () => {
    engine = new Engine({ mode: 'cli', actor: 'golden' });
    caseFolder = tempFolder();
    const session = await engine.openCase(join(caseFolder, 'case'), true);
    detected = await detectFiles(session, ROOT_DOCUMENTS.map((name) => join(SAMPLES, name)));
  }, 120_000);

  afterAll(async () => {
    await engine.dispose();
    rmSync(caseFolder, { recursive: true, force: true });
  });

  it('every sample file belongs to a golden family, a suite that owns it, or the folder documents', () => {
    const families = new Set(FAMILIES.map((family) => family.name));
    const unowned = filesUnder(SAMPLES)
      .map((path) => relative(SAMPLES, path).split(sep))
      .filter((parts) => !(parts.length === 1 && ROOT_DOCUMENTS.includes(parts[0] ?? '')))
      .filter((parts) => !families.has(parts[0] ?? '') && !OWNED_ELSEWHERE.includes(parts[0] ?? ''));
    expect(unowned.map((parts) => parts.join('/'))).toEqual([]);
  });

  it.each(ROOT_DOCUMENTS)('%s is refused as no export, with the reason', (name) => {
    const found = detected.find((file) => file.path === join(SAMPLES, name));
    expect(found?.format).toBeNull();
    expect(found?.reason).toContain('matches no supported export format');
  });

  const blobs = existsSync(IMESSAGE) ? filesUnder(join(IMESSAGE, 'streamtyped')).sort() : [];
  it.each(blobs.map((path) => [relative(IMESSAGE, path), path]))('%s decodes as an attributedBody typedstream', (_name, path) => {
    const decoded = decodeAttributedBody(new Uint8Array(readFileSync(path)));
    // The exact texts are pinned in tests/unit/workers/import/ios-sms/typedstream.test.ts.
    expect(decoded.ok, decoded.ok ? '' : decoded.reason).toBe(true);
  });

  const plists = existsSync(IMESSAGE) ? filesUnder(IMESSAGE).filter((path) => path.endsWith('.plist')).sort() : [];
  it.each(plists.map((path) => [relative(IMESSAGE, path), path]))('%s parses as a binary plist', (name, path) => {
    const bytes = new Uint8Array(readFileSync(path));
    expect(parseBinaryPlist(bytes)).toBeInstanceOf(Map);
    // message_summary_info plists (edit history, unsent parts) are read by the importer itself.
    if (name.startsWith('edited_message')) expect(readSummaryInfo(bytes)).not.toBeNull();
  });

  it('found the decoder fixtures', () => {
    expect(blobs.length).toBeGreaterThanOrEqual(7);
    expect(plists.length).toBeGreaterThanOrEqual(8);
  });
});
