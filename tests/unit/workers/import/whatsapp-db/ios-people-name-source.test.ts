import { describe, expect, it } from 'vitest';
import { CompanionNames } from '../../../../../workers/import/whatsapp-db/ios-address-book.ts';
import { IosPeople, LidPhones } from '../../../../../workers/import/whatsapp-db/ios-people.ts';

const LID = '900000000001@lid';
const PHONE_JID = '4915100000001@s.whatsapp.net';
const BOOK_ROW = 'ContactsV2.sqlite:ZWAADDRESSBOOKCONTACT#1';

/**
 * Regression: the rows a sender's name rests on (extra.senderNameFrom) were looked up by the id
 * shown, which a lid and its phone jid share. Once a message from the phone jid had been named from
 * the address book, a message from the lid, named by its own push name, was said to rest on the
 * address book's row too.
 */
describe('IosPeople: where a name comes from', () => {
  it('names no address-book row for a person named by their push name, whatever was shown for their phone before', () => {
    const lidPhones = new LidPhones();
    lidPhones.note(LID, PHONE_JID);
    const book = new CompanionNames();
    book.set(PHONE_JID, 'Anna (address book)', BOOK_ROW);
    const people = new IosPeople(new Map([[LID, 'Anna push']]), lidPhones, book);
    expect(people.nameOf(PHONE_JID)).toBe('Anna (address book)');
    expect(people.nameFrom(PHONE_JID)).toEqual([BOOK_ROW]);
    expect(people.nameOf(LID)).toBe('Anna push');
    expect(people.nameFrom(LID)).toBeNull();
  });
});
