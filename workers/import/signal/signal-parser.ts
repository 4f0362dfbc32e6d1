import type { ParsedChat, SourceParser } from '../../../shared/contracts/parsed-source.ts';
import { PROGRESS_EVERY_RECORDS, WarningLimiter } from '../import-limits.ts';
import { OWNER_NAME, parseSignalText } from './parse-signal-text.ts';
import { sniffSignalExport } from './sniff.ts';

/** Reported on every source this parser reads; bump when its output changes. */
export const SIGNAL_TEXT_PARSER_VERSION = '1.2.2';
/** signal-export writes each chat as <chat name>/chat.md; older releases and copies use other names. */
const GENERIC_FILE_NAME = /^chat\.(?:md|txt)$/iu;

/** signal-export (carderne) Markdown/text chat files: one file, one conversation. */
export const signalTextParser: SourceParser = {
  format: 'signal-export-text',
  parserVersion: SIGNAL_TEXT_PARSER_VERSION,
  sniff: (head) => sniffSignalExport(head),
  async parse(input, sink) {
    const bytes = await input.readAll();
    sink.throwIfCancelled();
    const file = input.displayName;
    const chatKey = `file:${file}`;
    const parsed = parseSignalText(bytes, file, chatKey);
    const warnings = new WarningLimiter(sink, file);
    for (const line of parsed.invalidUtf8Lines) warnings.add('encoding', `${file}:${line}`, 'the line holds bytes that are not UTF-8; they are shown as U+FFFD (the source bytes are unchanged)');
    sink.chat(chatFor(chatKey, chatTitle(input.path, file), parsed.senders));
    for (const [position, record] of parsed.records.entries()) {
      await sink.message(record);
      if (position % PROGRESS_EVERY_RECORDS === 0) {
        sink.throwIfCancelled();
        if (record.locator.kind === 'text-lines') sink.progress(record.locator.byteEnd, bytes.byteLength);
      }
    }
    warnings.finish();
    return {
      formatVersion: parsed.stampStyles.some((style) => style.endsWith('+seconds')) ? 'stamp-with-seconds' : parsed.stampStyles.length > 0 ? 'stamp-minutes' : null,
      details: {
        lineCount: parsed.lineCount,
        stampStyles: parsed.stampStyles,
        owner: `"${OWNER_NAME}" is the account holder (outgoing)`,
        timeZoneNote: 'signal-export writes the exporting computer\'s local time without a zone; times are read in the import\'s time zone',
      },
    };
  },
};


function chatFor(key: string, title: string, senders: string[]): ParsedChat {
  const others = senders.filter((sender) => sender !== OWNER_NAME);
  return {
    key,
    title,
    kind: others.length > 1 ? 'group' : others.length === 1 ? 'private' : 'unknown',
    participants: senders.map((name) => ({ name })),
  };
}

/** The chat's name: the file's own stem, or its folder's name when the file is signal-export's generic chat.md. */
export function chatTitle(path: string, displayName: string): string {
  const segments = displayName.replaceAll('\\', '/').split('/');
  const own = segments[segments.length - 1] ?? displayName;
  if (!GENERIC_FILE_NAME.test(own)) return own.replace(/\.(?:md|txt)$/iu, '');
  // A zip entry's path is "<zip>!/<entry>": the zip's own name stands for a folder.
  const folder = segments.length > 1 ? segments[segments.length - 2] : path.replaceAll('\\', '/').split('/').slice(-2, -1)[0]?.replace(/\.zip!$/iu, '');
  return folder === undefined || folder === '' ? own : folder;
}
