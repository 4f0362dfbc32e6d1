import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSession } from '../../engine/case/case-session.ts';
import { Engine } from '../../engine/engine.ts';
import { searchCase } from '../../engine/search/search-case.ts';
import type { ImportSummary } from '../../shared/domain/import.ts';
import type { Message } from '../../shared/domain/message.ts';
import { tempFolder, writeTemp } from '../support/temp-case.ts';

/**
 * WhatsApp .txt exports through the engine (Engine.startImport, as the UI and the CLI use it):
 * what a person wrote keeps its direction marks in the case and is still found by search, while
 * the marks WhatsApp puts before its own wording are cut and listed.
 */
const LRM = '\u200e';
const RLM = '\u200f';

const HEBREW_IOS = [
  `[18/3/2022, 14:56:01] Dana: ${LRM}Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.`,
  `[18/3/2022, 14:57:01] Dana: הדר${RLM}כון שלך אצלי`,
  `[18/3/2022, 14:58:01] Omar: ${RLM}מתי?`,
  `${LRM}[18/3/2022, 14:59:01] Dana: ${LRM}<attached: 00000035-PHOTO-2022-03-18-14-59-01.jpg>`,
  `${LRM}[18/3/2022, 15:00:01] Omar: ${LRM}image omitted`,
  '[18/3/2022, 15:01:01] Omar: תודה',
  '',
].join('\r\n');

describe('WhatsApp .txt through the engine', () => {
  let engine: Engine;
  let session: CaseSession;
  let summary: ImportSummary;
  let messages: Message[];

  beforeAll(async () => {
    const folder = tempFolder();
    const file = writeTemp(folder, 'WhatsApp Chat - Dana.txt', HEBREW_IOS);
    engine = new Engine({ mode: 'cli', actor: 'whatsapp-txt' });
    session = await engine.openCase(join(folder, 'case'), true);
    summary = await engine.startImport([file], { timeZone: 'UTC' }).done;
    const rowids = await session.db.client.call('allMessageRowids', {});
    messages = (await session.db.client.call('messagesByRowids', { rowids })).sort((a, b) => a.rowid - b.rowid);
  }, 120_000);

  afterAll(async () => {
    await engine.dispose();
  });

  it('imports every line', () => {
    expect(summary.sources[0]).toMatchObject({ status: 'imported', format: 'whatsapp-txt', messages: 6, unparsed: 0 });
  });

  it('stores an RLM the writer put inside RTL text, and finds the word from a query typed without it', async () => {
    expect(messages[1]).toMatchObject({ kind: 'message', sender: 'Dana', text: `הדר${RLM}כון שלך אצלי` });
    expect(messages[2]).toMatchObject({ kind: 'message', sender: 'Omar', text: `${RLM}מתי?` });
    const result = await searchCase(session, 'הדרכון', 10, 0);
    expect(result.total).toBe(1);
    expect(result.hits[0]?.text).toBe(`הדר${RLM}כון שלך אצלי`);
    expect((await searchCase(session, 'מתי', 10, 0)).total).toBe(1);
  });

  it("cuts the marks WhatsApp puts before its own wording and lists them in the message's extra", () => {
    expect(messages[0]).toMatchObject({ kind: 'system', sender: null, extra: { attributedTo: 'Dana', leadingMarks: 'U+200E' } });
    expect(messages[0]?.text).toMatch(/^Messages and calls are end-to-end encrypted\./u);
    expect(messages[3]).toMatchObject({ kind: 'message', sender: 'Dana', text: '<attached: 00000035-PHOTO-2022-03-18-14-59-01.jpg>', extra: { leadingMarks: 'U+200E', placeholder: true } });
    expect(messages[3]?.attachments[0]).toMatchObject({ kind: 'attached', mediaType: 'image', fileName: '00000035-PHOTO-2022-03-18-14-59-01.jpg', status: 'missing' });
    expect(messages[4]).toMatchObject({ text: 'image omitted', attachments: [{ kind: 'omitted', mediaType: 'image' }] });
  });
});
