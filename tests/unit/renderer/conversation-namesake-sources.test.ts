import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../../shared/domain/message.ts';
import type { SourceRecord } from '../../../shared/domain/source.ts';
import { namesakeSources } from '../../../renderer/src/features/conversations/state/namesake-sources.ts';

/**
 * Two conversations with one title and no device to tell them apart (two SMS backups, each with
 * the bank's short code) were two identical rows of the list; each now names its source file.
 */
function conversation(id: string, title: string, sourceIds: string[], devices: string[] = []): ConversationSummary {
  return { id, sourceIds, devices, title, kind: 'private', messageCount: 1, participants: [title], firstTimestamp: null, lastTimestamp: null, outOfTimeOrder: 0 };
}

function source(id: string, displayName: string): SourceRecord {
  return { id, displayName } as SourceRecord;
}

const SOURCES = [source('s1', 'backup.xml'), source('s2', 'sms-2023.xml'), source('s3', 'msgstore.db')];

describe('conversations the list would show alike', () => {
  it('names the source files of conversations with one title and the same devices, and of no other', () => {
    const conversations = [
      conversation('a', 'BANK-INFO', ['s1']),
      conversation('b', 'BANK-INFO', ['s2', 's1']),
      conversation('c', 'Dorin', ['s1']),
      conversation('d', 'Ana', ['s1'], ['Exhibit 1']),
      conversation('e', 'Ana', ['s3'], ['Exhibit 2']),
    ];
    const names = namesakeSources(conversations, SOURCES);
    expect([...names]).toEqual([['a', 'backup.xml'], ['b', 'backup.xml, sms-2023.xml']]);
  });
});
