import type { SourceLocator } from '../contracts/parsed-source.ts';

/** A place a person can look up: file:line, table#rowid, a JSON pointer or XML path. */
export function describePlace(locator: SourceLocator): string {
  switch (locator.kind) {
    case 'text-lines':
      return `${locator.file}:${locator.lineStart}`;
    case 'json-pointer':
      return `${locator.file}#${locator.pointer}`;
    case 'xml-path':
      return `${locator.file}:${locator.line ?? '?'} ${locator.path}`;
    case 'html-element':
      return `${locator.file}:${locator.line ?? '?'} ${locator.elementId ?? locator.path}`;
    case 'sqlite-row':
      return `${locator.file} ${locator.table}#${locator.rowid}`;
    case 'csv-row':
      return `${locator.file}:${locator.line} (row ${locator.row})`;
    case 'file':
      return locator.file;
  }
}

/** The full locator in words, as a court report or a tooltip states it. */
export function describeLocatorInFull(locator: SourceLocator): string {
  switch (locator.kind) {
    case 'text-lines': {
      const lines = locator.lineEnd > locator.lineStart ? `lines ${locator.lineStart}–${locator.lineEnd}` : `line ${locator.lineStart}`;
      return `${locator.file}, ${lines}, bytes ${locator.byteStart}–${locator.byteEnd}`;
    }
    case 'json-pointer':
      return `${locator.file}, JSON pointer ${locator.pointer}`;
    case 'xml-path':
      return `${locator.file}, ${locator.path}${locator.line === undefined ? '' : `, line ${locator.line}${locator.column === undefined ? '' : `:${locator.column}`}`}`;
    case 'html-element':
      return `${locator.file}, ${locator.elementId === undefined ? locator.path : `element #${locator.elementId}`}${locator.line === undefined ? '' : `, line ${locator.line}`}`;
    case 'sqlite-row':
      return `${locator.file}, table ${locator.table}, rowid ${locator.rowid}`;
    case 'csv-row':
      return `${locator.file}, row ${locator.row} (line ${locator.line})`;
    case 'file':
      return locator.file;
  }
}
