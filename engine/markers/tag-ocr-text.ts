import { AppError } from '../../shared/errors.ts';
import { detectLanguage } from '../../shared/language/detect.ts';
import type { CaseSession } from '../case/case-session.ts';
import { refreshIndexMarkers } from './index-markers.ts';

const PAGE = 2000;
const BATCH = 500;

/**
 * Tags the text read from images again, on the tag worker pool, as tagSource does message text:
 * each message's searched OCR text, all its images joined as the OCR task tags it and search
 * shows it (ocrTextsToTag; words OCR was unsure of were never searched nor tagged:
 * shared/domain/ocr-searchable.ts). Its 'ocr' indicators are replaced (analyst decisions are
 * kept apart and survive) and the index told. Identifiers read from images are left as they are:
 * an 'ocr' store adds identifiers, so giving it those found again would count them twice.
 * Returns how many messages were tagged.
 */
export async function tagOcrText(session: CaseSession, signal: AbortSignal, onProgress: (done: number) => void): Promise<number> {
  const pool = session.tagPool();
  let afterRowid = 0;
  let done = 0;
  for (;;) {
    if (signal.aborted) throw new AppError('E_CANCELLED', 'Tagging cancelled');
    const page = await session.db.client.call('ocrTextsToTag', { afterRowid, limit: PAGE });
    const last = page[page.length - 1];
    if (last === undefined) break;
    // The language the OCR task tagged with: the image's own, or that of the joined text of several.
    const items = page.map((message) => ({ rowid: message.rowid, text: message.text, lang: message.lang ?? detectLanguage(message.text).lang }));
    const batches: (typeof items)[] = [];
    for (let start = 0; start < items.length; start += BATCH) batches.push(items.slice(start, start + BATCH));
    const outcomes = await Promise.all(batches.map((batch) => pool.call('tag', { items: batch }, { signal })));
    for (const outcome of outcomes) {
      const results = outcome.results.map((result) => ({ ...result, identifiers: [] }));
      await session.db.client.call('storeTagResults', { origin: 'ocr', results, tagger: `${outcome.tagger.tool} ${outcome.tagger.toolVersion}` });
      await refreshIndexMarkers(session, results.map((result) => result.rowid));
    }
    done += page.length;
    onProgress(done);
    afterRowid = last.rowid;
  }
  return done;
}
