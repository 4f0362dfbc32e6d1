import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { email, field, modelType, report } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Email model fields Physical Analyzer writes that UFEDLib (SEilers/UFEDLib, Models/EMail.cs,
 * written against real reports) reads and the importer dropped: EmailHeader (the raw headers, with
 * Message-ID and Received lines), Snippet (a mail's words when the decoder kept no Body), Priority,
 * and Labels (a multiField). Addresses and texts are invented.
 */
const T = '2024-05-02T08:00:00.000+00:00';
const from = { id: 'recruiter@example.com', name: 'Jobs Abroad' };
const to = [{ id: 'victim@example.com' }];

function withFields(model: string, fields: string): string {
  return `${model.slice(0, model.lastIndexOf('</model>'))}${fields}</model>`;
}

describe('Cellebrite Email header, snippet, priority and labels', () => {
  it('keeps the raw header, labels and priority, and takes the Snippet when there is no Body', async () => {
    const header = 'Message-ID: <abc@example.com>\nReceived: from mail.example.com';
    const labels = '<multiField name="Labels" type="String"><value type="String"><![CDATA[INBOX]]></value><value type="String"><![CDATA[IMPORTANT]]></value></multiField>';
    const full = withFields(email({ id: 'e1', account: 'victim@example.com', folder: 'Inbox', time: T, subject: 'Job offer', body: 'Send your passport scan', from, to }), `${field('EmailHeader', header)}${field('Priority', 'High', 'MailPriority')}${labels}`);
    const previewOnly = withFields(email({ id: 'e2', account: 'victim@example.com', folder: 'Inbox', time: T, subject: 'Re: Job offer', body: '', from, to }).replace(field('Body', ''), field('Body', null)), field('Snippet', 'The flight is on Friday'));
    const result = await runParser(ufdrReportParser, inputFromText(report({ decoded: [modelType('Email', [full, previewOnly])] }), { displayName: 'report.xml' }));
    expect(result.messages.map((message) => message.text)).toEqual(['Subject: Job offer\n\nSend your passport scan', 'Subject: Re: Job offer\n\nThe flight is on Friday']);
    expect(result.messages[0]?.extra).toMatchObject({ emailHeader: header, priority: 'High', labels: ['INBOX', 'IMPORTANT'] });
    expect(result.messages[0]?.extra?.['textFrom']).toBeUndefined();
    expect(result.messages[1]?.extra).toMatchObject({ textFrom: 'Snippet (the model has no Body)' });
  });
});
