import type { MediaType, ParsedAttachment, ParsedMessage, SourceParser } from '../../../shared/contracts/parsed-source.ts';
import { readWhatsAppStream } from './parse-whatsapp-text.ts';
import { sniffWhatsAppText } from './sniff.ts';
import type { WhatsAppMedia, WhatsAppRecord } from './types.ts';
import { unparsedRecord } from '../unparsed-record.ts';

/** Reported on every source this parser reads; bump when its output changes. */
export const WHATSAPP_TEXT_PARSER_VERSION = '1.24.3';

/** WhatsApp "Export chat" .txt as a SourceParser: one file, one conversation. */
export const whatsappTextParser: SourceParser = {
  format: 'whatsapp-txt',
  parserVersion: WHATSAPP_TEXT_PARSER_VERSION,
  sniff: (head) => sniffWhatsAppText(head),
  async parse(input, sink, options) {
    // Two passes: the first decides the date order from the whole file, the second builds
    // records (from what the first kept, or reading the file again when it is too large to
    // keep). The bar runs through the first pass in its first half.
    const reading = await readWhatsAppStream(() => input.stream(), options.dateOrder === undefined ? {} : { dateOrder: options.dateOrder }, (scanned) => {
      sink.throwIfCancelled();
      sink.progress(Math.round(scanned / 2), input.size);
    });
    const parsed = reading.facts;
    // A text export is one conversation; the file is its only key.
    const chatKey = `file:${input.displayName}`;
    const title = chatTitle(input.path, input.displayName);
    // Group or private shows only once every record is read: the chat is announced now and
    // its kind settled at the end (RecordWriter.chat).
    sink.chat({ key: chatKey, title, kind: 'unknown' });
    let position = 0;
    for await (const run of reading.recordRuns()) {
      for (const record of run) {
        // Waited for only when the sink has something to wait for (RecordWriter.message).
        const taken = sink.message(toParsedMessage(record, chatKey, input.displayName));
        if (taken !== undefined) await taken;
        if (position % 2000 === 0) {
          sink.throwIfCancelled();
          sink.progress(Math.round((input.size + record.locator.byteEnd) / 2), input.size);
        }
        position += 1;
      }
    }
    // Warnings are complete once every record is built (dates and order are checked as records are).
    for (const warning of reading.warnings()) sink.warning({ place: `${input.displayName}:${warning.line}`, message: warning.message });
    const chatKind = reading.chatKind();
    sink.chat({ key: chatKey, title, kind: chatKind.kind });
    return {
      formatVersion: parsed.platform === 'unknown' ? null : parsed.platform,
      details: {
        platform: parsed.platform,
        dateOrder: parsed.dateOrder,
        dateOrderSource: parsed.dateOrderSource,
        dateOrderEvidence: parsed.dateOrderEvidence,
        clock: parsed.clock,
        lineCount: parsed.lineCount,
        chatKind: chatKind.kind,
        chatKindEvidence: chatKind.evidence,
        ...(parsed.webExportEvidence === null ? {} : { directionEvidence: `WhatsApp Web's export writes "You" for the exporter's own messages: ${parsed.webExportEvidence}` }),
      },
    };
  },
};

function toParsedMessage(record: WhatsAppRecord, chatKey: string, file: string): ParsedMessage {
  // Written out rather than spread: this runs once per message of exports of millions.
  const { lineStart, lineEnd, byteStart, byteEnd } = record.locator;
  const locator = { kind: 'text-lines' as const, file, lineStart, lineEnd, byteStart, byteEnd };
  const time = record.wallClock === null ? null : { wall: record.wallClock };
  if (record.kind === 'unparsed') {
    return unparsedRecord({ chatKey, raw: record.text, locator, reason: record.reason ?? 'not a WhatsApp message', time, timestampText: record.timestampText });
  }
  const attachments: ParsedAttachment[] = [];
  if (record.media !== null) attachments.push(toParsedAttachment(record.media));
  if (record.moreMedia !== undefined) for (const media of record.moreMedia) attachments.push(toParsedAttachment(media));
  const message: ParsedMessage = {
    chatKey,
    kind: record.kind,
    sender: record.sender,
    time,
    timestampText: record.timestampText,
    text: record.text,
    attachments,
    deleted: record.deleted,
    edited: record.edited,
    locator,
  };
  if (record.direction !== undefined) message.direction = record.direction;
  // Most messages have no fact beyond these: no object is made for them.
  const placeholder = record.media !== null || record.deleted || record.waiting === true;
  if (record.attributedTo === undefined && record.systemReason === undefined && record.location !== true && record.leadingMarks === undefined && record.forwarded === undefined && !placeholder) return message;
  const extra: Record<string, unknown> = {};
  if (record.attributedTo !== undefined) extra['attributedTo'] = record.attributedTo;
  if (record.systemReason !== undefined) extra['systemReason'] = record.systemReason;
  if (record.location === true) extra['location'] = true;
  if (record.waiting === true) extra['waitingForMessage'] = true;
  // As the WhatsApp database parsers say it; "many times" is WhatsApp's frequently-forwarded mark.
  if (record.forwarded !== undefined) extra['forwarded'] = true;
  if (record.forwarded === 'many times') extra['forwardedManyTimes'] = true;
  if (record.leadingMarks !== undefined) extra['leadingMarks'] = record.leadingMarks;
  // The body of a media, deleted or waiting placeholder is the export's wording, not the person's words.
  if (placeholder) extra['placeholder'] = true;
  message.extra = extra;
  return message;
}

function toParsedAttachment(media: WhatsAppMedia): ParsedAttachment {
  return {
    kind: media.kind,
    mediaType: (media.mediaType ?? 'unknown') as MediaType,
    ...(media.fileName === undefined ? {} : { fileName: media.fileName, path: media.fileName }),
  };
}

/** iOS exports always name the text _chat.txt: the zip around it carries the chat's name. */
function chatTitle(path: string, displayName: string): string {
  const container = path.includes('!/') ? path.slice(0, path.indexOf('!/')) : null;
  const own = chatTitleFromFileName(displayName);
  return own === '_chat' && container !== null ? chatTitleFromFileName(container) : own;
}

/** Title of a one-chat export, from the names WhatsApp gives its export files in many locales. */
const EXPORT_NAME_PATTERNS: RegExp[] = [
  /^WhatsApp Chat (?:with|-) (.+)$/iu,
  /^WhatsApp[- ]chat met (.+)$/iu,
  /^WhatsApp[- ]Chat mit (.+)$/iu,
  /^Chat de WhatsApp con (.+)$/iu,
  /^Conversa do WhatsApp com (.+)$/iu,
  /^Chat WhatsApp (?:con|avec|s uživatelem|s) (.+)$/iu,
  /^Чат WhatsApp с (?:контактом )?(.+)$/iu,
];

export function chatTitleFromFileName(fileName: string): string {
  const stem = fileName.replace(/^.*[/\\]/u, '').replace(/\.(txt|zip)$/iu, '');
  for (const pattern of EXPORT_NAME_PATTERNS) {
    const title = pattern.exec(stem)?.[1];
    if (title !== undefined && title.trim() !== '') return title.trim();
  }
  return stem;
}
