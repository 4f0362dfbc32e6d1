/**
 * A small, tolerant, streaming HTML tokenizer for Telegram Desktop's export pages (no DOM
 * library is bundled, and the pages are machine-written with a fixed structure). It yields open
 * tags, close tags and raw text with the line each starts on; comments, doctypes, processing
 * instructions and script/style bodies are skipped. Text is passed on undecoded; html-text.ts
 * decodes entities where text is read.
 *
 * Broken markup never stops it: a '<' that does not start a tag is text, and a tag that never
 * closes within MAX_TAG_CHARS is treated as text so memory stays bounded.
 */

export type HtmlToken =
  | { type: 'open'; name: string; attributes: Record<string, string>; selfClosing: boolean; line: number; raw: string }
  | { type: 'close'; name: string; line: number; raw: string }
  | { type: 'text'; text: string; line: number };

/** Longest tag (or comment) waited for before its '<' is taken as text. */
export const MAX_TAG_CHARS = 1024 * 1024;
const RAW_TEXT_ELEMENTS = new Set(['script', 'style']);
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/gu;
const TAG_NAME = /^<\/?([A-Za-z][A-Za-z0-9:-]*)/u;

export class HtmlTokenizer {
  private buffer = '';
  /** Line number of buffer[0]. */
  private line = 1;
  /** Inside <script> or <style>: their bodies are skipped up to the matching close tag. */
  private rawTextElement: string | null = null;

  push(text: string, into: HtmlToken[]): void {
    this.buffer += text;
    this.drain(false, into);
  }

  end(into: HtmlToken[]): void {
    this.drain(true, into);
  }

  private drain(final: boolean, into: HtmlToken[]): void {
    const buffer = this.buffer;
    let position = 0;
    let line = this.line;
    const consume = (to: number): void => {
      line += countNewlines(buffer, position, to);
      position = to;
    };
    while (position < buffer.length) {
      if (this.rawTextElement !== null) {
        const close = buffer.toLowerCase().indexOf(`</${this.rawTextElement}`, position);
        if (close === -1) {
          // Keep a tail that could hold the start of the close tag.
          const keep = final ? buffer.length : Math.max(position, buffer.length - this.rawTextElement.length - 2);
          consume(keep);
          break;
        }
        consume(close);
        this.rawTextElement = null;
        continue;
      }
      const lt = buffer.indexOf('<', position);
      if (lt === -1) {
        into.push({ type: 'text', text: buffer.slice(position), line });
        consume(buffer.length);
        break;
      }
      if (lt > position) {
        into.push({ type: 'text', text: buffer.slice(position, lt), line });
        consume(lt);
      }
      const end = constructEnd(buffer, lt);
      if (end === -1) {
        if (!final && buffer.length - lt <= MAX_TAG_CHARS) break;
        // Never closed: the '<' is text after all.
        into.push({ type: 'text', text: '<', line });
        consume(lt + 1);
        continue;
      }
      if (end === 0) {
        into.push({ type: 'text', text: '<', line });
        consume(lt + 1);
        continue;
      }
      const raw = buffer.slice(lt, end);
      const token = tagToken(raw, line);
      if (token !== null) {
        into.push(token);
        if (token.type === 'open' && !token.selfClosing && RAW_TEXT_ELEMENTS.has(token.name)) this.rawTextElement = token.name;
      }
      consume(end);
    }
    this.buffer = buffer.slice(position);
    this.line = line;
  }
}

/**
 * Index just past the construct starting at buffer[start] ('<'), -1 when it is not complete yet,
 * 0 when the '<' starts no construct (plain text such as "a < b").
 */
function constructEnd(buffer: string, start: number): number {
  const next = buffer.charAt(start + 1);
  if (next === '') return -1;
  if (buffer.startsWith('<!--', start)) {
    const close = buffer.indexOf('-->', start + 4);
    return close === -1 ? -1 : close + 3;
  }
  if (next === '!' || next === '?') {
    const close = buffer.indexOf('>', start);
    return close === -1 ? -1 : close + 1;
  }
  const isClose = next === '/';
  const first = isClose ? buffer.charAt(start + 2) : next;
  if (first === '') return -1;
  if (!/[A-Za-z]/u.test(first)) return 0;
  // Find the '>' that is not inside a quoted attribute value.
  let quote = '';
  for (let index = start + 1; index < buffer.length; index += 1) {
    const char = buffer.charAt(index);
    if (quote !== '') {
      if (char === quote) quote = '';
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      return index + 1;
    }
  }
  return -1;
}

function tagToken(raw: string, line: number): HtmlToken | null {
  const name = TAG_NAME.exec(raw);
  if (name === null) return null;
  const tagName = (name[1] ?? '').toLowerCase();
  if (raw.startsWith('</')) return { type: 'close', name: tagName, line, raw };
  const attributes: Record<string, string> = Object.create(null) as Record<string, string>;
  const inner = raw.slice(name[0].length, raw.endsWith('/>') ? -2 : -1);
  for (const match of inner.matchAll(ATTRIBUTE)) {
    const key = (match[1] ?? '').toLowerCase();
    if (key === '' || key in attributes) continue;
    attributes[key] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return { type: 'open', name: tagName, attributes, selfClosing: raw.endsWith('/>'), line, raw };
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  let index = text.indexOf('\n', from);
  while (index !== -1 && index < to) {
    count += 1;
    index = text.indexOf('\n', index + 1);
  }
  return count;
}
