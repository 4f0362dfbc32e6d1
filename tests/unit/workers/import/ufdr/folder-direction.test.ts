import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { email, modelType, report } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A Folder names the direction only when it is a sent or inbox folder. Mail folders are named by
 * the user: "Presentations", "Consent forms" or "Absent" hold the letters s-e-n-t inside a word,
 * and reading them as "Sent" made every received mail in them outgoing.
 */

const ME = { id: 'me@example.com', name: 'Me' };
const BOSS = { id: 'boss@example.com', name: 'Boss' };

function mail(id: string, folder: string, from: { id: string; name: string }, to: { id: string; name: string }): string {
  return email({ id, account: ME.id, folder, time: '2024-05-02T10:00:00+00:00', subject: id, body: id, from, to: [to] });
}

describe('Cellebrite Folder and direction', () => {
  it('does not read "sent" or "inbox" inside another word of a folder name', async () => {
    const xml = report({ decoded: [modelType('Email', [mail('in presentations', 'Presentations', BOSS, ME), mail('in consent forms', 'Consent forms', BOSS, ME), mail('in sent items', 'Sent Items', ME, BOSS), mail('in gmail sent', '[Gmail]/Sent Mail', ME, BOSS), mail('in sentitems', 'SentItems', ME, BOSS), mail('in INBOX.Work', 'INBOX.Work', BOSS, ME)])] });
    const { messages } = await runParser(ufdrReportParser, inputFromText(xml, { displayName: 'report.xml' }));
    expect(messages.map((message) => [message.extra?.['subject'], message.direction])).toEqual([
      ['in presentations', 'incoming'],
      ['in consent forms', 'incoming'],
      ['in sent items', 'outgoing'],
      ['in gmail sent', 'outgoing'],
      ['in sentitems', 'outgoing'],
      ['in INBOX.Work', 'incoming'],
    ]);
  });
});
