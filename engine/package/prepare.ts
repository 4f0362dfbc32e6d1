import type {
  EvidencePackageInput, PackageConversation, PackageFile, PackageMarker, PackageReview, PackageSource,
} from '../../shared/contracts/evidence-package.ts';
import type { MediaType } from '../../shared/contracts/parsed-source.ts';
import { AppError } from '../../shared/errors.ts';
import { compareCodeUnits, PAYLOAD_DIR } from './bag-writer.ts';
import { sha256Text } from './hashing.ts';
import { groupBy } from '../group-by.ts';

export const GENESIS_HASH = '0'.repeat(64);
const SHA256_PATTERN = /^[0-9a-f]{64}$/;
/** Keeps bag paths well under the 255-byte name limit of common file systems. */
const MAX_SAFE_NAME_LENGTH = 80;

export interface BagFileEntry {
  /** Bag-relative path, e.g. data/attachments/<sha256>-photo.jpg */
  path: string;
  sha256: string;
  fileName: string;
  file: PackageFile;
}

export interface PackageAttachmentEntry extends BagFileEntry {
  mediaType: MediaType;
  messageIds: string[];
  ocrText: string | null;
}

/** The input in the order and shape every output (JSONL, CSV, report, JSON-LD) reads it. */
export interface PreparedPackage {
  input: EvidencePackageInput;
  conversations: PackageConversation[];
  /** Sources in intake order. */
  sources: PackageSource[];
  sourcesById: Map<string, PackageSource>;
  markersByMessage: Map<string, PackageMarker[]>;
  reviewsByMessage: Map<string, PackageReview[]>;
  attachments: PackageAttachmentEntry[];
  attachmentBySha: Map<string, PackageAttachmentEntry>;
  originals: (BagFileEntry & { sourceId: string })[];
  selectedCount: number;
  contextCount: number;
  /** SHA-256 of the last custody line: what this export's entry links to. */
  custodyHead: string;
}

export function preparePackage(input: EvidencePackageInput): PreparedPackage {
  const conversations = input.conversations
    .map((conversation) => ({ ...conversation, messages: [...conversation.messages].sort((a, b) => a.seq - b.seq || compareCodeUnits(a.id, b.id)) }))
    .sort((a, b) => compareCodeUnits(firstTime(a), firstTime(b)) || compareCodeUnits(a.id, b.id));
  const messages = conversations.flatMap((conversation) => conversation.messages);
  const attachments = new Map<string, PackageAttachmentEntry>();
  for (const attachment of [...input.attachments].sort((a, b) => compareCodeUnits(a.sha256, b.sha256) || compareCodeUnits(a.fileName, b.fileName))) {
    const sha256 = checkedSha(attachment.sha256, attachment.fileName);
    const known = attachments.get(sha256);
    if (known !== undefined) {
      if (!known.messageIds.includes(attachment.messageId)) known.messageIds.push(attachment.messageId);
      continue;
    }
    attachments.set(sha256, {
      path: `${PAYLOAD_DIR}/attachments/${sha256}-${safeFileName(attachment.fileName)}`,
      sha256, fileName: attachment.fileName, file: attachment, mediaType: attachment.mediaType,
      messageIds: [attachment.messageId], ocrText: attachment.ocrText ?? null,
    });
  }
  const originals = (input.originals ?? [])
    .map((original) => {
      const sha256 = checkedSha(original.sha256, original.fileName);
      return { path: `${PAYLOAD_DIR}/originals/${sha256}-${safeFileName(original.fileName)}`, sha256, fileName: original.fileName, file: original, sourceId: original.sourceId };
    })
    .filter((entry, index, all) => all.findIndex((other) => other.path === entry.path) === index)
    .sort((a, b) => compareCodeUnits(a.path, b.path));
  const lastLine = input.custodyLog[input.custodyLog.length - 1];
  return {
    input,
    conversations,
    sources: [...input.sources].sort((a, b) => compareCodeUnits(a.importedAt, b.importedAt) || compareCodeUnits(a.id, b.id)),
    sourcesById: new Map(input.sources.map((source) => [source.id, source])),
    markersByMessage: groupBy([...input.markers].sort((a, b) => compareCodeUnits(a.messageId, b.messageId) || compareCodeUnits(a.markerId, b.markerId)), (marker) => marker.messageId),
    reviewsByMessage: groupBy([...input.reviews].sort((a, b) => compareCodeUnits(a.at, b.at) || compareCodeUnits(a.decision, b.decision)), (review) => review.messageId),
    attachments: [...attachments.values()].sort((a, b) => compareCodeUnits(a.path, b.path)),
    attachmentBySha: attachments,
    originals,
    selectedCount: messages.filter((message) => message.selected).length,
    contextCount: messages.filter((message) => !message.selected).length,
    custodyHead: lastLine === undefined ? GENESIS_HASH : sha256Text(lastLine),
  };
}

function firstTime(conversation: PackageConversation): string {
  return conversation.messages.find((message) => message.timestamp !== null)?.timestamp ?? '\uffff';
}

function checkedSha(sha256: string, fileName: string): string {
  const normalised = sha256.toLowerCase();
  if (!SHA256_PATTERN.test(normalised)) throw new AppError('E_INVALID_REQUEST', `${fileName}: "${sha256}" is not a SHA-256 digest`);
  return normalised;
}

/**
 * A file name every file system and every BagIt tool accepts: ASCII letters, digits, dot, dash
 * and underscore only (accents folded, the rest "_"). Non-ASCII names differ in normalisation
 * between macOS and Linux and break manifest checks; the exact original name stays in the JSONL.
 */
export function safeFileName(name: string): string {
  const folded = name.normalize('NFKD').replace(/\p{M}/gu, '');
  let safe = folded.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/_+/g, '_').replace(/^[._]+/, '');
  if (safe.length > MAX_SAFE_NAME_LENGTH) {
    const dot = safe.lastIndexOf('.');
    const extension = dot > 0 && safe.length - dot <= 10 ? safe.slice(dot) : '';
    safe = safe.slice(0, MAX_SAFE_NAME_LENGTH - extension.length) + extension;
  }
  return safe === '' ? 'file' : safe;
}
