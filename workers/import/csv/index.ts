/**
 * Generic CSV of messages, imported with an examiner-supplied column mapping; never sniffed.
 */

export { createCsvParser, csvParser, parseCsv, CSV_PARSER_VERSION, MAX_RECORD_BYTES } from './parse-csv.ts';
export { csvTableColumns, sniffCsvColumns, sniffCsvLayout } from './columns.ts';
export type { CsvLayout } from './columns.ts';
export { validateCsvMapping, csvMappingSchema, CSV_DECLARED_ENCODINGS, holdsMappedColumns, MAPPED_ROLES } from './mapping.ts';
export type { CsvColumn, CsvDeclaredEncoding, CsvMapping, CsvTimestampFormat } from './mapping.ts';
export { readCsvTimestamp } from './timestamps.ts';
