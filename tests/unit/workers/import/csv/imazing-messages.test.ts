import { describe, expect, it } from 'vitest';
import { createCsvParser, validateCsvMapping } from '../../../../../workers/import/csv/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * iMazing's CSV export of an iPhone's messages has 17 columns (as two converters that read real
 * exports list them: bitrealm-dev/message-exporters' imazing-exporter INPUT_FORMAT.md, iMazing
 * 3.5.5, and a PKE project's imessage_parser.py): Chat Session, Message Date, Delivered Date,
 * Read Date, Edited Date, Deleted Date, Service, Type, Sender ID, Sender Name, Status, Replying
 * to, Subject, Text, Reactions, Attachment, Attachment type. A deleted or edited message and an
 * attachment were only extra cells: no mapping could mark the message deleted or edited, or make
 * the file it names an attachment. Names, numbers and dates are invented.
 */
const HEADER = 'Chat Session,Message Date,Delivered Date,Read Date,Edited Date,Deleted Date,Service,Type,Sender ID,Sender Name,Status,Replying to,Subject,Text,Reactions,Attachment,Attachment type';
const csv = [
  HEADER,
  'Ana Pop,2024-03-01 09:15:00,,2024-03-01 09:16:02,,,iMessage,Incoming,+40721000111,Ana Pop,Read,,,see you at 5,,,',
  'Ana Pop,2024-03-01 09:17:30,2024-03-01 09:17:31,,2024-03-01 09:18:00,,iMessage,Outgoing,,,Delivered,,,see you at 6,,,',
  'Ana Pop,2024-03-01 09:20:00,,,,2024-03-02 22:00:05,SMS,Incoming,+40721000111,Ana Pop,Recently deleted,,,delete this,,,',
  'Ana Pop,2024-03-01 09:21:00,,,,,iMessage,Incoming,+40721000111,Ana Pop,Read,,,,,IMG_4021.HEIC,image/heic',
  'Ana Pop,2024-03-01 09:22:00,,,,,iMessage,Outgoing,,,Delivered,,,the voice note,,Audio Message.caf,Audio',
].join('\n');

const mapping = {
  timestamp: 'Message Date',
  text: 'Text',
  sender: 'Sender Name',
  chat: 'Chat Session',
  direction: 'Type',
  deletedDate: 'Deleted Date',
  editedDate: 'Edited Date',
  attachment: 'Attachment',
  attachmentType: 'Attachment type',
};

describe('iMazing messages CSV', () => {
  it('marks a row with a Deleted Date deleted and one with an Edited Date edited, keeping each date as written', async () => {
    const result = await runParser(createCsvParser(mapping), inputFromText(csv, { displayName: 'Messages - Ana Pop.csv' }));
    expect(result.messages.map((message) => [message.text, message.deleted, message.edited])).toEqual([
      ['see you at 5', false, false],
      ['see you at 6', false, true],
      ['delete this', true, false],
      ['', false, false],
      ['the voice note', false, false],
    ]);
    expect(result.messages[2]?.extra).toMatchObject({ deletedDate: '2024-03-02 22:00:05', Status: 'Recently deleted' });
    expect(result.messages[1]?.extra).toMatchObject({ editedDate: '2024-03-01 09:18:00' });
    // Mapped columns are read, not repeated under their header names.
    expect(Object.keys(result.messages[2]?.extra ?? {})).not.toContain('Deleted Date');
    expect(result.messages[0]?.extra).not.toHaveProperty('deletedDate');
  });

  it('makes the file an Attachment cell names an attachment, its type a MIME type when it is one and kept as written when not', async () => {
    const result = await runParser(createCsvParser(mapping), inputFromText(csv, { displayName: 'Messages - Ana Pop.csv' }));
    expect(result.messages.map((message) => message.attachments)).toEqual([
      [],
      [],
      [],
      [{ kind: 'attached', mediaType: 'image', fileName: 'IMG_4021.HEIC', mimeType: 'image/heic' }],
      [{ kind: 'attached', mediaType: 'audio', fileName: 'Audio Message.caf' }],
    ]);
    expect(result.messages[4]?.extra).toMatchObject({ attachmentType: 'Audio' });
    expect(result.messages[3]?.extra).not.toHaveProperty('attachmentType');
    expect(Object.keys(result.messages[3]?.extra ?? {})).not.toContain('Attachment');
  });

  it('refuses an attachment type mapped without the attachment it would describe', () => {
    expect(() => validateCsvMapping({ timestamp: 'Message Date', text: 'Text', attachmentType: 'Attachment type' })).toThrow(/attachmentType.*attachment column/u);
  });

  it('keeps an attachment type written beside an empty Attachment cell (regression: a MIME type there was dropped)', async () => {
    const row = 'Ana Pop,2024-03-01 09:23:00,,,,,iMessage,Incoming,+40721000111,Ana Pop,Read,,,,,,image/jpeg';
    const result = await runParser(createCsvParser(mapping), inputFromText(`${HEADER}\n${row}`, { displayName: 'Messages - Ana Pop.csv' }));
    expect(result.messages[0]?.attachments).toEqual([]);
    expect(result.messages[0]?.extra).toMatchObject({ attachmentType: 'image/jpeg' });
  });
});
