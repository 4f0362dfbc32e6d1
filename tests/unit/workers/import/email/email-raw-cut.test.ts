/**
 * An e-mail kept raw (too large, or its MIME unreadable) has only the start of its bytes decoded;
 * the reason must say so in bytes (decoded of the whole message), not claim the decoded prefix
 * was the whole text.
 */
import { describe, expect, it } from 'vitest';

import { RAW_TEXT_LIMIT } from '../../../../../workers/import/import-limits.ts';
import { parseEmailSource } from '../../../../../workers/import/email/index.ts';
import { collectingSink, inputFromBytes } from '../../../../support/parser-harness.ts';

const POSTMARK = 'From a@b Thu Jan  1 00:00:00 2020\n';
const HEADERS = 'From: a@b.example\nDate: Wed, 1 Jan 2020 00:00:00 +0000\nSubject: huge\n\n';
const NEXT = 'From c@d Thu Jan  1 00:00:01 2020\nFrom: Next <next@d.example>\nDate: Wed, 1 Jan 2020 00:00:01 +0000\nSubject: still here\n\nintact\n';

describe('e-mail: the raw text of a message kept unparsed', () => {
  it('says it holds the first RAW_TEXT_LIMIT characters of the first bytes of a far longer message, with its place', async () => {
    const bodyBytes = 400 * 1024;
    const message = `${HEADERS}${'z'.repeat(bodyBytes)}\n`;
    const bytes = new TextEncoder().encode(`${POSTMARK}${message}${NEXT}`);
    const sink = collectingSink();
    await parseEmailSource(inputFromBytes(bytes, { displayName: 'big.mbox', forbidReadAll: true, chunkBytes: 64 * 1024 }), sink, 200 * 1024);

    const [cut, next] = sink.collected.messages;
    expect(next?.text).toBe('still here\n\nintact');
    expect(cut?.kind).toBe('unparsed');
    expect(cut?.text).toBe(`${HEADERS}${'z'.repeat(RAW_TEXT_LIMIT - HEADERS.length)}`);
    expect(cut?.locator).toMatchObject({ kind: 'text-lines', file: 'big.mbox', lineStart: 1, byteStart: 0, byteEnd: POSTMARK.length + message.length });
    expect(cut?.reason).toBe(
      `the message is ${message.length} bytes, more than the ${200 * 1024} read whole; only its headers were read; kept raw`
      + ` (raw text truncated to the first ${RAW_TEXT_LIMIT} characters, decoded from the first ${2 * RAW_TEXT_LIMIT} of ${message.length} bytes)`,
    );
  });
});
