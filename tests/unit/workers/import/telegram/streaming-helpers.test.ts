import { describe, expect, it } from 'vitest';
import { safeRelativePath, truncateRaw, RAW_TEXT_LIMIT } from '../../../../../workers/import/import-limits.ts';
import { JsonSyntaxError, JsonTokenizer } from '../../../../../workers/import/telegram/json-tokens.ts';
import type { JsonToken } from '../../../../../workers/import/telegram/json-tokens.ts';
import { JsonWalker, jsonPointer, MAX_VALUE_DEPTH } from '../../../../../workers/import/telegram/json-walker.ts';
import type { WalkedValue } from '../../../../../workers/import/telegram/json-walker.ts';
import { fromHtmlTitle, fromIsoDate, fromUnixSeconds } from '../../../../../workers/import/telegram/telegram-time.ts';
import { Utf8ChunkDecoder } from '../../../../../workers/import/telegram/utf8-chunks.ts';

/** Tokenizes `pieces` one after another and walks them with a plan that assembles `/items/*`. */
function walk(pieces: string[]): WalkedValue[] {
  const tokenizer = new JsonTokenizer();
  const walker = new JsonWalker((path) => (path.length === 0 || (path.length === 1 && path[0] === 'items') ? 'descend' : path.length === 2 ? 'assemble' : 'skip'));
  const tokens: JsonToken[] = [];
  for (const piece of pieces) tokenizer.push(piece, tokens);
  tokenizer.end(tokens);
  for (const token of tokens) walker.push(token);
  return walker.take();
}

function catchSyntaxError(tokenizer: JsonTokenizer, text: string): JsonSyntaxError {
  try {
    const tokens: JsonToken[] = [];
    tokenizer.push(text, tokens);
    tokenizer.end(tokens);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return error;
    throw error;
  }
  throw new Error('no syntax error');
}

describe('JsonTokenizer and JsonWalker', () => {
  it('assembles planned values and skips the rest', () => {
    const values = walk(['{"skip":{"deep":[1,2,{"x":"y"}]},"items":[{"a":1,"b":[true,null,"s"]},"two",3]}']);
    expect(values.map((value) => [jsonPointer(value.path), value.value])).toEqual([
      ['/items/0', { a: 1, b: [true, null, 's'] }],
      ['/items/1', 'two'],
      ['/items/2', 3],
    ]);
  });

  it('rewrites \\xNN escapes even when the backslash ends one chunk', () => {
    const tokenizer = new JsonTokenizer();
    const tokens: JsonToken[] = [];
    for (const piece of ['{"items":["a\\', 'x41\\\\x42', '"]}']) tokenizer.push(piece, tokens);
    tokenizer.end(tokens);
    const walker = new JsonWalker((path) => (path.length < 2 ? 'descend' : 'assemble'));
    for (const token of tokens) walker.push(token);
    expect(walker.take()[0]?.value).toBe('aA\\x42');
    expect(tokenizer.hexEscapes).toBe(1);
  });

  it('places a syntax error within its slice, and exactly in a precise pass', () => {
    const text = '{"items":[\n  1,\n  2 3]}';
    const first = catchSyntaxError(new JsonTokenizer(), text);
    expect(first.line).toBe(1);
    const exact = catchSyntaxError(new JsonTokenizer(first.sliceStart), text);
    expect([exact.line, exact.columnFrom]).toEqual([3, 5]);
  });

  it('keeps keys exact, big integers as digits, and escapes pointer parts', () => {
    const values = walk(['{"items":[{"a/b~c":12345678901234567890,"n":-1.5e3}]}']);
    expect(values[0]?.value).toEqual({ 'a/b~c': '12345678901234567890', n: -1500 });
    expect(jsonPointer(['a/b', 'c~d', 3])).toBe('/a~1b/c~0d/3');
  });

  it('marks a value nested deeper than the per-value limit', () => {
    const nested = `${'['.repeat(MAX_VALUE_DEPTH + 5)}${']'.repeat(MAX_VALUE_DEPTH + 5)}`;
    const [value] = walk([`{"items":[${nested}]}`]);
    expect(value?.problem).toContain('nested deeper');
  });
});

