import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { call, modelType, report } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A group call (WhatsApp, Signal, Telegram) lists every other party. Its conversation is the
 * group of them, not the first one named: a call with Nadia, Ion and Vlad is not a call with
 * Nadia alone. Two parties without a known owner stay one call with the first of them.
 */
const ME = '+40700000001';
const T = '2024-11-03T19:47:14.000+00:00';

async function chatsOf(decoded: string[]) {
  const result = await runParser(ufdrReportParser, inputFromText(report({ decoded }), { displayName: 'report.xml' }));
  return { chats: result.chats.filter((chat) => chat.key.startsWith('calls:')), messages: result.messages };
}

describe('Cellebrite group calls', () => {
  it('makes a call with several other parties a group conversation of all of them', async () => {
    const { chats, messages } = await chatsOf([
      modelType('Call', [
        call({ id: 'g1', type: 'Outgoing', time: T, duration: '00:05:00', source: 'WhatsApp', parties: [{ id: ME, role: 'From', owner: true }, { id: '+40711111111', name: 'Nadia', role: 'To' }, { id: '+40722222222', name: 'Ion', role: 'To' }, { id: '+40733333333', name: 'Vlad', role: 'To' }] }),
        call({ id: 'g2', type: 'Incoming', time: T, duration: '00:01:00', source: 'WhatsApp', parties: [{ id: '+40722222222', name: 'Ion', role: 'From' }, { id: ME, role: 'To', owner: true }, { id: '+40711111111', name: 'Nadia', role: 'To' }, { id: '+40733333333', name: 'Vlad', role: 'To' }] }),
      ]),
    ]);
    expect(chats).toHaveLength(1);
    expect(chats[0]).toMatchObject({ kind: 'group', title: 'Calls: Nadia, Ion, Vlad' });
    expect(chats[0]?.participants?.map((participant) => participant.id)).toEqual(['+40711111111', '+40722222222', '+40733333333']);
    expect(messages.map((message) => [message.extra?.['modelId'], message.chatKey, message.sender, message.direction])).toEqual([
      ['g1', chats[0]?.key, ME, 'outgoing'],
      ['g2', chats[0]?.key, 'Ion', 'incoming'],
    ]);
  });

  it('keeps a one-to-one call, and two parties with no owner known, as a private conversation', async () => {
    const { chats } = await chatsOf([
      modelType('Call', [
        call({ id: 'p1', type: 'Outgoing', time: T, duration: '00:05:00', parties: [{ id: ME, role: 'From', owner: true }, { id: '+40711111111', name: 'Nadia', role: 'To' }] }),
        call({ id: 'p2', type: '', time: T, duration: '00:01:00', parties: [{ id: '+40755555555', name: 'Dan', role: 'From' }, { id: '+40766666666', name: 'Eva', role: 'To' }] }),
      ]),
    ]);
    expect(chats.map((chat) => [chat.title, chat.kind])).toEqual([
      ['Calls: Nadia (+40711111111)', 'private'],
      ['Calls: Dan (+40755555555)', 'private'],
    ]);
  });
});
