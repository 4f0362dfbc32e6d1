import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSession } from '../../engine/case/case-session.ts';
import { Engine } from '../../engine/engine.ts';
import { searchCase } from '../../engine/search/search-case.ts';
import { REPO_ROOT, tempFolder, writeTemp } from '../support/temp-case.ts';

const FIXTURE = join(REPO_ROOT, 'fixtures', 'whatsapp', 'job-offer-android-24h.txt');
const SECOND_CHAT = [
  '01/04/2024, 10:00 - Boss: You owe me 2000 for the apartment and the ticket',
  '01/04/2024, 10:05 - Mira: I will pay when I work, call +40 721 000 111',
  '02/04/2024, 22:00 - Boss: Send me the photo of the client money',
  '02/04/2024, 22:01 - Mira: IMG-20240402-WA0001.jpg (file attached)',
  '03/04/2024, 09:00 - Boss: Паспорт остаётся у меня пока не заплатишь долг',
].join('\n');

describe('search filters, sorting and facets through the sharded index', () => {
  let engine: Engine;
  let session: CaseSession;

  beforeAll(async () => {
    const folder = tempFolder();
    engine = new Engine({ mode: 'cli', actor: 'filters' });
    session = await engine.openCase(join(folder, 'case'), true);
    const second = writeTemp(folder, 'WhatsApp Chat with Boss.txt', SECOND_CHAT);
    await engine.startImport([FIXTURE, second], { timeZone: 'UTC' }).done;
  }, 120_000);

  afterAll(async () => {
    await engine.dispose();
  });

  const total = async (query: string) => (await searchCase(session, query, 50, 0)).total;

  it('filters by sender, chat and source names', async () => {
    expect(await total('apartment')).toBe(2);
    expect(await total('apartment sender:boss')).toBe(1);
    expect(await total('apartment sender:"recruiter dan"')).toBe(1);
    expect(await total('apartment chat:boss')).toBe(1);
    expect(await total('apartment source:job-offer')).toBe(1);
    expect(await total('sender:mira')).toBe(2);
  });

  it('filters by date, with after inclusive and before exclusive of its day', async () => {
    expect(await total('ticket after:2024-04-01')).toBe(1);
    expect(await total('ticket before:2024-04-01')).toBe(1);
    expect(await total('after:2024-04-02 before:2024-04-03')).toBe(2);
  });

  it('filters by attachment and language', async () => {
    expect(await total('has:attachment')).toBe(1);
    const { langFacets } = await searchCase(session, 'after:2000-01-01', 10, 0, { facets: true });
    expect(Object.values(langFacets).reduce((sum, count) => sum + count, 0)).toBe(14);
    expect(langFacets['eng']).toBeGreaterThanOrEqual(3);
    for (const [lang, count] of Object.entries(langFacets)) expect(await total(`lang:${lang} after:2000-01-01`), lang).toBe(count);
  });

  it('supports OR, exclusion, prefixes and phone numbers in any formatting', async () => {
    expect(await total('passport OR паспорт')).toBe(3);
    expect(await total('apartment -ticket')).toBe(0);
    expect(await total('apart*')).toBe(2);
    expect(await total('0721000111')).toBe(1);
    expect(await total('"+40721000111"')).toBe(0); // a quoted phrase is words, not a number
  });

  it('sorts newest and oldest first and pages consistently', async () => {
    const newest = await searchCase(session, 'sender:boss', 2, 0, { sort: 'newest' });
    const oldest = await searchCase(session, 'sender:boss', 2, 0, { sort: 'oldest' });
    expect(newest.hits[0]?.timestamp).toBe('2024-04-03T09:00:00.000Z');
    expect(oldest.hits[0]?.timestamp).toBe('2024-04-01T10:00:00.000Z');
    const page2 = await searchCase(session, 'sender:boss', 2, 2, { sort: 'oldest' });
    expect(page2.hits.map((hit) => hit.timestamp)).toEqual(['2024-04-03T09:00:00.000Z']);
  });
});

describe('search across languages and scripts', () => {
  let engine: Engine;
  let session: CaseSession;

  beforeAll(async () => {
    const folder = tempFolder();
    engine = new Engine({ mode: 'cli', actor: 'concepts' });
    session = await engine.openCase(join(folder, 'case'), true);
    const chat = [
      '01/04/2024, 10:00 - A: Где мой паспорт?',
      '01/04/2024, 10:01 - B: Unde este pașaportul meu?',
      '01/04/2024, 10:02 - C: Gdzie jest mój paszport?',
      '01/04/2024, 10:03 - D: Wo ist mein Reisepass?',
      '01/04/2024, 10:04 - E: Nyama pasport, shte ti go varna',
      '01/04/2024, 10:05 - F: The weather is nice today',
    ].join('\n');
    await engine.startImport([writeTemp(folder, 'multi.txt', chat)], { timeZone: 'UTC' }).done;
  }, 120_000);

  afterAll(async () => {
    await engine.dispose();
  });

  it('concept:passport finds паспорт, pașaport, paszport and Reisepass', async () => {
    const result = await searchCase(session, 'concept:passport', 20, 0);
    const senders = result.hits.map((hit) => hit.sender).sort();
    expect(senders).toEqual(expect.arrayContaining(['A', 'B', 'C', 'D']));
    expect(senders).not.toContain('F');
  });

  it('a Latin query finds Cyrillic text and the reverse', async () => {
    expect((await searchCase(session, 'pasport', 10, 0)).hits.map((hit) => hit.sender).sort()).toEqual(['A', 'E']);
    expect((await searchCase(session, 'паспорт', 10, 0)).hits.map((hit) => hit.sender).sort()).toEqual(['A', 'E']);
  });

  it('names the known concepts when one is unknown', async () => {
    await expect(searchCase(session, 'concept:nonsense', 10, 0)).rejects.toMatchObject({ code: 'E_QUERY_SYNTAX' });
  });
});
