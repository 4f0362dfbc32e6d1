import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EvidencePackageInput, PackageAttachment, PackageConversation, PackageMarker, PackageOriginal, PackageReview, PackageSource } from '../../shared/contracts/evidence-package.ts';
import type { Message } from '../../shared/domain/message.ts';
import type { ImportIssue } from '../../shared/domain/source.ts';
import { AUDIT_LOG_FILE } from '../case/audit-log.ts';
import { attachmentPathOnDisk, copyZipAttachments } from '../attachments/attachment-bytes.ts';
import type { CaseSession } from '../case/case-session.ts';
import { APP_NAME, APP_VERSION } from '../app-version.ts';
import { sha256File } from '../package/hashing.ts';

export interface GatherOptions {
  rowids: number[];
  context: number;
  selectionDescription: string;
  selectionCriteria: string;
  caseReference: string;
  exhibitRefs: string[];
  examiner: string;
  organisation: string;
  includeOriginals: boolean;
  baggingDate: string;
}

const PAGE = 2000;

/**
 * Gathers what the packager needs from the case: the selected messages with `context` messages
 * either side in their conversations, their attachments' bytes on disk, the sources they come
 * from (hashed again now), the import issues of those sources and the custody log as stored.
 */
export async function gatherPackageInput(session: CaseSession, options: GatherOptions): Promise<{ input: EvidencePackageInput; skippedAttachments: string[] }> {
  const selected = await session.db.client.call('messagesByRowids', { rowids: options.rowids });
  const selectedIds = new Set(selected.map((message) => message.id));
  const conversations = await conversationsWithContext(session, selected, options.context, selectedIds);
  const exported = conversations.flatMap((conversation) => conversation.messages);
  const { sources: allSources } = await session.db.client.call('caseSummary', {});
  const usedSourceIds = new Set(exported.map((message) => message.sourceId));
  const sourceRecords = allSources.filter((source) => usedSourceIds.has(source.id));
  const sources: PackageSource[] = [];
  for (const source of sourceRecords) {
    const now = existsSync(source.path) ? (await sha256File(source.path)).sha256 : null;
    sources.push({ ...source, sha256AtIntake: source.sha256, sha256AtExport: now });
  }
  const { attachments, skipped } = await attachmentsOf(session, exported);
  const importIssues: ImportIssue[] = [];
  for (const source of sourceRecords) importIssues.push(...(await session.db.client.call('listIssues', { sourceId: source.id })));
  const originals: PackageOriginal[] = options.includeOriginals
    ? sourceRecords.filter((source) => existsSync(source.path)).map((source) => ({ sourceId: source.id, sha256: source.sha256, fileName: source.displayName, readFile: () => source.path }))
    : [];
  const { markers, reviews } = await indicatorsOf(session, exported);
  const custodyLog = readFileSync(join(session.path, AUDIT_LOG_FILE), 'utf8').split('\n').filter((line) => line !== '');
  const input: EvidencePackageInput = {
    case: { name: session.path.split(/[/\\]/u).pop() ?? session.path, reference: options.caseReference, createdAt: session.createdAt, timeZone: session.settings.timeZone },
    exhibitRefs: options.exhibitRefs.length > 0 ? options.exhibitRefs : sourceRecords.map((source) => source.displayName),
    examiner: { name: options.examiner },
    organisation: options.organisation,
    baggingDate: options.baggingDate,
    tool: { name: APP_NAME, version: APP_VERSION },
    sources,
    selection: { description: options.selectionDescription, criteria: { select: options.selectionCriteria, context: options.context, messages: selectedIds.size } },
    conversations,
    markers,
    reviews,
    attachments,
    originals,
    custodyLog,
    importIssues,
  };
  return { input, skippedAttachments: skipped };
}

async function conversationsWithContext(session: CaseSession, selected: (Message & { chatTitle: string })[], context: number, selectedIds: Set<string>): Promise<PackageConversation[]> {
  const byChat = new Map<string, { title: string; seqs: number[] }>();
  for (const message of selected) {
    const entry = byChat.get(message.chatId) ?? { title: message.chatTitle, seqs: [] };
    entry.seqs.push(message.seq);
    byChat.set(message.chatId, entry);
  }
  const summaries = new Map((await session.db.client.call('listConversations', {})).map((summary) => [summary.id, summary]));
  const conversations: PackageConversation[] = [];
  for (const [chatId, { title, seqs }] of [...byChat].sort((a, b) => a[0].localeCompare(b[0]))) {
    const messages: Message[] = [];
    for (const [from, to] of mergeRanges(seqs.map((seq) => [Math.max(0, seq - context), seq + context + 1] as [number, number]))) {
      for (let offset = from; offset < to; offset += PAGE) {
        messages.push(...(await session.db.client.call('messagesRange', { chatId, offset, limit: Math.min(PAGE, to - offset) })).messages);
      }
    }
    conversations.push({ id: chatId, title, participants: summaries.get(chatId)?.participants ?? [], messages: messages.map((message) => ({ ...message, selected: selectedIds.has(message.id) })) });
  }
  return conversations;
}

