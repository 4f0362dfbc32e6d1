import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';
import { whatsappTextParser } from '../../../../../workers/import/whatsapp/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Regression: a message the exporting phone never could decrypt is exported as
 * `Waiting for this message. This may take a while.` (WhatsApp Web's export formatter writes
 * exactly this for a ciphertext message, WAWebExportChatPlainTextFormatter; public analyzers of
 * real exports skip the line). It was read as the sender's own words. It is their message, with
 * its content missing: flagged, and marked as the export's wording. Lines below are made up.
 */
describe('"Waiting for this message" in an export', () => {
  const lines = [
    '05/03/2024, 21:14 - Marco: Waiting for this message. This may take a while.',
    '05/03/2024, 21:15 - Lena: waiting for this message. this may take a while',
    '05/03/2024, 21:16 - Marco: Waiting for this message. This may take a while, he said',
  ];

  it("is the sender's message, flagged as content the export does not hold", () => {
    const result = parseLines(lines);
    expect(recordOnLine(result, 1)).toMatchObject({ kind: 'message', sender: 'Marco', waiting: true });
    expect(recordOnLine(result, 2)).toMatchObject({ kind: 'message', sender: 'Lena', waiting: true });
    expect(recordOnLine(result, 3).waiting).toBeUndefined();
  });

  it('reaches the case as a placeholder with waitingForMessage in extra', async () => {
    const parsed = await runParser(whatsappTextParser, inputFromText(`${lines.join('\n')}\n`));
    expect(parsed.messages[0]?.extra).toMatchObject({ waitingForMessage: true, placeholder: true });
    expect(parsed.messages[2]?.extra).toBeUndefined();
  });
});
