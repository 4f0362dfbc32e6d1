/**
 * Polls in the new Android layout. The question is the poll row's text_data; its options are rows
 * of `message_poll_option` (option_name, vote_total as WhatsApp counted it), and each vote is a
 * `message_add_on` row (type 67, who and when) whose chosen options are listed in
 * `message_add_on_poll_vote_selected_option` [source: the app's own queries
 * GET_MESSAGE_POLL_OPTION_SQL and GET_MESSAGE_ADD_ON_POLL_VOTE_SELECTED_OPTION_SQL; no sample holds
 * a poll]. Read once, in one pass each, and handed to the poll's message.
 */

import type { Database, SqlValue } from 'sql.js';
import { columnsOf, flagValue, hasTable, integerValue, rowidOf, scanRows, selectExpressions, textValue } from '../sqlite/index.ts';
import type { JidBook, ResolvedJid } from './jids.ts';

/** One vote row as stored: a person who chose this option, and when. A changed vote keeps its older rows. */
export interface WaPollVote {
  fromMe: boolean;
  /** Who voted, when the row says (groups); null in a private chat, where it is the other person. */
  sender: ResolvedJid | null;
  timestamp: SqlValue;
  /** Its message_add_on rowid: where the vote lies in the database. */
  addOnRowId: number;
}

export interface WaPollOption {
  optionRowId: number;
  name: string | null;
  /** message_poll_option.vote_total, as WhatsApp stored it. */
  voteTotal: number | null;
  voters: WaPollVote[];
}

/** Options per poll and votes per option: a hostile table still cannot make one poll unbounded. */
const MAX_POLL_ROWS = 5000;

/** The options of every poll, by the poll's message rowid, each with the votes that chose it. */
export function loadPolls(db: Database, jids: JidBook, onError: (message: string) => void): Map<number, WaPollOption[]> {
  const byPoll = new Map<number, WaPollOption[]>();
  if (!hasTable(db, 'message_poll_option') || !columnsOf(db, 'message_poll_option').has('message_row_id')) return byPoll;
  const votes = loadVotes(db, jids, onError);
  const select = selectExpressions(columnsOf(db, 'message_poll_option'), 't', ['message_row_id', 'option_name', 'vote_total']);
  for (const row of scanRows(db, { table: 'message_poll_option', select }, (message) => onError(`message_poll_option: ${message}`))) {
    const poll = integerValue(row['message_row_id']);
    if (poll === null) continue;
    const options = byPoll.get(poll) ?? [];
    const optionRowId = rowidOf(row);
    if (options.length < MAX_POLL_ROWS) options.push({ optionRowId, name: textValue(row['option_name']), voteTotal: integerValue(row['vote_total']), voters: votes.get(optionRowId) ?? [] });
    byPoll.set(poll, options);
  }
  return byPoll;
}

/** The vote rows, by the option they chose. */
function loadVotes(db: Database, jids: JidBook, onError: (message: string) => void): Map<number, WaPollVote[]> {
  const byOption = new Map<number, WaPollVote[]>();
  const chosen = 'message_add_on_poll_vote_selected_option';
  if (!hasTable(db, chosen) || !hasTable(db, 'message_add_on')) return byOption;
  const chosenColumns = columnsOf(db, chosen);
  if (!chosenColumns.has('message_add_on_row_id') || !chosenColumns.has('message_poll_option_id') || !columnsOf(db, 'message_add_on').has('_id')) return byOption;
  const select = [
    ...selectExpressions(chosenColumns, 't', ['message_poll_option_id']),
    ...selectExpressions(columnsOf(db, 'message_add_on'), 'a', ['_id', 'from_me', 'sender_jid_row_id', 'timestamp'], 'a_'),
  ];
  const scan = { table: chosen, select, joins: 'JOIN message_add_on AS a ON a._id = t.message_add_on_row_id' };
  for (const row of scanRows(db, scan, (message) => onError(`${chosen}: ${message}`))) {
    const option = integerValue(row['message_poll_option_id']);
    const addOnRowId = integerValue(row['a__id']);
    if (option === null || addOnRowId === null) continue;
    const list = byOption.get(option) ?? [];
    if (list.length < MAX_POLL_ROWS) list.push({ fromMe: flagValue(row['a_from_me']), sender: jids.resolve(integerValue(row['a_sender_jid_row_id'])), timestamp: row['a_timestamp'] ?? null, addOnRowId });
    byOption.set(option, list);
  }
  return byOption;
}
