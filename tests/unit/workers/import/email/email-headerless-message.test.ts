import { describe, expect, it } from 'vitest';
import { emailParser } from '../../../../../workers/import/email/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

describe('an mbox message without a header block', () => {
  it('keeps its text as the body instead of reading its first lines as headers and losing them', async () => {
    const mbox = 'From a@b Thu Jan  1 00:00:00 2020\nFrom: a@b.example\nDate: Wed, 1 Jan 2020 00:00:00 +0000\n\nfirst\n\nFrom c@d Thu Jan  1 00:00:01 2020\nHello there, no headers\nsecond line\n\nthird paragraph\n';
    const result = await runParser(emailParser, inputFromText(mbox, { displayName: 'in.mbox' }));
    expect(result.messages.map((message) => message.text)).toEqual(['first', 'Hello there, no headers\nsecond line\n\nthird paragraph']);
    expect(result.messages[1]?.locator).toMatchObject({ lineStart: 7, lineEnd: 11 });
    expect(result.warnings).toContainEqual({ place: 'in.mbox:7', message: expect.stringContaining('no header block') as unknown as string });
  });

  it('still reads headers when the first line is a header field', async () => {
    const mbox = 'From c@d Thu Jan  1 00:00:01 2020\r\nSubject: s\r\n\r\nbody\r\n';
    const result = await runParser(emailParser, inputFromText(mbox, { displayName: 'in.mbox' }));
    expect(result.messages[0]?.text).toBe('s\n\nbody');
    expect(result.warnings.map((warning) => warning.message).join('\n')).not.toContain('no header block');
  });

  it('starts the body at a line that is not a header field when no blank line ends the headers, instead of dropping the line', async () => {
    const mbox = 'From c@d Thu Jan  1 00:00:01 2020\nFrom: a@b.example\nDate: Wed, 1 Jan 2020 00:00:00 +0000\nSubject: s\nsee you at 10, bring the papers\nsecond line\n';
    const result = await runParser(emailParser, inputFromText(mbox, { displayName: 'in.mbox' }));
    expect(result.messages[0]).toMatchObject({ sender: 'a@b.example', text: 's\n\nsee you at 10, bring the papers\nsecond line' });
    expect(result.warnings).toEqual([{ place: 'in.mbox:1', message: expect.stringContaining('line 4 of the message is not a header field') as unknown as string }]);
  });

  it('does not take a second envelope line (">From sender date", re-filed mail) for the start of the body', async () => {
    const mbox = 'From c@d Thu Jan  1 00:00:01 2020\n>From c@d Wed Jan  1 00:00:00 2020\nFrom: a@b.example\nSubject: s\n\nbody\n';
    const result = await runParser(emailParser, inputFromText(mbox, { displayName: 'in.mbox' }));
    expect(result.messages[0]).toMatchObject({ sender: 'a@b.example', text: 's\n\nbody' });
    expect(result.warnings.map((warning) => warning.message).join('\n')).not.toMatch(/header block|not a header field/u);
  });
});
