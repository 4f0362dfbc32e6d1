import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { afterAll, describe, expect, it } from 'vitest';
import { Engine } from '../../engine/engine.ts';
import { withContext } from '../../engine/import/detect-languages.ts';
import type { Message } from '../../shared/domain/message.ts';
import { langCliAnswers, type LangCliAnswer } from '../support/lang-cli.ts';
import { tempFolder, writeTemp } from '../support/temp-case.ts';

/**
 * Issue #7: "a case-level language list narrows the candidates". A chat of short lines that
 * could be many languages ("taxi la 8", "da", "bravo", "merci") is imported into a case
 * restricted to Romanian and Bulgarian and into one without a list; the list is stored with the
 * case, used by the language worker, recorded in the source's provenance, and `threadline lang`
 * gives the import's answers for the same texts, contexts and list.
 */
const CHAT = [
  ['09:14', 'Ana', 'taxi la 8'],
  ['09:15', 'Ivan', 'da'],
  ['09:16', 'Ana', 'super'],
  ['09:17', 'Ivan', 'bravo'],
  ['09:18', 'Ana', 'ciao'],
  ['09:19', 'Ivan', 'merci'],
  ['09:20', 'Ana', 'hotel'],
  ['09:21', 'Ivan', 'mama'],
  ['09:22', 'Ana', 'cash only'],
  ['09:23', 'Ivan', 'no problem'],
  ['09:24', 'Ana', 'take care'],
  ['09:25', 'Ivan', 'Ajde'],
].map(([time, sender, text]) => `12/03/2024, ${time} - ${sender}: ${text}`).join('\n');

const folder = tempFolder('threadline-case-languages-');
const chatFile = writeTemp(folder, 'short-lines.txt', `${CHAT}\n`);
const engine = new Engine({ mode: 'cli', actor: 'case-languages-test' });
afterAll(() => engine.dispose());

async function importInto(name: string, languages?: string[]): Promise<{ casePath: string; messages: Message[] }> {
  const casePath = join(folder, name);
  const session = await engine.openCase(casePath, true, undefined, undefined, languages);
  const summary = await engine.startImport([chatFile], {}).done;
  expect(summary.sources[0]?.status).toBe('imported');
  const [chat] = await session.db.client.call('listConversations', {});
  const { messages } = await session.db.client.call('messagesRange', { chatId: chat?.id ?? '', offset: 0, limit: 100 });
  await engine.closeCase();
  return { casePath, messages: messages.filter((message) => message.kind === 'message') };
}

async function languageProvenance(casePath: string): Promise<Record<string, unknown>> {
  const SQL = await initSqlJs();
  const db = new SQL.Database(readFileSync(join(casePath, 'case.sqlite')));
  const [result] = db.exec("SELECT parameters FROM provenance WHERE stage = 'language'");
  db.close();
  return JSON.parse(String(result?.values[0]?.[0])) as Record<string, unknown>;
}

function cliAnswers(messages: readonly Message[], languages?: string): Promise<LangCliAnswer[]> {
  return langCliAnswers(withContext(messages.map((message) => ({ rowid: message.seq, text: message.text, chatId: message.chatId, sender: message.sender }))), languages);
}

describe('a case-level language list', () => {
  let restricted: { casePath: string; messages: Message[] };
  let unrestricted: { casePath: string; messages: Message[] };

  it('labels ambiguous short messages within the list; without one they spread', async () => {
    restricted = await importInto('ron-bul', ['ron', 'bul']);
    unrestricted = await importInto('any');
    expect(restricted.messages).toHaveLength(CHAT.split('\n').length);
    for (const message of restricted.messages) expect(['ron', 'bul'], `"${message.text}" labelled ${message.lang}`).toContain(message.lang);
    const outside = unrestricted.messages.filter((message) => !['ron', 'bul', 'und'].includes(message.lang));
    expect(outside.length, 'without a list some lines go to other languages').toBeGreaterThanOrEqual(3);
  }, 120_000);

  it('is recorded in each source’s language provenance', async () => {
    expect(await languageProvenance(restricted.casePath)).toMatchObject({ caseLanguages: 'ron,bul', candidates: 'ron,bul', classifier: expect.stringMatching(/^fasttext lid\.176/u) });
    expect(await languageProvenance(unrestricted.casePath)).toMatchObject({ caseLanguages: 'any' });
  });

  it('gives the same answers through threadline lang with the same contexts and list', async () => {
    const restrictedCli = await cliAnswers(restricted.messages, 'ron,bul');
    expect(restrictedCli.map((answer) => [answer.lang, answer.confidence])).toEqual(restricted.messages.map((message) => [message.lang, message.langConfidence]));
    const anyCli = await cliAnswers(unrestricted.messages);
    expect(anyCli.map((answer) => [answer.lang, answer.confidence])).toEqual(unrestricted.messages.map((message) => [message.lang, message.langConfidence]));
  }, 60_000);

  it('is kept with the case, can be changed, and the change is audited', async () => {
    const reopened = await engine.openCase(restricted.casePath, false);
    expect(reopened.settings.languages).toEqual(['ron', 'bul']);
    const info = await engine.handlers()['case.setLanguages']({ languages: ['RUM', 'eng', 'ron'] });
    expect(info.settings.languages).toEqual(['ron', 'eng']);
    await engine.closeCase();
    expect((await engine.openCase(restricted.casePath, false)).settings.languages).toEqual(['ron', 'eng']);
    await engine.closeCase();
    const audit = readFileSync(join(restricted.casePath, 'audit.jsonl'), 'utf8');
    expect(audit).toMatch(/"case\.languages".*"languages":\["ron","eng"\].*"previous":\["ron","bul"\]/u);
    await expect(engine.handlers()['case.setLanguages']({ languages: ['xx1'] })).rejects.toMatchObject({ code: 'E_CASE_NOT_FOUND' });
  }, 60_000);

  it('is empty (any language) for a case made without one', async () => {
    expect((await engine.openCase(unrestricted.casePath, false)).settings.languages).toEqual([]);
    await engine.closeCase();
  });
});
