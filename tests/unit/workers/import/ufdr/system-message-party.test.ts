import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { CELLEBRITE_NS, field, modelType, party } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Physical Analyzer gives a service line ("Nadia changed the group name") a From party whose
 * Identifier is "System message" (the IPED sample; IPED's Party.isSystemMessage reads it so). Not
 * every such line also carries Type System or a System label: without one, the line became a
 * message from a person called "System message".
 */

const ME = '40700000001@s.whatsapp.net';
const GROUP = '120363000000000000@g.us';

const XML = [
  '<?xml version="1.0" encoding="utf-8"?>',
  `<project id="r" reportVersion="7.60.0.1" xmlns="${CELLEBRITE_NS}"><decodedData>`,
  modelType('Chat', [
    [
      `<model type="Chat" id="c1">${field('Source', 'WhatsApp')}${field('Id', GROUP)}`,
      `<multiModelField name="Participants" type="Party">${party({ id: ME, owner: true })}${party({ id: '40711111111@s.whatsapp.net', name: 'Nadia', owner: false })}</multiModelField>`,
      '<multiModelField name="Messages" type="InstantMessage">',
      `<model type="InstantMessage" id="m1"><modelField name="From" type="Party">${party({ id: 'System Message' })}</modelField>${field('Body', 'Nadia changed the group name to "Plans"')}</model>`,
      '</multiModelField></model>',
    ].join(''),
  ]),
  '</decodedData></project>',
].join('\n');

describe('Cellebrite "System message" party', () => {
  it('reads a line from the "System message" party as a system line, keeping the party as written', async () => {
    const { messages } = await runParser(ufdrReportParser, inputFromText(XML, { displayName: 'report.xml' }));
    expect(messages.map((message) => [message.kind, message.sender, message.extra?.['senderAsWritten'], message.text])).toEqual([['system', null, 'System Message', 'Nadia changed the group name to "Plans"']]);
  });
});
