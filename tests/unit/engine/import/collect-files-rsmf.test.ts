import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFiles } from '../../../../engine/import/collect-files.ts';
import { NOT_REFERENCED_REASON } from '../../../../engine/import/cellebrite-folder.ts';
import { NOT_NAMED_BY_EITHER_REASON, unreferencedInOwnedFolders } from '../../../../engine/import/owned-folders.ts';
import { whatsappText } from '../../../support/hostile-corpus/seeds.ts';
import { inputFromFile, runParser } from '../../../support/parser-harness.ts';
import { tempFolder } from '../../../support/temp-case.ts';
import { rsmfParser } from '../../../../workers/import/rsmf/index.ts';
import { manifestText, rsmfMessage, rsmfZip, smallManifest } from '../../workers/import/rsmf/rsmf-builder.ts';

/**
 * An extracted RSMF production: rsmf_manifest.json with the files its events attach beside it.
 * An attached WhatsApp export or e-mail was collected as a source of its own and imported beside
 * the conversation that attaches it. The manifest owns the files its events attach; every other
 * file of its folder is collected as usual (it owned the whole folder in sessions 17 and 18, so the
 * other exports an analyst kept beside a production were not imported).
 */

const EMAIL = ['From: a@example.org', 'To: b@example.org', 'Subject: fwd', 'Date: Mon, 1 May 2023 10:00:00 +0000', '', 'forwarded words'].join('\r\n');

function production(parent: string, name: string, manifestName = 'rsmf_manifest.json'): string {
  const folder = join(parent, name);
  mkdirSync(join(folder, 'files'), { recursive: true });
  const manifest = smallManifest();
  manifest.events = [
    ...(manifest.events ?? []),
    { id: 'm3', type: 'message', participant: 'P1', conversation: 'C1', timestamp: '2023-05-01T10:02:00Z', body: 'see files', attachments: [{ id: 'chat.txt' }, { id: 'files\\forwarded.eml' }, { id: '../outside.txt' }] },
  ];
  writeFileSync(join(folder, manifestName), manifestText(manifest));
  writeFileSync(join(folder, 'chat.txt'), whatsappText());
  writeFileSync(join(folder, 'files', 'forwarded.eml'), EMAIL);
  writeFileSync(join(folder, 'avatar.png'), 'png');
  return folder;
}

const relative = (root: string, paths: { path: string }[]): string[] => paths.map((file) => file.path.slice(root.length));

/** The files of `folder` collected as sources of their own, but its manifest: the ones no event attaches. */
async function notAttached(evidence: string, folder: string): Promise<string[]> {
  const collected = await collectFiles([evidence]);
  expect(collected.ownedFolders).toEqual([]);
  return collected.files.map((file) => file.path.slice(folder.length + 1)).filter((name) => name !== 'rsmf_manifest.json').sort();
}

