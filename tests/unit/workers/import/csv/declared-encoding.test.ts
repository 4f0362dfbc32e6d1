import { describe, expect, it } from 'vitest';
import { createCsvParser, validateCsvMapping } from '../../../../../workers/import/csv/index.ts';
import { detectFormat } from '../../../../../workers/import/detect-format.ts';
import { inputFromBytes, runParser } from '../../../../support/parser-harness.ts';
import { tempFolder, writeTemp } from '../../../../support/temp-case.ts';

/**
 * Excel's plain "CSV" on Windows, and many tools, save in the machine's legacy code page
 * (windows-1252 in Western Europe, windows-1250 in Central Europe, windows-1251 for Cyrillic),
 * without a byte order mark. Read as UTF-8, every accented letter became U+FFFD, and nothing in
 * the mapping could say otherwise. The mapping now names the encoding; without it a file that is
 * not UTF-8 gets a warning that says how to name it.
 */
const ROWS = 'Zeit;Absender;Text\n2024-01-01T10:00:00Z;Jürgen;Grüße aus Köln, 20€\n';

function windows1252(text: string): Uint8Array {
  const table: Record<string, number> = { '€': 0x80 };
  return Uint8Array.from([...text].map((character) => table[character] ?? character.charCodeAt(0)));
}

const MAPPING = { timestamp: 'Zeit', sender: 'Absender', text: 'Text', delimiter: ';' };

describe('CSV in a legacy code page', () => {
  it('reads the file in the encoding the mapping names', async () => {
    const result = await runParser(createCsvParser({ ...MAPPING, encoding: 'windows-1252' }), inputFromBytes(windows1252(ROWS), { displayName: 'export.csv' }));
    expect(result.messages.map((message) => [message.sender, message.text])).toEqual([['Jürgen', 'Grüße aus Köln, 20€']]);
    expect(result.warnings).toEqual([]);
    expect(result.outcome.details).toMatchObject({ encoding: 'windows-1252' });
  });

  it('reads Cyrillic from windows-1251', async () => {
    const cyrillic = Uint8Array.from([...'time,from,text\n2024-01-01T10:00:00Z,Иван,Привет\n'].map((character) => (character.charCodeAt(0) >= 0x410 ? character.charCodeAt(0) - 0x410 + 0xc0 : character.charCodeAt(0))));
    const result = await runParser(createCsvParser({ timestamp: 'time', sender: 'from', text: 'text', encoding: 'windows-1251' }), inputFromBytes(cyrillic, { displayName: 'ru.csv' }));
    expect(result.messages.map((message) => [message.sender, message.text])).toEqual([['Иван', 'Привет']]);
  });

  it('without one, warns that the file is not UTF-8 and says how to name its encoding', async () => {
    const result = await runParser(createCsvParser(MAPPING), inputFromBytes(windows1252(ROWS), { displayName: 'export.csv' }));
    expect(result.warnings.map((warning) => warning.message).join('\n')).toMatch(/"encoding": "windows-1252"/u);
  });

  it('finds the mapped columns of such a file when it names its encoding', async () => {
    const folder = tempFolder();
    const header = windows1252('Datum;Empfänger;Nachricht\n2024-01-01T10:00:00Z;Jürgen;hallo\n');
    const mapping = { timestamp: 'Datum', sender: 'Empfänger', text: 'Nachricht', delimiter: ';', encoding: 'windows-1252' };
    expect((await detectFormat(writeTemp(folder, 'de.csv', Buffer.from(header)), mapping)).format).toBe('csv');
  });

  it('refuses an encoding it cannot read, naming it', () => {
    expect(() => validateCsvMapping({ ...MAPPING, encoding: 'klingon-8' })).toThrow(/encoding/u);
  });
});
