import { describe, expect, it } from 'vitest';
import { emptyBodyNote } from '../../../../shared/domain/empty-body.ts';
import type { Message } from '../../../../shared/domain/message.ts';

type Shown = Pick<Message, 'text' | 'kind' | 'attachments' | 'extra'>;
const EMPTY: Shown = { text: '', kind: 'message', attachments: [], extra: null };

describe('emptyBodyNote', () => {
  it('says a message with no text and no attachment is empty in the source', () => {
    expect(emptyBodyNote(EMPTY)).toBe('No text in the source: the message is empty there.');
  });

  it('points at the source facts when the importer kept something for it (a shared contact, a call)', () => {
    expect(emptyBodyNote({ ...EMPTY, extra: { sharedContacts: [{ name: 'Charmeleon' }] } })).toBe('No text in the source; what it holds is under Source facts.');
    expect(emptyBodyNote({ ...EMPTY, extra: { gone: undefined } })).toBe('No text in the source: the message is empty there.');
  });

  it('says nothing when there is text or an attachment to show, or for an unparsed record', () => {
    expect(emptyBodyNote({ ...EMPTY, text: 'hi' })).toBeNull();
    expect(emptyBodyNote({ ...EMPTY, attachments: [{} as Message['attachments'][number]] })).toBeNull();
    expect(emptyBodyNote({ ...EMPTY, kind: 'unparsed' })).toBeNull();
  });
});
