import type { SourceParser } from '../../shared/contracts/parsed-source.ts';
import { androidSmsDbParser } from './android-sms/index.ts';
import { emailParser } from './email/index.ts';
import { googleMessagesDbParser } from './google-messages/index.ts';
import { imageParser } from './images/image-parser.ts';
import { rsmfParser } from './rsmf/index.ts';
import { instagramLegacyParser, metaMessagesParser } from './meta/index.ts';
import { smsBackupXmlParser } from './sms-xml/index.ts';
import { ufdrReportParser } from './ufdr/index.ts';
import { telegramHtmlParser, telegramJsonParser } from './telegram/index.ts';
import { iosSmsDbParser } from './ios-sms/index.ts';
import { signalTextParser } from './signal/index.ts';
import { signalAndroidDbParser } from './signal-android/index.ts';
import { sigtopJsonParser, signalDesktopDbParser } from './signal-desktop/index.ts';
import { whatsappAndroidDbParser, whatsappIosDbParser } from './whatsapp-db/index.ts';
import { whatsappTextParser } from './whatsapp/index.ts';

/**
 * Every importer Threadline has, in the order format detection asks them. More specific
 * formats come first so a generic sniff cannot claim their files.
 */
export const PARSERS: readonly SourceParser[] = [
  // First: an .rsmf is a mail (X-RSMF-Version in its own header block) that the e-mail sniff may
  // also claim, and its manifest is JSON with "participants" as other JSON exports have.
  rsmfParser,
  telegramJsonParser,
  metaMessagesParser,
  instagramLegacyParser,
  sigtopJsonParser,
  telegramHtmlParser,
  ufdrReportParser,
  smsBackupXmlParser,
  // Before the chat text formats: a mail that forwards a chat in its body is still a mail, and
  // its sniff (a header block opening the file) claims no chat export.
  emailParser,
  // Before WhatsApp: its bracketed ISO-date headers also fit WhatsApp's iOS grammar.
  signalTextParser,
  whatsappTextParser,
  androidSmsDbParser,
  iosSmsDbParser,
  whatsappAndroidDbParser,
  whatsappIosDbParser,
  signalDesktopDbParser,
  googleMessagesDbParser,
  signalAndroidDbParser,
  imageParser,
];

/** Which parser reads each kind of phone database (detect-format.ts identifies SQLite files by their tables). */
export const SQLITE_PARSERS: Readonly<Record<string, SourceParser>> = {
  'android-sms': androidSmsDbParser,
  'ios-sms': iosSmsDbParser,
  'whatsapp-android': whatsappAndroidDbParser,
  'whatsapp-ios': whatsappIosDbParser,
  'signal-desktop': signalDesktopDbParser,
  'google-messages': googleMessagesDbParser,
  'signal-android': signalAndroidDbParser,
};

export function parserFor(format: string): SourceParser | undefined {
  return PARSERS.find((parser) => parser.format === format);
}
