import type { CaseSession } from '../case/case-session.ts';

/**
 * Tells the index every marker a message now carries, from the message text and from the OCR
 * text of its image alike (the index keeps one marker set per message).
 */
export async function refreshIndexMarkers(session: CaseSession, rowids: number[]): Promise<void> {
  if (rowids.length === 0) return;
  const tags = new Map(await session.db.client.call('tagsForRowids', { rowids }));
  await session.index.update(rowids.map((rowid) => ({ rowid, markers: [...new Set((tags.get(rowid) ?? []).map((tag) => tag.marker))] })));
}
