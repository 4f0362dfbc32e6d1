import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { collectingSink, inputFromText } from '../../../../support/parser-harness.ts';
import { CELLEBRITE_NS, field, party, stamp } from '../../../../support/ufdr-report-builder.ts';
import type { PartySpec } from '../../../../support/ufdr-report-builder.ts';

/**
 * Regression: the messages of a Chat whose Source, Id and Participants come after its first
 * Messages block were all held until the Chat model closed, even those read after the header was
 * complete. A long chat with a late Id then hit the hold's bound (and its warning) for nothing.
 * Once the header is complete, what was held goes out, in order, and the rest streams.
 */

const OWNER: PartySpec = { id: '40700000001@s.whatsapp.net', name: 'Phone Owner', owner: true };
const RECRUITER: PartySpec = { id: '40711111111@s.whatsapp.net', name: 'Recruiter', owner: false };

const CHUNK_BYTES = 97;

function message(id: string, body: string): string {
  return `<model type="InstantMessage" id="${id}"><modelField name="From" type="Party"><model type="Party">${field('Identifier', '40711111111')}</model></modelField>${field('Body', body)}${stamp('TimeStamp', '2024-03-12T09:15:01+02:00')}</model>`;
}

const messages = (bodies: string[]): string => `<multiModelField name="Messages" type="InstantMessage">${bodies.map((body) => message(body, body)).join('\n')}</multiModelField>`;

const IDENTITY = [field('Source', 'WhatsApp'), field('Id', '40711111111@s.whatsapp.net'), `<multiModelField name="Participants" type="Party">${[RECRUITER, OWNER].map(party).join('')}</multiModelField>`].join('\n');
/** A field after the last messages, many chunks long: a message held to the chat's end is read after it. */
const PADDING = field('Account', 'x'.repeat(20 * CHUNK_BYTES));

function report(chatBody: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<project id="r" xmlns="${CELLEBRITE_NS}"><decodedData><modelType type="Chat">\n<model type="Chat" id="chat-1">\n${chatBody}\n</model></modelType></decodedData></project>`;
}

/** Each message with the number of bytes the parser had read before the chunk that produced it. */
async function arrivals(xml: string): Promise<{ chatKey: string; text: string; sender: string | null; readBefore: number }[]> {
  const sink = collectingSink();
  const seen: { chatKey: string; text: string; sender: string | null; readBefore: number }[] = [];
  await ufdrReportParser.parse(inputFromText(xml, { displayName: 'report.xml', chunkBytes: CHUNK_BYTES, forbidReadAll: true }), {
    ...sink,
    message: (item) => {
      seen.push({ chatKey: item.chatKey, text: item.text, sender: item.sender, readBefore: sink.collected.progress.at(-1)?.done ?? 0 });
    },
  }, {});
  return seen;
}

describe('UFDR Chat whose header is complete between two message blocks', () => {
  const xml = report([messages(['m1', 'm2']), IDENTITY, messages(['m3', 'm4', 'm5']), PADDING].join('\n'));

  it('releases the held block once the header is complete and streams the rest, in source order, before the chat ends', async () => {
    const seen = await arrivals(xml);
    expect(seen.map((item) => [item.chatKey, item.sender, item.text])).toEqual(['m1', 'm2', 'm3', 'm4', 'm5'].map((text) => ['chat:WhatsApp:40711111111@s.whatsapp.net', 'Recruiter', text]));
    const paddingStart = xml.indexOf('<field name="Account"');
    // Held to the chat's end, every message would come after the padding had been read.
    for (const item of seen) expect({ text: item.text, beforePadding: item.readBefore < paddingStart }).toEqual({ text: item.text, beforePadding: true });
  });
});