describe('Utf8ChunkDecoder', () => {
  it('decodes sequences split across chunks and reports malformed bytes with offsets', () => {
    const decoder = new Utf8ChunkDecoder();
    const euro = [0xe2, 0x82, 0xac];
    let text = decoder.decode(new Uint8Array([0x61, euro[0] ?? 0]));
    text += decoder.decode(new Uint8Array([euro[1] ?? 0, euro[2] ?? 0, 0xc3]));
    text += decoder.decode(new Uint8Array([0x28, 0x62]));
    text += decoder.end();
    expect(text).toBe('a€\uFFFD(b');
    expect(decoder.report).toEqual({ invalidSequences: 1, invalidOffsets: [4], hadBom: false });
  });

  it('counts a sequence cut by the end of the file, and a BOM', () => {
    const decoder = new Utf8ChunkDecoder();
    const text = decoder.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xf0, 0x9f])) + decoder.end();
    expect(text).toBe('A\uFFFD');
    expect(decoder.report).toEqual({ invalidSequences: 1, invalidOffsets: [4], hadBom: true });
  });

  it('reports the same problems and text wherever the chunks are cut (native fast path vs byte by byte)', () => {
    const clean = new TextEncoder().encode('a€ Ș ثق 🙈 z');
    const broken = [0xc3, 0x28, 0xe2, 0x82, 0xf0, 0x9f, 0x98, 0xff, 0xed, 0xa0, 0x80, 0xc0, 0xaf, 0xf4, 0x90, 0x80, 0x80];
    const inputs = [clean, new Uint8Array([...clean, ...broken, ...clean]), new Uint8Array([...broken.slice(0, 5), ...clean, 0xe2, 0x82])];
    const decodeAll = (chunks: Uint8Array[]) => {
      const decoder = new Utf8ChunkDecoder();
      const text = chunks.map((chunk) => decoder.decode(chunk)).join('') + decoder.end();
      return { text, report: decoder.report };
    };
    for (const bytes of inputs) {
      const oneByOne = decodeAll(Array.from(bytes, (byte) => new Uint8Array([byte])));
      expect(oneByOne.text).toBe(new TextDecoder().decode(bytes));
      for (let cut = 0; cut <= bytes.length; cut++) {
        for (const second of [cut, Math.min(bytes.length, cut + 2)]) {
          const split = decodeAll([bytes.subarray(0, cut), bytes.subarray(cut, second), bytes.subarray(second)]);
          expect(split, `cut at ${cut} and ${second}`).toEqual(oneByOne);
        }
      }
    }
  });

  it('rejects overlong forms and surrogates as the WHATWG decoder does', () => {
    const decoder = new Utf8ChunkDecoder();
    const text = decoder.decode(new Uint8Array([0xc0, 0x80, 0xed, 0xa0, 0x80])) + decoder.end();
    expect([...text].filter((char) => char === '\uFFFD')).toHaveLength(decoder.report.invalidSequences);
  });
});

describe('limits and paths', () => {
  it('refuses absolute and climbing paths, normalises the rest', () => {
    expect(safeRelativePath('photos\\a.jpg')).toBe('photos/a.jpg');
    expect(safeRelativePath('./files//b.pdf')).toBe('files/b.pdf');
    expect(safeRelativePath('../x')).toBeNull();
    expect(safeRelativePath('a/../../x')).toBeNull();
    expect(safeRelativePath('/etc/passwd')).toBeNull();
    expect(safeRelativePath('C:\\Windows\\x')).toBeNull();
    expect(safeRelativePath('https://example.invalid/a')).toBeNull();
  });

  it('truncates raw text and says by how much', () => {
    const raw = truncateRaw('x'.repeat(RAW_TEXT_LIMIT + 1));
    expect(raw.text).toHaveLength(RAW_TEXT_LIMIT);
    expect(raw.note).toContain(`of ${RAW_TEXT_LIMIT + 1} characters`);
  });
});

describe('Telegram times', () => {
  it('takes a year 0000–0099 as written (Date.UTC read 0024 as 1924) and knows year 0 is a leap year', () => {
    expect(fromHtmlTitle('01.01.0024 10:00:00 UTC+03:00')).toEqual({ wall: { year: 24, month: 1, day: 1, hour: 10, minute: 0, second: 0 }, standardOffsetMinutes: 180 });
    expect(fromIsoDate('0024-01-01T10:00:00Z')).toEqual({ utcMs: Date.parse('0024-01-01T10:00:00Z') });
    expect(fromIsoDate('0000-02-29T10:00:00Z')).toEqual({ utcMs: Date.parse('0000-02-29T10:00:00Z') });
    expect(fromHtmlTitle('29.02.0000 10:00:00')).toEqual({ wall: { year: 0, month: 2, day: 29, hour: 10, minute: 0, second: 0 } });
  });

  it('reads the three spellings', () => {
    expect(fromUnixSeconds('1652135033')).toEqual({ utcMs: 1652135033000 });
    expect(fromUnixSeconds('12a')).toBeNull();
    expect(fromIsoDate('2023-01-01T10:00:00')).toEqual({ wall: { year: 2023, month: 1, day: 1, hour: 10, minute: 0, second: 0 } });
    expect(fromIsoDate('2023-02-30T10:00:00')).toBeNull();
    expect(fromIsoDate('2023-01-01T10:00:00+02:00')).toEqual({ utcMs: Date.UTC(2023, 0, 1, 8) });
    // The offset is the exporting computer's standard one, not always the one in force (record-writer converts it).
    expect(fromHtmlTitle('03.12.2025 19:07:11 UTC-05:30')).toEqual({ wall: { year: 2025, month: 12, day: 3, hour: 19, minute: 7, second: 11 }, standardOffsetMinutes: -330 });
    expect(fromHtmlTitle('03.12.2025 19:07:11')).toEqual({ wall: { year: 2025, month: 12, day: 3, hour: 19, minute: 7, second: 11 } });
  });
});
