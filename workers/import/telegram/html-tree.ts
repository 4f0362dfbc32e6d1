/**
 * Collects the subtrees the Telegram HTML importer reads: each `div.message` (one per message,
 * date divider or service line) and the page header that names the chat. Everything else on the
 * page is passed over without being kept, so memory is bounded by one message, not one page.
 */

import { RAW_TEXT_LIMIT } from '../import-limits.ts';
import type { HtmlToken } from './html-tokenizer.ts';

export interface HtmlElement {
  name: string;
  attributes: Record<string, string>;
  classes: string[];
  children: HtmlNode[];
  line: number;
}
export type HtmlNode = HtmlElement | string;

export interface CollectedBlock {
  kind: 'message' | 'header';
  element: HtmlElement;
  /** The block's HTML as written (first RAW_TEXT_LIMIT characters), for 'unparsed' records. */
  raw: string;
  /** Characters the block spans in the file (more than raw.length when raw was cut). */
  size: number;
  /** Set when the block was cut off (end of file) or too large to keep whole. */
  problem?: string;
}

/** Characters of one message block kept; a bigger block is left incomplete and reported. */
export const MAX_BLOCK_CHARS = 4 * 1024 * 1024;
/** Open elements kept inside one block; Telegram nests about ten deep, hostile input could nest millions. */
export const MAX_BLOCK_DEPTH = 256;
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

interface Capture {
  kind: 'message' | 'header';
  root: HtmlElement;
  stack: HtmlElement[];
  raw: string[];
  rawLength: number;
  chars: number;
  problem: string | null;
}

export class BlockCollector {
  private capture: Capture | null = null;
  private readonly ready: CollectedBlock[] = [];
  private headerSeen = false;

  take(): CollectedBlock[] {
    return this.ready.splice(0, this.ready.length);
  }

  push(token: HtmlToken): void {
    const capture = this.capture;
    if (capture === null) {
      if (token.type === 'open') this.maybeStart(token);
      return;
    }
    this.keepRaw(capture, token.type === 'text' ? token.text : token.raw);
    capture.chars += token.type === 'text' ? token.text.length : token.raw.length;
    if (capture.chars > MAX_BLOCK_CHARS && capture.problem === null) {
      capture.problem = `the block is larger than ${MAX_BLOCK_CHARS} characters; the rest of it was not read`;
    }
    const top = capture.stack[capture.stack.length - 1] ?? capture.root;
    if (token.type === 'text') {
      if (capture.problem !== null) return;
      const last = top.children[top.children.length - 1];
      if (typeof last === 'string') top.children[top.children.length - 1] = last + token.text;
      else top.children.push(token.text);
      return;
    }
    if (token.type === 'open') {
      const element = makeElement(token.name, token.attributes, token.line);
      if (capture.stack.length >= MAX_BLOCK_DEPTH && capture.problem === null) {
        capture.problem = `elements are nested deeper than ${MAX_BLOCK_DEPTH} levels; the rest of the block was not read`;
      }
      if (capture.problem === null) top.children.push(element);
      if (!token.selfClosing && !VOID_ELEMENTS.has(token.name) && capture.stack.length < MAX_BLOCK_DEPTH) capture.stack.push(element);
      return;
    }
    // A close tag closes the nearest open element of that name (and anything left open inside it).
    for (let depth = capture.stack.length - 1; depth >= 0; depth -= 1) {
      if (capture.stack[depth]?.name !== token.name) continue;
      capture.stack.length = depth;
      if (depth === 0) this.finish();
      return;
    }
  }

  /** At the end of the file: a block still open was cut off. */
  end(): void {
    if (this.capture !== null) {
      this.capture.problem ??= 'the file ends inside this block (truncated export?)';
      this.finish();
    }
  }

  private maybeStart(token: Extract<HtmlToken, { type: 'open' }>): void {
    if (token.name !== 'div' || token.selfClosing) return;
    const classes = classList(token.attributes['class']);
    let kind: Capture['kind'] | null = null;
    if (classes.includes('message') && (classes.includes('default') || classes.includes('service') || (token.attributes['id'] ?? '').startsWith('message'))) {
      kind = 'message';
    } else if (!this.headerSeen && classes.includes('page_header')) {
      kind = 'header';
      this.headerSeen = true;
    }
    if (kind === null) return;
    const root = makeElement(token.name, token.attributes, token.line);
    this.capture = { kind, root, stack: [root], raw: [token.raw], rawLength: token.raw.length, chars: token.raw.length, problem: null };
  }

  private keepRaw(capture: Capture, text: string): void {
    if (capture.rawLength > RAW_TEXT_LIMIT) return;
    capture.raw.push(text);
    capture.rawLength += text.length;
  }

  private finish(): void {
    const capture = this.capture;
    this.capture = null;
    if (capture === null) return;
    const block: CollectedBlock = { kind: capture.kind, element: capture.root, raw: capture.raw.join('').slice(0, RAW_TEXT_LIMIT), size: capture.chars };
    if (capture.problem !== null) block.problem = capture.problem;
    this.ready.push(block);
  }
}

function makeElement(name: string, attributes: Record<string, string>, line: number): HtmlElement {
  return { name, attributes, classes: classList(attributes['class']), children: [], line };
}

export function classList(value: string | undefined): string[] {
  return value === undefined ? [] : value.split(/\s+/u).filter((part) => part !== '');
}

/** Depth-first search for descendants, not entering elements `stopAt` rejects. */
export function findAll(root: HtmlElement, matches: (element: HtmlElement) => boolean, stopAt?: (element: HtmlElement) => boolean): HtmlElement[] {
  const found: HtmlElement[] = [];
  const visit = (element: HtmlElement): void => {
    for (const child of element.children) {
      if (typeof child === 'string') continue;
      if (matches(child)) found.push(child);
      if (stopAt === undefined || !stopAt(child)) visit(child);
    }
  };
  visit(root);
  return found;
}

export function hasClasses(element: HtmlElement, ...names: string[]): boolean {
  return names.every((name) => element.classes.includes(name));
}

/** Direct element children. */
export function childElements(element: HtmlElement): HtmlElement[] {
  return element.children.filter((child): child is HtmlElement => typeof child !== 'string');
}
