import { describe, expect, it } from 'vitest';
import type { ConversationSummary } from '../../../shared/domain/message.ts';
import type { SourceRecord } from '../../../shared/domain/source.ts';
import { namesakeSources } from '../../../renderer/src/features/conversations/state/namesake-sources.ts';

/**
 * Two conversations with one title and no device to tell them apart (two SMS backups, each with
 * the bank's short code) were two identical rows of the list; each now names its source file.
 */
function conversation(id: string, title: string, sourceIds: string[], devices: string[] = []): ConversationSummary {
  return { id, sourceIds, devices, title, kind: 'private', messageCount: 1, unparsedCount: 0, participants: [title], firstTimestamp: null, lastTimestamp: null, outOfTimeOrder: 0 };
}

function source(id: string, displayName: string): SourceRecord {
  return { id, displayName, status: 'imported' } as SourceRecord;
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

  it('regression: tells apart source files of one name by their paths, and files of one path by their hashes', () => {
    // Two phones' msgstore.db, no device declared: each "Boss" named "msgstore.db", and the two
    // rows stayed identical (the display name is the file's name alone).
    const sources = [
      { id: 'p1', displayName: 'msgstore.db', path: '/evidence/phone-1/msgstore.db', sha256: 'a'.repeat(64) },
      { id: 'p2', displayName: 'msgstore.db', path: '/evidence/phone-2/msgstore.db', sha256: 'b'.repeat(64) },
      { id: 'p3', displayName: 'chat.txt', path: '/evidence/chat.txt', sha256: 'c'.repeat(64) },
      { id: 'p4', displayName: 'chat.txt', path: '/evidence/chat.txt', sha256: 'd'.repeat(64) },
      { id: 'p5', displayName: 'backup.xml', path: '/evidence/backup.xml', sha256: 'e'.repeat(64) },
      // A failed attempt at a file is not another file of its name.
      { id: 'p6', displayName: 'backup.xml', path: '/evidence/backup.xml', sha256: 'e'.repeat(64), status: 'failed' },
    ].map((each) => ({ status: 'imported', ...each })) as SourceRecord[];
    const names = namesakeSources(
      [conversation('a', 'Boss', ['p1']), conversation('b', 'Boss', ['p2']), conversation('c', 'Ana', ['p3']), conversation('d', 'Ana', ['p4', 'p5'])],
      sources,
    );
    expect([...names]).toEqual([
      ['a', '/evidence/phone-1/msgstore.db'],
      ['b', '/evidence/phone-2/msgstore.db'],
      ['c', `/evidence/chat.txt (sha256 ${'c'.repeat(12)})`],
      ['d', `/evidence/chat.txt (sha256 ${'d'.repeat(12)}), backup.xml`],
    ]);
  });
});
