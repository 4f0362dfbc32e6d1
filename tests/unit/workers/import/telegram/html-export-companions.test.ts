import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../../workers/import/detect-format.ts';
import { tempFolder } from '../../../../support/temp-case.ts';

/**
 * A small Telegram Desktop full-account export as its writers lay it out (export_output_html.cpp:
 * HtmlWriter::start writes export_results.html with pushHeader("Exported Data") and page_body,
 * writePreparedPersonal the personal_info rows, writeDialogsStart lists/chats.html with a header
 * linking back to ../export_results.html and page_body list_page, writeDialogOpening each chat's
 * chats/chat_NN/messages.html with page_body chat_page and history; export_output_json.cpp
 * result.json with personal_information and chats.list; HtmlAndJsonWriter both into one folder).
 */
const START = '<!DOCTYPE html>\n<html>\n\n <head>\n\n  <meta charset="utf-8"/>\n<title>Exported Data</title>\n </head>\n\n <body onload="CheckLocation();">\n\n  <div class="page_wrap">\n';

function header(title: string, back: string | null): string {
  const content = back === null ? '<div class="content">' : `<a class="content block_link" href="${back}" onclick="return GoBack(this)">`;
  return `\n   <div class="page_header">\n\n    ${content}\n\n     <div class="text bold">\n${title}\n     </div>\n\n    ${back === null ? '</div>' : '</a>'}\n\n   </div>\n`;
}

const ROOT_PAGE = `${START}${header('Exported Data', null)}
   <div class="page_body">
    <div class="personal_info clearfix">
     <div class="rows names">
      <div class="row"><div class="label details">First name</div><div class="value bold">Ann</div></div>
      <div class="row"><div class="label details">Last name</div><div class="value bold">Holder</div></div>
     </div>
    </div>
    <div class="sections with_divider">
     <a class="section block_link chats" href="lists/chats.html#allow_back"><div class="counter details">1</div><div class="label bold">Chats</div></a>
    </div>
   </div>
  </div>
 </body>
</html>
`;

const LIST_PAGE = `${START}${header('Chats', '../export_results.html')}
   <div class="page_body list_page">
    <div class="page_about details">This page lists all chats from this export.</div>
    <div class="entry_list">
     <a class="entry block_link clearfix" href="../chats/chat_01/messages.html#allow_back"><div class="body"><div class="name bold">Vlad</div><div class="details_entry details">1 message</div></div></a>
    </div>
   </div>
  </div>
 </body>
</html>
`;

const CHAT_PAGE = `${START}${header('Vlad', '../../lists/chats.html')}
   <div class="page_body chat_page">
    <div class="history">
     <div class="message default clearfix" id="message7">
      <div class="body">
       <div class="pull_right date details" title="02.05.2026 10:00:00 UTC+02:00">10:00</div>
       <div class="from_name">Vlad </div>
       <div class="text">the address</div>
      </div>
     </div>
    </div>
   </div>
  </div>
 </body>
</html>
`;

const RESULT_JSON = JSON.stringify(
  {
    about: 'Here is the data you requested.',
    personal_information: { user_id: 100, first_name: 'Ann', last_name: 'Holder', phone_number: '+1 555 0100', username: '@ann', bio: '' },
    chats: { about: 'This page lists all chats from this export.', list: [{ name: 'Vlad', type: 'personal_chat', id: 41, messages: [{ id: 7, type: 'message', date: '2026-05-02T10:00:00', date_unixtime: '1777708800', from: 'Vlad', from_id: 'user41', text: 'the address', text_entities: [{ type: 'plain', text: 'the address' }] }] }] },
  },
  null,
  1,
);

function fullExport(withJson: boolean): string {
  const root = join(tempFolder(), 'DataExport_2026-05-02');
  mkdirSync(join(root, 'lists'), { recursive: true });
  mkdirSync(join(root, 'chats', 'chat_01'), { recursive: true });
  writeFileSync(join(root, 'export_results.html'), ROOT_PAGE);
  writeFileSync(join(root, 'lists', 'chats.html'), LIST_PAGE);
  writeFileSync(join(root, 'chats', 'chat_01', 'messages.html'), CHAT_PAGE);
  if (withJson) writeFileSync(join(root, 'result.json'), RESULT_JSON);
  return root;
}

async function formats(root: string): Promise<[string | null, string | undefined][]> {
  const files = ['result.json', 'export_results.html', 'lists/chats.html', 'chats/chat_01/messages.html'];
  const detected = await Promise.all(files.map((file) => detectFormat(join(root, file)).catch(() => ({ format: null, companionOf: 'missing' }))));
  return detected.map((item) => [item.format, item.companionOf]);
}

describe('Telegram full-account export folder: each chat imported once, the overview pages named', () => {
  it('HTML only: the chat page is the source; the root page and the list page are companions with a reason, not files of no format', async () => {
    const root = fullExport(false);
    expect(await formats(root)).toEqual([
      [null, 'missing'],
      [null, 'DataExport_2026-05-02'],
      [null, 'DataExport_2026-05-02'],
      ['telegram-html', undefined],
    ]);
    expect((await detectFormat(join(root, 'export_results.html'))).reason).toMatch(/^the overview page of a Telegram Desktop full-account export/u);
    expect((await detectFormat(join(root, 'lists', 'chats.html'))).reason).toMatch(/^a list page of a Telegram Desktop full-account export \(lists\/chats\.html/u);
  });

  it('"HTML and JSON": the chat is read from result.json once; its HTML page is a companion of result.json', async () => {
    const root = fullExport(true);
    expect(await formats(root)).toEqual([
      ['telegram-json', undefined],
      [null, 'DataExport_2026-05-02'],
      [null, 'DataExport_2026-05-02'],
      [null, 'result.json'],
    ]);
    expect((await detectFormat(join(root, 'chats', 'chat_01', 'messages.html'))).reason).toBe(
      'a Telegram Desktop HTML page of a chat the same export also wrote in ../../result.json (export format "HTML and JSON": the same messages): the chat is imported from result.json',
    );
  });

  it('a single-chat "HTML and JSON" export: messages.html beside result.json is its companion; a result.json elsewhere is not taken for its own', async () => {
    const root = fullExport(true);
    const single = join(root, 'ChatExport_2026-05-02');
    mkdirSync(single);
    writeFileSync(join(single, 'messages.html'), CHAT_PAGE);
    // Not in chats/chat_NN/: the result.json above belongs to another export.
    expect((await detectFormat(join(single, 'messages.html'))).format).toBe('telegram-html');
    writeFileSync(join(single, 'result.json'), JSON.stringify({ name: 'Vlad', type: 'personal_chat', id: 41, messages: [] }));
    expect((await detectFormat(join(single, 'messages.html'))).companionOf).toBe('result.json');
    // A result.json that is not Telegram's makes no companion.
    writeFileSync(join(single, 'result.json'), '{"results": []}');
    expect((await detectFormat(join(single, 'messages.html'))).format).toBe('telegram-html');
    rmSync(root, { recursive: true });
  });
});
