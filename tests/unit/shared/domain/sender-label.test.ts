import { describe, expect, it } from 'vitest';
import { senderLabel } from '../../../../shared/domain/sender-label.ts';

describe('senderLabel (how an author is named wherever a message is shown)', () => {
  it('names what the device owner sent as theirs, by its source when known, never as unknown or system', () => {
    expect(senderLabel({ sender: null, senderId: null, kind: 'message', direction: 'outgoing' }, 'sms-20240301.xml')).toBe('Device owner (sms-20240301.xml)');
    expect(senderLabel({ sender: null, kind: 'message', direction: 'outgoing' })).toBe('Device owner');
  });

  it('prefers the recorded name, then the address or number, and names the rest for what they are', () => {
    expect(senderLabel({ sender: 'Ana', senderId: '+40722', kind: 'message', direction: 'incoming' })).toBe('Ana');
    expect(senderLabel({ sender: null, senderId: '+40722123456', kind: 'message', direction: 'incoming' })).toBe('+40722123456');
    // A name the source recorded stays, even on an outgoing message (an export that names its owner).
    expect(senderLabel({ sender: 'Victor', kind: 'message', direction: 'outgoing' }, 'chat.txt')).toBe('Victor');
    expect(senderLabel({ sender: null, kind: 'system', direction: null })).toBe('System');
    expect(senderLabel({ sender: null, kind: 'unparsed', direction: 'outgoing' })).toBe('Unparsed record');
    expect(senderLabel({ sender: 'Raw name', kind: 'unparsed' })).toBe('Raw name');
    expect(senderLabel({ sender: null, senderId: null, kind: 'message', direction: null })).toBe('Unknown sender');
    expect(senderLabel({ sender: '', senderId: null, kind: 'message', direction: 'incoming' })).toBe('Unknown sender');
  });
});
