import type { ReportBlock, ReportMessage, ReportModel } from './report-model.ts';

/**
 * report.html: one self-contained page (inline style, no script, no remote resource, a CSP that
 * forbids loading anything) so it opens the same on an offline court laptop. Message text uses
 * dir="auto" so the browser applies the Unicode bidi algorithm to Arabic and Hebrew.
 */
const STYLE = `
body{font-family:"Noto Sans","DejaVu Sans",Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#111;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.3rem;border-bottom:1px solid #999;margin-top:2rem}h3{font-size:1.05rem}
table.facts{border-collapse:collapse;width:100%}table.facts th{text-align:left;width:14rem;vertical-align:top;padding:.15rem .5rem .15rem 0;color:#333}
table.facts td{padding:.15rem 0;overflow-wrap:anywhere}
pre{background:#f3f3f3;padding:.5rem;overflow-x:auto}.muted{color:#555}.warning{color:#8a0000;font-weight:bold}
.message{border-left:4px solid #bbb;margin:.6rem 0;padding:.3rem .7rem;background:#fafafa}
.message.selected{border-left-color:#1a4fa0;background:#eef3fb}
.meta{font-size:.85rem;color:#333}.text{white-space:pre-wrap;margin:.25rem 0;overflow-wrap:anywhere}
.indicator{border:1px solid #c77800;background:#fff6e5;padding:.25rem .5rem;margin:.25rem 0;font-size:.9rem}
.note{border:1px solid #4d7a3a;background:#f0f7ec;padding:.25rem .5rem;margin:.25rem 0;font-size:.9rem}
.place{font-size:.8rem;color:#555}
`;

export function reportHtml(model: ReportModel): string {
  const body = model.blocks.map(renderBlock).join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(model.title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}
</body>
</html>
`;
}

function renderBlock(block: ReportBlock): string {
  switch (block.kind) {
    case 'heading':
      return `<h${block.level} dir="auto">${escapeHtml(block.text)}</h${block.level}>`;
    case 'paragraph':
      return `<p dir="auto"${block.tone === undefined ? '' : ` class="${block.tone}"`}>${escapeHtml(block.text)}</p>`;
    case 'facts':
      return `<table class="facts">${block.rows.map(([label, value]) => `<tr><th>${escapeHtml(label)}</th><td dir="auto">${escapeHtml(value)}</td></tr>`).join('')}</table>`;
    case 'list':
      return `<ul>${block.items.map((item) => `<li dir="auto">${escapeHtml(item)}</li>`).join('')}</ul>`;
    case 'code':
      return `<pre>${block.lines.map(escapeHtml).join('\n')}</pre>`;
    case 'message':
      return renderMessage(block.message);
  }
}

function renderMessage(message: ReportMessage): string {
  const parts = [
    `<div class="meta"><strong dir="auto">${escapeHtml(message.sender)}</strong> · ${escapeHtml(message.time)}${message.selected ? ' · <strong>selected</strong>' : ' · context'}${message.flags.map((flag) => ` · ${escapeHtml(flag)}`).join('')}</div>`,
    `<div class="text" dir="auto">${escapeHtml(message.text)}</div>`,
    ...message.attachments.map((attachment) => `<div class="meta" dir="auto">Attachment: ${escapeHtml(attachment)}</div>`),
    ...message.indicators.map((indicator) => `<div class="indicator"><strong dir="auto">${escapeHtml(indicator.title)}</strong><br><span dir="auto">${escapeHtml(indicator.explanation)}</span></div>`),
    ...message.notes.map((note) => `<div class="note" dir="auto">Analyst: ${escapeHtml(note)}</div>`),
    `<div class="place" dir="auto">Source: ${escapeHtml(message.place)}</div>`,
  ];
  return `<div class="message${message.selected ? ' selected' : ''}">${parts.join('')}</div>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