describe('collecting an extracted RSMF production', () => {
  it('regression: collects the manifest and every file of its folder no event attaches, as sources; the ones attached are read through it', async () => {
    const evidence = tempFolder();
    production(evidence, 'production');
    writeFileSync(join(evidence, 'notes.txt'), 'seized 2024-07-01');
    const collected = await collectFiles([evidence]);
    // chat.txt and files/forwarded.eml are attached; avatar.png is not, and was listed as not imported.
    expect(relative(evidence, collected.files)).toEqual(['/notes.txt', '/production/avatar.png', '/production/rsmf_manifest.json']);
    expect(collected.ownedFolders).toEqual([]);
    expect(await unreferencedInOwnedFolders(collected.ownedFolders)).toEqual({ files: [], problems: [] });
  });

  it('regression: reads a file a manifest named beside it attaches through the manifest when both are picked one by one (both were imported)', async () => {
    const evidence = tempFolder();
    const folder = production(evidence, 'production');
    const picked = ['rsmf_manifest.json', 'chat.txt', 'avatar.png', join('files', 'forwarded.eml')].map((name) => join(folder, name));
    expect(relative(folder, (await collectFiles(picked)).files)).toEqual(['/rsmf_manifest.json', '/avatar.png']);
    // The manifest and its folder both named: what it attaches is still its own.
    expect(relative(folder, (await collectFiles([join(folder, 'rsmf_manifest.json'), folder])).files)).not.toContain('/chat.txt');
    // An attached file picked without its manifest is a source: nothing says it is attached.
    expect(relative(folder, (await collectFiles([join(folder, 'chat.txt')])).files)).toEqual(['/chat.txt']);
  });

  it('knows a manifest by its content under another name, and not a JSON file that merely sits in a folder', async () => {
    const evidence = tempFolder();
    production(evidence, 'renamed', 'CB0000188_rsmf_manifest.json');
    const other = join(evidence, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'rsmf_manifest.json'), '{"messages": [], "participants": [{"name": "a"}]}');
    writeFileSync(join(other, 'chat.txt'), whatsappText());
    // renamed/chat.txt is attached by the renamed manifest; other/chat.txt is beside a JSON file that is none.
    expect(relative(evidence, (await collectFiles([evidence])).files)).toEqual(['/other/chat.txt', '/other/rsmf_manifest.json', '/renamed/CB0000188_rsmf_manifest.json', '/renamed/avatar.png']);
  });

  it('owns no folder below a production: an unzipped UFDR there is its report\'s, another production owns what its events attach', async () => {
    const evidence = tempFolder();
    const folder = production(evidence, 'production');
    const phone = join(folder, 'phone');
    mkdirSync(join(phone, 'files'), { recursive: true });
    writeFileSync(join(phone, 'report.xml'), '<?xml version="1.0"?>\n<project xmlns="http://pa.cellebrite.com/report/2.0"><taggedFiles><file local_path="files/a.jpg"/></taggedFiles></project>');
    writeFileSync(join(phone, 'files', 'a.jpg'), 'jpeg');
    writeFileSync(join(phone, 'files', 'b.jpg'), 'jpeg');
    production(folder, 'inner');
    const collected = await collectFiles([evidence]);
    expect(relative(folder, collected.files)).toEqual(['/avatar.png', '/inner/avatar.png', '/inner/rsmf_manifest.json', '/phone/report.xml', '/rsmf_manifest.json']);
    expect(collected.ownedFolders.map((owned) => owned.folder)).toEqual([phone]);
  });

  it('collects a production an event attaches (an .rsmf) as a source too: read through the manifest its bytes are kept, its conversations are not', async () => {
    const evidence = tempFolder();
    const folder = join(evidence, 'production');
    mkdirSync(folder, { recursive: true });
    const manifest = smallManifest();
    manifest.events = [{ type: 'message', participant: 'P1', conversation: 'C1', body: 'see', attachments: [{ id: 'inner.rsmf' }, { id: 'chat.txt' }] }];
    writeFileSync(join(folder, 'rsmf_manifest.json'), manifestText(manifest));
    writeFileSync(join(folder, 'inner.rsmf'), rsmfMessage(rsmfZip(smallManifest())));
    writeFileSync(join(folder, 'chat.txt'), whatsappText());
    expect(await notAttached(evidence, folder)).toEqual(['inner.rsmf']);
  });

  it('makes a folder holding a Cellebrite report and an RSMF manifest two sources, whose files are theirs, listing what neither names', async () => {
    const evidence = tempFolder();
    const folder = production(evidence, 'both');
    writeFileSync(join(folder, 'report.xml'), '<?xml version="1.0"?>\n<project xmlns="http://pa.cellebrite.com/report/2.0"><taggedFiles><file local_path="files/a.jpg"/></taggedFiles></project>');
    writeFileSync(join(folder, 'files', 'a.jpg'), 'jpeg');
    const collected = await collectFiles([evidence]);
    expect(relative(evidence, collected.files)).toEqual(['/both/report.xml', '/both/rsmf_manifest.json']);
    const unreferenced = (await unreferencedInOwnedFolders(collected.ownedFolders)).files;
    expect(unreferenced.map((file) => [file.path.slice(evidence.length), file.reason])).toEqual([['/both/avatar.png', NOT_NAMED_BY_EITHER_REASON]]);
    expect(NOT_REFERENCED_REASON).toContain('Cellebrite');
  });

  it('finds an attachment id cut by a read chunk, or written with JSON escapes, and takes no other key\'s value for one', async () => {
    const evidence = tempFolder();
    const folder = join(evidence, 'production');
    mkdirSync(join(folder, 'media'), { recursive: true });
    for (const name of ['split.jpg', 'café.jpg', 'media/x.jpg', 'P1', 'avatar.png']) writeFileSync(join(folder, name), 'bytes');
    const event = (attachments: unknown[], body = ''): unknown => ({ type: 'message', participant: 'P1', conversation: 'C1', body, attachments });
    const manifest = smallManifest();
    manifest.participants = [{ id: 'P1', display: 'Ana', avatar: 'avatar.png' }];
    manifest.events = [event([{ id: 'ESCAPED-1' }, { id: 'ESCAPED-2' }]), event([], 'x'), event([{ id: 'split.jpg' }])];
    const text = manifestText(manifest).replace('"ESCAPED-1"', String.raw`"caf\u00e9.jpg"`).replace('"ESCAPED-2"', String.raw`"media\/x.jpg"`);
    // The read stream gives 64 KiB chunks: the padding puts the chunk boundary inside "split.jpg".
    const chunk = 64 * 1024;
    const padded = text.replace('"body": "x"', `"body": "${'x'.repeat(chunk - 4 - text.indexOf('split.jpg') + 1)}"`);
    expect(padded.slice(chunk - 4, chunk + 5)).toBe('split.jpg');
    writeFileSync(join(folder, 'rsmf_manifest.json'), padded);
    expect(await notAttached(evidence, folder)).toEqual(['P1', 'avatar.png']);
  });

  it('regression: collects a file whose id the importer does not read as an event\'s attachment (nested, outside events, an event with no type, an earlier "attachments" key), which was neither imported nor listed', async () => {
    const evidence = tempFolder();
    const folder = join(evidence, 'production');
    mkdirSync(folder, { recursive: true });
    for (const name of ['read.jpg', 'nested.jpg', 'participant.jpg', 'untyped.jpg', 'overwritten.jpg', 'last.jpg']) writeFileSync(join(folder, name), 'bytes');
    const manifest = smallManifest();
    manifest.participants = [{ id: 'P1', display: 'Ana', attachments: [{ id: 'participant.jpg' }] }];
    manifest.events = [
      { type: 'message', participant: 'P1', conversation: 'C1', body: 'a', attachments: [{ id: 'read.jpg', custom: { id: 'nested.jpg' } }] },
      { participant: 'P1', conversation: 'C1', body: 'no type: kept unparsed, its attachments not read', attachments: [{ id: 'untyped.jpg' }] },
    ];
    // A key written twice in an event: the importer reads the last value (read-manifest.ts, duplicateKeys).
    const text = manifestText(manifest).replace(/\]\s*\}\s*$/u, `, {"type": "message", "participant": "P1", "conversation": "C1", "attachments": [{"id": "overwritten.jpg"}], "attachments": [{"id": "last.jpg"}]}]}`);
    writeFileSync(join(folder, 'rsmf_manifest.json'), text);
    expect(await notAttached(evidence, folder)).toEqual(['nested.jpg', 'overwritten.jpg', 'participant.jpg', 'untyped.jpg']);
    // The importer reads exactly the others, so every file is either read through it or collected.
    const read = await runParser(rsmfParser, inputFromFile(join(folder, 'rsmf_manifest.json')));
    expect(read.messages.flatMap((message) => message.attachments.map((attachment) => attachment.path)).sort()).toEqual(['last.jpg', 'read.jpg']);
  });

  it('regression: collects the files of an event the importer keeps unparsed because it is too long or too deep to read whole (they were taken as attached)', async () => {
    const evidence = tempFolder();
    const folder = join(evidence, 'production');
    mkdirSync(folder, { recursive: true });
    for (const name of ['ok.jpg', 'long.jpg', 'deep.jpg']) writeFileSync(join(folder, name), 'bytes');
    let nested: unknown = 'bottom';
    for (let level = 0; level < 50; level += 1) nested = [nested];
    const manifest = smallManifest();
    manifest.events = [
      { type: 'message', participant: 'P1', conversation: 'C1', body: 'fine', attachments: [{ id: 'ok.jpg' }] },
      { type: 'message', participant: 'P1', conversation: 'C1', body: 'x'.repeat(1024 * 1024 + 1), attachments: [{ id: 'long.jpg' }] },
      { type: 'message', participant: 'P1', conversation: 'C1', body: 'deep', custom: nested, attachments: [{ id: 'deep.jpg' }] },
    ];
    writeFileSync(join(folder, 'rsmf_manifest.json'), manifestText(manifest));
    expect(await notAttached(evidence, folder)).toEqual(['deep.jpg', 'long.jpg']);
    const read = await runParser(rsmfParser, inputFromFile(join(folder, 'rsmf_manifest.json')));
    expect(read.messages.map((message) => message.kind)).toEqual(['message', 'unparsed', 'unparsed']);
    expect(read.messages.flatMap((message) => message.attachments.map((attachment) => attachment.path))).toEqual(['ok.jpg']);
  });

  it('regression: collects a file an attachment id written as a URL seems to name (the importer refuses such an id; the scan took it as a path)', async () => {
    const evidence = tempFolder();
    const folder = join(evidence, 'production');
    mkdirSync(join(folder, 'https:', 'example.org'), { recursive: true });
    writeFileSync(join(folder, 'https:', 'example.org', 'a.jpg'), 'bytes');
    const manifest = smallManifest();
    manifest.events = [{ type: 'message', participant: 'P1', conversation: 'C1', body: 'link', attachments: [{ id: 'https://example.org/a.jpg' }] }];
    writeFileSync(join(folder, 'rsmf_manifest.json'), manifestText(manifest));
    expect(await notAttached(evidence, folder)).toEqual(['https:/example.org/a.jpg']);
    const read = await runParser(rsmfParser, inputFromFile(join(folder, 'rsmf_manifest.json')));
    expect(read.messages[0]?.attachments.map((attachment) => attachment.path ?? null)).toEqual([null]);
  });
});
