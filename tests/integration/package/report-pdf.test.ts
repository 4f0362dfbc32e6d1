import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeEvidencePackage } from '../../../engine/package/write-package.ts';
import { buildPackageInput } from '../../support/evidence-package-input.ts';
import { tempFolder } from '../../support/temp-case.ts';

const has = (command: string): boolean => spawnSync('which', [command]).status === 0;

/** Needs Debian's poppler-utils; the page images go to a temp folder, never into the repo. */
describe.skipIf(!has('pdftotext') || !has('pdffonts') || !has('pdftoppm'))('report.pdf', () => {
  let pdf: string;
  let folder: string;

  beforeAll(async () => {
    folder = tempFolder('threadline-report-pdf-');
    await writeEvidencePackage((await buildPackageInput()).input, join(folder, 'bag'));
    pdf = join(folder, 'bag', 'data', 'report', 'report.pdf');
  });

  it('holds the text of every script as text (extractable, searchable)', () => {
    const text = spawnSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).stdout;
    for (const expected of ['Привет, я тоже поеду с подругой.', 'Tôi sẽ đến vào thứ Hai.', 'pașaportul îl ținem noi', 'Operațiunea Nord', 'Καλημέρα', 'السفر', 'שלום', 'How to verify this package']) {
      expect(text).toContain(expected);
    }
  });

  it('embeds every font it uses', () => {
    const fonts = spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout.split('\n').slice(2).filter((line) => line.trim() !== '');
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const line of fonts) expect(line, line).toMatch(/\+(NotoSans|NotoNaskh|DejaVu)\S*\s.*\byes\s+yes\s+yes\b/);
  });

  it('carries the bagging date, not the clock, as its dates', () => {
    const info = spawnSync('pdfinfo', ['-isodates', pdf], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/CreationDate:\s+2025-03-14T09:30:00/);
    expect(info).toMatch(/ModDate:\s+2025-03-14T09:30:00/);
  });

  it('renders its pages (for a person to look at: see the test output folder)', () => {
    const prefix = join(folder, 'page');
    expect(spawnSync('pdftoppm', ['-r', '60', '-png', pdf, prefix]).status).toBe(0);
    expect(existsSync(`${prefix}-1.png`)).toBe(true);
    expect(statSync(`${prefix}-1.png`).size).toBeGreaterThan(10_000);
  });
});
