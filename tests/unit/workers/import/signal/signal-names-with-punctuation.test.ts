import { describe, expect, it } from 'vitest';
import { readSignalBody, signalTextParser } from '../../../../../workers/import/signal/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * signal-export names a copied attachment "<time>_<index>_<original name>" with spaces, "/", ",",
 * ":" and "|" replaced (files.py), so the round brackets and square brackets of names such as
 * "Scan (1).pdf" or "[draft] plan.docx" stay in both the link's name and its target.
 */
describe('signal-export attachment links with brackets in the file name', () => {
  it('takes a link whose target holds round brackets out of the text', () => {
    const body = readSignalBody(['see this  [2024-01-05T14-03-22.123_00_Scan_(1).pdf](./media/2024-01-05T14-03-22.123_00_Scan_(1).pdf)  ']);
    expect(body.text).toBe('see this');
    expect(body.attachments.map((link) => [link.name, link.path, link.mediaType])).toEqual([
      ['2024-01-05T14-03-22.123_00_Scan_(1).pdf', 'media/2024-01-05T14-03-22.123_00_Scan_(1).pdf', 'document'],
    ]);
  });

  it('takes a link whose name holds square brackets out of the text', () => {
    const body = readSignalBody(['  [[draft] plan.docx](./media/[draft]%20plan.docx)  ![photo (2).jpg](./media/photo%20(2).jpg)  ']);
    expect(body.text).toBe('');
    expect(body.attachments.map((link) => [link.name, link.path, link.mediaType])).toEqual([
      ['[draft] plan.docx', 'media/[draft] plan.docx', 'document'],
      ['photo (2).jpg', 'media/photo (2).jpg', 'image'],
    ]);
  });

  it('still leaves a web link and the words before a link in the text', () => {
    expect(readSignalBody(['see [site](https://example.org/a_(b))  ']).text).toBe('see [site](https://example.org/a_(b))');
    expect(readSignalBody(['a [note] for you  [x (1).pdf](./media/x%20(1).pdf)  ']).text).toBe('a [note] for you');
  });

  it('hands the attachment on as a file to hash, not as text', async () => {
    const text = '[2024-01-05 14:03:22] Me: scan  [2024-01-05T14-03-22.123_00_Scan_(1).pdf](./media/2024-01-05T14-03-22.123_00_Scan_(1).pdf)  \n';
    const { messages } = await runParser(signalTextParser, inputFromText(text, { displayName: 'Ana/chat.md' }));
    expect(messages).toHaveLength(1);
    expect(messages[0]?.text).toBe('scan');
    expect(messages[0]?.attachments).toEqual([{ kind: 'attached', mediaType: 'document', fileName: '2024-01-05T14-03-22.123_00_Scan_(1).pdf', path: 'media/2024-01-05T14-03-22.123_00_Scan_(1).pdf' }]);
  });
});

describe('signal-export reactions by people whose names hold a comma', () => {
  it('gives each reaction to the whole name ("Doe, John"), as an emoji holds no ", "', () => {
    expect(readSignalBody(['hi  ', '(- Me: 👍, Doe, John: ❤️, Dr. Who: Tardis: 😂 -)']).reactions).toEqual([
      { name: 'Me', emoji: '👍' },
      { name: 'Doe, John', emoji: '❤️' },
      { name: 'Dr. Who: Tardis', emoji: '😂' },
    ]);
  });
});
