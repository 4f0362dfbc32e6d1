import { pngWith } from '../image-metadata.ts';
import { buildZip } from '../zip-writer.ts';

/**
 * Small, valid exports of every format Threadline reads, as the hostile corpus damages them.
 * Each is built from records so a case can splice a hostile record in among good ones, and each
 * holds a word (`SEED_WORD`) a search can find when the good records survived.
 */
export const SEED_WORD = 'seedmarker';

/** One WhatsApp Android header line: `dd/mm/yyyy, HH:MM - Sender: text`. */
export function whatsappLine(minute: number, sender: string, text: string): string {
  return `12/03/2024, 09:${String(minute % 60).padStart(2, '0')} - ${sender}: ${text}`;
}

export function whatsappText(bodies: string[] = [`first ${SEED_WORD} message`, 'second message', 'third message']): string {
  return `${bodies.map((body, index) => whatsappLine(index, index % 2 === 0 ? 'Ana' : 'Dan', body)).join('\n')}\n`;
}

export function whatsappZip(chat: string | Uint8Array = whatsappText()): Buffer {
  return buildZip([{ name: '_chat.txt', data: chat, deflate: true }]);
}

/** Telegram Desktop single-chat JSON; `messages` are already-serialised message objects. */
export function telegramJson(messages: string[] = [telegramJsonMessage(1, `hello ${SEED_WORD}`), telegramJsonMessage(2, 'second')]): string {
  return `{\n "name": "Radu",\n "type": "personal_chat",\n "id": 4820011,\n "messages": [\n${messages.join(',\n')}\n ]\n}\n`;
}

export function telegramJsonMessage(id: number, textJson: string, extra = ''): string {
  const text = textJson.startsWith('"') ? textJson : JSON.stringify(textJson);
  return `  {"id": ${id}, "type": "message", "date": "2024-03-01T10:15:${String(id % 60).padStart(2, '0')}", "date_unixtime": "${1709288100 + id}", "from": "Radu", "from_id": "user4820011", "text": ${text}${extra}}`;
}

export function telegramHtml(bodies: string[] = [`hello ${SEED_WORD}`, 'second']): string {
  const messages = bodies.map((body, index) => telegramHtmlMessage(4001 + index, body)).join('\n');
  return `<!DOCTYPE html>\n<html>\n <head>\n  <meta charset="utf-8"/>\n<title>Exported Data</title>\n </head>\n <body>\n  <div class="page_wrap">\n   <div class="page_header"><div class="content"><div class="text bold">Radu</div></div></div>\n   <div class="page_body chat_page">\n    <div class="history">\n${messages}\n    </div>\n   </div>\n  </div>\n </body>\n</html>\n`;
}

export function telegramHtmlMessage(id: number, body: string): string {
  return `     <div class="message default clearfix" id="message${id}">\n      <div class="body">\n       <div class="pull_right date details" title="05.04.2024 21:14:05 UTC+03:00">21:14</div>\n       <div class="from_name">Radu</div>\n       <div class="text">${body}</div>\n      </div>\n     </div>`;
}

/** A Messenger "Download your information" message_1.json. */
export function metaJson(messages: string[] = [metaMessage(1712340000000, `hello ${SEED_WORD}`), metaMessage(1712340060000, 'second')]): string {
  return `{\n  "participants": [{"name": "Irina"}, {"name": "Stefan"}],\n  "messages": [\n${messages.join(',\n')}\n  ],\n  "title": "Irina",\n  "thread_path": "inbox/irina_8842"\n}\n`;
}

export function metaMessage(timestampMs: number, contentJson: string, extra = ''): string {
  const content = contentJson.startsWith('"') ? contentJson : JSON.stringify(contentJson);
  return `    {"sender_name": "Irina", "timestamp_ms": ${timestampMs}, "content": ${content}${extra}}`;
}

/** An SMS Backup & Restore backup; `records` are <sms .../> elements. */
export function smsXml(records: string[] = [smsRecord(1712340000000, `hello ${SEED_WORD}`), smsRecord(1712340060000, 'second')], prologue = ''): string {
  return `<?xml version='1.0' encoding='UTF-8' standalone='yes' ?>\n${prologue}<smses count="${records.length}">\n${records.join('\n')}\n</smses>\n`;
}

export function smsRecord(date: number, bodyAttribute: string): string {
  return `  <sms protocol="0" address="+40712345678" date="${date}" type="1" body="${bodyAttribute}" read="1" contact_name="Dorin" />`;
}

/** Cellebrite report.xml with one chat; `bodies` go into CDATA. */
export function ufdrReport(bodies: string[] = [`hello ${SEED_WORD}`, 'second'], prologue = ''): string {
  const party = '<model type="Party"><field name="Identifier"><value><![CDATA[+40711111111]]></value></field><field name="Name"><value><![CDATA[Nadia]]></value></field></model>';
  const messages = bodies
    .map((body, index) => `<model type="InstantMessage" deleted_state="Intact"><modelField name="From" type="Party">${party}</modelField><field name="Body"><value><![CDATA[${body}]]></value></field><field name="TimeStamp"><value>2024-06-01T21:3${index % 10}:00.000+03:00</value></field></model>`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>\n${prologue}<project id="p" reportVersion="7.60" xmlns="http://pa.cellebrite.com/report/2.0">\n<decodedData><modelType type="Chat"><model type="Chat" id="c">\n<field name="Source"><value>WhatsApp</value></field><field name="Id"><value>40711111111@s.whatsapp.net</value></field>\n<multiModelField name="Participants" type="Party">${party}</multiModelField>\n<multiModelField name="Messages" type="InstantMessage">\n${messages}\n</multiModelField></model></modelType></decodedData></project>\n`;
}

export function ufdrZip(report: string | Uint8Array = ufdrReport(), extra: Parameters<typeof buildZip>[0] = []): Buffer {
  return buildZip([{ name: 'report.xml', data: report, deflate: true }, ...extra]);
}

/** CSV read with CSV_MAPPING. */
export function csvText(rows: string[] = [`2024-04-05T21:00:00Z,Dorin,hello ${SEED_WORD},Dorin`, '2024-04-05T21:01:00Z,me,second,Dorin']): string {
  return `sent_at,from,body,thread\n${rows.join('\n')}\n`;
}

export const CSV_MAPPING = { timestamp: 'sent_at', sender: 'from', text: 'body', chat: 'thread' };

/** A valid 1x1 grey PNG (built with real CRCs), so a "PNG named .txt" holds real image bytes. */
export function tinyPng(): Buffer {
  return pngWith();
}
