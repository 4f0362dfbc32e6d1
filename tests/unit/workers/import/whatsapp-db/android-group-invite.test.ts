import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { MSGSTORE_CORE_TABLES } from '../../../../support/msgstore-event-tables.ts';

/** message_group_invite as WhatsApp creates it (decompiled Android builds' CREATE TABLE). */
const SCHEMA = `
  ${MSGSTORE_CORE_TABLES}
  CREATE TABLE message_group_invite (message_row_id INTEGER PRIMARY KEY, group_jid_row_id INTEGER NOT NULL, admin_jid_row_id INTEGER NOT NULL,
    group_name TEXT, invite_code TEXT, expiration INTEGER, invite_time INTEGER, expired INTEGER, group_type INTEGER NOT NULL DEFAULT 0);
  INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net'),
    (2, '120363000000000042', 'g.us', '120363000000000042@g.us');
  INSERT INTO chat VALUES (1, 1, NULL);
  INSERT INTO message VALUES (1, 1, 0, 'I1', NULL, 0, 1700000000000, 24, ''), (2, 1, 0, 'I2', NULL, 0, 1700000100000, 24, 'join us, good pay'),
    (3, 1, 0, 'T3', NULL, 0, 1700000200000, 0, 'ok');
  INSERT INTO message_group_invite VALUES (1, 2, 1, 'Jobs Abroad', 'Fq3xY7bZkQ1', 1700604800, 1700000000, 0, 0),
    (2, 99, 1, NULL, 'Zz9', NULL, 1700000100000, 1, 0);
`;

describe('msgstore.db: a group invitation message (message_group_invite)', () => {
  it('regression: keeps which group, whose invitation, the invite code and its times (they were not read: the message was an empty line)', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(SCHEMA), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const [invite, captioned, plain] = run.sink.messages;
    expect(invite).toMatchObject({ kind: 'message', text: 'group invite: Jobs Abroad' });
    expect(invite?.extra?.['groupInvite']).toEqual({
      group: '120363000000000042@g.us', groupName: 'Jobs Abroad', admin: { name: '+4915100000001', id: '+4915100000001' },
      inviteCode: 'Fq3xY7bZkQ1', expiresAt: '2023-11-21T22:13:20.000Z', invitedAt: '2023-11-14T22:13:20.000Z', expired: 0,
      timesRead: expect.any(Object) as object,
    });
    // A caption stays the text; a group row missing from the jid table is said, not dropped.
    expect(captioned).toMatchObject({ text: 'join us, good pay', extra: { groupInvite: { group: 'jid row 99 (not in the jid table)', groupName: null, inviteCode: 'Zz9', expiresAt: null, expired: 1 } } });
    expect(plain?.extra).not.toHaveProperty('groupInvite');
  });

  it('regression: the text made for an invitation without a caption is marked generated (it read as typed by the sender)', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(SCHEMA), 'msgstore.db');
    const [invite, captioned] = run.sink.messages;
    expect(invite?.extra?.['textGenerated']).toBe(true);
    // A caption is the sender's own words.
    expect(captioned?.extra).not.toHaveProperty('textGenerated');
  });

  it('regression: says which unit each invite time was read in, and what was stored (the unit was guessed from the number unsaid)', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(SCHEMA), 'msgstore.db');
    const [invite, captioned] = run.sink.messages;
    expect(invite?.extra?.['groupInvite']).toMatchObject({
      timesRead: {
        expiration: { stored: '1700604800', unit: 'seconds' },
        inviteTime: { stored: '1700000000', unit: 'seconds' },
        note: expect.stringContaining('by its magnitude') as string,
      },
    });
    expect(captioned?.extra?.['groupInvite']).toMatchObject({ invitedAt: '2023-11-14T22:15:00.000Z', timesRead: { inviteTime: { stored: '1700000100000', unit: 'milliseconds' } } });
    expect((captioned?.extra?.['groupInvite'] as { timesRead: object }).timesRead).not.toHaveProperty('expiration');
  });
});
