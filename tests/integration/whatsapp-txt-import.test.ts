import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSession } from '../../engine/case/case-session.ts';
import { Engine } from '../../engine/engine.ts';
import { searchCase } from '../../engine/search/search-case.ts';
import type { ImportSummary } from '../../shared/domain/import.ts';
import type { Message } from '../../shared/domain/message.ts';
import { tempFolder, writeTemp } from '../support/temp-case.ts';
import { LRM, RLM } from '../support/unicode-chars.ts';

/**
 * WhatsApp .txt exports through the engine (Engine.startImport, as the UI and the CLI use it):
 * what a person wrote keeps its direction marks in the case and is still found by search, while
 * the marks WhatsApp puts before its own wording are cut and listed; each chat is stored as a
 * group or a private chat when the file shows which.
 */

const HEBREW_IOS = [
  `[18/3/2022, 14:56:01] Dana: ${LRM}Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.`,
  `[18/3/2022, 14:57:01] Dana: הדר${RLM}כון שלך אצלי`,
  `[18/3/2022, 14:58:01] Omar: ${RLM}מתי?`,
  `${LRM}[18/3/2022, 14:59:01] Dana: ${LRM}<attached: 00000035-PHOTO-2022-03-18-14-59-01.jpg>`,
  `${LRM}[18/3/2022, 15:00:01] Omar: ${LRM}image omitted`,
  '[18/3/2022, 15:01:01] Omar: תודה',
  '',
].join('\r\n');

/** A group in which only two people speak: the "created group" line tells. */
const SMALL_GROUP_ANDROID = [
  '12/03/2024, 09:00 - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them. Tap to learn more.',
  '12/03/2024, 09:00 - Recruiter Dan created group "Jobs Berlin"',
  '12/03/2024, 09:01 - Recruiter Dan added you',
  '12/03/2024, 09:02 - Recruiter Dan: Welcome',
  '12/03/2024, 09:03 - Ana: Thanks',
  '',
].join('\n');

describe('WhatsApp .txt through the engine', () => {
  let engine: Engine;
  let session: CaseSession;
  let summary: ImportSummary;
  let messages: Message[];

  beforeAll(async () => {
    const folder = tempFolder();
    const file = writeTemp(folder, 'WhatsApp Chat - Dana.txt', HEBREW_IOS);
    const group = writeTemp(folder, 'WhatsApp Chat with Jobs Berlin.txt', SMALL_GROUP_ANDROID);
    engine = new Engine({ mode: 'cli', actor: 'whatsapp-txt' });
    session = await engine.openCase(join(folder, 'case'), true);
    summary = await engine.startImport([file, group], { timeZone: 'UTC' }).done;
    const rowids = await session.db.client.call('allMessageRowids', {});
    messages = (await session.db.client.call('messagesByRowids', { rowids })).sort((a, b) => a.rowid - b.rowid);
  }, 120_000);

  afterAll(async () => {
    await engine.dispose();
  });

  it('imports every line', () => {
    expect(summary.sources[0]).toMatchObject({ status: 'imported', format: 'whatsapp-txt', messages: 6, unparsed: 0 });
    expect(summary.sources[1]).toMatchObject({ status: 'imported', format: 'whatsapp-txt', messages: 5, unparsed: 0 });
  });

  it('stores each chat as group or private, and says on the source what that rests on', async () => {
    const conversations = await session.db.client.call('listConversations', {});
    expect(conversations.map(({ title, kind }) => ({ title, kind })).sort((a, b) => a.title.localeCompare(b.title))).toEqual([
      { title: 'Dana', kind: 'private' },
      { title: 'Jobs Berlin', kind: 'group' },
    ]);
    const { sources } = await session.info();
    const details = sources.find((source) => source.id === summary.sources[1]?.sourceId)?.details;
    expect(details).toMatchObject({
      dateOrder: 'dmy',
      chatKind: 'group',
      chatKindEvidence: 'group event on line 2: "Recruiter Dan created group "Jobs Berlin""; 2 distinct senders ("Recruiter Dan", "Ana")',
    });
    expect(sources.find((source) => source.id === summary.sources[0]?.sourceId)?.details).toMatchObject({ chatKind: 'private' });
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
