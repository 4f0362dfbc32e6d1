import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readWhatsAppStream } from '../../../../../workers/import/whatsapp/parse-whatsapp-text.ts';
import { parseWhatsAppText, type WhatsAppParseResult } from '../../../../../workers/import/whatsapp/index.ts';

const FIXTURES = path.resolve(process.cwd(), 'fixtures/whatsapp');
const encoder = new TextEncoder();

/** The bytes cut into chunks of the given sizes (cycled), as a stream hands them over. */
function chunked(bytes: Uint8Array, sizes: readonly number[], opened: { count: number } = { count: 0 }): () => AsyncIterable<Uint8Array> {
  return async function* chunks() {
    opened.count += 1;
    let offset = 0;
    let turn = 0;
    while (offset < bytes.length) {
      const size = sizes[turn % sizes.length] ?? 1;
      yield bytes.slice(offset, offset + size);
      offset += size;
      turn += 1;
    }
  };
}

async function readStreamed(bytes: Uint8Array, sizes: readonly number[], keepBudgetBytes?: number): Promise<WhatsAppParseResult> {
  const scanned: number[] = [];
  const reading = await readWhatsAppStream(chunked(bytes, sizes), {}, (done) => scanned.push(done), keepBudgetBytes);
  const records = [];
  for await (const record of reading.records()) records.push(record);
  if (bytes.length > 0) expect(scanned.at(-1)).toBe(bytes.length);
  const chatKind = reading.chatKind();
  return { ...reading.facts, chatKind: chatKind.kind, chatKindEvidence: chatKind.evidence, records, warnings: reading.warnings() };
}

const CHUNKINGS: Record<string, number[]> = {
  'one byte at a time': [1],
  'odd sizes': [7, 3, 64, 1, 250],
  'a megabyte': [1 << 20],
};

const TRICKY = [
  '\uFEFF12/01/2023, 09:00 - Ana: first\n13/01/2023, 10:00 - Ion: second\r\nline two\r\n',
  'preamble line\nmore preamble\n[12/01/2023, 09:00:01] Ana: hi\n\uFEFFnot a BOM at the start of the file\n',
  `12/01/2023, 09:00 - Ana: ${'long '.repeat(20_000)}\n12/01/2023, 09:01 - Ion: after the long line`,
  '12/01/2023, 09:00 - Ana: caf\xE9 split?\n',
  'no header here at all\njust text\n',
  '\n\n\n',
];

describe('a WhatsApp export read as a stream', () => {
  const fixtures = readdirSync(FIXTURES).filter((name) => name.endsWith('.txt'));
  for (const [label, sizes] of Object.entries(CHUNKINGS)) {
    it(`gives the same records, facts and warnings as the whole file (${label})`, async () => {
      for (const name of fixtures) {
        const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, name)));
        expect(await readStreamed(bytes, sizes), name).toEqual(parseWhatsAppText(bytes));
      }
      for (const text of TRICKY) {
        const bytes = encoder.encode(text);
        expect(await readStreamed(bytes, sizes), JSON.stringify(text.slice(0, 40))).toEqual(parseWhatsAppText(bytes));
      }
    });
  }

  // The second pass takes the regions the first kept, or reads the file again when they did not fit.
  it.each([
    ['kept whole', undefined],
    ['read again (nothing may be kept)', 0],
  ])('gives the same records, facts and warnings with the regions %s', async (_label, budget) => {
    for (const name of fixtures) {
      const bytes = new Uint8Array(readFileSync(path.join(FIXTURES, name)));
      expect(await readStreamed(bytes, [517], budget), name).toEqual(parseWhatsAppText(bytes));
    }
  });

  it('reads a file that fits the budget once, and one that does not twice, with the same result', async () => {
    const lines = Array.from({ length: 400 }, (_unused, index) => `12/01/2023, 09:${String(index % 60).padStart(2, '0')} - ${index % 3 === 0 ? 'Ana' : 'Ion'}: message ${index} ș ț\n${index % 7 === 0 ? 'a second line\n' : ''}`);
    const bytes = encoder.encode(lines.join(''));
    // A 1 KB chunk decodes to ~2.5 KB of region: 5,000 bytes hold the first region, not the second.
    for (const [budget, reads] of [[undefined, 1], [0, 2], [5_000, 2]] as const) {
      const opened = { count: 0 };
      const reading = await readWhatsAppStream(chunked(bytes, [1024], opened), {}, undefined, budget);
      const records = [];
      for await (const run of reading.recordRuns()) records.push(...run);
      expect(records, `budget ${budget}`).toEqual(parseWhatsAppText(bytes).records);
      expect(opened.count, `budget ${budget}`).toBe(reads);
    }
  });

  it('names invalid UTF-8 lines by their number in the file when a sequence is cut between chunks', async () => {
    const bytes = new Uint8Array([...encoder.encode('12/01/2023, 09:00 - Ana: ok\n12/01/2023, 09:01 - Ana: bad '), 0xc3, 0x28, ...encoder.encode(' \u00E9t\u00E9\n')]);
    const result = await readStreamed(bytes, [29, 31, 2, 5]);
    expect(result.warnings.filter((warning) => warning.message.startsWith('invalid UTF-8')).map((warning) => warning.line)).toEqual([2]);
    expect(result.records[1]?.text).toBe('bad \uFFFD( \u00E9t\u00E9');
  });

  it('reads an empty stream as an empty file', async () => {
    const result = await readStreamed(new Uint8Array(), [1]);
    expect(result.records).toEqual([]);
    expect(result.warnings).toEqual([{ line: 0, message: 'empty file' }]);
  });
});
