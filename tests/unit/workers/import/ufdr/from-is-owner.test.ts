import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { CELLEBRITE_NS, field, party } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Physical Analyzer writes `<field name="FromIsOwner">` on an InstantMessage (UFEDLib reads it):
 * the report's own statement of whether the phone's owner sent the message. A From party that
 * carries no IsPhoneOwner, in a chat whose Participants flag no one, leaves that field as the
 * only word on the direction.
 */

const ME = '40700000001@s.whatsapp.net';
const HER = '40711111111@s.whatsapp.net';

function message(id: string, fromId: string, fromIsOwner: string): string {
  return `<model type="InstantMessage" id="${id}"><modelField name="From" type="Party">${party({ id: fromId })}</modelField>${field('Body', id)}${field('FromIsOwner', fromIsOwner, 'Boolean')}</model>`;
}

const XML = [
  '<?xml version="1.0" encoding="utf-8"?>',
  `<project id="r" reportVersion="7.60.0.1" xmlns="${CELLEBRITE_NS}"><decodedData><modelType type="Chat">`,
  `<model type="Chat" id="c1">${field('Source', 'WhatsApp')}${field('Id', HER)}`,
  `<multiModelField name="Participants" type="Party">${party({ id: ME })}${party({ id: HER, name: 'Her' })}</multiModelField>`,
  `<multiModelField name="Messages" type="InstantMessage">${message('mine', ME, 'True')}${message('hers', HER, 'False')}</multiModelField>`,
  '</model></modelType></decodedData></project>',
].join('\n');

describe('Cellebrite InstantMessage FromIsOwner', () => {
  it('gives the direction the report states when no party says who the owner is', async () => {
    const { messages } = await runParser(ufdrReportParser, inputFromText(XML, { displayName: 'report.xml', chunkBytes: 89, forbidReadAll: true }));
    expect(messages.map((item) => [item.text, item.direction, item.senderId])).toEqual([
      ['mine', 'outgoing', ME],
      ['hers', 'incoming', HER],
    ]);
  });
});
