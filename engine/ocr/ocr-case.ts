import type { OcrPendingRow } from '../../shared/contracts/db-worker.ts';
import { DOC_FLAGS } from '../../shared/contracts/index-worker.ts';
import { extractIdentifiers } from '../../shared/identifiers/extract.ts';
import { detectLanguage } from '../../shared/language/detect.ts';
import { createMarkerTagger, MARKER_TAGGER_NAME } from '../../shared/markers/index.ts';
import { attachmentPathOnDisk, copyZipAttachments } from '../attachments/attachment-bytes.ts';
import type { CaseSession } from '../case/case-session.ts';
import { refreshIndexMarkers } from '../markers/index-markers.ts';
import type { TaskHandle } from '../tasks/task-manager.ts';
import { ocrFiles } from './ocr-files.ts';
import { ocrLanguage } from './ocr-language.ts';
import type { OcrSettings } from './ocr-options.ts';

export interface OcrCaseSummary {
  images: number;
  recognised: number;
  failed: number;
  skipped: number;
  /** Each image not read (failed or not reachable), named, with why: the import summary shows them as it shows a failed source. */
  failures: { file: string; error: { code: string; message: string } }[];
}

const PAGE = 200;

/**
 * OCRs every image of the case that has no result yet (attachments, screenshot folders), on the
 * OCR pool. Each result is stored with its provenance, appended to its message's searchable
 * words (has:ocr), language-detected and marker-tagged. A failing image is recorded and skipped.
 */
export async function ocrCase(session: CaseSession, settings: OcrSettings, task: TaskHandle): Promise<OcrCaseSummary> {
  const summary: OcrCaseSummary = { images: 0, recognised: 0, failed: 0, skipped: 0, failures: [] };
  const tagger = createMarkerTagger();
  let endDerivedWrites: (() => void) | null = null;
  try {
    for (;;) {
      const listed = await session.db.client.call('ocrPending', { limit: PAGE });
      // Nothing was waiting: no index write, no custody entry for a run that read nothing.
      if (listed.length === 0 && summary.images === 0) return summary;
      if (listed.length === 0) break;
      endDerivedWrites ??= session.index.beginDerivedWrites();
      const pending = await copyZipAttachments(session, listed);
      const located = pending.map((row) => ({ row, path: attachmentPathOnDisk(session.path, row) }));
      for (const { row } of located.filter((item) => item.path === null)) {
        summary.skipped++;
        const reason = 'the image bytes are inside a zip source or no longer on disk; not read by OCR in this version';
        summary.failures.push({ file: unreachedImageName(row), error: { code: 'E_NOT_FOUND', message: reason } });
        await session.db.client.call('storeOcrFailure', { attachmentId: row.attachmentId, code: 'E_NOT_FOUND', reason });
      }
      const ready = located.filter((item): item is { row: OcrPendingRow; path: string } => item.path !== null);
      summary.images += pending.length;
      // The first image also starts the OCR engine (seconds): said, rather than the task's "starting".
      if (ready.length > 0) task.progress(`reading text in ${ready.length} image(s)`, summary.recognised + summary.failed, null);
      const outcomes = await ocrFiles(
        ready.map((item) => item.path),
        { langs: settings.langs, tessdataDirs: settings.tessdataDirs },
        (progress) => task.progress(`reading text in images (${progress.file.split(/[/\\]/u).pop() ?? ''})`, summary.recognised + summary.failed + progress.done, null),
        task.signal,
      );
      const updates: { rowid: number; appendText: string; setFlags: number }[] = [];
      const retagged = new Set<number>();
      for (const [index, outcome] of outcomes.entries()) {
        const item = ready[index];
        if (item === undefined) continue;
        if (!outcome.ok) {
          summary.failed++;
          summary.failures.push({ file: item.path, error: { code: outcome.error.code, message: outcome.error.message } });
          await session.db.client.call('storeOcrFailure', { attachmentId: item.row.attachmentId, code: outcome.error.code, reason: outcome.error.message });
          continue;
        }
        summary.recognised++;
        const { result } = outcome;
        // Only the words OCR is sure enough of are searched, tagged and given a language
        // (shared/domain/ocr-searchable.ts); the stored result keeps every word it read.
        const searchable = result.searchableText;
        const language = ocrLanguage(result);
        await session.db.client.call('storeOcr', {
          result: {
            attachmentId: item.row.attachmentId,
            messageRowid: item.row.messageRowid,
            text: result.text,
            searchableText: searchable,
            confidence: result.confidence,
            lang: language.lang,
            words: result.words,
            engine: { ...result.engine },
            traineddata: result.traineddata.map((data) => ({ ...data })),
            parameters: { ...result.parameters },
            tookMs: result.tookMs,
            createdAt: new Date().toISOString(),
          },
        });
        if (searchable.trim() === '') continue;
        updates.push({ rowid: item.row.messageRowid, appendText: searchable, setFlags: DOC_FLAGS.ocr });
        // A message keeps one set of indicators read from its images (tags are unique per message,
        // marker and origin, and storing replaces them): tag the searched text of all its images as
        // search shows it (ocrTextsForRowids), so a second photo never wipes the first one's.
        const [messageOcr] = await session.db.client.call('ocrTextsForRowids', { rowids: [item.row.messageRowid] });
        const messageText = messageOcr?.[1] ?? searchable;
        const messageLanguage = messageText === searchable ? language : detectLanguage(messageText);
        const tags = tagger.tag(messageText, messageLanguage.lang === 'und' ? undefined : messageLanguage.lang);
        await session.db.client.call('storeTagResults', {
          origin: 'ocr',
          tagger: MARKER_TAGGER_NAME,
          // Identifiers read from images add up (an 'ocr' store deletes none), so this image's own.
          results: [{ rowid: item.row.messageRowid, tags: tags.map((tag) => ({ marker: tag.marker, score: tag.score, spans: tag.spans, rule: tag.rule, rules: tag.rules, lang: tag.lang, packVersion: tag.packVersion })), identifiers: extractIdentifiers(searchable) }],
        });
        retagged.add(item.row.messageRowid);
      }
      await session.index.update(updates);
      // Stored indicators may have gone as well as come (a benign context in the second photo), so every retagged message is told.
      await refreshIndexMarkers(session, [...retagged]);
    }
  } finally {
    endDerivedWrites?.();
  }
  const sources = await session.db.client.call('importedSourceIds', {});
  await session.index.persist(sources);
  // The custody log keeps the counts, as before; each failure is already stored with its image.
  const { failures: _failures, ...counts } = summary;
  session.audit.append(session.actor, 'ocr.finished', { ...counts, langs: settings.langs, tessdataDirs: settings.tessdataDirs });
  return summary;
}

/** An image with no bytes on disk, named by its source and the attachment's name there. */
function unreachedImageName(row: OcrPendingRow): string {
  const source = row.sourcePath ?? row.sourceFile;
  const name = row.storedPath ?? row.fileName;
  return name === null ? source : `${source}!${name}`;
}
