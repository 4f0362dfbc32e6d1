/** WhatsApp "Export chat" text importer: pure parsing, no I/O. */

export { parseWhatsAppText } from './parse-whatsapp-text.ts';
export { sniffWhatsAppText, SNIFF_BYTE_LIMIT } from './sniff.ts';
export { matchHeader, isHeaderLine } from './header-grammar.ts';
export type { HeaderMatch, HeaderStyle } from './header-grammar.ts';
export { inferDateOrder } from './date-order.ts';
export type { DateFieldSample, DateOrderDecision } from './date-order.ts';
export type {
  DateOrder,
  LineLocator,
  WallClock,
  WhatsAppMedia,
  WhatsAppMediaType,
  WhatsAppParseOptions,
  WhatsAppParseResult,
  WhatsAppParseWarning,
  WhatsAppRecord,
  WhatsAppRecordKind,
} from './types.ts';
export { whatsappTextParser, chatTitleFromFileName, WHATSAPP_TEXT_PARSER_VERSION } from './whatsapp-parser.ts';
