import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RsmfAttachmentIdScanner } from '../../../../shared/formats/rsmf-attachment-ids.ts';
import { REPO_ROOT, tempFolder, writeTemp } from '../../../support/temp-case.ts';

/** The ids the scanner gives for `text`, fed in chunks of `size` characters. */
function idsOf(text: string, size = 7): string[] {
  const ids: string[] = [];
  const scanner = new RsmfAttachmentIdScanner((id) => ids.push(id));
  for (let at = 0; at < text.length; at += size) scanner.feed(text.slice(at, at + size));
  scanner.end();
  return ids;
}

/**
 * Feeds one event whose attachments fill about 110 MB to the scanner, in a process whose heap is
 * 64 MB, and prints what it reported: the importer cuts an event past 8 MB (kept unparsed, its
 * attachments not read), so nothing of it may be kept meanwhile.
 */
const HUGE_EVENT = `
const { RsmfAttachmentIdScanner } = await import(process.argv[2]);
let reported = 0;
const scanner = new RsmfAttachmentIdScanner(() => { reported += 1; });
scanner.feed('{"participants":[],"conversations":[],"events":[{"type":"message","attachments":[');
const chunk = '{"id":"IMG_0000000001.jpg"},'.repeat(40000);
for (let i = 0; i < 100; i += 1) scanner.feed(chunk);
scanner.feed('{"id":"last.jpg"}]},{"type":"message","attachments":[{"id":"after.jpg"}]}]}');
scanner.end();
console.log(JSON.stringify({ reported }));
`;

describe('RSMF attachment ids read from a manifest streamed in chunks', () => {
  it('takes an event whose type is longer than the strings it keeps as typed, as the importer does (regression: its files were imported as sources too)', () => {
    const manifest = JSON.stringify({ events: [{ type: 'x'.repeat(70_000), attachments: [{ id: 'a.jpg' }] }, { type: '', attachments: [{ id: 'empty-type.jpg' }] }] });
    expect(idsOf(manifest, 4096)).toEqual(['a.jpg']);
    // An id that long names no file.
    expect(idsOf(JSON.stringify({ events: [{ type: 'message', attachments: [{ id: 'y'.repeat(70_000) }] }] }), 4096)).toEqual([]);
  });

  it('gives the ids of typed events\' attachments, whatever the chunks', () => {
    const manifest = JSON.stringify({
      participants: [{ id: 'P1' }],
      events: [
        { type: 'message', attachments: [{ id: 'a.jpg' }, { id: 'dir\\b.eml', display: 'b' }] },
        { attachments: [{ id: 'untyped.jpg' }] },
        { type: 'message', attachments: [{ id: 'first.jpg' }], body: 'x', 'attachments ': [], 'x': { id: 'nested.jpg' } },
      ],
    });
    for (const size of [1, 3, 7, 1024]) expect(idsOf(manifest, size), `chunks of ${size}`).toEqual(['a.jpg', 'dir\\b.eml', 'first.jpg']);
  });

  it('regression: holds no ids of an event the importer cuts, so a manifest of gigabytes in one event cannot exhaust the memory', () => {
    // Every id of the event was kept until it closed, though an event past 8 MB is cut and none of
    // its ids given: a production of one huge event ran the engine out of memory (64 MB of heap
    // here ran out at about 110 MB of manifest; the engine's at a few GB).
    const script = writeTemp(tempFolder(), 'huge-event.mjs', HUGE_EVENT);
    const run = spawnSync(process.execPath, ['--max-old-space-size=64', '--import', 'tsx', script, join(REPO_ROOT, 'shared', 'formats', 'rsmf-attachment-ids.ts')], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(run.status, run.stderr.slice(0, 400)).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toEqual({ reported: 1 });
  }, 150_000);
});
