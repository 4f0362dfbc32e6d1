import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runTag } from '../../../cli/commands/tag-command.ts';

const directory = mkdtempSync(join(tmpdir(), 'threadline-tag-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function tagFile(lines: string[]): Promise<{ code: number; output: unknown[]; errors: string }> {
  const file = join(directory, `input-${Math.random().toString(36).slice(2)}.jsonl`);
  writeFileSync(file, `${lines.join('\n')}\n`, 'utf8');
  const stdout = collect();
  const stderr = collect();
  const code = await runTag({ jsonl: file }, { stdout: stdout.stream, stderr: stderr.stream });
  const output = stdout.text().split('\n').filter((line) => line !== '').map((line) => JSON.parse(line) as unknown);
  return { code, output, errors: stderr.text() };
}

describe('threadline tag', () => {
  it('writes one line per input line with markers, scores, spans into the original text, rules', async () => {
    const text = '🙏 Pașaportul tău rămâne la mine până plătești tot';
    const { code, output, errors } = await tagFile([JSON.stringify({ id: 'm1', text, lang: 'ron' }), JSON.stringify({ id: 7, text: 'ok' })]);
    expect(errors).toBe('');
    expect(code).toBe(0);
    expect(output).toHaveLength(2);
    const [first, second] = output as { id: unknown; markers: { id: string; score: number; spans: [number, number][]; rule: string; lang: string; version: string }[] }[];
    expect(first?.id).toBe('m1');
    const documents = first?.markers.find((marker) => marker.id === 'document-control');
    expect(documents?.rule).toMatch(/^document-control\//);
    expect(documents?.lang).toBe('ron');
    expect(documents?.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(documents?.score).toBeGreaterThanOrEqual(0.5);
    expect(documents?.spans.map(([start, end]) => text.slice(start, end))).toContain('Pașaportul');
    expect(second).toEqual({ id: 7, markers: [] });
  });

  it('answers a malformed line with an error line, names its line number on stderr, goes on and exits 1', async () => {
    const { code, output, errors } = await tagFile(['{"id":"a","text":"ok"}', 'not json', '{"id":"b"}', '', '["x"]', '{"id":"c","text":"Телефон сюда. Домой не звонишь."}']);
    expect(code).toBe(1);
    expect(output).toEqual([
      { id: 'a', markers: [] },
      { id: null, error: expect.stringContaining('not valid JSON') },
      { id: 'b', error: 'missing "text" (a string)' },
      { id: null, error: expect.stringContaining('expected a JSON object') },
      { id: 'c', markers: [expect.objectContaining({ id: 'isolation' })] },
    ]);
    expect(errors).toContain('line 2: not valid JSON');
    expect(errors).toContain('line 3: missing "text"');
    expect(errors).toContain('line 5:');
  });

  it('reads standard input when given "-"', async () => {
    const stdout = collect();
    const code = await runTag({ jsonl: '-' }, { stdin: Readable.from(['{"id":"s","text":"share ur location and never switch it off"}\n']), stdout: stdout.stream, stderr: collect().stream });
    expect(code).toBe(0);
    expect(JSON.parse(stdout.text())).toMatchObject({ id: 's', markers: [{ id: 'movement-control' }] });
  });

  it('fails with a message naming a file it cannot read', async () => {
    const stderr = collect();
    const missing = join(directory, 'missing.jsonl');
    expect(await runTag({ jsonl: missing }, { stdout: collect().stream, stderr: stderr.stream })).toBe(1);
    expect(stderr.text()).toContain(`cannot read ${missing}`);
  });

  it('handles files larger than one write batch', async () => {
    const lines = Array.from({ length: 600 }, (_, index) => JSON.stringify({ id: `n${index}`, text: index % 2 === 0 ? 'ok' : 'u owe me 2000 for the ticket and the room' }));
    const { code, output } = await tagFile(lines);
    expect(code).toBe(0);
    expect(output).toHaveLength(600);
    expect((output[1] as { markers: { id: string }[] }).markers.map((marker) => marker.id)).toContain('debt-bondage');
    expect(readFileSync).toBeTypeOf('function');
  });
});
