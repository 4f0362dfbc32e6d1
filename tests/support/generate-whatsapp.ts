/**
 * Seeded synthetic WhatsApp Android exports for tests that need volume (crash recovery, cancel,
 * virtualised scrolling). Same seed, same bytes.
 */
import { seededRandom } from '../../scripts/bench/random.ts';

const WORDS = ['hello', 'job', 'work', 'money', 'tomorrow', 'ticket', 'apartment', 'call', 'me', 'when', 'where', 'paid', 'owe', 'car', 'city', 'friend', 'photo', 'send', 'now', 'later'];
const SENDERS = ['Ana Pop', 'Mihai', '+40 721 000 111', 'Irina'];


export function generateWhatsAppExport(messages: number, seed = 1, needle?: { at: number; text: string }): string {
  const random = seededRandom(seed);
  const lines: string[] = [];
  let time = Date.UTC(2023, 0, 15, 8, 0);
  for (let index = 0; index < messages; index++) {
    time += Math.floor(random() * 180_000);
    const date = new Date(time);
    const day = String(date.getUTCDate()).padStart(2, '0');
    const month = String(date.getUTCMonth() + 1).padStart(2, '0');
    const year = date.getUTCFullYear();
    const hours = String(date.getUTCHours()).padStart(2, '0');
    const minutes = String(date.getUTCMinutes()).padStart(2, '0');
    const sender = SENDERS[Math.floor(random() * SENDERS.length)] ?? 'Ana Pop';
    const length = 3 + Math.floor(random() * 12);
    const words = Array.from({ length }, () => WORDS[Math.floor(random() * WORDS.length)] ?? 'x');
    const text = needle !== undefined && needle.at === index ? needle.text : words.join(' ');
    lines.push(`${day}/${month}/${year}, ${hours}:${minutes} - ${sender}: ${text}`);
    if (random() < 0.05) lines.push(`second line of message ${index}`);
  }
  return `${lines.join('\n')}\n`;
}
