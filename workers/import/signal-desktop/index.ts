/** Decrypted Signal Desktop database (db.sqlite, sigtop export-database) importer. */

export { signalDesktopDbParser, SIGNAL_DESKTOP_PARSER_VERSION } from './signal-desktop-parser.ts';
