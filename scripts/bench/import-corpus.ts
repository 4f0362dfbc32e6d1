/**
 * Seeded synthetic exports for the import benchmark, written to disk as a stream: a WhatsApp
 * Android chat export (.txt) and an SMS Backup & Restore XML backup, each with `count`
 * messages drawn from the multilingual benchmark corpus (same seed, same bytes).
 */
import { createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { corpusBatches } from './corpus.ts';
import { seededRandom } from './random.ts';

const BATCH = 10_000;
const PARTICIPANTS = ['Ana Pop', 'Mihai', '+40 721 000 111', 'Irina Vasile', 'Олег', 'Kasia'];

async function write(stream: WriteStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
}

async function close(stream: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * One chat as WhatsApp for Android exports it (dd/mm/yyyy, 24-hour clock), in time order, with
 * about 4% multi-line messages and 2% media placeholders, as real chats have.
 */
export async function writeWhatsAppExport(path: string, count: number): Promise<void> {
  const stream = createWriteStream(path);
  const random = seededRandom(11);
  let time = Date.UTC(2023, 0, 15, 8, 0);
  await write(stream, `${header(time)} - Messages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.\n`);
  for (const batch of corpusBatches(count, BATCH)) {
    let chunk = '';
    for (const message of batch) {
      time += Math.floor(random() * 90_000);
      const sender = PARTICIPANTS[Math.floor(random() * PARTICIPANTS.length)] ?? 'Ana Pop';
      const roll = random();
      const body = roll < 0.02 ? '<Media omitted>' : roll < 0.06 ? `${message.text}\n${message.text.split(' ').reverse().join(' ')}` : message.text;
      chunk += `${header(time)} - ${sender}: ${body}\n`;
    }
    await write(stream, chunk);
  }
  await close(stream);
}

function header(time: number): string {
  const date = new Date(time);
  return `${pad(date.getUTCDate())}/${pad(date.getUTCMonth() + 1)}/${date.getUTCFullYear()}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);

/** An SMS Backup & Restore backup: one `<sms>` element per line, 400 contacts, both directions. */
export async function writeSmsBackup(path: string, count: number): Promise<void> {
  const stream = createWriteStream(path);
  const random = seededRandom(12);
  await write(stream, `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n<smses count="${count}" backup_set="bench" backup_date="1700000000000" type="full">\n`);
  let time = Date.UTC(2023, 0, 15, 8, 0);
  for (const batch of corpusBatches(count, BATCH, 5)) {
    let chunk = '';
    for (const message of batch) {
      time += Math.floor(random() * 90_000);
      const contact = Math.floor(random() * 400);
      const address = `+4072${String(1_000_000 + contact * 977).padStart(7, '0')}`;
      const type = random() < 0.5 ? 1 : 2;
      chunk += `  <sms protocol="0" address="${address}" date="${time}" type="${type}" subject="null" body="${escapeXml(message.text)}" toa="null" sc_toa="null" service_center="null" read="1" status="-1" locked="0" date_sent="${time - 2000}" sub_id="1" readable_date="" contact_name="Contact ${contact}" />\n`;
    }
    await write(stream, chunk);
  }
  await write(stream, '</smses>\n');
  await close(stream);
}
