/** signal-export (carderne/signal-export) chat files: `[YYYY-MM-DD, HH:MM] Name: text`. */

export { signalTextParser, chatTitle, SIGNAL_TEXT_PARSER_VERSION } from './signal-parser.ts';
export { parseSignalText, OWNER_NAME } from './parse-signal-text.ts';
export type { SignalParseResult } from './parse-signal-text.ts';
export { sniffSignalExport } from './sniff.ts';
export { matchSignalHeader } from './header.ts';
export { readSignalBody } from './body.ts';
