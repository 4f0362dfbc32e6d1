import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { CELLEBRITE_NS, field, party } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A location sent in a chat: the InstantMessage's `Position` modelField holds a Coordinate
 * (Latitude, Longitude, PositionAddress...; UFEDLib reads these), often with an empty Body.
 * It was dropped, leaving an empty message where the report gives a place.
 */

const POSITION = `<modelField name="Position" type="Coordinate"><model type="Coordinate" id="co-1">${field('Latitude', '44.4268', 'Double')}${field('Longitude', '26,1025', 'Double')}${field('PositionAddress', 'Piata Unirii, Bucuresti')}</model></modelField>`;

const XML = [
  '<?xml version="1.0" encoding="utf-8"?>',
  `<project id="r" reportVersion="7.60.0.1" xmlns="${CELLEBRITE_NS}"><decodedData><modelType type="InstantMessage">`,
  `<model type="InstantMessage" id="m1">${field('Source', 'WhatsApp')}<modelField name="From" type="Party">${party({ id: '40711111111@s.whatsapp.net', name: 'Her' })}</modelField><field name="Body" type="String"><empty /></field>${field('IsLocationSharing', 'True', 'Boolean')}${POSITION}</model>`,
  '</modelType></decodedData></project>',
].join('\n');

describe('Cellebrite InstantMessage Position', () => {
  it('keeps the shared location: coordinates as numbers (a decimal comma read as a point), and the address as written', async () => {
    const { messages } = await runParser(ufdrReportParser, inputFromText(XML, { displayName: 'report.xml' }));
    expect(messages[0]).toMatchObject({ kind: 'message', sender: 'Her', text: '' });
    expect(messages[0]?.extra?.['location']).toEqual({ latitude: 44.4268, longitude: 26.1025, address: 'Piata Unirii, Bucuresti', latitudeText: '44.4268', longitudeText: '26,1025', isLocationSharing: true });
  });
});
