import type { LanguageItem } from '../../shared/contracts/language-worker.ts';
import type { CaseSession } from '../case/case-session.ts';

const PAGE = 4000;
const BATCH = 1000;
const CONTEXT_MESSAGES = 2;

/**
 * Short chat lines say little about their language; their neighbours by the same sender in the
 * same conversation usually share it, so each message carries the nearest two as context.
 */
export function withContext(page: { rowid: number; text: string; chatId: string; sender: string | null }[]): LanguageItem[] {
  return page.map((message, index) => {
    const context: string[] = [];
    for (let distance = 1; context.length < CONTEXT_MESSAGES && distance <= 6; distance++) {
      for (const neighbour of [page[index - distance], page[index + distance]]) {
        if (neighbour !== undefined && neighbour.chatId === message.chatId && neighbour.sender === message.sender && context.length < CONTEXT_MESSAGES) context.push(neighbour.text);
      }
    }
    return { rowid: message.rowid, text: message.text, ...(context.length === 0 ? {} : { context }) };
  });
}

/**
 * Detects the language of every message of a source on the language worker pool, a page at a
 * time, choosing among the case's languages when it names some (CaseSettings.languages), and
 * records the tool and parameters, that list included, once per source as provenance.
 */
export async function detectSourceLanguages(session: CaseSession, sourceId: string, signal: AbortSignal, onProgress: (done: number) => void): Promise<number> {
  const pool = session.languagePool();
  // Read once: a settings change during the import applies to the next source, never half of one.
  const caseLanguages = [...session.settings.languages];
  let afterRowid = 0;
  let done = 0;
  let tool: Awaited<ReturnType<typeof pool.call<'detect'>>>['tool'] | null = null;
  for (;;) {
    const page = await session.db.client.call('languagePending', { sourceId, afterRowid, limit: PAGE });
    const last = page[page.length - 1];
    if (last === undefined) break;
    const items = withContext(page);
    const batches: (typeof items)[] = [];
    for (let start = 0; start < items.length; start += BATCH) batches.push(items.slice(start, start + BATCH));
    const outcomes = await Promise.all(batches.map((batch) => pool.call('detect', { items: batch, ...(caseLanguages.length === 0 ? {} : { caseLanguages }) }, { signal })));
    for (const outcome of outcomes) {
      await session.db.client.call('setLanguages', { results: outcome.results });
      await session.index.update(outcome.results.map((result) => ({ rowid: result.rowid, lang: result.lang })));
      tool = outcome.tool;
    }
    done += page.length;
    onProgress(done);
    afterRowid = last.rowid;
  }
  if (tool !== null) await session.db.client.call('addProvenance', { sourceId, stage: 'language', tool: tool.tool, toolVersion: tool.toolVersion, parameters: { ...tool.parameters, caseLanguages: caseLanguages.length === 0 ? 'any' : caseLanguages.join(',') } });
  return done;
}

