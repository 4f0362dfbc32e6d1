import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';

/**
 * Regression: older iOS exports wrote the end-to-end notice with no direction mark, under the
 * contact's name in a private chat (AyazKhuraishi/whatsapp-export-inconsistencies, "System
 * messages", documented from real exports: `Jane Doe: Messages to this chat and calls are now
 * secured with end-to-end encryption.`). The contact writes messages too, so the notice was
 * taken for their first message. Names and times below are made up.
 */
describe("the end-to-end notice unmarked on a private chat's first line", () => {
  it("is a notice under the contact's name, and the contact's messages stay theirs", () => {
    const result = parseLines([
      '[4.2.2019, 18.20.11] Aino Laine: Messages to this chat and calls are now secured with end-to-end encryption.',
      '[4.2.2019, 18.21.40] Aino Laine: Moi, oletko kotona?',
      '[4.2.2019, 18.22.02] Eero: Olen',
    ]);
    expect(recordOnLine(result, 1)).toMatchObject({ kind: 'system', sender: null, attributedTo: 'Aino Laine' });
    expect(recordOnLine(result, 2)).toMatchObject({ kind: 'message', sender: 'Aino Laine' });
  });

  it('leaves a first message that only talks about encryption to its writer', () => {
    const result = parseLines([
      '[4.2.2019, 18.20.11] Aino Laine: Messages to this chat are encrypted end to end, right',
      '[4.2.2019, 18.21.40] Aino Laine: Moi',
      '[4.2.2019, 18.22.02] Eero: Joo',
    ]);
    expect(recordOnLine(result, 1)).toMatchObject({ kind: 'message', sender: 'Aino Laine' });
  });
});
