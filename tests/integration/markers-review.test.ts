import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSession } from '../../engine/case/case-session.ts';
import { Engine } from '../../engine/engine.ts';
import { chatIndicators, recordDecision } from '../../engine/markers/review.ts';
import { reviewQueue } from '../support/review-queue.ts';
import { searchCase } from '../../engine/search/search-case.ts';
import { CLI, tempFolder, writeTemp } from '../support/temp-case.ts';
import { markIndexAsOlderFormat } from '../support/index-rebuild.ts';

const CONTROL_CHAT = [
  '01/04/2024, 10:00 - Boss: You owe me 2000 for the apartment and the ticket',
  '01/04/2024, 10:05 - Mira: ok',
  '02/04/2024, 22:00 - Boss: Give me your passport, I will keep it until you pay the debt',
  '03/04/2024, 09:00 - Boss: send me your location every hour, call me on +40 721 000 111',
].join('\n');
const REPEAT_CHAT = Array.from({ length: 5 }, (_, index) => `0${index + 1}/05/2024, 10:00 - Lender: You owe me 2000 for the apartment and the ticket`).join('\n');
const ADVERT_CHAT = ['05/05/2024, 11:00 - Agency: Good job in Germany, write on WhatsApp 0721-000-111', '05/05/2024, 11:05 - Ana: ok'].join('\n');

