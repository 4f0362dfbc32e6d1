// The command line as ../shared/CLI.md writes it, run through the real entry (bin/threadline.mjs):
// the places where an earlier build read the contract differently.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, SAMPLES, tempFolder, writeTemp } from '../support/temp-case.ts';
import { buildZip } from '../support/zip-writer.ts';

function threadline(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', ...(input === undefined ? {} : { input }) });
}

describe('threadline lang and tag read standard input from a bare "-" ([--jsonl <file> | -])', () => {
  it('tag - answers each line read from stdin', () => {
    const result = threadline(['tag', '-'], '{"id":"s","text":"share ur location and never switch it off"}\n');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ id: 's', markers: [{ id: 'movement-control' }] });
  });

  it('lang - answers each line read from stdin, naming a malformed line on stderr', () => {
    const result = threadline(['lang', '-'], '{"id":1,"text":"Hello there, how are you doing today?"}\nnot json\n');
    expect(result.status).toBe(1);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: unknown; lang?: string });
    expect(lines[0]).toMatchObject({ id: 1, lang: 'eng' });
    expect(result.stderr).toContain(':2:');
  });

  it('a bare argument other than "-" is bad usage (exit 2): a file is named with --jsonl', () => {
    expect(threadline(['tag', 'input.jsonl'], '').status).toBe(2);
  });
});

