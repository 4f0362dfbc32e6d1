import type { PackageMessage } from '../../shared/contracts/evidence-package.ts';
import { describeLocatorInFull } from '../../shared/domain/locator.ts';
import { jsonLines } from './canonical-json.ts';
import { csvDocument } from '../../shared/text/csv.ts';
import type { PreparedPackage } from './prepare.ts';

/** The machine-readable payload files: one record per line, fixed content for a fixed input. */

export function messagesJsonl(prepared: PreparedPackage): string {
  return jsonLines(prepared.conversations.flatMap((conversation) => conversation.messages.map((message) => ({
    id: message.id,
    conversationId: conversation.id,
    conversationTitle: conversation.title,
    seq: message.seq,
    selected: message.selected,
    kind: message.kind,
    timestamp: message.timestamp,
    timestampText: message.timestampText,
    timeZone: prepared.sourcesById.get(message.sourceId)?.timeZone ?? null,
    sender: message.sender,
    senderId: message.senderId,
    direction: message.direction,
    text: message.text,
    lang: message.lang,
    langConfidence: message.langConfidence,
    deleted: message.deleted,
    edited: message.edited,
    attachments: message.attachments.map((attachment) => ({ ...attachment, bagPath: attachment.sha256 === null ? null : (prepared.attachmentBySha.get(attachment.sha256)?.path ?? null) })),
    markers: (prepared.markersByMessage.get(message.id) ?? []).map((marker) => marker.markerId),
    sourceId: message.sourceId,
    sourceSha256: prepared.sourcesById.get(message.sourceId)?.sha256AtIntake ?? null,
    locator: message.locator,
    place: describeLocatorInFull(message.locator),
    extra: message.extra,
  }))));
}

const CSV_HEADER = [
  'message_id', 'conversation_id', 'conversation_title', 'seq', 'selected', 'timestamp_utc', 'timestamp_as_written', 'time_zone',
  'sender', 'sender_id', 'direction', 'kind', 'text', 'lang', 'deleted', 'edited', 'attachment_sha256', 'markers',
  'source_id', 'source_sha256', 'place',
];

export function messagesCsv(prepared: PreparedPackage): string {
  const rows = prepared.conversations.flatMap((conversation) => conversation.messages.map((message: PackageMessage) => [
    message.id, conversation.id, conversation.title, message.seq, message.selected, message.timestamp, message.timestampText,
    prepared.sourcesById.get(message.sourceId)?.timeZone ?? null, message.sender, message.senderId, message.direction, message.kind,
    message.text, message.lang, message.deleted, message.edited,
    message.attachments.map((attachment) => attachment.sha256 ?? '').filter((sha) => sha !== '').join(';'),
    (prepared.markersByMessage.get(message.id) ?? []).map((marker) => marker.markerId).join(';'),
    message.sourceId, prepared.sourcesById.get(message.sourceId)?.sha256AtIntake ?? null, describeLocatorInFull(message.locator),
  ]));
  return csvDocument(CSV_HEADER, rows);
}

export function markersJsonl(prepared: PreparedPackage): string {
  return jsonLines([...prepared.markersByMessage.values()].flat().map((marker) => ({ ...marker })));
}

export function reviewsJsonl(prepared: PreparedPackage): string {
  return jsonLines([...prepared.reviewsByMessage.values()].flat().map((review) => ({ ...review })));
}

export function sourcesJsonl(prepared: PreparedPackage): string {
  return jsonLines(prepared.sources.map((source) => ({
    ...source,
    hashesMatch: source.sha256AtExport === null ? null : source.sha256AtIntake.toLowerCase() === source.sha256AtExport.toLowerCase(),
    bagPath: prepared.originals.find((original) => original.sourceId === source.id)?.path ?? null,
  })));
}

export function attachmentsJsonl(prepared: PreparedPackage): string {
  return jsonLines(prepared.attachments.map((attachment) => ({
    bagPath: attachment.path,
    sha256: attachment.sha256,
    fileName: attachment.fileName,
    mediaType: attachment.mediaType,
    messageIds: [...attachment.messageIds].sort(),
    ocrText: attachment.ocrText,
  })));
}
