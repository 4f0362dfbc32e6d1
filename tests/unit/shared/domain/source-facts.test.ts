import { describe, expect, it } from 'vitest';
import { humanise, MAX_FACT_TEXT, notableFacts, sourceFacts } from '../../../../shared/domain/source-facts.ts';

describe('source facts (a message’s extra, for people)', () => {
  it('lists every key the importer kept, in its order, labelled, with values as text', () => {
    const facts = sourceFacts({
      receivedAt: '2023-11-14T22:13:20.000Z',
      forwarded: true,
      read: false,
      messageTypeCode: 7,
      reactions: [{ emoji: '👍', sender: 'Ana' }],
      replyTo: null,
      unparsedReason: 'no header',
      nothing: undefined,
    });
    expect(facts).toEqual([
      { key: 'receivedAt', label: 'received at', text: '2023-11-14T22:13:20.000Z' },
      { key: 'forwarded', label: 'forwarded', text: 'yes' },
      { key: 'read', label: 'read', text: 'no' },
      { key: 'messageTypeCode', label: 'message type code', text: '7' },
      { key: 'reactions', label: 'reactions', text: '[{"emoji":"👍","sender":"Ana"}]' },
      { key: 'replyTo', label: 'reply to', text: '(none)' },
      { key: 'unparsedReason', label: 'why it is kept raw', text: 'no header' },
    ]);
    expect(sourceFacts(null)).toEqual([]);
  });

  it('cuts a long value in the list and says how long it was', () => {
    const [fact] = sourceFacts({ quote: 'x'.repeat(MAX_FACT_TEXT + 20) });
    expect(fact?.text).toBe(`${'x'.repeat(MAX_FACT_TEXT)}… (${MAX_FACT_TEXT + 20} characters)`);
  });

  it('turns names as importers write them into words', () => {
    expect(['mediaPathInDatabase', 'senderLid', 'HTMLBody', 'sub_id', 'textChars'].map(humanise)).toEqual(['media path in database', 'sender lid', 'html body', 'sub id', 'text chars']);
  });

  it('gives badges for the facts that change how a message reads', () => {
    expect(notableFacts({ forwarded: true, starred: false, viewOnce: true, disappearing: { durationSeconds: 604800, expiresAt: null }, textChars: 2_000_000 })).toEqual([
      'forwarded',
      'view once',
      'sent to disappear after 7 days',
      'text cut in the case',
    ]);
    expect(notableFacts({ disappearing: { durationSeconds: 5400, expiresAt: null } })).toEqual(['sent to disappear after 5400 seconds']);
    expect(notableFacts({ disappearing: { durationSeconds: 3600 } })).toEqual(['sent to disappear after 1 hour']);
    expect(notableFacts({ forwarded: 'yes' })).toEqual([]);
    expect(notableFacts(null)).toEqual([]);
  });

  it('says an outgoing message the source does not record as sent is not sent (regression: a Google Messages draft, queued or failed message looked sent)', () => {
    const queued = { status: 'OUTGOING_YET_TO_SEND', notYetSent: true, notSentNote: 'Not recorded as sent in this database: waiting to be sent (message_status 4, OUTGOING_YET_TO_SEND). …' };
    expect(notableFacts(queued)).toEqual(['not recorded as sent']);
    expect(notableFacts({ draft: true, notSentNote: 'Not recorded as sent in this database: a draft, never sent (message_status 3, OUTGOING_DRAFT). …' })).toEqual(['not recorded as sent']);
    expect(notableFacts({ notYetSent: true })).toEqual(['not recorded as sent']);
    expect(notableFacts({ status: 'OUTGOING_COMPLETE', notYetSent: false })).toEqual([]);
    expect(sourceFacts(queued).find((fact) => fact.key === 'notSentNote')?.label).toBe('why it is not recorded as sent');
  });

  it('says an attachment is hidden in the app, or its transfer not finished (iOS sms.db attachment facts, which the list may cut)', () => {
    const attachmentFacts = [{ guid: 'A1', transferState: 5 }, { guid: 'A2', hidden: true, hideAttachment: 1 }, { guid: 'A3', transferState: 0, transferNotFinished: true }];
    expect(notableFacts({ attachmentFacts })).toEqual(['attachment hidden in the app', 'attachment transfer not finished']);
    expect(notableFacts({ attachmentFacts: [{ guid: 'A1', transferState: 5 }] })).toEqual([]);
    expect(notableFacts({ attachmentFacts: 'hidden' })).toEqual([]);
  });

  it('says in words that a text is the importer\'s, not anyone\'s (extra.textGenerated), beside the text as stored', () => {
    expect(sourceFacts({ textGenerated: true, storedText: { column: 'text_data', text: 'Dock crew' } })).toEqual([
      { key: 'textGenerated', label: 'text written by the importer (not stored as anyone’s words)', text: 'yes' },
      { key: 'storedText', label: 'text as the source stored it', text: '{"column":"text_data","text":"Dock crew"}' },
    ]);
  });
});
