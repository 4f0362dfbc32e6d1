import { describe, expect, it } from 'vitest';
import { rsmfParser } from '../../../../../workers/import/rsmf/index.ts';
import { inputFromBytes, runParser } from '../../../../support/parser-harness.ts';
import { buildZip } from '../../../../support/zip-writer.ts';
import { manifestText, rsmfMessage, rsmfZip, smallManifest } from './rsmf-builder.ts';

/**
 * A production attached inside a production (an .rsmf, or an rsmf.zip, among rsmf.zip's files)
 * was stored as an attachment's bytes without a word: its conversations were not imported, and
 * nothing said so. They are still not read (a production opened inside one held in memory would
 * hold a second in memory, and so on), but the attachment now says what it is and how to read it.
 */

describe('a production attached inside an .rsmf', () => {
  it('regression: keeps a nested .rsmf or rsmf.zip as the attachment it is, and says its conversations are not imported', async () => {
    const manifest = smallManifest();
    manifest.events = [...(manifest.events ?? []), { type: 'message', participant: 'P1', conversation: 'C1', body: 'nested', attachments: [{ id: 'inner.rsmf' }, { id: 'inner.zip' }, { id: 'photos.zip' }] }];
    const outer = rsmfMessage(rsmfZip(manifest, [
      { name: 'inner.rsmf', data: rsmfMessage(rsmfZip(smallManifest())) },
      { name: 'inner.zip', data: buildZip([{ name: 'export/CB01_rsmf_manifest.json', data: manifestText(smallManifest()) }]) },
      // A zip that holds no manifest is no production: nothing is said of it.
      { name: 'photos.zip', data: buildZip([{ name: 'a.jpg', data: 'jpeg bytes' }]) },
    ]));
    const result = await runParser(rsmfParser, inputFromBytes(outer, { displayName: 'outer.rsmf' }));
    expect(result.messages[2]?.attachments.map((attachment) => [attachment.path, (attachment.bytes?.byteLength ?? 0) > 0])).toEqual([
      ['outer.rsmf!rsmf.zip!inner.rsmf', true],
      ['outer.rsmf!rsmf.zip!inner.zip', true],
      ['outer.rsmf!rsmf.zip!photos.zip', true],
    ]);
    const notes = result.warnings.filter((warning) => warning.message.includes('production inside'));
    expect(notes.map((warning) => warning.place)).toEqual([
      'outer.rsmf!rsmf.zip!rsmf_manifest.json#/events/2/attachments/0',
      'outer.rsmf!rsmf.zip!rsmf_manifest.json#/events/2/attachments/1',
    ]);
    expect(notes[0]?.message).toContain('its conversations are not imported');
  });
});
