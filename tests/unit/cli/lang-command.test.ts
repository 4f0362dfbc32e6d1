import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runLang } from '../../../cli/commands/lang-command.ts';
import { AppError } from '../../../shared/errors.ts';

const directory = mkdtempSync(join(tmpdir(), 'threadline-lang-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function collect(stream: PassThrough): () => string {
  const chunks: string[] = [];
  stream.on('data', (chunk: Buffer | string) => chunks.push(chunk.toString()));
  return () => chunks.join('');
}

async function run(input: string, options: { jsonl?: string; languages?: string } = {}): Promise<{ code: number; out: unknown[]; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  const code = await runLang(options, { stdin: Readable.from([input]), stdout, stderr });
  return { code, out: out().split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as unknown), err: err() };
}

describe('threadline lang', () => {
  it('answers one line per input line, in order, with the contract fields', async () => {
    const input = [
      { id: 'm1', text: 'Где мой паспорт? Верни его немедленно.' },
      { id: 2, text: 'Mikor jössz haza? Hűtőben van a vacsora.' },
      { id: 'm3', text: '😂' },
    ].map((line) => JSON.stringify(line)).join('\n');
    const { code, out, err } = await run(`${input}\n`);
    expect(code).toBe(0);
    expect(err).toBe('');
    expect(out).toMatchObject([{ id: 'm1', lang: 'rus' }, { id: 2, lang: 'hun' }, { id: 'm3', lang: 'und', confidence: 0 }]);
    for (const line of out) expect(line).toEqual(expect.objectContaining({ confidence: expect.any(Number) }));
  });

  it('uses the context of a line', async () => {
    const line = { id: 'c', text: 'ok', context: ['mergem la Bologna maine dimineata', 'ai bilet de autocar, camera e platita'] };
    const { out } = await run(`${JSON.stringify(line)}\n`);
    expect(out).toMatchObject([{ id: 'c', lang: 'ron' }]);
  });

  it('narrows to --languages', async () => {
    const { out } = await run(`${JSON.stringify({ id: 'x', text: 'vin maine' })}\n`, { languages: 'ron,eng,rus' });
    expect(out).toMatchObject([{ id: 'x', lang: 'ron' }]);
  });

  it('reports malformed lines, answers the others and exits 1', async () => {
    const input = ['{"id":"a","text":"Where is my passport?"}', 'not json', '{"id":7}', '', '{"id":"b","text":"Unde e pașaportul meu?"}'].join('\n');
    const { code, out, err } = await run(input);
    expect(code).toBe(1);
    expect(out).toMatchObject([{ id: 'a', lang: 'eng' }, { id: null, error: expect.stringMatching(/not JSON/) }, { id: 7, error: expect.stringMatching(/text/) }, { id: 'b', lang: 'ron' }]);
    expect(err).toMatch(/stdin:2: not JSON/);
    expect(err).toMatch(/stdin:3: text/);
    expect(err).toMatch(/2 of 5 lines failed/);
  });

  it('reads a --jsonl file and names it in messages', async () => {
    const file = join(directory, 'in.jsonl');
    writeFileSync(file, '{"id":"f","text":"Ich habe deinen Pass, du bekommst ihn zurück, wenn du zahlst."}\n{"id":"g","text":5}\n');
    const { code, out, err } = await run('', { jsonl: file });
    expect(code).toBe(1);
    expect(out).toMatchObject([{ id: 'f', lang: 'deu' }, { id: 'g', error: expect.any(String) }]);
    expect(err).toContain(`${file}:2:`);
  });

  it('reads standard input for "-"', async () => {
    const { code, out } = await run('{"id":"s","text":"Gdzie jest mój paszport?"}\n', { jsonl: '-' });
    expect(code).toBe(0);
    expect(out).toMatchObject([{ id: 's', lang: 'pol' }]);
  });

  it('keeps input order across batches with malformed lines among them', async () => {
    const lines = Array.from({ length: 1300 }, (_, index) => (index % 250 === 7 ? `broken ${index}` : JSON.stringify({ id: index, text: index % 2 === 0 ? 'Unde e pașaportul meu?' : 'Где мой паспорт?' })));
    const { code, out, err } = await run(lines.join('\n'));
    expect(code).toBe(1);
    expect(out).toHaveLength(1300);
    out.forEach((answer, index) => {
      if (index % 250 === 7) expect(answer).toMatchObject({ id: null, error: expect.stringMatching(/not JSON/) });
      else expect(answer).toMatchObject({ id: index, lang: index % 2 === 0 ? 'ron' : 'rus' });
    });
    expect(err).toContain('stdin:8: not JSON');
    expect(err).toContain('stdin:1258: not JSON');
    expect(err).toMatch(/6 of 1300 lines failed/);
  }, 60_000);

  it('refuses a --languages entry that is not an ISO 639-3 code', async () => {
    await expect(run('{"id":1,"text":"da"}\n', { languages: 'ron,english' })).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('"english"') });
  });

  it('is a usage error when the file does not exist', async () => {
    await expect(run('', { jsonl: join(directory, 'missing.jsonl') })).rejects.toSatisfy((error) => error instanceof AppError && error.code === 'E_USAGE');
  });
});
