import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import { AddressKeys, normaliseAddress, smsBackupXmlParser, sniffSmsBackupXml } from '../../../../../workers/import/sms-xml/index.ts';
import { inputFromBytes, inputFromFile, inputFromText, runParser } from '../../../../support/parser-harness.ts';

const FIXTURES = path.resolve(process.cwd(), 'fixtures/sms-xml');
const fixture = (name: string): string => path.join(FIXTURES, name);

function atPath(messages: ParsedMessage[], xmlPath: string): ParsedMessage {
  const found = messages.find((message) => message.locator.kind === 'xml-path' && message.locator.path === xmlPath);
  if (found === undefined) throw new Error(`no message at ${xmlPath}`);
  return found;
}

describe('SMS Backup & Restore XML', () => {
  it('reads every sms and mms in file order with XML-path locators and line/column', async () => {
    const result = await runParser(smsBackupXmlParser, inputFromFile(fixture('backup.xml')));
    expect(result.messages.map((message) => (message.locator.kind === 'xml-path' ? message.locator.path : ''))).toEqual([
      '/smses/sms[1]',
      '/smses/sms[2]',
      '/smses/sms[3]',
      '/smses/sms[4]',
      '/smses/mms[1]',
      '/smses/mms[2]',
      '/smses/sms[5]',
      '/smses/sms[6]',
    ]);
    expect(result.messages[0]?.locator).toEqual({ kind: 'xml-path', file: 'backup.xml', path: '/smses/sms[1]', line: 5, column: 3 });
    expect(result.outcome.details).toMatchObject({ root: 'smses', declaredCount: '8', messages: 8, unparsed: 0, complete: true });
  });

  it('keys conversations by the normalised address, so spellings of one number merge', async () => {
    const { messages, chats } = await runParser(smsBackupXmlParser, inputFromFile(fixture('backup.xml')));
    expect(atPath(messages, '/smses/sms[1]').chatKey).toBe('+40712345678');
    expect(atPath(messages, '/smses/sms[2]').chatKey).toBe('+40712345678');
    expect(atPath(messages, '/smses/sms[4]').chatKey).toBe('BANK-INFO');
    expect(chats.map((chat) => [chat.key, chat.title, chat.kind])).toEqual([
      ['+40712345678', 'Dorin', 'private'],
      ['BANK-INFO', 'BANK-INFO', 'private'],
      // The group's contact_name names both members: the title the phone shows.
      ['+40712345678~+40722000111', 'Dorin, Petra', 'group'],
    ]);
  });

  it('reads direction, sender, UTC time and body; "null" means absent', async () => {
    const { messages } = await runParser(smsBackupXmlParser, inputFromFile(fixture('backup.xml')));
    expect(atPath(messages, '/smses/sms[1]')).toMatchObject({ direction: 'incoming', sender: 'Dorin', senderId: '+40 712-345-678', time: { utcMs: 1712340000000 }, timestampText: '1712340000000' });
    expect(atPath(messages, '/smses/sms[2]')).toMatchObject({ direction: 'outgoing', sender: null, text: 'Da, la gară' });
    expect(atPath(messages, '/smses/sms[3]')).toMatchObject({ direction: 'outgoing', text: '' });
    expect(atPath(messages, '/smses/sms[3]').extra?.['status']).toBe('draft');
    expect(atPath(messages, '/smses/sms[4]').sender).toBe('BANK-INFO');
    const attributes = atPath(messages, '/smses/sms[1]').extra?.['attributes'] as Record<string, string>;
    expect(attributes['readable_date']).toBe('5 apr. 2024 21:00:00');
    expect(attributes['subject']).toBeUndefined();
  });

  it('keeps every attribute the phone recorded once: in the column that holds it verbatim, or in extra', async () => {
    const { messages } = await runParser(smsBackupXmlParser, inputFromFile(fixture('backup.xml')));
    const incoming = atPath(messages, '/smses/sms[1]');
    const attributes = incoming.extra?.['attributes'] as Record<string, string>;
    // date → timestampText, address → senderId, contact_name → sender, body → text: not repeated.
    expect(Object.keys(attributes).filter((name) => ['date', 'address', 'contact_name', 'body'].includes(name))).toEqual([]);
    expect(incoming).toMatchObject({ timestampText: '1712340000000', senderId: '+40 712-345-678', sender: 'Dorin' });
    expect(Object.values(attributes)).not.toContain('');
    // An outgoing sms has no sender column: its address stays in extra.
    const outgoing = atPath(messages, '/smses/sms[2]').extra?.['attributes'] as Record<string, string>;
    expect(outgoing['address']).toBeDefined();
    expect(outgoing['date']).toBeUndefined();
  });

  it('joins surrogate-pair references into one emoji and replaces a lone one', async () => {
    const result = await runParser(smsBackupXmlParser, inputFromFile(fixture('backup.xml')));
    expect(atPath(result.messages, '/smses/sms[1]').text).toBe('Ai ajuns? 😀\nSună-mă');
    expect(atPath(result.messages, '/smses/sms[4]').text).toBe('Cod: 4411 \uFFFD end');
    expect(result.outcome.details).toMatchObject({ surrogatePairsJoined: 1, loneSurrogates: 1 });
    expect(result.warnings.some((warning) => warning.message.includes('lone UTF-16 surrogate'))).toBe(true);
  });

  it('reads an MMS: text parts as text, media parts as inline bytes, SMIL and addresses kept', async () => {
    const { messages } = await runParser(smsBackupXmlParser, inputFromFile(fixture('backup.xml')));
    const mms = atPath(messages, '/smses/mms[1]');
    expect(mms).toMatchObject({ direction: 'incoming', sender: '+40722000111', senderId: '+40722000111', text: 'Poza de la Petra' });
    const [image, vcard] = mms.attachments;
    expect(image).toMatchObject({ kind: 'attached', mediaType: 'image', mimeType: 'image/png', fileName: 'p.png', size: 70 });
    expect([...(image?.bytes ?? new Uint8Array()).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
    expect(new TextDecoder().decode(vcard?.bytes)).toBe('BEGIN:VCARD\nFN:Petra\nEND:VCARD');
    expect(vcard?.mediaType).toBe('contact');
    expect(mms.extra?.['smil']).toEqual(['<smil><body><par><img src="p.png"/></par></body></smil>']);
    expect(mms.extra?.['addresses']).toEqual([
      { address: '+40722000111', role: 'from' },
      { address: '+40712345678', role: 'to' },
      { address: 'insert-address-token', role: 'to' },
    ]);
  });

  it('keeps a part with broken base64 (without bytes) and one without data as omitted', async () => {
    const result = await runParser(smsBackupXmlParser, inputFromFile(fixture('backup.xml')));
    const mms = atPath(result.messages, '/smses/mms[2]');
    expect(mms.attachments).toEqual([
      { kind: 'attached', mediaType: 'image', mimeType: 'image/jpeg', fileName: 'bilet.jpg' },
      { kind: 'omitted', mediaType: 'video', mimeType: 'video/mp4', fileName: 'v.mp4' },
    ]);
    expect(mms.senderId).toBeNull();
    expect(mms.extra?.['subject']).toBe('Bilet');
    expect(result.warnings.some((warning) => warning.place === 'backup.xml:22:3' && warning.message.includes('not valid base64'))).toBe(true);
  });

  it('reads a date in seconds by its size, and warns about unreadable dates, odd types, unknown elements and entities', async () => {
    const result = await runParser(smsBackupXmlParser, inputFromFile(fixture('backup.xml')));
    expect(atPath(result.messages, '/smses/sms[5]').time).toEqual({ utcMs: 1712340360000 });
    expect(atPath(result.messages, '/smses/sms[5]').extra?.['dateUnit']).toBe('seconds');
    const odd = atPath(result.messages, '/smses/sms[6]');
    expect(odd).toMatchObject({ time: null, timestampText: 'null', direction: null, text: 'no date, odd type &nbsp; entity' });
    const messages = result.warnings.map((warning) => warning.message);
    expect(messages).toEqual(expect.arrayContaining([expect.stringContaining('unknown element <rcs_note>'), expect.stringContaining('undefined entity'), expect.stringContaining('unknown sms type "9"')]));
  });

  it('gives the same records whatever the chunk size (entities and pairs cut across chunks)', async () => {
    const whole = await runParser(smsBackupXmlParser, inputFromFile(fixture('backup.xml')));
    for (const chunkBytes of [1, 7, 13]) {
      const small = await runParser(smsBackupXmlParser, inputFromFile(fixture('backup.xml'), { chunkBytes }));
      expect(small.messages).toEqual(whole.messages);
    }
  });

  it('imports a call log backup as call-log records, without the old "not imported" warning', async () => {
    const result = await runParser(smsBackupXmlParser, inputFromFile(fixture('calls.xml')));
    expect(result.messages.map((message) => [message.kind, message.direction, message.text])).toEqual([
      ['system', 'incoming', 'Incoming call, 1 min 5 s'],
      ['system', 'incoming', 'Incoming call, missed'],
    ]);
    expect(result.warnings).toEqual([]);
    expect(result.outcome.details).toMatchObject({ root: 'calls', calls: 2, messages: 0 });
  });
});

describe('SMS Backup & Restore XML: broken files', () => {
  it('keeps what came before a truncation and the cut element as unparsed raw text', async () => {
    const result = await runParser(smsBackupXmlParser, inputFromFile(fixture('truncated.xml')));
    expect(result.messages.map((message) => message.kind)).toEqual(['message', 'message', 'message', 'message', 'unparsed']);
    const cut = result.messages[4];
    expect(cut?.locator).toEqual({ kind: 'xml-path', file: 'truncated.xml', path: '/smses/mms[1]', line: 9, column: 3 });
    expect(cut?.text.startsWith('<mms date="1712340240000"')).toBe(true);
    expect(cut?.chatKey).toBe('+40712345678~+40722000111');
    expect(cut?.reason).toContain('the XML breaks inside this element');
    const warning = result.warnings.find((item) => item.message.startsWith('bad XML'));
    expect(warning?.place).toMatch(/^truncated\.xml:12:\d+$/u);
    expect(warning?.message).toContain('declares 8');
  });

  it('throws E_IMPORT_FORMAT for a root that is not smses or calls, and for an empty file', async () => {
    await expect(runParser(smsBackupXmlParser, inputFromText('<?xml version="1.0"?><html><body/></html>', { displayName: 'x.xml' }))).rejects.toMatchObject({ code: 'E_IMPORT_FORMAT' });
    await expect(runParser(smsBackupXmlParser, inputFromText(''))).rejects.toMatchObject({ code: 'E_IMPORT_FORMAT' });
  });

  it('stops at text after the root element but keeps everything read', async () => {
    const xml = '<smses count="1"><sms address="1" date="1712340000000" type="1" body="a"/></smses>\ngarbage';
    const result = await runParser(smsBackupXmlParser, inputFromText(xml, { displayName: 'g.xml' }));
    expect(result.messages).toHaveLength(1);
    expect(result.warnings.some((warning) => warning.message.startsWith('bad XML') && warning.place.startsWith('g.xml:2:'))).toBe(true);
  });

  it('reads invalid UTF-8 as U+FFFD and reports the byte offset', async () => {
    const head = new TextEncoder().encode('<smses count="1"><sms address="1" date="1712340000000" type="1" body="a');
    const tail = new TextEncoder().encode('b"/></smses>');
    const result = await runParser(smsBackupXmlParser, inputFromBytes(new Uint8Array([...head, 0xc3, ...tail])));
    expect(result.messages[0]?.text).toBe('a\uFFFDb');
    expect(result.warnings.some((warning) => warning.message.includes(`byte offset ${head.length}`))).toBe(true);
  });

  it('ignores a DOCTYPE without entity declarations, with a warning', async () => {
    const xml = '<?xml version="1.0"?>\n<!DOCTYPE smses>\n<smses count="1"><sms address="1" date="1712340000000" type="1" body="a"/></smses>';
    const result = await runParser(smsBackupXmlParser, inputFromText(xml));
    expect(result.messages).toHaveLength(1);
    expect(result.warnings.some((warning) => warning.message.includes('DOCTYPE'))).toBe(true);
  });
});

describe('addresses and sniffing', () => {
  it('normalises numbers to digits and a leading +, keeps other addresses', () => {
    expect(normaliseAddress(' +1 (555) 010-0001 ')).toBe('+15550100001');
    expect(normaliseAddress('tel:+15550100001')).toBe('+15550100001');
    expect(normaliseAddress('Group_8@RCS.google.com')).toBe('group_8@rcs.google.com');
    expect(normaliseAddress('VERIFY')).toBe('VERIFY');
    const keys = new AddressKeys();
    expect(keys.of('+15550000013~+15550000009~+1 555 000 0012')).toBe('+15550000009~+15550000012~+15550000013');
    expect(keys.of(null)).toBe('(no address)');
  });

  // Regression (a real 2018 backup, smilecs/parser sms.xml): one contact written "+2347035004497"
  // and "07035004497" was two conversations; "(555) 010 0001" and "+1 555 010 0001" too, though
  // this module's comment said they were one.
  it('keys the national and international spellings of one number as one, the first spelling met', () => {
    const keys = new AddressKeys();
    expect(keys.of('+2347035004497')).toBe('+2347035004497');
    expect(keys.of('07035004497')).toBe('+2347035004497');
    expect(keys.of('(555) 010 0001')).toBe('5550100001');
    expect(keys.of('+1 555 010 0001')).toBe('5550100001');
    expect(keys.of('+15550100001~07035004497')).toBe('+2347035004497~5550100001');
    // Fewer than nine digits match only as written: short codes and short national numbers.
    expect(keys.of('12345678')).toBe('12345678');
    expect(keys.of('+4712345678')).toBe('+4712345678');
    expect(keys.of('BANK-INFO')).toBe('BANK-INFO');
    // Each import has its own: another backup's first spelling is its own.
    expect(new AddressKeys().of('07035004497')).toBe('07035004497');
    // Sharing the last nine digits is not enough: two US area codes, two people.
    const us = new AddressKeys();
    expect(us.of('+1 212 555 0100')).toBe('+12125550100');
    expect(us.of('(312) 555-0100')).toBe('3125550100');
    expect(us.of('212-555-0100')).toBe('+12125550100');
    expect(us.of('0012125550100')).toBe('+12125550100');
  });

  it('gives the messages of both spellings one conversation', async () => {
    const xml = `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>
<smses count="2">
  <sms protocol="0" address="+2347035004497" date="1490734428060" type="1" subject="null" body="Hi" toa="null" sc_toa="null" service_center="null" read="1" status="-1" locked="0" contact_name="faith ayara" />
  <sms protocol="0" address="07035004497" date="1492025549229" type="2" subject="null" body="Hello" toa="null" sc_toa="null" service_center="null" read="1" status="-1" locked="0" contact_name="faith ayara" />
</smses>`;
    const result = await runParser(smsBackupXmlParser, inputFromText(xml, { displayName: 'sms.xml' }));
    expect(result.chats.map((chat) => chat.key)).toEqual(['+2347035004497']);
    expect(result.messages.map((message) => [message.chatKey, message.direction, message.senderId ?? null])).toEqual([
      ['+2347035004497', 'incoming', '+2347035004497'],
      ['+2347035004497', 'outgoing', null],
    ]);
  });

  it('sniffs <smses> and <calls> roots, past comments and a DOCTYPE', () => {
    const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
    expect(sniffSmsBackupXml(encode("<?xml version='1.0'?>\n<!--x <calls> -->\n<?xml-stylesheet href=\"sms.xsl\"?>\n<smses count=\"0\">"))).toBe(true);
    expect(sniffSmsBackupXml(encode('<calls count="1">'))).toBe(true);
    expect(sniffSmsBackupXml(encode('<!DOCTYPE smses [<!ENTITY a "<b>">]><smses>'))).toBe(true);
    expect(sniffSmsBackupXml(encode('<?xml version="1.0"?><reports><smses/></reports>'))).toBe(false);
    expect(sniffSmsBackupXml(encode('{"smses": 1}'))).toBe(false);
  });
});
