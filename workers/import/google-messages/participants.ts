/**
 * bugle_db's `participants`: one row per phone number or address the app has seen, and one per
 * SIM of the phone itself (the "self" participants, whose sub_id is the SIM's subscription id).
 * Columns as AOSP Messaging's DatabaseHelper.ParticipantColumns defines them; ALEAPP's
 * googleMessages.py shows `display_destination` as the sender and `sub_id` deciding direction.
 */

import type { Database } from 'sql.js';
import type { ParsedParticipant } from '../../../shared/contracts/parsed-source.ts';
import { columnsOf, flagValue, hasTable, integerValue, nonEmptyText, scanRows, selectExpressions } from '../sqlite/index.ts';
import { isSelfSubId } from './bugle-codes.ts';

const PARTICIPANT_COLUMNS = ['_id', 'sub_id', 'normalized_destination', 'send_destination', 'display_destination', 'full_name', 'first_name', 'contact_destination', 'blocked'];

export interface BugleParticipant {
  id: number;
  subId: number | null;
  /** True for a SIM of the phone itself; null when the row has no sub_id to tell. */
  isSelf: boolean | null;
  /** The name the app resolved from the contacts (full_name, else first_name). */
  name: string | null;
  /** The number or address: normalized (E.164 where possible), else as sent, else as shown. */
  destination: string | null;
  displayDestination: string | null;
  blocked: boolean;
}

/** Participants by `_id` (a small table: one row per correspondent). */
export function loadParticipants(db: Database, onError: (message: string) => void): Map<number, BugleParticipant> {
  const participants = new Map<number, BugleParticipant>();
  if (!hasTable(db, 'participants')) return participants;
  const select = selectExpressions(columnsOf(db, 'participants'), 't', PARTICIPANT_COLUMNS);
  for (const row of scanRows(db, { table: 'participants', select }, (message) => onError(`participants: ${message}`))) {
    const id = integerValue(row['_id']);
    if (id === null) continue;
    const subId = integerValue(row['sub_id']);
    const displayDestination = nonEmptyText(row['display_destination']);
    participants.set(id, {
      id,
      subId,
      isSelf: isSelfSubId(subId),
      name: nonEmptyText(row['full_name']) ?? nonEmptyText(row['first_name']),
      destination: nonEmptyText(row['normalized_destination']) ?? nonEmptyText(row['send_destination']) ?? displayDestination ?? nonEmptyText(row['contact_destination']),
      displayDestination,
      blocked: flagValue(row['blocked']),
    });
  }
  return participants;
}

/** How a participant is listed in a chat: the resolved name and the number. */
export function asParsedParticipant(participant: BugleParticipant): ParsedParticipant {
  return { name: participant.name, id: participant.destination };
}
