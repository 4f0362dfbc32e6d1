import { describe, expect, it } from 'vitest';
import { AddressKeys } from '../../../../workers/import/sms-xml/address.ts';
import { smsBackupCall } from '../../../../workers/import/sms-xml/call-log.ts';
import { decodeEntities } from '../../../../workers/import/telegram/html-text.ts';
import { telegramAttachments } from '../../../../workers/import/telegram/json-media.ts';

/**
 * Codes and names read from a file are looked up in tables of the ones a format uses. A value
 * named like a member every JavaScript object has (constructor, toString, __proto__) is unknown
 * like any other, never that member: the tables are Maps.
 */
describe('values named like object members', () => {
  it('are no SMS Backup & Restore call type', () => {
    const locator = { kind: 'xml-path', file: 'calls.xml', path: '/calls/call[1]', line: 3, column: 3 } as const;
    for (const type of ['constructor', 'toString', '__proto__']) {
      const result = smsBackupCall({ number: '+40721', date: '1673769600000', type, duration: '5' }, locator, new AddressKeys());
      expect(result.notes).toContain(`unknown call type "${type}"`);
      expect(result.message.direction ?? null).toBeNull();
    }
  });

  it('are no HTML entity in a Telegram export (left as written)', () => {
    expect(decodeEntities('&constructor; &toString; &hasOwnProperty; &amp;')).toBe('&constructor; &toString; &hasOwnProperty; &');
  });

  it('are no Telegram media type', () => {
    for (const mediaType of ['constructor', 'toString']) {
      const { attachments } = telegramAttachments({ media_type: mediaType, file: 'files/a.bin' });
      expect(attachments.map((attachment) => attachment.mediaType)).toEqual(['unknown']);
    }
  });
});
