/**
 * Chats the owner cleared ("Clear chat"): WhatsApp does not delete their rows at once but writes a
 * `deleted_chat_job` row (chat, and the sort_id up to which messages go; starred ones up to their
 * own bound) and hides the rows its views exclude (`message.sort_id <= job.deleted_message_row_id`,
 * WhatsApp's own available-message view; a real msgstore.db schema dump holds the table), purging
 * them later. Until then the rows are in the database, and an importer that read them as live would
 * show the court messages the owner had deleted as if they were on the phone. [belief for starred
 * messages: kept unless `deleted_starred_message_row_id` covers them, as "keep starred" offers. A
 * clear limited to media categories has bounds of its own (`deleted_categories_message_row_id` with
 * `deleted_message_categories`): which rows a category covers is not documented, so those are not
 * applied.]
 */

import type { Database } from 'sql.js';
import { columnsOf, hasTable, integerValue, rowidOf, scanRows, selectExpressions } from '../sqlite/index.ts';

export interface ClearJob {
  jobRowId: number;
  upToSortId: number;
  starredUpToSortId: number | null;
}

/** The clear jobs by chat row (new layout): every one, since a row any of them covers is hidden. */
export function loadClearJobs(db: Database, onError: (message: string) => void): Map<number, ClearJob[]> {
  const jobs = new Map<number, ClearJob[]>();
  if (!hasTable(db, 'deleted_chat_job')) return jobs;
  const columns = columnsOf(db, 'deleted_chat_job');
  if (!columns.has('chat_row_id') || !columns.has('deleted_message_row_id')) return jobs;
  const select = selectExpressions(columns, 't', ['chat_row_id', 'deleted_message_row_id', 'deleted_starred_message_row_id']);
  for (const row of scanRows(db, { table: 'deleted_chat_job', select }, (message) => onError(`deleted_chat_job: ${message}`))) {
    const chat = integerValue(row['chat_row_id']);
    const upTo = integerValue(row['deleted_message_row_id']);
    if (chat === null || upTo === null) continue;
    const job: ClearJob = { jobRowId: rowidOf(row), upToSortId: upTo, starredUpToSortId: integerValue(row['deleted_starred_message_row_id']) };
    // A chat cleared twice (once with its starred messages, once keeping them) has two jobs, each
    // covering rows the other does not: all are kept.
    jobs.set(chat, [...(jobs.get(chat) ?? []), job]);
  }
  return jobs;
}

/** The job that hides a message of `chatRowId` at `sortId`, or null when none does. */
export function clearJobCovering(jobs: ReadonlyMap<number, readonly ClearJob[]>, chatRowId: number | null, sortId: number | null, starred: boolean): ClearJob | null {
  if (chatRowId === null || sortId === null) return null;
  return (jobs.get(chatRowId) ?? []).find((job) => sortId <= job.upToSortId && (!starred || (job.starredUpToSortId !== null && sortId <= job.starredUpToSortId))) ?? null;
}
