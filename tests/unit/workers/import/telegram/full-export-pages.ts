/**
 * The pages of a small Telegram Desktop full-account export as its writers lay them out
 * (export_output_html.cpp: HtmlWriter::start writes export_results.html with
 * pushHeader("Exported Data") and page_body, writePreparedPersonal the personal_info rows,
 * writeDialogsStart lists/chats.html with a header linking back to ../export_results.html and
 * page_body list_page, writeDialogOpening each chat's chats/chat_NN/messages.html with page_body
 * chat_page and history; export_output_json.cpp result.json with personal_information and
 * chats.list). Shared by the tests of the export's folder.
 */
const START = '<!DOCTYPE html>\n<html>\n\n <head>\n\n  <meta charset="utf-8"/>\n<title>Exported Data</title>\n </head>\n\n <body onload="CheckLocation();">\n\n  <div class="page_wrap">\n';

function header(title: string, back: string | null): string {
  const content = back === null ? '<div class="content">' : `<a class="content block_link" href="${back}" onclick="return GoBack(this)">`;
  return `\n   <div class="page_header">\n\n    ${content}\n\n     <div class="text bold">\n${title}\n     </div>\n\n    ${back === null ? '</div>' : '</a>'}\n\n   </div>\n`;
}

export const ROOT_PAGE = `${START}${header('Exported Data', null)}
   <div class="page_body">
    <div class="personal_info clearfix">
     <div class="rows names">
      <div class="row"><div class="label details">First name</div><div class="value bold">Ann</div></div>
      <div class="row"><div class="label details">Last name</div><div class="value bold">Holder</div></div>
     </div>
     <div class="rows info">
      <div class="row"><div class="label details">Phone number</div><div class="value bold">+1 555 0100</div></div>
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

export const LIST_PAGE = `${START}${header('Chats', '../export_results.html')}
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

export function chatPage(messages: string, title = 'Vlad'): string {
  return `${START}${header(title, '../../lists/chats.html')}
   <div class="page_body chat_page">
    <div class="history">
${messages}
    </div>
   </div>
  </div>
 </body>
</html>
`;
}

/** A message block as pushMessage writes it. */
export function chatMessage(id: number, sender: string, text: string): string {
  return `     <div class="message default clearfix" id="message${id}">\n      <div class="body">\n       <div class="pull_right date details" title="02.05.2026 10:00:${String(id).padStart(2, '0')} UTC+02:00">10:00</div>\n       <div class="from_name">${sender} </div>\n       <div class="text">${text}</div>\n      </div>\n     </div>`;
}

export const CHAT_PAGE = chatPage(chatMessage(7, 'Vlad', 'the address'));

export const RESULT_JSON = JSON.stringify(
  {
    about: 'Here is the data you requested.',
    personal_information: { user_id: 100, first_name: 'Ann', last_name: 'Holder', phone_number: '+1 555 0100', username: '@ann', bio: '' },
    chats: { about: 'This page lists all chats from this export.', list: [{ name: 'Vlad', type: 'personal_chat', id: 41, messages: [{ id: 7, type: 'message', date: '2026-05-02T10:00:00', date_unixtime: '1777708800', from: 'Vlad', from_id: 'user41', text: 'the address', text_entities: [{ type: 'plain', text: 'the address' }] }] }] },
  },
  null,
  1,
);

