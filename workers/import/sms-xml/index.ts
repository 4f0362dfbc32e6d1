/**
 * SyncTech "SMS Backup & Restore" XML backups (`<smses>` with `<sms>`/`<mms>`; `<calls>` call
 * logs are recognised and reported, not imported as messages). Streamed with saxes, the plain
 * `<sms …/>` lines read without it (plain-sms.ts).
 */

import type { SourceParser } from '../../../shared/contracts/parsed-source.ts';
import { parseSmsBackupXml, SMS_BACKUP_XML_PARSER_VERSION } from './parse-sms-xml.ts';
import { sniffSmsBackupXml } from './sniff.ts';

export { parseSmsBackupXml, SMS_BACKUP_XML_PARSER_VERSION, MAX_ELEMENT_CHARS } from './parse-sms-xml.ts';
export { sniffSmsBackupXml } from './sniff.ts';
export { AddressKeys, normaliseAddress } from './address.ts';

export const smsBackupXmlParser: SourceParser = {
  format: 'sms-backup-restore-xml',
  parserVersion: SMS_BACKUP_XML_PARSER_VERSION,
  sniff: (head) => sniffSmsBackupXml(head),
  parse: (input, sink) => parseSmsBackupXml(input, sink),
};
