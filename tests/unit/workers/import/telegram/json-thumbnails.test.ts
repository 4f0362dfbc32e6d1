import { describe, expect, it } from 'vitest';
import { telegramJsonParser } from '../../../../../workers/import/telegram/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A video's or document's `thumbnail` (a preview image Telegram Desktop exports with the photos):
 * the only image of a file the export left out, and the stand-in for a file the copy has lost.
 */
function exportWith(media: Record<string, unknown>): string {
  return JSON.stringify({
    name: 'Radu',
    type: 'personal_chat',
    id: 4820011,
    messages: [{ id: 1, type: 'message', date: '2024-03-01T10:15:30', date_unixtime: '1709288130', from: 'Radu', from_id: 'user4820011', text: '', ...media }],
  });
}

async function attachmentsOf(media: Record<string, unknown>): Promise<unknown> {
  const { messages } = await runParser(telegramJsonParser, inputFromText(exportWith(media)));
  return { attachments: messages[0]?.attachments, extra: messages[0]?.extra };
}

describe('Telegram JSON: thumbnails', () => {
  it('keeps the thumbnail of a video the export left out as an image of its own', async () => {
    const { attachments, extra } = (await attachmentsOf({
      file: '(File not included. Change data exporting settings to download.)',
      thumbnail: 'video_files/clip.mp4_thumb.jpg',
      thumbnail_file_size: 2211,
      media_type: 'video_file',
      mime_type: 'video/mp4',
    })) as { attachments: unknown[]; extra: Record<string, unknown> };
    expect(attachments).toEqual([
      { kind: 'omitted', mediaType: 'video', mimeType: 'video/mp4' },
      { kind: 'attached', mediaType: 'image', size: 2211, path: 'video_files/clip.mp4_thumb.jpg', fileName: 'clip.mp4_thumb.jpg' },
    ]);
    expect(extra).toMatchObject({ thumbnail: 'video_files/clip.mp4_thumb.jpg', thumbnail_file_size: 2211 });
  });

  it('makes the thumbnail of an exported file its stand-in, stored only if the file is missing', async () => {
    const { attachments } = (await attachmentsOf({ file: 'video_files/clip.mp4', thumbnail: 'video_files/clip.mp4_thumb.jpg', media_type: 'video_file' })) as { attachments: unknown[] };
    expect(attachments).toEqual([
      {
        kind: 'attached',
        mediaType: 'video',
        path: 'video_files/clip.mp4',
        fileName: 'clip.mp4',
        whenMissing: { kind: 'attached', mediaType: 'image', path: 'video_files/clip.mp4_thumb.jpg', fileName: 'clip.mp4_thumb.jpg' },
      },
    ]);
  });

  it('adds nothing for a thumbnail the export left out, and refuses one outside the export', async () => {
    const left = (await attachmentsOf({ file: 'files/a.pdf', thumbnail: '(File not included. Change data exporting settings to download.)' })) as { attachments: unknown[] };
    expect(left.attachments).toEqual([{ kind: 'attached', mediaType: 'document', path: 'files/a.pdf', fileName: 'a.pdf' }]);
    const { messages, warnings } = await runParser(telegramJsonParser, inputFromText(exportWith({ file: '(File not included.)', thumbnail: '../../etc/passwd' })));
    expect(messages[0]?.attachments).toEqual([{ kind: 'omitted', mediaType: 'document' }]);
    expect(warnings.map((warning) => warning.message).join('\n')).toContain('../../etc/passwd');
  });
});
