import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyEvidencePackage } from '../../../engine/package/verify-package.ts';
import { writeEvidencePackage } from '../../../engine/package/write-package.ts';
import { listBagFiles } from '../../support/bag-tamper.ts';
import { buildPackageInput } from '../../support/evidence-package-input.ts';
import { tempFolder } from '../../support/temp-case.ts';

describe('evidence package pseudonymisation', () => {
  it('replaces names and numbers everywhere in the payload text and keeps the key outside the bag', async () => {
    const { input } = await buildPackageInput();
    input.pseudonyms = [
      { original: 'Ana Pop', pseudonym: 'Person A' },
      { original: 'Victor', pseudonym: 'Person B' },
      { original: '+40 722 123 456', pseudonym: 'Phone 1' },
      { original: 'Ștefan', pseudonym: 'Person C' },
    ];
    const root = tempFolder('threadline-bag-pseudo-');
    const bag = join(root, 'bag');
    const key = join(root, 'pseudonym-key.json');
    await expect(writeEvidencePackage(input, bag)).rejects.toMatchObject({ code: 'E_INVALID_REQUEST' });
    await expect(writeEvidencePackage(input, bag, { pseudonymMapPath: join(bag, 'key.json') })).rejects.toMatchObject({ code: 'E_INVALID_REQUEST' });
    await writeEvidencePackage(input, bag, { pseudonymMapPath: key });
    expect((await verifyEvidencePackage(bag)).ok).toBe(true);

    const textFiles = ['data/messages.jsonl', 'data/messages.csv', 'data/markers.jsonl', 'data/reviews.jsonl', 'data/sources.jsonl', 'data/attachments.jsonl', 'data/case.jsonld', 'data/report/report.html', 'bag-info.txt'];
    for (const file of textFiles) {
      const text = readFileSync(join(bag, file), 'utf8');
      for (const original of ['Ana Pop', 'Victor', '+40 722 123 456', 'Ștefan']) expect(text.includes(original), `${original} in ${file}`).toBe(false);
    }
    const messages = readFileSync(join(bag, 'data/messages.jsonl'), 'utf8');
    expect(messages).toContain('"sender":"Person B"');
    expect(messages).toContain('Person C te ia de la gară');
    expect(readFileSync(join(bag, 'data/report/report.html'), 'utf8')).toContain('Participants: Person A, Person B, Phone 1');
    // The marker span moved with the text: it still covers the same word.
    const marker = JSON.parse(readFileSync(join(bag, 'data/markers.jsonl'), 'utf8').split('\n')[0] ?? '{}') as { messageId: string; spans: [number, number][] };
    const m1 = messages.split('\n').map((line) => (line === '' ? {} : JSON.parse(line) as { id?: string; text?: string })).find((message) => message.id === marker.messageId);
    const [start, end] = marker.spans[0] ?? [0, 0];
    expect(m1?.text?.slice(start, end)).toBe('pașaportul');
    // The key is outside the bag, tied to it by the tag manifest hash, and nowhere inside.
    expect(existsSync(key)).toBe(true);
    expect(JSON.parse(readFileSync(key, 'utf8'))).toMatchObject({ caseReference: 'DIICOT-2024-117', pseudonyms: input.pseudonyms });
    expect(listBagFiles(bag).some((file) => readFileSync(join(bag, file)).includes('Person A') && file.includes('key'))).toBe(false);
    expect(readFileSync(join(bag, 'bag-info.txt'), 'utf8')).toContain('Threadline-Pseudonymised: yes');
  });
});
