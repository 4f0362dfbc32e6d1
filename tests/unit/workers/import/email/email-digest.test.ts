import { describe, expect, it } from 'vitest';
import { emailParser } from '../../../../../workers/import/email/index.ts';
import { inputFromBytes, runParser } from '../../../../support/parser-harness.ts';

/**
 * A mailing list's digest (multipart/digest) writes its messages as parts without a
 * Content-Type: by RFC 2046 §5.1.5 each is then a message/rfc822. mailparser reads such a part as
 * text/plain, so the digested messages ran together into the digest's body, their senders and
 * dates plain text. They are read as embedded messages, like a forward.
 */
function digest(lineBreak: string, secondPartType = ''): Uint8Array {
  const lines = [
    'From: list@example.org', 'To: ana@example.org', 'Subject: Digest 12', 'Date: Mon, 1 Jan 2024 10:00:00 +0000', 'MIME-Version: 1.0',
    'Content-Type: multipart/digest; boundary="DIGEST"', '',
    '--DIGEST', '',
    'From: Dan <dan@example.org>', 'Subject: job in Berlin', 'Date: Mon, 1 Jan 2024 09:00:00 +0100', '', 'Passport stays with me.',
    '--DIGEST', ...(secondPartType === '' ? [] : [`Content-Type: ${secondPartType}`]), '',
    'From: eve@example.org', 'Subject: second', '', 'hello two',
    '--DIGEST--', '',
  ];
  return new Uint8Array(Buffer.from(lines.join(lineBreak), 'utf8'));
}

describe('e-mail digest (multipart/digest)', () => {
  it.each([['CR LF', '\r\n'], ['LF', '\n']])('reads each part without a Content-Type as an embedded message (%s line breaks)', async (_name, lineBreak) => {
    const result = await runParser(emailParser, inputFromBytes(digest(lineBreak), { displayName: 'digest.eml' }));
    const [message] = result.messages;
    expect(message?.text).toContain('---- Attached message, MIME part 1 ----\nFrom: Dan <dan@example.org>\nDate: Mon, 1 Jan 2024 09:00:00 +0100\nSubject: job in Berlin\n\nPassport stays with me.');
    expect(message?.text).toContain('---- Attached message, MIME part 2 ----\nFrom: eve@example.org\nSubject: second\n\nhello two');
    expect(message?.extra?.['embeddedMessages']).toEqual([
      expect.objectContaining({ part: '1', from: ['Dan <dan@example.org>'], subject: 'job in Berlin', dateText: 'Mon, 1 Jan 2024 09:00:00 +0100' }),
      expect.objectContaining({ part: '2', from: ['eve@example.org'], subject: 'second' }),
    ]);
    expect(result.warnings).toEqual([]);
  });

  it('keeps a type a digest part states', async () => {
    const result = await runParser(emailParser, inputFromBytes(digest('\r\n', 'text/plain; charset=utf-8'), { displayName: 'digest.eml' }));
    const [message] = result.messages;
    expect(message?.extra?.['embeddedMessages']).toEqual([expect.objectContaining({ part: '1', subject: 'job in Berlin' })]);
    expect(message?.text).toContain('From: eve@example.org\nSubject: second\n\nhello two');
    expect(message?.text).not.toContain('MIME part 2 ----');
  });
});