/** Indicators on the exported messages, explained in words, and every decision taken on them. */
async function indicatorsOf(session: CaseSession, messages: (Message & { rowid?: number })[]): Promise<{ markers: PackageMarker[]; reviews: PackageReview[] }> {
  const rowids = await session.db.client.call('rowidsForMessageIds', { ids: messages.map((message) => message.id) });
  const tagged = await session.db.client.call('tagsForRowids', { rowids });
  // An indicator read from images has spans in their searched OCR text, never in the message text.
  const readFromImages = tagged.filter(([, list]) => list.some((tag) => tag.origin === 'ocr')).map(([rowid]) => rowid);
  const ocrByRowid = new Map(readFromImages.length === 0 ? [] : await session.db.client.call('ocrTextsForRowids', { rowids: readFromImages }));
  const textById = new Map(messages.map((message) => [message.id, message.text]));
  const markers: PackageMarker[] = tagged.flatMap(([rowid, list]) =>
    list.map((tag) => {
      const ocrText = tag.origin === 'ocr' ? (ocrByRowid.get(rowid) ?? '') : undefined;
      const text = ocrText ?? textById.get(tag.messageId) ?? '';
      const words = tag.spans.map(([start, end]) => `"${text.slice(start, end)}"`).join(', ');
      const where = ocrText === undefined ? '' : ' in the text read by OCR from its images (machine-made, may contain errors)';
      return {
        messageId: tag.messageId,
        markerId: tag.marker,
        ruleId: tag.rule,
        spans: tag.spans,
        score: tag.score,
        packVersion: tag.packVersion,
        explanation: `Indicator "${tag.marker}": rule ${tag.rule} (pack ${tag.packVersion}, ${tag.tagger}) matched ${words || 'the text'}${where}; score ${tag.score.toFixed(2)}. An indicator for an analyst to assess, not a finding.`,
        ...(ocrText === undefined ? {} : { origin: 'ocr' as const, ocrText }),
      };
    }),
  );
  const decisions = await session.db.client.call('decisionsForMessages', { messageIds: messages.map((message) => message.id) });
  // A decision outlives its indicator when the packs, run again, no longer find it: exported all the same, marked (its indicator is not among `markers`).
  const noLongerFound = new Map(
    (await session.db.client.call('decisionsOnIndicatorsNoLongerFound', { messageIds: messages.map((message) => message.id) })).map((entry) => [`${entry.decision.messageId}\n${entry.decision.marker ?? ''}`, entry.noLongerFoundBy]),
  );
  const noLongerFoundBy = (decision: (typeof decisions)[number]): string | undefined =>
    decision.decision === 'confirm' || decision.decision === 'dismiss' ? noLongerFound.get(`${decision.messageId}\n${decision.marker ?? ''}`) : undefined;
  const reviews: PackageReview[] = decisions.map((decision) => {
    const by = noLongerFoundBy(decision);
    return {
      messageId: decision.messageId,
      ...(decision.marker === null ? {} : { markerId: decision.marker }),
      decision: decision.decision === 'unbookmark' ? 'bookmark' : decision.decision,
      ...(decision.note === null ? (decision.decision === 'unbookmark' ? { note: 'bookmark removed' } : {}) : { note: decision.note }),
      by: decision.by,
      at: decision.at,
      ...(by === undefined ? {} : { indicatorNoLongerFoundBy: by }),
    };
  });
  return { markers, reviews };
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const range of [...ranges].sort((a, b) => a[0] - b[0])) {
    const last = merged[merged.length - 1];
    if (last !== undefined && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

async function attachmentsOf(session: CaseSession, messages: Message[]): Promise<{ attachments: PackageAttachment[]; skipped: string[] }> {
  const files = await copyZipAttachments(session, await session.db.client.call('attachmentFiles', { messageIds: messages.map((message) => message.id) }));
  const attachments: PackageAttachment[] = [];
  const skipped: string[] = [];
  for (const file of files) {
    const path = attachmentPathOnDisk(session.path, file);
    const name = file.fileName ?? file.sourcePath ?? file.sha256;
    if (path === null) {
      skipped.push(`${name} (sha256 ${file.sha256}): its bytes are no longer where the source named them; the source itself is the record`);
      continue;
    }
    const ocr = file.mediaType === 'image' ? await session.db.client.call('ocrWords', { attachmentId: file.attachmentId }) : null;
    attachments.push({ messageId: file.messageId, sha256: file.sha256, fileName: name.split(/[/\\]/u).pop() ?? name, mediaType: file.mediaType, readFile: () => path, ...(ocr === null ? {} : { ocrText: ocr.text }) });
  }
  return { attachments, skipped };
}


