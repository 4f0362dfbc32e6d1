import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED_EXPORT_FOLDERS } from '../../../../../shared/contracts/parsed-source.ts';
import { SIGNAL_STICKER_FOLDER } from '../../../../../workers/import/signal/body.ts';
import { signalTextParser } from '../../../../../workers/import/signal/index.ts';
import { inputFromFile, runParser } from '../../../../support/parser-harness.ts';
import { REPO_ROOT } from '../../../../support/temp-case.ts';

/** fixtures/signal/export: a signal-export folder whose chat links stickers in ../exported_stickers. */
const CHAT = join(REPO_ROOT, 'fixtures', 'signal', 'export', 'Ion Popa', 'chat.md');

describe('signal-export stickers', () => {
  it('names each sticker file in the export’s sticker folder as an attachment to resolve there', async () => {
    const result = await runParser(signalTextParser, inputFromFile(CHAT, { displayName: 'Ion Popa/chat.md' }));
    expect(result.messages.map((message) => message.attachments)).toEqual([
      [],
      [{ kind: 'attached', mediaType: 'sticker', fileName: '7.webp', path: '../exported_stickers/pack-1/7.webp' }],
      [],
      [{ kind: 'attached', mediaType: 'sticker', fileName: '8.webp', path: '../exported_stickers/pack-1/8.webp' }],
      [{ kind: 'omitted', mediaType: 'sticker', fileName: '👍' }],
    ]);
    expect(result.messages[1]?.extra).toEqual({ sticker: '😀', placeholder: true });
    // The folder the sticker links point into is the one attachments may reach for this format.
    expect(SHARED_EXPORT_FOLDERS[signalTextParser.format]).toEqual([SIGNAL_STICKER_FOLDER]);
  });
});