describe('indicators and review through the engine and the CLI', () => {
  let engine: Engine;
  let session: CaseSession;
  let casePath: string;
  let folder: string;

  beforeAll(async () => {
    folder = tempFolder();
    casePath = join(folder, 'case');
    engine = new Engine({ mode: 'cli', actor: 'analyst-a' });
    session = await engine.openCase(casePath, true);
    await engine.startImport([writeTemp(folder, 'control.txt', CONTROL_CHAT), writeTemp(folder, 'repeat.txt', REPEAT_CHAT), writeTemp(folder, 'advert.txt', ADVERT_CHAT)], { timeZone: 'UTC' }).done;
  }, 120_000);

  afterAll(async () => {
    await engine.dispose();
  });

  it('tags messages and makes indicators searchable with marker:', async () => {
    const debts = await searchCase(session, 'marker:debt-bondage', 50, 0);
    expect(debts.total).toBeGreaterThanOrEqual(6);
    expect(debts.hits[0]?.markers).toContain('debt-bondage');
    expect((await searchCase(session, 'passport marker:document-control', 10, 0)).total).toBe(1);
  });

  it('ranks distinct co-occurring indicators above one indicator repeated', async () => {
    const risks = await session.db.client.call('conversationRisks', { limit: 10 });
    const control = risks.find((risk) => risk.title === 'control');
    const repeat = risks.find((risk) => risk.title === 'repeat');
    expect(control?.markers.length).toBeGreaterThanOrEqual(3);
    expect(repeat?.markers.map((marker) => marker.marker)).toEqual(['debt-bondage']);
    expect(control?.score).toBeGreaterThan(repeat?.score ?? 1);
    expect(risks[0]?.title).toBe('control');
    expect(control?.senders[0]).toEqual({ sender: 'Boss', messages: 3 });
  });

  it('records decisions with who and when, in the custody log, and they survive re-tagging', async () => {
    const [first] = await reviewQueue(session, (await session.db.client.call('conversationRisks', { limit: 1 }))[0]?.chatId ?? '');
    const tag = first?.tags[0];
    if (first === undefined || tag === undefined) throw new Error('no tagged message');
    await recordDecision(session, { messageId: first.message.id, marker: tag.marker, decision: 'confirm', by: 'analyst-a' });
    await recordDecision(session, { messageId: first.message.id, decision: 'note', note: 'amount matches the ticket price', by: 'analyst-a' });
    await recordDecision(session, { messageId: first.message.id, decision: 'bookmark', by: 'analyst-a' });
    expect(await session.db.client.call('reviewedRowids', { kind: 'bookmarked' })).toHaveLength(1);
    await recordDecision(session, { messageId: first.message.id, decision: 'unbookmark', by: 'analyst-a' });
    expect(await session.db.client.call('reviewedRowids', { kind: 'bookmarked' })).toHaveLength(0);
    expect(readFileSync(join(casePath, 'audit.jsonl'), 'utf8')).toContain('"action":"review.decision"');
    await engine.startRetag().done;
    const [again] = await reviewQueue(session, first.message.chatId);
    expect(again?.tags.find((candidate) => candidate.marker === tag.marker)?.decision).toMatchObject({ decision: 'confirm', by: 'analyst-a' });
    expect(again?.notes.map((note) => note.note)).toEqual(['amount matches the ticket price']);
    const coverage = await session.db.client.call('coverage', {});
    expect(coverage).toMatchObject({ confirmed: 1, notes: 1 });
    expect(coverage.byAnalyst[0]).toMatchObject({ by: 'analyst-a', decisions: 4 });
    // The conversation view's indicators are the review queue's, without the messages.
    const queue = await reviewQueue(session, first.message.chatId);
    const shown = await chatIndicators(session, first.message.chatId);
    const byId = (items: { messageId: string }[]) => [...items].sort((a, b) => a.messageId.localeCompare(b.messageId));
    expect(byId(shown)).toEqual(byId(queue.map((item) => ({ messageId: item.message.id, tags: item.tags, noLongerFound: item.noLongerFound, notes: item.notes, bookmarked: item.bookmarked }))));
    expect(shown.find((item) => item.messageId === first.message.id)?.tags.find((candidate) => candidate.marker === tag.marker)?.decision).toMatchObject({ decision: 'confirm' });
  });

  it('regression: shows notes and bookmarks with the conversation, on a message without an indicator too', async () => {
    // The conversation view had a message's indicators and their decisions only: a note or a
    // bookmark was seen in the Review view alone, and one on a message without an indicator (the
    // CLI takes a note on any message) nowhere in the app.
    const chatId = (await session.db.client.call('conversationRisks', { limit: 10 })).find((chat) => chat.title === 'control')?.chatId ?? '';
    const { messages } = await session.db.client.call('messagesRange', { chatId, offset: 1, limit: 1 });
    const untagged = messages[0];
    if (untagged === undefined) throw new Error('no message');
    expect(untagged.text).toBe('ok');
    expect((await chatIndicators(session, chatId)).some((item) => item.messageId === untagged.id)).toBe(false);
    await recordDecision(session, { messageId: untagged.id, decision: 'note', note: 'she agrees: after this the passport is taken', by: 'analyst-a' });
    await recordDecision(session, { messageId: untagged.id, decision: 'bookmark', by: 'analyst-a' });
    const shown = (await chatIndicators(session, chatId)).find((item) => item.messageId === untagged.id);
    expect(shown).toMatchObject({ tags: [], noLongerFound: [], bookmarked: true, notes: [{ decision: 'note', note: 'she agrees: after this the passport is taken', by: 'analyst-a' }] });
    await recordDecision(session, { messageId: untagged.id, decision: 'unbookmark', by: 'analyst-a' });
    expect((await chatIndicators(session, chatId)).find((item) => item.messageId === untagged.id)?.bookmarked).toBe(false);
  });

  it('takes a confirm or dismiss without --marker as about the only indicator of the message, and refuses it when there are several or none', async () => {
    const chats = await session.db.client.call('conversationRisks', { limit: 10 });
    const chatOf = (title: string): string => chats.find((chat) => chat.title === title)?.chatId ?? '';
    // The first message of "repeat" (debt bondage alone): the CLI test below dismisses the same indicator.
    const [single] = await reviewQueue(session, chatOf('repeat'));
    const several = (await reviewQueue(session, chatOf('control'))).find((item) => new Set(item.tags.map((tag) => tag.marker)).size > 1);
    if (single === undefined || several === undefined) throw new Error('the case needs messages with one and with several indicators');
    expect(new Set(single.tags.map((tag) => tag.marker))).toEqual(new Set(['debt-bondage']));
    const recorded = await recordDecision(session, { messageId: single.message.id, decision: 'dismiss', by: 'analyst-b' });
    expect(recorded).toMatchObject({ marker: 'debt-bondage', decision: 'dismiss', by: 'analyst-b' });
    const markers = [...new Set(several.tags.map((tag) => tag.marker))];
    await expect(recordDecision(session, { messageId: several.message.id, decision: 'confirm', by: 'analyst-b' })).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining(markers.join(', ')) });
    // "ok" in the control chat carries no indicator.
    const { messages } = await session.db.client.call('messagesRange', { chatId: chatOf('control'), offset: 1, limit: 1 });
    const untagged = messages[0];
    expect(untagged?.text).toBe('ok');
    await expect(recordDecision(session, { messageId: untagged?.id ?? '', decision: 'confirm', by: 'analyst-b' })).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringMatching(/has no indicator to confirm/u) });
    // A misspelt indicator was recorded as a confirmation of an indicator "no longer found".
    await expect(recordDecision(session, { messageId: single.message.id, marker: 'debt-bondgae', decision: 'confirm', by: 'analyst-b' })).rejects.toMatchObject({
      code: 'E_USAGE',
      message: expect.stringContaining('debt-bondage, document-control'),
    });
  });

  it('surfaces one phone number behind several conversations', async () => {
    const shared = await session.db.client.call('sharedIdentifiers', { limit: 10 });
    expect(shared.find((identifier) => identifier.kind === 'phone' && identifier.value === '721000111')).toMatchObject({ chats: 2 });
  });

  it('reviews from the CLI and exports only confirmed indicators', async () => {
    const [item] = await reviewQueue(session, (await session.db.client.call('conversationRisks', { limit: 10 })).find((risk) => risk.title === 'repeat')?.chatId ?? '');
    if (item === undefined) throw new Error('no tagged message');
    await engine.dispose();
    const review = spawnSync(process.execPath, [CLI, 'review', casePath, '--message', item.message.id, '--decision', 'dismiss', '--marker', 'debt-bondage', '--by', 'analyst-b', '--json'], { encoding: 'utf8' });
    expect(review.status, review.stderr).toBe(0);
    expect(JSON.parse(review.stdout)).toMatchObject({ decision: 'dismiss', by: 'analyst-b', marker: 'debt-bondage' });
    const bag = join(folder, 'bag');
    const exported = spawnSync(process.execPath, [CLI, 'export', casePath, '--out', bag, '--select', 'confirmed', '--context', '0', '--json'], { encoding: 'utf8' });
    expect(exported.status, exported.stderr).toBe(0);
    expect(JSON.parse(exported.stdout)).toMatchObject({ messages: 1, contextMessages: 0 });
    // Said in words with the context counted apart (it said "1 selected messages", no context).
    const withContext = spawnSync(process.execPath, [CLI, 'export', casePath, '--out', join(folder, 'bag-context'), '--select', 'confirmed', '--context', '2'], { encoding: 'utf8' });
    expect(withContext.status, withContext.stderr).toBe(0);
    expect(withContext.stdout).toMatch(/Package written: 1 selected message and \d+ messages? of context, /u);
    expect(readFileSync(join(bag, 'data', 'reviews.jsonl'), 'utf8')).toContain('analyst-a');
    expect(readFileSync(join(bag, 'data', 'markers.jsonl'), 'utf8')).toContain('not a finding');
    const verified = spawnSync(process.execPath, [CLI, 'verify', bag, '--json'], { encoding: 'utf8' });
    expect(verified.status, verified.stdout).toBe(0);
    engine = new Engine({ mode: 'cli', actor: 'analyst-a' });
    session = await engine.openCase(casePath, false);
  });

  it('keeps marker: working when the index is rebuilt from the case database', async () => {
    const before = (await searchCase(session, 'marker:debt-bondage', 50, 0)).total;
    expect(before).toBeGreaterThanOrEqual(6);
    await engine.dispose();
    markIndexAsOlderFormat(casePath);
    engine = new Engine({ mode: 'cli', actor: 'analyst-a' });
    session = await engine.openCase(casePath, false);
    expect(readFileSync(join(casePath, 'audit.jsonl'), 'utf8')).toContain('index.reconciled');
    expect((await searchCase(session, 'marker:debt-bondage', 50, 0)).total).toBe(before);
    expect((await searchCase(session, 'passport marker:document-control', 10, 0)).total).toBe(1);
  });
});
