import { describe, expect, it } from 'vitest';

import { chatTitleFromFileName } from '../../../../../workers/import/whatsapp/index.ts';
import { expectedLocator, parseLines, recordOnLine, utcIn } from '../../../../support/whatsapp-lines.ts';
import { ALM, BOM, FSI, NBSP, NNBSP, PDI, RLI } from '../../../../support/unicode-chars.ts';

/**
 * FORMATS.md §1.1 (file names, BOMs) and §1.5 step 2 (what is normalised on the copy used for
 * matching): invisible marks, odd spaces and digit blocks around and inside a header must not
 * stop it being read, and must not change the sender or the text as written.
 */

describe('FORMATS.md §1.5: normalised for matching only', () => {
  it('reads headers behind a BOM at the start of each line (WhatsR samples)', () => {
    const lines = [`${BOM}[18/3/22, 14:56:01] Ann: hi`, `${BOM}[18/3/22, 14:57:01] Ann: again`];
    const result = parseLines(lines);
    expect(result.records.map((record) => [record.kind, record.sender, record.text])).toEqual([
      ['message', 'Ann', 'hi'],
      ['message', 'Ann', 'again'],
    ]);
    expect(recordOnLine(result, 2).locator).toEqual(expectedLocator(lines, 2));
    expect(utcIn(recordOnLine(result, 2), 'Europe/Dublin')).toBe('2022-03-18T14:57:01.000Z'); // GMT
  });

  it('drops isolates (U+2066–U+2069) around a name and around a whole header', () => {
    const lines = [`[18/3/22, 14:56:01] ${FSI}Ann${PDI}: hi`, '[18/3/22, 14:57:01] Ann: again', `${RLI}[١٨/٣/٢٠٢٢، ٢:٥٨:٠٠ م]${PDI} Ali: مرحبا`];
    const result = parseLines(lines);
    expect(recordOnLine(result, 1)).toMatchObject({ kind: 'message', sender: 'Ann', text: 'hi' });
    expect(recordOnLine(result, 3)).toMatchObject({ kind: 'message', sender: 'Ali', text: 'مرحبا' });
    expect(utcIn(recordOnLine(result, 3), 'Asia/Riyadh')).toBe('2022-03-18T11:58:00.000Z'); // 14:58 AST +3
  });

  it('reads Arabic letter marks (U+061C) between date fields and keeps them in the timestamp text', () => {
    const lines = [`[١٨${ALM}/٣${ALM}/٢٠٢٢، ٢:٥٦:٠٠ م] Ali: مرحبا`];
    const record = recordOnLine(parseLines(lines), 1);
    expect(record).toMatchObject({ sender: 'Ali', timestampText: `١٨${ALM}/٣${ALM}/٢٠٢٢، ٢:٥٦:٠٠ م` });
    expect(utcIn(record, 'Asia/Riyadh')).toBe('2022-03-18T11:56:00.000Z');
  });

  it('reads NBSP and U+202F where a header has plain spaces', () => {
    const lines = [`[18/3/22,${NBSP}14:56:01]${NBSP}Ann: hi`, `18/03/2022,${NNBSP}14:57${NNBSP}-${NNBSP}Ann: again`];
    const result = parseLines(lines);
    expect(result.records.map((record) => [record.sender, record.text, utcIn(record, 'UTC')])).toEqual([
      ['Ann', 'hi', '2022-03-18T14:56:01.000Z'],
      ['Ann', 'again', '2022-03-18T14:57:00.000Z'],
    ]);
  });

  it('keeps trailing spaces and an empty first body line as written', () => {
    const lines = ['18/03/2022, 14:56 - Ann: hi  ', '18/03/2022, 14:57 - Carol:', 'continued on the next line'];
    const result = parseLines(lines);
    expect(recordOnLine(result, 1).text).toBe('hi  ');
    expect(recordOnLine(result, 2)).toMatchObject({ sender: 'Carol', text: '\ncontinued on the next line', locator: expectedLocator(lines, 2, 3) });
  });
});

describe('FORMATS.md §1.1: the chat title from the localised export file name', () => {
  it.each([
    ['WhatsApp Chat with Dmitry S.txt', 'Dmitry S'],
    ['WhatsApp-chat met Dmitry S.txt', 'Dmitry S'],
    ['Чат WhatsApp с контактом Дмитрий.txt', 'Дмитрий'],
    ['Chat WhatsApp s uživatelem Petr Novák.txt', 'Petr Novák'],
    ['WhatsApp Chat - Elon Musk.zip', 'Elon Musk'],
    ['WhatsApp Chat mit Anna.txt', 'Anna'],
    ['Chat de WhatsApp con Ana.txt', 'Ana'],
    ['_chat.txt', '_chat'],
  ])('%s', (fileName, title) => {
    expect(chatTitleFromFileName(fileName)).toBe(title);
  });
});
