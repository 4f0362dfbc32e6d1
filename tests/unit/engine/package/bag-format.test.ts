import { describe, expect, it } from 'vitest';
import { parseBagInfo } from '../../../../engine/package/bag-info.ts';
import { decodeManifestPath, encodeManifestPath, manifestText, payloadOxum } from '../../../../engine/package/bag-writer.ts';
import { canonicalJson } from '../../../../engine/package/canonical-json.ts';
import { csvCell, csvDocument } from '../../../../shared/text/csv.ts';
import { parseManifest } from '../../../../engine/package/manifest-parse.ts';
import { safeFileName } from '../../../../engine/package/prepare.ts';

const SHA = 'ab'.repeat(32);

describe('BagIt manifests', () => {
  it('percent-encodes CR, LF and % in paths (RFC 8493 §2.1.3) and decodes them back', () => {
    expect(encodeManifestPath('data/a%b\r\nc.txt')).toBe('data/a%25b%0D%0Ac.txt');
    expect(decodeManifestPath('data/a%25b%0D%0Ac.txt')).toBe('data/a%b\r\nc.txt');
    expect(decodeManifestPath('data/%2530.txt')).toBe('data/%30.txt');
  });

  it('writes "<sha256>  <path>" lines in the given order and the Payload-Oxum', () => {
    const entries: [string, { sha256: string; bytes: number }][] = [['data/a.txt', { sha256: SHA, bytes: 3 }], ['data/b.txt', { sha256: SHA, bytes: 4 }]];
    expect(manifestText(entries)).toBe(`${SHA}  data/a.txt\n${SHA}  data/b.txt\n`);
    expect(payloadOxum(entries)).toBe('7.2');
  });

  it('reports malformed lines, unsafe paths and duplicates', () => {
    const problems: string[] = [];
    const entries = parseManifest(`${SHA}  data/ok.txt\nnot a line\n${SHA}  ../etc/passwd\n${SHA}  /abs\n${SHA} data/ok.txt\r\n`, 'manifest-sha256.txt', (_file, problem) => problems.push(problem));
    expect([...entries.keys()]).toEqual(['data/ok.txt']);
    expect(problems).toEqual([
      'line 2 is not "<sha256> <path>"', 'line 3 has an unsafe path "../etc/passwd"', 'line 4 has an unsafe path "/abs"', 'line 5 lists data/ok.txt a second time',
    ]);
  });

  it('reads bag-info.txt labels with continuation lines', () => {
    expect(parseBagInfo('Source-Organization: DIICOT\nExternal-Description: a long\n  description\nPayload-Oxum: 10.2\n')).toEqual([
      { label: 'Source-Organization', value: 'DIICOT' }, { label: 'External-Description', value: 'a long description' }, { label: 'Payload-Oxum', value: '10.2' },
    ]);
  });
});

describe('payload formats', () => {
  it('makes attachment names safe on every file system', () => {
    expect(safeFileName('Contract muncă Ștefan.pdf')).toBe('Contract_munca_Stefan.pdf');
    expect(safeFileName('../../etc/passwd')).toBe('etc_passwd');
    expect(safeFileName('фото.jpg')).toBe('jpg');
    expect(safeFileName('')).toBe('file');
    expect(safeFileName(`${'x'.repeat(200)}.jpeg`)).toMatch(/^x{75}\.jpeg$/);
  });

  it('sorts keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ f: 1, e: 2 }], c: null }, z: undefined })).toBe('{"a":{"c":null,"d":[{"e":2,"f":1}]},"b":1}');
  });

  it('quotes CSV cells and neutralises formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('-5 EUR')).toBe("'-5 EUR");
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(csvDocument(['a', 'b'], [[1, 'x']])).toBe('\ufeffa,b\r\n1,x\r\n');
  });
});
