import { describe, expect, it } from 'vitest';
import { chatId } from '../../../../workers/import/chat-identity.ts';
import type { ChatScope } from '../../../../workers/import/chat-identity.ts';

/** ADR 0014: which sources' chats are one conversation. */
const phoneA: ChatScope = { format: 'sms-backup-restore-xml', sha256: 'a'.repeat(64), path: '/evidence/phone-a/sms.xml', device: null };
const phoneB: ChatScope = { ...phoneA, sha256: 'b'.repeat(64), path: '/evidence/phone-b/sms.xml' };
const sameFolder: ChatScope = { ...phoneB, path: '/evidence/phone-a/sms-later.xml' };
const contact = { key: 'sms:+40712345678', mergeKey: 'sms:+40712345678' };

describe('chatId', () => {
  it('keeps a merge-keyed chat to its source when no device was declared', () => {
    expect(chatId(phoneA, contact)).not.toBe(chatId(phoneB, contact));
    expect(chatId(phoneA, contact)).not.toBe(chatId(sameFolder, contact));
  });

  it('merges across sources declared as one device, the name compared as a person reads it', () => {
    expect(chatId({ ...phoneA, device: 'Exhibit JS/1' }, contact)).toBe(chatId({ ...phoneB, device: ' exhibit  js/1' }, contact));
    expect(chatId({ ...phoneA, device: 'Phone 1' }, contact)).not.toBe(chatId({ ...phoneB, device: 'Phone 2' }, contact));
  });

  it('merges the parts of a split export within their folder only', () => {
    const part = { ...contact, mergeWithinFolder: true };
    expect(chatId(phoneA, part)).toBe(chatId(sameFolder, part));
    expect(chatId(phoneA, part)).not.toBe(chatId(phoneB, part));
  });

  it('never merges a chat without a merge key, whatever the device', () => {
    const plain = { key: 'chat-1' };
    expect(chatId({ ...phoneA, device: 'Phone 1' }, plain)).not.toBe(chatId({ ...phoneB, device: 'Phone 1' }, plain));
    expect(chatId(phoneA, plain)).toBe(chatId(phoneA, plain));
  });

  it('keeps formats apart', () => {
    const device = 'Phone 1';
    expect(chatId({ ...phoneA, device }, contact)).not.toBe(chatId({ ...phoneB, device, format: 'android-mmssms-db' }, contact));
  });
});
