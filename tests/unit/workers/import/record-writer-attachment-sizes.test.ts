import { describe, expect, it } from 'vitest';
import type { NewAttachment } from '../../../../shared/contracts/db-worker.ts';
import { stubRecordWriter } from '../../../support/stub-record-writer.ts';

async function storedSizes(sizes: number[]): Promise<{ sizes: (number | null)[]; warnings: string[] }> {
  const stored: NewAttachment[] = [];
  const writer = stubRecordWriter({ path: '/e/report.xml', format: 'ufdr' }, (method, params) => {
    if (method === 'insertMessages') stored.push(...(params.batch?.attachments.flatMap((row) => row.attachments) ?? []));
  });
  for (const [index, size] of sizes.entries()) {
    await writer.message({
      chatKey: 'chat', kind: 'message', sender: 'Ana', time: null, timestampText: '', text: '', deleted: false, edited: false,
      attachments: [{ kind: 'omitted', mediaType: 'image', fileName: `IMG_${index}.jpg`, size }],
      locator: { kind: 'xml-path', file: 'report.xml', path: `/project/model[${index + 1}]`, line: index + 2, column: 1 },
    });
  }
  await writer.flush();
  return { sizes: stored.map((attachment) => attachment.size), warnings: writer.issues.map((issue) => `${issue.place}: ${issue.reason}`) };
}

describe('RecordWriter: the size a source states for an attachment', () => {
  it('keeps a whole number of bytes, and records none, with a warning naming the value and place, for one no file can have', async () => {
    const { sizes, warnings } = await storedSizes([1234, 0, Number.POSITIVE_INFINITY, 1.5, -3, 2 ** 60]);
    // A size past 2^53 or Infinity (hundreds of digits in a report) would have failed the whole batch in a STRICT INTEGER column.
    expect(sizes).toEqual([1234, 0, null, null, null, null]);
    expect(warnings).toHaveLength(4);
    expect(warnings[0]).toMatch(/report\.xml.*IMG_2\.jpg: the size the source states \(Infinity\) is not a whole number of bytes/u);
  });
});
