/**
 * CSV for people who open it in a spreadsheet: RFC 4180 quoting, CRLF row ends, UTF-8 with a
 * byte-order mark (without it Excel reads UTF-8 as the local code page and garbles Cyrillic,
 * Arabic or Vietnamese). A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first)
 * gets a leading apostrophe: seized messages are attacker-controlled text. messages.jsonl keeps
 * every value verbatim and is the record of reference.
 */
export const UTF8_BOM = '\ufeff';
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvCell = string | number | boolean | null;

export function csvDocument(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return UTF8_BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function csvCell(value: CsvCell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV row with its CRLF, for writers that stream rows rather than build a document. */
export function csvRow(values: readonly CsvCell[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
