import { generateKeyPairSync, sign } from 'node:crypto';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyEvidencePackage } from '../../../engine/package/verify-package.ts';
import { writeEvidencePackage } from '../../../engine/package/write-package.ts';
import type { VerifyPackageResult } from '../../../shared/contracts/evidence-package.ts';
import { flipByte, listBagFiles, rehashManifestLine } from '../../support/bag-tamper.ts';
import { buildPackageInput } from '../../support/evidence-package-input.ts';
import { tempFolder } from '../../support/temp-case.ts';

function names(result: VerifyPackageResult, file: string): boolean {
  return result.failures.some((failure) => failure.file === file || failure.problem.includes(file));
}

/** A fresh copy of a pristine bag for each destructive test. */
function copyOf(bag: string): string {
  const copy = join(tempFolder('threadline-bag-copy-'), 'bag');
  cpSync(bag, copy, { recursive: true });
  return copy;
}

describe('evidence package verification catches tampering', () => {
  let signed: string;
  let unsigned: string;

  beforeAll(async () => {
    const root = tempFolder('threadline-bag-tamper-');
    signed = join(root, 'signed');
    unsigned = join(root, 'unsigned');
    await writeEvidencePackage((await buildPackageInput({ sign: true })).input, signed);
    await writeEvidencePackage((await buildPackageInput()).input, unsigned);
  });

  it('names every file whose byte was flipped, signed or not', async () => {
    for (const bag of [signed, unsigned]) {
      for (const file of listBagFiles(bag)) {
        const restore = flipByte(bag, file);
        try {
          const result = await verifyEvidencePackage(bag);
          expect(result.ok, file).toBe(false);
          expect(names(result, file), `${file}: ${JSON.stringify(result.failures)}`).toBe(true);
        } finally {
          restore();
        }
      }
      expect((await verifyEvidencePackage(bag)).ok).toBe(true);
    }
  });

  it('names every deleted file', async () => {
    for (const file of listBagFiles(signed)) {
      const bag = copyOf(signed);
      rmSync(join(bag, file));
      const result = await verifyEvidencePackage(bag);
      expect(result.ok, file).toBe(false);
      expect(names(result, file), `${file}: ${JSON.stringify(result.failures)}`).toBe(true);
    }
  });

  it('names a file added to data/', async () => {
    const bag = copyOf(signed);
    writeFileSync(join(bag, 'data', 'planted.txt'), 'added later');
    const result = await verifyEvidencePackage(bag);
    expect(result.failures).toEqual(expect.arrayContaining([{ file: 'data/planted.txt', problem: expect.stringContaining('not listed') as unknown }]));
    expect(names(result, 'bag-info.txt')).toBe(true); // Payload-Oxum no longer matches either
  });

  it('catches an edited custody entry even when the manifests were re-hashed to hide it', async () => {
    // Same length, so Payload-Oxum still matches: only the hash chain can tell.
    const bag = copyOf(unsigned);
    const log = join(bag, 'data/custody/audit.jsonl');
    writeFileSync(log, readFileSync(log, 'utf8').replace('"actor":"Insp. Maria Ionescu","action":"source.import.finished"', '"actor":"Insp. Mario Ionescu","action":"source.import.finished"'));
    rehashManifestLine(bag, 'manifest-sha256.txt', 'data/custody/audit.jsonl');
    rehashManifestLine(bag, 'tagmanifest-sha256.txt', 'manifest-sha256.txt');
    const result = await verifyEvidencePackage(bag);
    expect(result.ok).toBe(false);
    expect(result.failures).toHaveLength(1);
    expect(result.failures[0]).toMatchObject({ file: 'data/custody/audit.jsonl', problem: expect.stringMatching(/line 3: .*entry 2 was edited/) as unknown });
  });

  it('catches an edited last custody entry through the export entry link', async () => {
    const bag = copyOf(unsigned);
    const log = join(bag, 'data/custody/audit.jsonl');
    writeFileSync(log, readFileSync(log, 'utf8').replace('"decision":"confirm"', '"decision":"dismiss"'));
    rehashManifestLine(bag, 'manifest-sha256.txt', 'data/custody/audit.jsonl');
    rehashManifestLine(bag, 'tagmanifest-sha256.txt', 'manifest-sha256.txt');
    const result = await verifyEvidencePackage(bag);
    expect(result.failures.map((failure) => failure.file)).toEqual(['data/custody/audit.jsonl', 'data/custody/export-entry.json']);
    expect(result.failures[0]?.problem).toContain('line 3');
  });

  it('catches a wrong Payload-Oxum', async () => {
    const bag = copyOf(unsigned);
    const info = join(bag, 'bag-info.txt');
    writeFileSync(info, readFileSync(info, 'utf8').replace(/^Payload-Oxum: (\d+)\./m, (_, octets: string) => `Payload-Oxum: ${Number(octets) + 1}.`));
    rehashManifestLine(bag, 'tagmanifest-sha256.txt', 'bag-info.txt');
    const result = await verifyEvidencePackage(bag);
    expect(result.failures).toEqual([{ file: 'bag-info.txt', problem: expect.stringContaining('Payload-Oxum') as unknown }]);
  });

  it('reads the package format from bag-info.txt: 2 as written now, 1 for a package without the label, and refuses one it does not know', async () => {
    expect(readFileSync(join(unsigned, 'bag-info.txt'), 'utf8')).toMatch(/^Threadline-Package-Format: 2$/m);
    // The report tells its reader what the format means for markers.jsonl.
    expect(readFileSync(join(unsigned, 'data/report/report.html'), 'utf8')).toMatch(/origin &quot;ocr&quot;[^<]*ocrText \(package format 2/u);
    expect(await verifyEvidencePackage(unsigned)).toMatchObject({ ok: true, checked: { format: 2 } });
    const withFormat = (value: string | null): string => {
      const bag = copyOf(unsigned);
      const info = join(bag, 'bag-info.txt');
      const line = value === null ? '' : `Threadline-Package-Format: ${value}\n`;
      writeFileSync(info, readFileSync(info, 'utf8').replace(/^Threadline-Package-Format: .*\n/m, line));
      rehashManifestLine(bag, 'tagmanifest-sha256.txt', 'bag-info.txt');
      return bag;
    };
    // Written before the label existed: markers.jsonl's records as format 1 has them.
    expect(await verifyEvidencePackage(withFormat(null))).toMatchObject({ ok: true, failures: [], checked: { format: 1 } });
    for (const unknown of ['3', 'two']) {
      const result = await verifyEvidencePackage(withFormat(unknown));
      expect(result.ok).toBe(false);
      expect(result.failures).toEqual([{ file: 'bag-info.txt', problem: expect.stringContaining(`Threadline-Package-Format "${unknown}"`) as unknown }]);
    }
  });

  it('catches a tag manifest re-signed with another key', async () => {
    const bag = copyOf(signed);
    const intruder = generateKeyPairSync('ed25519').privateKey;
    writeFileSync(join(bag, 'signature/tagmanifest.sig'), sign(null, readFileSync(join(bag, 'tagmanifest-sha256.txt')), intruder));
    const result = await verifyEvidencePackage(bag);
    expect(result.checked.signature).toBe('invalid');
    expect(result.failures).toEqual([{ file: 'signature/tagmanifest.sig', problem: expect.stringContaining('does not match') as unknown }]);
  });

  it('catches a removed signature that bag-info.txt still declares', async () => {
    const bag = copyOf(signed);
    rmSync(join(bag, 'signature'), { recursive: true });
    const result = await verifyEvidencePackage(bag);
    expect(names(result, 'signature/tagmanifest.sig')).toBe(true);
  });
});
