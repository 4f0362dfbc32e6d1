import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeEvidencePackage } from '../../../engine/package/write-package.ts';
import { buildPackageInput } from '../../support/evidence-package-input.ts';
import { tempFolder } from '../../support/temp-case.ts';

describe('the court report names who wrote each message', () => {
  it('calls what the device owner sent the device owner\'s, by its source, and keeps the data files as the source gave them', async () => {
    const { input } = await buildPackageInput();
    const sent = input.conversations.flatMap((conversation) => conversation.messages).find((message) => message.id === 'm-2');
    if (sent === undefined) throw new Error('fixture message m-2 is missing');
    Object.assign(sent, { sender: null, senderId: null, direction: 'outgoing' });
    const bag = join(tempFolder('threadline-bag-senders-'), 'bag');
    await writeEvidencePackage(input, bag);
    const report = readFileSync(join(bag, 'data/report/report.html'), 'utf8');
    expect(report).toContain('Device owner (WhatsApp Chat with Ana Pop.txt)');
    expect(report).not.toMatch(/unknown sender/iu);
    const row = readFileSync(join(bag, 'data/messages.jsonl'), 'utf8').split('\n').find((line) => line.includes('"id":"m-2"')) ?? '';
    expect(JSON.parse(row)).toMatchObject({ sender: null, direction: 'outgoing' });
  });
});

describe('the court report flags what the source says about a message', () => {
  it('shows forwarded and sent-to-disappear beside deleted and edited, as the app does', async () => {
    const { input } = await buildPackageInput();
    const message = input.conversations.flatMap((conversation) => conversation.messages).find((candidate) => candidate.id === 'm-2');
    if (message === undefined) throw new Error('fixture message m-2 is missing');
    Object.assign(message, { extra: { ...message.extra, forwarded: true, disappearing: { durationSeconds: 604800, expiresAt: null } } });
    const bag = join(tempFolder('threadline-bag-facts-'), 'bag');
    await writeEvidencePackage(input, bag);
    const report = readFileSync(join(bag, 'data/report/report.html'), 'utf8');
    expect(report).toContain('forwarded');
    expect(report).toContain('sent to disappear after 7 days');
  });
});

describe('the court report counts a source\'s records as the import did', () => {
  it('says how many of its records are messages and how many were kept unparsed (regression: "412 messages, 2 kept unparsed" for 410 messages)', async () => {
    const { input } = await buildPackageInput();
    const bag = join(tempFolder('threadline-bag-records-'), 'bag');
    await writeEvidencePackage(input, bag);
    const report = readFileSync(join(bag, 'data/report/report.html'), 'utf8');
    expect(report).toContain('412: 410 messages, 2 kept unparsed');
    expect(report).not.toContain('412 messages');
  });
});
