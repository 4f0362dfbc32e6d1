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

  it('names a sender once however many identifiers it was seen with', () => {
    expect(conversationParticipants([{ sender: 'Ana', senderId: null }, { sender: 'Ana', senderId: '+401' }], [])).toEqual(['Ana']);
  });

  it('labels a participant by the format’s label, else name and identifier', () => {
    expect(participantLabel({ name: 'Ana', id: 'ana@x', label: 'Ana <ana@x>' })).toBe('Ana <ana@x>');
    expect(participantLabel({ name: 'Ana', id: '+401' })).toBe('Ana (+401)');
    expect(participantLabel({ name: '+401', id: '+401' })).toBe('+401');
    expect(participantLabel({ name: '', id: '' })).toBeNull();
  });

  it('adds only participants not already listed (identifiers compared without case)', () => {
    const list: ParsedParticipant[] = [{ name: 'Ana', id: 'ana@x' }];
    expect(addParticipants(list, [{ name: 'Ana P', id: 'ANA@x' }, { name: 'Eva' }, { name: 'Eva' }])).toBe(true);
    expect(addParticipants(list, [{ name: 'Eva' }])).toBe(false);
    expect(list).toEqual([{ name: 'Ana', id: 'ana@x' }, { name: 'Eva' }]);
  });
});
