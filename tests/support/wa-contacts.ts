/** A wa.db (WhatsApp Android contacts) holding these contacts, as SQL for buildDatabase. */
export function waContactsSql(contacts: readonly { jid: string; displayName: string | null; waName: string | null }[]): string {
  const quote = (value: string | null): string => (value === null ? 'NULL' : `'${value.replace(/'/gu, "''")}'`);
  return `
    CREATE TABLE wa_contacts (_id INTEGER PRIMARY KEY AUTOINCREMENT, jid TEXT NOT NULL, display_name TEXT, wa_name TEXT);
    INSERT INTO wa_contacts (jid, display_name, wa_name) VALUES ${contacts.map((contact) => `(${quote(contact.jid)}, ${quote(contact.displayName)}, ${quote(contact.waName)})`).join(', ')};
  `;
}

/** Anna (a saved contact) and Boss (known only by the name he gave himself). */
export const ANNA_AND_BOSS = waContactsSql([
  { jid: '4915100000001@s.whatsapp.net', displayName: 'Anna', waName: null },
  { jid: '4915100000002@s.whatsapp.net', displayName: null, waName: 'Boss' },
]);
