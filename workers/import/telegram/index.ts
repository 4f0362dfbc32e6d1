/**
 * Telegram Desktop exports: `result.json` (single chat or full account) and the HTML pages
 * (`messages*.html`). Both stream from `input.stream()`.
 *
 * The streaming helpers beside them (UTF-8 decoding with reports, the bounded JSON walker,
 * import limits) are shared with the Meta, SMS XML and CSV importers of this worker.
 */

export { telegramJsonParser, parseTelegramJson, TELEGRAM_JSON_PARSER_VERSION } from './json-parser.ts';
export { telegramHtmlParser, parseTelegramHtml, TELEGRAM_HTML_PARSER_VERSION } from './html-parser.ts';
export { sniffTelegramJson } from './json-sniff.ts';
export { sniffTelegramHtml } from './html-sniff.ts';
export { telegramExportCompanion } from './html-export-companions.ts';
