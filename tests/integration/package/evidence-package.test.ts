import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyEvidencePackage } from '../../../engine/package/verify-package.ts';
import { writeEvidencePackage } from '../../../engine/package/write-package.ts';
import type { WritePackageResult } from '../../../shared/contracts/evidence-package.ts';
import { flipByte, listBagFiles } from '../../support/bag-tamper.ts';
import { validateBagIt } from '../../support/bagit-validator.ts';
import { buildPackageInput } from '../../support/evidence-package-input.ts';
import type { PackageFixture } from '../../support/evidence-package-input.ts';
import { tempFolder } from '../../support/temp-case.ts';

const has = (command: string): boolean => spawnSync('which', [command]).status === 0;

describe('evidence package round trip', () => {
  let fixture: PackageFixture;
  let bag: string;
  let written: WritePackageResult;

  beforeAll(async () => {
    fixture = await buildPackageInput({ sign: true });
    bag = join(tempFolder('threadline-bag-'), 'bag');
    const stages = new Set<string>();
    written = await writeEvidencePackage(fixture.input, bag, { onProgress: (progress) => stages.add(progress.stage) });
    expect([...stages]).toEqual(['payload', 'attachments', 'report']);
  });

  it('writes the BagIt layout and verifies', async () => {
    expect(written.files).toEqual(listBagFiles(bag));
    expect(written.files).toEqual(expect.arrayContaining([
      'bagit.txt', 'bag-info.txt', 'manifest-sha256.txt', 'tagmanifest-sha256.txt', 'signature/tagmanifest.sig', 'signature/examiner-public-key.pem',
      'data/messages.jsonl', 'data/messages.csv', 'data/markers.jsonl', 'data/reviews.jsonl', 'data/sources.jsonl', 'data/attachments.jsonl',
      'data/custody/audit.jsonl', 'data/custody/export-entry.json', 'data/case.jsonld', 'data/report/report.html', 'data/report/report.pdf',
      `data/attachments/${fixture.sha.photo}-IMG-20240301-WA0001.jpg`, `data/attachments/${fixture.sha.document}-Contract_munca_Stefan.txt`,
    ]));
    const result = await verifyEvidencePackage(bag);
    expect(result.failures).toEqual([]);
    expect(result).toMatchObject({ ok: true, checked: { payloadFiles: 13, custodyEntries: 3, signature: 'valid' } });
    expect(readFileSync(join(bag, 'bagit.txt'), 'utf8')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    const info = readFileSync(join(bag, 'bag-info.txt'), 'utf8');
    expect(info).toContain(`Payload-Oxum: ${written.payloadOxum}\n`);
    expect(info).toMatch(/^Bagging-Date: 2025-03-14$/m);
    expect(info).toMatch(/^Internal-Sender-Identifier: EXH-002$/m);
    expect(info).toMatch(/^Bag-Software-Agent: Threadline 0\.1\.0$/m);
  });

  it('passes an independent RFC 8493 validator', () => {
    expect(validateBagIt(bag)).toEqual({ valid: true, errors: [] });
  });

  it.skipIf(!has('sha256sum'))('checks with coreutils sha256sum -c, and fails it after a byte flip', () => {
    expect(spawnSync('sha256sum', ['-c', '--strict', 'manifest-sha256.txt'], { cwd: bag }).status).toBe(0);
    expect(spawnSync('sha256sum', ['-c', '--strict', 'tagmanifest-sha256.txt'], { cwd: bag }).status).toBe(0);
    const restore = flipByte(bag, 'data/messages.csv');
    try {
      expect(spawnSync('sha256sum', ['-c', 'manifest-sha256.txt'], { cwd: bag }).status).not.toBe(0);
    } finally {
      restore();
    }
  });

  it.skipIf(!has('openssl'))('has a signature openssl verifies', () => {
    const check = spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', 'signature/examiner-public-key.pem', '-rawin', '-in', 'tagmanifest-sha256.txt', '-sigfile', 'signature/tagmanifest.sig'], { cwd: bag, encoding: 'utf8' });
    expect(check.stdout).toContain('Signature Verified Successfully');
  });

  it('copies attachments and the custody log byte for byte', () => {
    expect(readFileSync(join(bag, `data/attachments/${fixture.sha.document}-Contract_munca_Stefan.txt`), 'utf8')).toContain('Contract de muncă');
    expect(readFileSync(join(bag, 'data/custody/audit.jsonl'), 'utf8')).toBe(fixture.input.custodyLog.map((line) => `${line}\n`).join(''));
    const entry = JSON.parse(readFileSync(join(bag, 'data/custody/export-entry.json'), 'utf8')) as { seq: number; at: string; action: string };
    expect(entry).toMatchObject({ seq: 4, at: '2025-03-14T09:30:00.000Z', action: 'package.export' });
  });

  it('records messages with locator, source hash and the selected flag', () => {
    const messages = readFileSync(join(bag, 'data/messages.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(messages).toHaveLength(6);
    const m1 = messages.find((message) => message['id'] === 'm-1');
    expect(m1).toMatchObject({ selected: true, sourceId: 'src-wa', sourceSha256: 'a'.repeat(64), markers: ['document-retention'], place: 'WhatsApp Chat with Ana Pop.txt, line 11, bytes 1100–1180' });
    expect(messages.find((message) => message['id'] === 'm-0')).toMatchObject({ selected: false });
    const sources = readFileSync(join(bag, 'data/sources.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(sources.map((source) => source['hashesMatch'])).toEqual([true, false]);
  });

  it('writes a CSV that spreadsheets read: BOM, CRLF, quoting, formulas neutralised', () => {
    const csv = readFileSync(join(bag, 'data/messages.csv'), 'utf8');
    expect(csv.startsWith('\ufeffmessage_id,')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(8);
    expect(csv).toContain('"\'=HYPERLINK(""http://x"") trimite contractul ""semnat"", te rog"');
    expect(csv).toContain('Привет, я тоже поеду');
  });

  it('writes CASE/UCO JSON-LD with an inline context defining every prefix it uses', () => {
    const document = JSON.parse(readFileSync(join(bag, 'data/case.jsonld'), 'utf8')) as { '@context': Record<string, string>; '@graph': Record<string, unknown>[] };
    const context = document['@context'];
    expect(Object.values(context).every((iri) => /^(https?|urn):/.test(iri))).toBe(true);
    const used = new Set<string>();
    const collect = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value !== null && typeof value === 'object') {
        for (const [key, item] of Object.entries(value)) {
          if (!key.startsWith('@')) used.add(key.split(':')[0] ?? '');
          if ((key === '@type' || key === '@id') && typeof item === 'string') used.add(item.split(':')[0] ?? '');
          collect(item);
        }
      }
    };
    collect(document['@graph']);
    for (const prefix of used) expect(context, `prefix ${prefix}`).toHaveProperty(prefix);
    const types = new Set(document['@graph'].map((node) => node['@type']));
    for (const type of ['uco-observable:File', 'uco-observable:Message', 'case-investigation:ProvenanceRecord', 'uco-action:Action', 'uco-tool:Tool', 'case-investigation:Investigation']) expect(types).toContain(type);
    expect(JSON.stringify(document)).toContain('uco-observable:ContentDataFacet');
    expect(JSON.stringify(document)).toContain('declared at import as from device \\"Exhibit EXH-001 (phone of the complainant)\\"');
  });

  it('writes a self-contained HTML report with the chats, indicators and notes', () => {
    const html = readFileSync(join(bag, 'data/report/report.html'), 'utf8');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script|src=|href=/);
    for (const text of ['مرحبا، السفر', 'Привет', 'Tôi sẽ đến', 'ILO indicator', 'Victor is the recruiter', 'sha256sum -c manifest-sha256.txt', 'DIFFERENT', 'Device (declared at import)', 'Exhibit EXH-001 (phone of the complainant)', 'not declared']) expect(html).toContain(text.replace(/"/g, '&quot;'));
  });

  it('writes byte-identical bags from the same input, PDF and signature included', async () => {
    const again = join(tempFolder('threadline-bag-again-'), 'bag');
    await writeEvidencePackage(fixture.input, again);
    expect(listBagFiles(again)).toEqual(written.files);
    for (const file of written.files) expect(readFileSync(join(again, file)).equals(readFileSync(join(bag, file))), file).toBe(true);
  });

  it('refuses a folder that is not empty', async () => {
    const folder = tempFolder('threadline-bag-busy-');
    writeFileSync(join(folder, 'keep.txt'), 'x');
    await expect(writeEvidencePackage(fixture.input, folder)).rejects.toMatchObject({ code: 'E_USAGE' });
  });

  it('refuses an attachment whose bytes changed since intake, leaving no partial bag', async () => {
    const folder = tempFolder('threadline-bag-mismatch-');
    const changed = join(folder, 'changed.jpg');
    writeFileSync(changed, 'not the photo');
    const input = { ...fixture.input, attachments: fixture.input.attachments.map((attachment, index) => (index === 0 ? { ...attachment, readFile: () => changed } : attachment)) };
    const out = join(folder, 'bag');
    await expect(writeEvidencePackage(input, out)).rejects.toMatchObject({ code: 'E_HASH_MISMATCH' });
    expect(listBagFiles(out)).toEqual([]);
  });

  it('stops when cancelled and removes what it wrote', async () => {
    const controller = new AbortController();
    const out = join(tempFolder('threadline-bag-cancel-'), 'bag');
    mkdirSync(out);
    const run = writeEvidencePackage(fixture.input, out, { signal: controller.signal, onProgress: (progress) => { if (progress.stage === 'attachments') controller.abort(); } });
    await expect(run).rejects.toMatchObject({ code: 'E_CANCELLED' });
    expect(listBagFiles(out)).toEqual([]);
  });
});

describe('evidence package edge cases', () => {
  it('packages a selection with no attachments, markers or reviews, and refuses a broken custody log', async () => {
    const { input } = await buildPackageInput();
    const minimal = { ...input, attachments: [], markers: [], reviews: [], conversations: input.conversations.slice(1) };
    const bag = join(tempFolder('threadline-bag-minimal-'), 'bag');
    const written = await writeEvidencePackage(minimal, bag);
    expect(written.files.some((file) => file.startsWith('data/attachments/'))).toBe(false);
    expect(await verifyEvidencePackage(bag)).toMatchObject({ ok: true, failures: [] });
    expect(validateBagIt(bag).valid).toBe(true);

    const broken = { ...input, custodyLog: [input.custodyLog[0] ?? '', input.custodyLog[2] ?? ''] };
    await expect(writeEvidencePackage(broken, join(tempFolder('threadline-bag-broken-'), 'bag'))).rejects.toMatchObject({ code: 'E_CASE_CORRUPT' });
  });

  it('reports a folder that is not a bag, through the CLI command with --json', async () => {
    const { runVerify } = await import('../../../cli/commands/verify-command.ts');
    const folder = tempFolder('threadline-not-a-bag-');
    writeFileSync(join(folder, 'notes.txt'), 'hello');
    const printed: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => { printed.push(chunk); return true; }) as typeof process.stdout.write;
    let code: number;
    try {
      code = await runVerify(folder, { json: true });
    } finally {
      process.stdout.write = write;
    }
    expect(code).toBe(1);
    const document = JSON.parse(printed.join('')) as { ok: boolean; failures: { file: string }[] };
    expect(document.ok).toBe(false);
    expect(document.failures.map((failure) => failure.file)).toEqual(expect.arrayContaining(['bagit.txt', 'manifest-sha256.txt', 'notes.txt']));
  });
});
