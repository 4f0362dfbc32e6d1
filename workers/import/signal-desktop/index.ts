/** Decrypted Signal Desktop database (db.sqlite, sigtop export-database) importer. */

export { signalDesktopDbParser, SIGNAL_DESKTOP_PARSER_VERSION } from './signal-desktop-parser.ts';
export { sigtopJsonParser, SIGTOP_JSON_PARSER_VERSION } from './sigtop-json-parser.ts';
