import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { CELLEBRITE_NS, field, party, stamp } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A Chat model can itself be marked deleted (`<model type="Chat" deleted_state="Deleted">`: a
 * conversation the user deleted, recovered with its messages). The contract has no chat-level
 * deleted field, so each record of the chat keeps `extra.chatDeletedState` and one warning names
 * the chat and where its model is in report.xml. Each message keeps its own deleted flag.
 */

const ME = '40700000001@s.whatsapp.net';
const HER = '40711111111@s.whatsapp.net';
const HIM = '40722222222@s.whatsapp.net';

function message(id: string, state: string): string {
  return `<model type="InstantMessage" id="${id}" deleted_state="${state}"><modelField name="From" type="Party">${party({ id: HER })}</modelField>${field('Body', id)}${stamp('TimeStamp', '2024-09-28T14:59:35.000+00:00')}</model>`;
}

function chat(id: string, state: string, other: string, messages: string[]): string {
  return [
    `<model type="Chat" id="${id}" deleted_state="${state}">${field('Source', 'WhatsApp')}${field('Id', other)}`,
    `<multiModelField name="Participants" type="Party">${party({ id: ME, owner: true })}${party({ id: other, name: id })}</multiModelField>`,
    `<multiModelField name="Messages" type="InstantMessage">${messages.join('')}</multiModelField>`,
    '<multiModelField name="ActivityLog" type="ChatActivity"><model type="ChatActivity" id="act">',
    `${field('Action', 'Joined')}${stamp('SystemMessageTimeStamp', '2024-09-28T14:00:00.000+00:00')}</model></multiModelField>`,
    '</model>',
  ].join('\n');
}

const XML = [
  '<?xml version="1.0" encoding="utf-8"?>',
  `<project id="r" reportVersion="7.60.0.1" xmlns="${CELLEBRITE_NS}"><decodedData><modelType type="Chat">`,
  chat('kept', 'Intact', HIM, [message('k1', 'Intact')]),
  chat('gone', 'Deleted', HER, [message('g1', 'Intact'), message('g2', 'Deleted')]),
  '</modelType></decodedData></project>',
].join('\n');

describe('Cellebrite Chat model marked deleted', () => {
  it('keeps the chat state on each of its records, and warns once naming the chat and its place', async () => {
    const { messages, warnings } = await runParser(ufdrReportParser, inputFromText(XML, { displayName: 'report.xml', chunkBytes: 97 }));
    expect(messages.map((item) => [item.extra?.['modelId'], item.deleted, item.extra?.['chatDeletedState']])).toEqual([
      ['k1', false, undefined],
      ['act', false, undefined],
      ['g1', false, 'Deleted'],
      ['g2', true, 'Deleted'],
      ['act', false, 'Deleted'],
    ]);
    const about = warnings.filter((warning) => /deleted/iu.test(warning.message));
    expect(about).toHaveLength(1);
    expect(about[0]?.place).toBe('report.xml:9:1');
    expect(about[0]?.message).toContain('WhatsApp: gone');
    expect(about[0]?.message).toContain('deleted_state="Deleted"');
    expect(about[0]?.message).toContain("/project/decodedData/modelType[@type='Chat']/model[2]");
  });
});
