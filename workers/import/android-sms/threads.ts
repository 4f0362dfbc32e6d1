/**
 * Conversations of the Android telephony provider: `threads.recipient_ids` lists ids of
 * `canonical_addresses`, one per participant other than the phone's owner.
 */

import type { Database } from 'sql.js';
import type { ParsedChat } from '../../../shared/contracts/parsed-source.ts';
import type { ChatRegistry } from '../sqlite/index.ts';
import { columnsOf, hasTable, scanRows, selectExpressions, textValue, integerValue } from '../sqlite/index.ts';
import { membersTitle } from '../members-title.ts';

export interface ThreadBook {
  /**
   * The chat key of a message, announcing its chat to the sink the first time. `addresses` are the
   * message's own (other than the owner's), the one it is grouped by first: they describe its
   * conversation when the thread has no `threads` row.
   */
  chatKeyFor(threadId: number | null, addresses: readonly string[]): string;
  /**
   * The one thread whose only recipient is this address (as written), or null when there is none
   * or more than one: for a row that names no thread (a part of a multipart SMS in `raw`).
   */
  threadOfAddress(address: string): number | null;
  threadCount: number;
}

/** Reads threads and canonical addresses (both small) and returns the lookup for messages. */
export function loadThreads(db: Database, registry: ChatRegistry, onError: (message: string) => void): ThreadBook {
  const addresses = new Map<number, string>();
  if (hasTable(db, 'canonical_addresses')) {
    const select = selectExpressions(columnsOf(db, 'canonical_addresses'), 't', ['_id', 'address']);
    for (const row of scanRows(db, { table: 'canonical_addresses', select }, (message) => onError(`canonical_addresses: ${message}`))) {
      const id = integerValue(row['_id']);
      const address = textValue(row['address']);
      if (id !== null && address !== null) addresses.set(id, address);
    }
  }
  const threads = new Map<number, string[]>();
  if (hasTable(db, 'threads')) {
    const select = selectExpressions(columnsOf(db, 'threads'), 't', ['_id', 'recipient_ids']);
    for (const row of scanRows(db, { table: 'threads', select }, (message) => onError(`threads: ${message}`))) {
      const id = integerValue(row['_id']);
      if (id === null) continue;
      const ids = (textValue(row['recipient_ids']) ?? '').split(/\s+/u).filter((part) => part !== '');
      threads.set(id, ids.map((part) => addresses.get(Number(part)) ?? `(unknown address ${part})`));
    }
  }

  /** Threads by their only recipient (null where two threads have the same one), made when first asked. */
  let bySoleRecipient: Map<string, number | null> | null = null;
  return {
    threadCount: threads.size,
    threadOfAddress(address) {
      // Built once: looking through every thread for each row took minutes for a raw table of thousands of rows.
      bySoleRecipient ??= soleRecipientThreads(threads);
      return bySoleRecipient.get(address) ?? null;
    },
    chatKeyFor(threadId, addresses) {
      if (threadId !== null) {
        const key = `thread:${threadId}`;
        registry.ensure(key, () => threadChat(key, threads.get(threadId) ?? null, threadId, addresses));
        return key;
      }
      const address = addresses[0] ?? null;
      // A message without a thread (a damaged or hand-edited row): group it by its address.
      const key = `address:${address ?? 'unknown'}`;
      registry.ensure(key, () => ({ key, title: address ?? 'Unknown address', kind: 'private', participants: address === null ? [] : [{ name: null, id: address }] }));
      return key;
    },
  };
}

function threadChat(key: string, recipients: string[] | null, threadId: number, messageAddresses: readonly string[]): ParsedChat {
  // A thread's messages all share its recipient set, so one message's addresses describe it.
  const people = recipients ?? [...messageAddresses];
  return {
    key,
    title: people.length > 0 ? membersTitle(people) : `Thread ${threadId}`,
    kind: people.length > 1 ? 'group' : people.length === 1 ? 'private' : 'unknown',
    participants: people.map((id) => ({ name: null, id })),
  };
}

/** Each address that is the only recipient of threads, with its thread, or null when it is of more than one. */
function soleRecipientThreads(threads: ReadonlyMap<number, readonly string[]>): Map<string, number | null> {
  const found = new Map<string, number | null>();
  for (const [id, recipients] of threads) {
    const [only] = recipients;
    if (recipients.length !== 1 || only === undefined) continue;
    found.set(only, found.has(only) ? null : id);
  }
  return found;
}
