import { describe, expect, it } from 'vitest';
import { metaMessagesParser } from '../../../../../workers/import/meta/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Meta DYI writes a call as a message of type "Call" with call_duration (and missed: true when
 * nobody answered), its content Meta's sentence. Like the other importers' calls it is a system
 * record with extra.recordType 'call' and its length; the sentence stays its text, and its sender
 * (the caller) gets a direction when the thread names the holder (here Mara, whom Dorin added).
 */

describe('Meta DYI: call events', () => {
  it('are call records: kind system, recordType call, duration and outcome, wording kept, direction from the caller', async () => {
    const json = `{"participants":[{"name":"Mara Ionescu"},{"name":"Dorin"}],"messages":[
        {"sender_name":"Dorin","timestamp_ms":1712340004000,"content":"see you","is_geoblocked_for_viewer":false},
        {"sender_name":"Mara Ionescu","timestamp_ms":1712340003000,"content":"Dorin missed your call.","type":"Call","call_duration":0,"missed":true},
        {"sender_name":"Dorin","timestamp_ms":1712340002000,"content":"The video chat ended.","type":"Call","call_duration":754},
        {"sender_name":"Dorin","timestamp_ms":1712340001000,"content":"Dorin added you to the group.","type":"Subscribe","users":[{"name":"Mara Ionescu"}]}
      ],"title":"Trip","thread_path":"inbox/trip_77"}`;
    const { messages } = await runParser(metaMessagesParser, inputFromText(json, { displayName: 'message_1.json' }));
    const rows = messages.map((message) => [message.kind, message.sender, message.direction, message.text, message.extra?.['recordType'] ?? null, message.extra?.['durationSeconds'] ?? null, message.extra?.['outcome'] ?? null]);
    expect(rows).toEqual([
      ['system', null, null, 'Dorin added you to the group.', null, null, null],
      ['system', 'Dorin', 'incoming', 'The video chat ended.', 'call', 754, 'answered'],
      ['system', 'Mara Ionescu', 'outgoing', 'Dorin missed your call.', 'call', 0, 'missed'],
      ['message', 'Dorin', 'incoming', 'see you', null, null, null],
    ]);
    expect(messages[2]?.extra).toMatchObject({ type: 'Call', call_duration: 0, missed: true });
  });

  it('keeps a call_duration that is not whole seconds as written, with no duration read', async () => {
    const json = `{"participants":[{"name":"A"},{"name":"B"}],"messages":[
        {"sender_name":"A","timestamp_ms":1712340001000,"content":"A called you.","type":"Call","call_duration":"12"}
      ],"title":"A","thread_path":"inbox/a_1"}`;
    const { messages } = await runParser(metaMessagesParser, inputFromText(json, { displayName: 'message_1.json' }));
    expect(messages[0]).toMatchObject({ kind: 'system', sender: 'A', text: 'A called you.' });
    expect(messages[0]?.extra).toMatchObject({ recordType: 'call', durationSeconds: null, outcome: 'unknown', call_duration: '12' });
  });
});
