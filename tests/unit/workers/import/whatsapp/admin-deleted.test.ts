import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';
import { LRM } from '../../../../support/unicode-chars.ts';

/**
 * Regression: a message a group admin deleted kept WhatsApp's placeholder as its text, not
 * marked deleted: `This message was deleted by an admin.`, `This message was deleted by admin
 * Ann.`, `You deleted this message as admin`. The wordings are the iOS ones starkdmi/whats_json
 * lib/src/patterns.dart lists (Localizable keys `zD*5p`, `SUYSe`, `W*,Ww`). The form that names
 * the admin is read only after iOS's opening mark: unmarked, it is a person's sentence.
 */
function anaWrites(body: string): string[] {
  return ['[28/01/2023, 21:01:33] Ana: hello', `[28/01/2023, 21:02:33] Ana: ${body}`, '[28/01/2023, 21:03:33] Dana: ok'];
}

describe('messages deleted by a group admin (regression)', () => {
  it.each([
    'This message was deleted by an admin.',
    'This message was deleted by an admin',
    'You deleted this message as admin',
    'You deleted this message as admin.',
    'This message was deleted by admin Ann.',
    'This message was deleted by admin +49 151 2345678.',
  ])('marked "%s" is a deleted message of its sender, its text kept', (wording) => {
    expect(recordOnLine(parseLines(anaWrites(`${LRM}${wording}`)), 2)).toMatchObject({ kind: 'message', sender: 'Ana', text: wording, deleted: true });
  });

  it('reads the fixed wordings unmarked too, as every other deleted wording', () => {
    const lines = ['28/01/2023, 21:01 - Ana: hello', '28/01/2023, 21:02 - Ana: This message was deleted by an admin', '28/01/2023, 21:03 - Dana: ok'];
    expect(recordOnLine(parseLines(lines), 2)).toMatchObject({ kind: 'message', sender: 'Ana', deleted: true });
  });

  it.each([
    'This message was deleted by admin because of spam',
    'This message was deleted by an admin, why?',
    'You deleted this message as admin, right',
  ])('keeps a person’s unmarked "%s" an ordinary message', (sentence) => {
    expect(recordOnLine(parseLines(anaWrites(sentence)), 2)).toMatchObject({ kind: 'message', sender: 'Ana', text: sentence, deleted: false });
  });

  it('keeps a marked message of several lines that opens with the named form', () => {
    const body = `${LRM}This message was deleted by admin Ann.`;
    const lines = ['[28/01/2023, 21:01:33] Ana: hello', `[28/01/2023, 21:02:33] Ana: ${body}`, 'I have no idea why', '[28/01/2023, 21:03:33] Dana: ok'];
    expect(recordOnLine(parseLines(lines), 2)).toMatchObject({ kind: 'message', sender: 'Ana', text: `${body}\nI have no idea why`, deleted: false });
  });
});
