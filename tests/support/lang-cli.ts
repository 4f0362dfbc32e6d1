import { PassThrough, Readable } from 'node:stream';
import { runLang } from '../../cli/commands/lang-command.ts';
import type { LanguageItem } from '../../shared/contracts/language-worker.ts';

export interface LangCliAnswer {
  id: number;
  lang: string;
  confidence: number;
  method: string;
  script?: string;
}

/** `threadline lang [--languages …]` over the items as JSON lines (context included); its answers in order. */
export async function langCliAnswers(items: readonly Pick<LanguageItem, 'rowid' | 'text' | 'context'>[], languages?: string): Promise<LangCliAnswer[]> {
  const input = items.map((item) => JSON.stringify({ id: item.rowid, text: item.text, ...(item.context === undefined ? {} : { context: item.context }) })).join('\n');
  const stdout = new PassThrough();
  const chunks: string[] = [];
  stdout.on('data', (chunk: Buffer) => chunks.push(chunk.toString()));
  const code = await runLang(languages === undefined ? {} : { languages }, { stdin: Readable.from([input]), stdout, stderr: new PassThrough() });
  if (code !== 0) throw new Error(`threadline lang exited ${code}`);
  return chunks.join('').split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as LangCliAnswer);
}