describe('threadline bench [import|search|ocr|hash] [--messages N] [--json]', () => {
  // Only the usage is checked here: a run of the benchmark takes minutes.
  it('is a command with the contract flags', () => {
    const result = threadline(['bench', '--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: threadline bench');
    expect(result.stdout).toContain('--messages');
    expect(result.stdout).toContain('--json');
  });

  it.each([[['bench', 'bogus']], [['bench', 'import', '--messages', '-3']], [['bench', 'search', '--frob']]])('refuses %j as bad usage (exit 2)', (args) => {
    expect(threadline(args).status).toBe(2);
  });
});

/** The --json document of threadline import, as far as these tests read it. */
interface ImportJson {
  sources: { path: string; status: string; issues: { place: string; reason: string }[]; error: { code: string } | null }[];
  totals: { sources: number; messages: number };
}

describe('threadline import <case-dir> <path>... [--json]', () => {
  const CHAT = '12/03/2023, 14:05 - Ana: Salut\n13/03/2023, 14:06 - Bob: Ce faci?\n';

  it('lists a named folder with no files in it as a source not imported, with its reason, in the one JSON document (exit 1)', () => {
    const folder = tempFolder();
    const empty = join(folder, 'seized-empty');
    mkdirSync(empty);
    const result = threadline(['import', join(folder, 'case'), empty, '--tz', 'UTC', '--no-ocr', '--json']);
    expect(result.status, result.stderr).toBe(1);
    const output = JSON.parse(result.stdout) as ImportJson;
    expect(output.sources).toEqual([expect.objectContaining({ path: empty, status: 'failed', error: expect.objectContaining({ code: 'E_IMPORT_EMPTY' }) })]);
    expect(output.sources[0]?.issues[0]?.reason).toContain('seized-empty');
  }, 30_000);

  it('does not silently drop a named empty folder when another path is imported (exit 1)', () => {
    const folder = tempFolder();
    const chat = writeTemp(folder, 'chat.txt', CHAT);
    const empty = join(folder, 'seized-empty');
    mkdirSync(empty);
    const result = threadline(['import', join(folder, 'case'), chat, empty, '--tz', 'UTC', '--no-ocr', '--json']);
    expect(result.status, result.stderr).toBe(1);
    const output = JSON.parse(result.stdout) as ImportJson;
    expect(output.sources.map((source) => [source.path, source.status])).toEqual([[empty, 'failed'], [chat, 'imported']]);
    expect(output.totals).toMatchObject({ sources: 2, messages: 2 });
  }, 30_000);

  it("does not import the case's own files when the case folder lies inside a folder being imported (exit 0, those files listed as skipped)", () => {
    const evidence = tempFolder();
    const chat = writeTemp(evidence, 'chat.txt', CHAT);
    const caseDir = join(evidence, 'case');
    const result = threadline(['import', caseDir, evidence, '--tz', 'UTC', '--no-ocr', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const output = JSON.parse(result.stdout) as ImportJson;
    const own = output.sources.filter((source) => source.path.startsWith(`${caseDir}/`));
    expect(own.map((source) => source.path)).toEqual(expect.arrayContaining([join(caseDir, 'case.sqlite'), join(caseDir, 'audit.jsonl'), join(caseDir, 'index')]));
    expect(own.every((source) => source.status === 'skipped' && source.issues[0]?.reason.includes('not evidence'))).toBe(true);
    expect(output.sources.filter((source) => !own.includes(source)).map((source) => [source.path, source.status])).toEqual([[chat, 'imported']]);
  }, 30_000);

  it('refuses a case folder that is a file as bad usage (exit 2), naming it, without a stack trace', () => {
    const folder = tempFolder();
    const chat = writeTemp(folder, 'chat.txt', CHAT);
    const result = threadline(['import', chat, chat, '--tz', 'UTC', '--no-ocr', '--json']);
    expect(result.status).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({ error: { code: 'E_USAGE', message: expect.stringContaining(chat) as unknown } });
    expect(result.stderr).toContain(chat);
    expect(result.stderr).not.toContain('unexpected failure');
  }, 30_000);

  it('refuses, at once, a case folder that cannot be created (below /proc: Node 20\'s recursive mkdir looped there at full CPU)', () => {
    const folder = tempFolder();
    const chat = writeTemp(folder, 'chat.txt', CHAT);
    const started = Date.now();
    // Killed after 20 s: the loop it guards against never ends, and spawnSync would wait for it.
    const result = spawnSync(process.execPath, [CLI, 'import', '/proc/threadline-no-case/case', chat, '--tz', 'UTC', '--no-ocr', '--json'], { encoding: 'utf8', timeout: 20_000 });
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(result.status).not.toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ error: { code: expect.any(String) as unknown, message: expect.stringContaining('/proc/threadline-no-case') as unknown } });
    expect(result.stderr).not.toContain('unexpected failure');
  }, 30_000);

  it('creates no case when the command is bad usage (a malformed --csv-map, a missing --tessdata, a device name too long)', () => {
    const folder = tempFolder();
    const chat = writeTemp(folder, 'chat.txt', CHAT);
    const badMap = threadline(['import', join(folder, 'case-a'), chat, '--tz', 'UTC', '--csv-map', '{bad']);
    expect(badMap.status).toBe(2);
    expect(existsSync(join(folder, 'case-a'))).toBe(false);
    const badTessdata = threadline(['import', join(folder, 'case-b'), chat, '--tz', 'UTC', '--tessdata', join(folder, 'no-such-folder')]);
    expect(badTessdata.status).toBe(2);
    expect(existsSync(join(folder, 'case-b'))).toBe(false);
    const badDevice = threadline(['import', join(folder, 'case-c'), chat, '--tz', 'UTC', '--no-ocr', '--device', 'x'.repeat(1000)]);
    expect(badDevice.status).toBe(2);
    expect(existsSync(join(folder, 'case-c'))).toBe(false);
  }, 30_000);
});

/** The one JSON document a --json run prints when it fails before doing its work. */
interface ErrorJson {
  error: { code: string; message: string };
}

describe('threadline import --json that fails before importing anything still prints one JSON document (an error object)', () => {
  const CHAT = '12/03/2023, 14:05 - Ana: Salut\n';

  function expectErrorDocument(result: { status: number | null; stdout: string; stderr: string }, status: number, code: string, naming: string): void {
    expect(result.status, result.stderr).toBe(status);
    const output = JSON.parse(result.stdout) as ErrorJson;
    expect(output.error.code).toBe(code);
    expect(output.error.message).toContain(naming);
    // The human message stays on stderr.
    expect(result.stderr).toContain(naming);
  }

  it('a usage error found by the argument parser (no case folder named): E_USAGE, exit 2', () => {
    const result = threadline(['import', '--json']);
    expect(result.status).toBe(2);
    expect((JSON.parse(result.stdout) as ErrorJson).error.code).toBe('E_USAGE');
    expect(result.stderr).toContain("missing required argument 'case-dir'");
  });

  it('a usage error found by the command (a malformed --csv-map): E_USAGE, exit 2', () => {
    const folder = tempFolder();
    const chat = writeTemp(folder, 'chat.txt', CHAT);
    expectErrorDocument(threadline(['import', join(folder, 'case'), chat, '--csv-map', '{bad', '--json']), 2, 'E_USAGE', '--csv-map');
  }, 30_000);

  it('a case locked by another live process: E_CASE_LOCKED, exit 1', () => {
    const folder = tempFolder();
    const chat = writeTemp(folder, 'chat.txt', CHAT);
    const caseDir = join(folder, 'case');
    expect(threadline(['import', caseDir, chat, '--tz', 'UTC', '--no-ocr']).status).toBe(0);
    // This test's own process, alive and not the CLI's, holds the case.
    writeFileSync(join(caseDir, 'case.sqlite.owner'), `${JSON.stringify({ pid: process.pid, host: hostname(), openedAt: new Date().toISOString() })}\n`);
    expectErrorDocument(threadline(['import', caseDir, chat, '--tz', 'UTC', '--no-ocr', '--json']), 1, 'E_CASE_LOCKED', `process ${process.pid}`);
  }, 60_000);

  it('a case that cannot be opened (its database is not SQLite): E_CASE_CORRUPT, exit 1', () => {
    const folder = tempFolder();
    const chat = writeTemp(folder, 'chat.txt', CHAT);
    const caseDir = join(folder, 'case');
    mkdirSync(caseDir);
    writeFileSync(join(caseDir, 'case.sqlite'), 'not a database at all, just text');
    expectErrorDocument(threadline(['import', caseDir, chat, '--tz', 'UTC', '--no-ocr', '--json']), 1, 'E_CASE_CORRUPT', join(caseDir, 'case.sqlite'));
  }, 30_000);

  it('a case that cannot be created (a part of its path is a file): bad usage naming the path, exit 2, no stack trace', () => {
    const folder = tempFolder();
    const chat = writeTemp(folder, 'chat.txt', CHAT);
    const result = threadline(['import', join(chat, 'case'), chat, '--tz', 'UTC', '--no-ocr', '--json']);
    expectErrorDocument(result, 2, 'E_USAGE', join(chat, 'case'));
    expect(result.stderr).not.toContain('unexpected failure');
  }, 30_000);

  it('the other commands print the same error object with --json (search of a folder with no case): E_CASE_NOT_FOUND, exit 1', () => {
    const missing = join(tempFolder(), 'no-case');
    expectErrorDocument(threadline(['search', missing, 'x', '--json']), 1, 'E_CASE_NOT_FOUND', missing);
  }, 30_000);

  it('prints nothing on stdout without --json', () => {
    const missing = join(tempFolder(), 'no-case');
    const result = threadline(['search', missing, 'x']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
  }, 30_000);
});

describe('threadline import: an image whose text cannot be read (OCR fails)', () => {
  /** A JPEG header and then nothing an image decoder can read. */
  const BROKEN_JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0\x01\x01\0\0\x01\0\x01\0\0 broken bytes, no picture in them')]);

  it('names the image and the reason (code and message) in the summary, --json and human', () => {
    const folder = tempFolder();
    const image = writeTemp(folder, 'broken.jpg', BROKEN_JPEG);
    const json = threadline(['import', join(folder, 'case-json'), image, '--tz', 'UTC', '--json']);
    expect(json.status, json.stderr).toBe(0);
    const output = JSON.parse(json.stdout) as { ocr: { images: number; failed: number; failures: { file: string; error: { code: string; message: string } }[] } };
    expect(output.ocr).toMatchObject({ images: 1, failed: 1 });
    expect(output.ocr.failures).toEqual([{ file: image, error: { code: expect.stringMatching(/^E_/u) as unknown, message: expect.any(String) as unknown } }]);
    const { code, message } = output.ocr.failures[0]?.error ?? { code: '', message: '' };
    const human = threadline(['import', join(folder, 'case-human'), image, '--tz', 'UTC']);
    expect(human.status, human.stderr).toBe(0);
    expect(human.stdout).toContain(`${image}: ${message} [${code}]`);
  }, 120_000);
});

describe('threadline import of a zip: the entries that are neither a chat nor an attachment of one', () => {
  const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0 a photo the chat names')]);
  const CHAT = '12/03/2023, 14:05 - Ana: Salut\n12/03/2023, 14:06 - Ana: IMG-20230312-WA0001.jpg (file attached)\n';

  it('are counted and named in the summary (the chat and its attachment are not)', () => {
    const folder = tempFolder();
    const zip = writeTemp(
      folder,
      'phone.zip',
      buildZip([
        { name: 'WhatsApp Chat with Ana.txt', data: CHAT },
        { name: 'IMG-20230312-WA0001.jpg', data: JPEG },
        { name: 'Documents/contract.pdf', data: '%PDF-1.4 a document nothing in the chat names' },
        { name: 'notes.bin', data: 'sixteen bytes or more of something else' },
      ]),
    );
    const result = threadline(['import', join(folder, 'case'), zip, '--tz', 'UTC', '--no-ocr', '--json']);
    expect(result.status, result.stderr).toBe(0);
    const [source] = (JSON.parse(result.stdout) as ImportJson).sources;
    expect(source).toMatchObject({ status: 'imported' });
    const reasons = (source?.issues ?? []).map((issue) => issue.reason);
    const notImported = reasons.find((reason) => reason.includes('Documents/contract.pdf'));
    expect(notImported).toContain('2 entries');
    expect(notImported).toContain('notes.bin');
    expect(reasons.join('\n')).not.toContain('IMG-20230312-WA0001.jpg');
    expect(reasons.join('\n')).not.toContain('WhatsApp Chat with Ana.txt');
    const human = threadline(['import', join(folder, 'case-human'), zip, '--tz', 'UTC', '--no-ocr']);
    expect(human.stdout).toContain('Documents/contract.pdf');
  }, 60_000);
});

describe('threadline import: Ctrl-C while the imported images are read (OCR)', () => {
  const PHOTO = join(SAMPLES, 'whatsapp-txt', 'whats-reader', 'android-private-chat', 'IMG-20241202-WA0001.jpg');

  /** Runs the CLI and sends one SIGINT once the text recognition has started. */
  function interruptedDuringOcr(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
    return new Promise((done) => {
      const child = spawn(process.execPath, [CLI, ...args]);
      let stdout = '';
      let stderr = '';
      let interrupted = false;
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (!interrupted && stderr.includes('reading text in images')) {
          interrupted = true;
          child.kill('SIGINT');
        }
      });
      child.on('close', (status) => done({ status, stdout, stderr }));
    });
  }

  it('still prints the one JSON document of the sources, all imported (exit 0), and says the reading was cancelled', async () => {
    const folder = tempFolder();
    const photos = join(folder, 'photos');
    mkdirSync(photos);
    for (let index = 0; index < 3; index++) {
      const copy = join(photos, `photo-${String(index).padStart(2, '0')}.jpg`);
      copyFileSync(PHOTO, copy);
      appendFileSync(copy, String(index)); // distinct bytes, so each is a source of its own
    }
    const result = await interruptedDuringOcr(['import', join(folder, 'case'), photos, '--tz', 'UTC', '--json']);
    expect(result.stderr).toContain('cancelling text recognition');
    const output = JSON.parse(result.stdout) as ImportJson;
    expect(output.sources).toHaveLength(3);
    expect(output.sources.every((source) => source.status === 'imported')).toBe(true);
    expect(result.status, result.stderr).toBe(0);
  }, 60_000);
});
