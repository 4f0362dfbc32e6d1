import { describe, expect, it } from 'vitest';
import { addParticipants, conversationParticipants, participantLabel } from '../../../../shared/domain/participants.ts';
import type { ParsedParticipant } from '../../../../shared/contracts/parsed-source.ts';

describe('conversation participants', () => {
  it('lists the senders as written, then the named participants who did not send, with their identifiers', () => {
    const senders = [
      { sender: 'Ana <ana@x.example>', senderId: 'ana@x.example' },
      { sender: 'Dorin', senderId: '+40712345678' },
      { sender: 'Ion', senderId: null },
    ];
    const declared: ParsedParticipant[] = [
      { name: 'Ana', id: 'ANA@x.example', label: 'Ana <ANA@x.example>' },
      { name: 'Dorin D.', id: '+40712345678' },
      { name: 'Ion', id: '+40700000000' },
      { name: 'Dan', id: 'dan@y.example', label: 'Dan <dan@y.example>' },
      { name: 'Maria', id: '+40711111111' },
      { name: null, id: '+40722222222' },
      { name: 'Eva' },
      { name: null, id: null },
      { name: 'Dan', id: 'dan@y.example', label: 'Dan <dan@y.example>' },
    ];
    expect(conversationParticipants(senders, declared)).toEqual(['Ana <ana@x.example>', 'Dorin', 'Ion', 'Dan <dan@y.example>', 'Maria (+40711111111)', '+40722222222', 'Eva']);
  });

  it('names a sender once when it was seen with one identifier and without any', () => {
    expect(conversationParticipants([{ sender: 'Ana', senderId: null }, { sender: 'Ana', senderId: '+401' }], [])).toEqual(['Ana']);
  });

  it('labels a participant by the format’s label, else name and identifier', () => {
    expect(participantLabel({ name: 'Ana', id: 'ana@x', label: 'Ana <ana@x>' })).toBe('Ana <ana@x>');
    expect(participantLabel({ name: 'Ana', id: '+401' })).toBe('Ana (+401)');
    expect(participantLabel({ name: '+401', id: '+401' })).toBe('+401');
    expect(participantLabel({ name: '', id: '' })).toBeNull();
  });

  it('adds only participants not already listed (e-mail addresses compared without case)', () => {
    const list: ParsedParticipant[] = [{ name: 'Ana', id: 'ana@x' }];
    expect(addParticipants(list, [{ name: 'Ana P', id: 'ANA@x' }, { name: 'Eva' }, { name: 'Eva' }])).toBe(true);
    expect(addParticipants(list, [{ name: 'Eva' }])).toBe(false);
    expect(list).toEqual([{ name: 'Ana', id: 'ana@x' }, { name: 'Eva' }]);
  });

  it('never takes two identifiers that differ only in case for one person where case tells people apart (regression: RSMF P2 and p2 were one)', () => {
    // RSMF manifest-local ids, alone or qualified by the manifest (rsmf/manifest-directory.ts localId), and Telegram user ids.
    const declared: ParsedParticipant[] = [
      { name: 'Pat', id: 'P2' },
      { name: 'Paul', id: 'p2' },
      { name: 'Vera', id: 'V1@rsmf-manifest:3fa2b1c9d0e4' },
      { name: 'Vlad', id: 'v1@rsmf-manifest:3fa2b1c9d0e4' },
      { name: 'Tom', id: 'userAbc' },
      { name: 'Tim', id: 'userabc' },
    ];
    expect(conversationParticipants([{ sender: 'Pat', senderId: 'P2' }], declared)).toEqual(['Pat', 'Paul (p2)', 'Vera (V1@rsmf-manifest:3fa2b1c9d0e4)', 'Vlad (v1@rsmf-manifest:3fa2b1c9d0e4)', 'Tom (userAbc)', 'Tim (userabc)']);
    const list: ParsedParticipant[] = [];
    expect(addParticipants(list, declared)).toBe(true);
    expect(list).toEqual(declared);
  });

  it('still takes an e-mail address, a WhatsApp jid or a UUID written in another case for the same one (their standards ignore case)', () => {
    const senders = [
      { sender: 'Ana', senderId: 'ana@x.example' },
      { sender: 'Bob', senderId: '4915100000001@s.whatsapp.net' },
      { sender: 'Cy', senderId: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' },
    ];
    const declared: ParsedParticipant[] = [
      { name: 'Ana P', id: 'Ana@X.Example' },
      { name: 'Bobby', id: '4915100000001@S.WhatsApp.net' },
      { name: 'Cyrus', id: '3F2504E0-4F89-41D3-9A0C-0305E82C3301' },
    ];
    expect(conversationParticipants(senders, declared)).toEqual(['Ana', 'Bob', 'Cy']);
    const list: ParsedParticipant[] = [{ name: 'Cy', id: '3f2504e0-4f89-41d3-9a0c-0305e82c3301' }];
    expect(addParticipants(list, [{ name: 'Cyrus', id: '3F2504E0-4F89-41D3-9A0C-0305E82C3301' }])).toBe(false);
  });

  it('shows two people with the same name and different identifiers as two (regression: listed once)', () => {
    const senders = [
      { sender: 'Ana', senderId: '+40711111111' },
      { sender: 'Ana', senderId: '+40722222222' },
      { sender: 'Dan', senderId: '+40733333333' },
      { sender: 'Ion', senderId: null },
    ];
    const declared: ParsedParticipant[] = [
      // Another Dan who did not send: his identifier says he is not the Dan who did.
      { name: 'Dan', id: '+40744444444' },
      // Ion sent without an identifier: nothing says this is someone else.
      { name: 'Ion', id: '+40755555555' },
      { name: 'Ana', id: '+40722222222' },
    ];
    expect(conversationParticipants(senders, declared)).toEqual(['Ana (+40711111111)', 'Ana (+40722222222)', 'Dan', 'Ion', 'Dan (+40744444444)']);
  });

  it('takes one phone number written with spaces, dashes, dots or brackets for one person (regression: an SMS backup listed "Dorin (+40 712-345-678)" and "Dorin (+40712345678)")', () => {
    const senders = [
      { sender: 'Dorin', senderId: '+40 712-345-678' },
      { sender: 'Dorin', senderId: '+40712345678' },
      { sender: 'Petra', senderId: '(0722) 000.111' },
    ];
    const declared: ParsedParticipant[] = [
      { name: 'Petra', id: '0722000111' },
      { name: 'Dorin', id: '+40\u00a0712\u00a0345\u00a0678' },
    ];
    expect(conversationParticipants(senders, declared)).toEqual(['Dorin', 'Petra']);
    const list: ParsedParticipant[] = [{ name: 'Petra', id: '0722000111' }];
    expect(addParticipants(list, [{ name: 'Petra', id: '0722-000-111' }])).toBe(false);
  });

  it('keeps numbers apart when their digits or their international "+" differ: only the punctuation is set aside', () => {
    const senders = [
      { sender: 'Dorin', senderId: '+40712345678' },
      { sender: 'Dorin', senderId: '40712345678' },
      { sender: 'Dorin', senderId: '0712345678' },
      { sender: 'Dorin', senderId: '+44 (0) 20 7946 0000' },
      { sender: 'Dorin', senderId: '+44 20 7946 0000' },
    ];
    expect(conversationParticipants(senders, [])).toHaveLength(5);
  });
});
