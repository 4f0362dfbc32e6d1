import { describe, expect, it } from 'vitest';
import type { ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import { telegramJsonParser } from '../../../../../workers/import/telegram/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Regression: a rich message is written with `rich_message{rtl, part, blocks[]}` and no `text`
 * at all (export_output_json.cpp SerializeMessage/SerializeRichMessage, as in
 * msc-femboy/gramsrv-tdesktop@21f48cf). Its words were in no searchable field and its files were
 * no attachments. The blocks below are shaped as SerializeRichBlock and SerializeRichText write
 * them (a block's "type", a rich text's "type" with "text" holding a string, a list or a child).
 */
async function parse(messages: unknown[]): Promise<ParsedMessage[]> {
  const json = JSON.stringify({ name: 'Recruiter', type: 'personal_chat', id: 41, messages }, null, 1);
  return (await runParser(telegramJsonParser, inputFromText(json, { displayName: 'result.json' }))).messages;
}

const plain = (text: string): unknown => ({ type: 'plain', text });
const noCaption = { text: { type: 'empty' }, credit: { type: 'empty' } };

function richMessage(id: number, blocks: unknown[]): unknown {
  return { id, type: 'message', date: '2026-05-02T10:00:00', date_unixtime: '1777716000', from: 'Vlad', from_id: 'user41', rich_message: { rtl: false, part: false, blocks } };
}

describe('Telegram JSON rich messages (rich_message in place of text)', () => {
  it('reads blocks as lines, a text_link with its target, and its files and map as attachments', async () => {
    const [message] = await parse([
      richMessage(7, [
        { type: 'heading', level: 2, text: plain('Job offer') },
        {
          type: 'paragraph',
          text: { type: 'concat', text: [plain('Salary '), { type: 'bold', text: plain('3000 EUR') }, plain(', apply '), { type: 'text_link', href: 'https://jobs.example/apply', text: plain('here') }] },
        },
        {
          type: 'list',
          kind: 'bullet',
          items: [
            { task_state: 'none', content: 'text', text: plain('passport') },
            { task_state: 'none', content: 'blocks', blocks: [{ type: 'paragraph', text: plain('two photos') }] },
          ],
        },
        { type: 'photo', photo_id: '5', photo: 'photos/photo_1@02-05-2026_10-00-00.jpg', photo_file_size: 2048, width: 800, height: 600, spoiler: false, caption: { text: plain('The flat'), credit: { type: 'empty' } } },
        { type: 'file', document_id: '6', file_skip_reason: 'file_size', file_name: 'contract.pdf', file_size: 99999999, mime_type: 'application/pdf', caption: noCaption },
        { type: 'map', geo: { source_type: 'geo_point', latitude: 45.1, longitude: 28.2 }, zoom: 15, width: 300, height: 200, caption: noCaption },
        { type: 'table', title: plain('Shifts'), bordered: true, striped: false, compact: false, rows: [{ cells: [{ text: plain('Mon'), header: false, align: 'left', vertical_align: 'top' }, { text: plain('night'), header: false, align: 'left', vertical_align: 'top' }] }] },
      ]),
    ]);
    expect(message?.kind).toBe('message');
    expect(message?.text).toBe('Job offer\nSalary 3000 EUR, apply here (https://jobs.example/apply)\npassport\ntwo photos\nThe flat\nShifts\nMon\nnight');
    expect(message?.attachments).toEqual([
      { kind: 'attached', mediaType: 'image', path: 'photos/photo_1@02-05-2026_10-00-00.jpg', fileName: 'photo_1@02-05-2026_10-00-00.jpg', size: 2048 },
      { kind: 'omitted', mediaType: 'document', mimeType: 'application/pdf', fileName: 'contract.pdf', size: 99999999 },
      { kind: 'attached', mediaType: 'location' },
    ]);
    // The object stays as written beside the reading.
    expect(message?.extra?.['rich_message']).toMatchObject({ rtl: false, part: false });
    expect(message?.extra?.['richMessageUnsupported']).toBeUndefined();
  });

  it('attaches the photos of an embedded post\'s author and of related articles, which the export holds too', async () => {
    const [message] = await parse([
      richMessage(10, [
        { type: 'embed_post', url: 'https://t.me/c/1/2', webpage_id: '3', author_photo_id: '4', author_photo: 'photos/photo_2.jpg', author_photo_file_size: 10, author: 'Boss', date: '2026-05-01T09:00:00', date_unixtime: '1777626000', blocks: [{ type: 'paragraph', text: plain('quoted post') }], caption: noCaption },
        { type: 'related_articles', title: plain('See also'), articles: [{ url: 'https://example.test/a', webpage_id: '5', title: 'A', photo_id: '6', photo_skip_reason: 'file_type' }] },
      ]),
    ]);
    expect(message?.text).toBe('quoted post\nSee also');
    expect(message?.attachments).toEqual([
      { kind: 'attached', mediaType: 'image', path: 'photos/photo_2.jpg', fileName: 'photo_2.jpg', size: 10 },
      { kind: 'omitted', mediaType: 'image' },
    ]);
  });

  it('names the places the exporter marked unsupported, so a rich message they leave empty is not silently empty', async () => {
    const [message] = await parse([richMessage(8, [{ type: 'unsupported', source_type: 'page_block_unsupported', unsupported: true }])]);
    expect(message?.text).toBe('');
    expect(message?.extra?.['richMessageUnsupported']).toEqual(['/blocks/0 (page_block_unsupported)']);
  });

  it('keeps an ordinary text when a message has one', async () => {
    const [message] = await parse([{ id: 9, type: 'message', date_unixtime: '1777716001', from: 'Vlad', from_id: 'user41', text: 'plain words', text_entities: [{ type: 'plain', text: 'plain words' }] }]);
    expect(message?.text).toBe('plain words');
  });

  it('regression: a rich message of 200,000 maps is read, not thrown (its attachments were spread into one call: Maximum call stack size exceeded)', async () => {
    const maps = Array.from({ length: 200_000 }, () => ({ type: 'map' }));
    const [message] = await parse([richMessage(9, maps)]);
    expect(message?.attachments.length).toBe(200_000);
  });
});
