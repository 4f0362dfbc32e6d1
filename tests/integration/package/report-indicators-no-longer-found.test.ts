import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeEvidencePackage } from '../../../engine/package/write-package.ts';
import { buildPackageInput } from '../../support/evidence-package-input.ts';
import { tempFolder } from '../../support/temp-case.ts';

/**
 * A confirm on an indicator the marker packs no longer find was exported as if the indicator were
 * among the package's markers (review). The decision is a record and is exported, marked with the
 * tagger and pack that no longer find the indicator, in the report and in reviews.jsonl.
 */
const BY = 'threadline-markers 1.0.0, debt-travel pack 1.1.0';

describe('the package marks decisions on indicators no longer found', () => {
  it('says so beside the decision and among the limitations, and keeps it in reviews.jsonl', async () => {
    const { input } = await buildPackageInput();
    input.markers = input.markers.filter((marker) => marker.markerId !== 'debt-travel');
    input.reviews.push({ messageId: 't-1', markerId: 'debt-travel', decision: 'confirm', by: 'Analyst Ion Rusu', at: '2024-03-05T11:10:00.000Z', indicatorNoLongerFoundBy: BY });
    const bag = join(tempFolder('threadline-bag-no-longer-found-'), 'bag');
    await writeEvidencePackage(input, bag);
    const report = readFileSync(join(bag, 'data/report/report.html'), 'utf8');
    expect(report).toContain(`confirm indicator debt-travel (indicator no longer found by ${BY})`);
    expect(report).toContain('1 decision(s) concern indicators the marker packs no longer find');
    const row = readFileSync(join(bag, 'data/reviews.jsonl'), 'utf8').split('\n').find((line) => line.includes('"debt-travel"')) ?? '';
    expect(JSON.parse(row)).toMatchObject({ decision: 'confirm', indicatorNoLongerFoundBy: BY });
  });
});
