/**
 * The two lookup structures of a compiled tagger:
 * - a character trie of every word form (exact words and stems), frozen into flat typed arrays
 *   so the matcher follows one array lookup per character instead of a Map lookup;
 * - a term trie over word-pattern ids, so multi-word terms are followed word by word only
 *   when their first word occurred.
 */

/** The frozen character trie; node 0 is the root. */
export interface CharTrie {
  /** Child of the root for each code unit below ROOT_DIRECT (Latin, Cyrillic), or -1. */
  readonly rootChildren: Int32Array;
  readonly childStart: Int32Array;
  readonly childCount: Int32Array;
  /** Children's code units, sorted per node, and the matching child node ids. */
  readonly childCodes: Uint16Array;
  readonly childNodes: Int32Array;
  /** Patterns whose form ends exactly at a node. */
  readonly exact: readonly (readonly number[] | undefined)[];
  /** Stem patterns whose form ends at a node: longer words match too. */
  readonly prefix: readonly (readonly number[] | undefined)[];
}

interface BuildNode {
  children: Map<number, number>;
  exact: number[] | undefined;
  prefix: number[] | undefined;
}

/** Children looked up by linear scan below this count, by binary search above. */
const LINEAR_SEARCH_LIMIT = 8;
/**
 * Root children are looked up directly below this code unit (ASCII, Latin, Greek, Cyrillic:
 * where words of the supported languages start once folded), by search above it. A small
 * table stays in the processor cache; one for all 65,536 code units would not.
 */
const ROOT_DIRECT = 0x0530;

export class CharTrieBuilder {
  private readonly nodes: BuildNode[] = [{ children: new Map(), exact: undefined, prefix: undefined }];

  insert(form: string, pattern: number, prefix: boolean): void {
    let node = 0;
    for (let index = 0; index < form.length; index++) {
      const code = form.charCodeAt(index);
      const children = this.nodes[node]?.children;
      let child = children?.get(code);
      if (child === undefined) {
        child = this.nodes.length;
        this.nodes.push({ children: new Map(), exact: undefined, prefix: undefined });
        children?.set(code, child);
      }
      node = child;
    }
    const target = this.nodes[node];
    if (target === undefined) return;
    const list = prefix ? (target.prefix ??= []) : (target.exact ??= []);
    if (!list.includes(pattern)) list.push(pattern);
  }

  freeze(): CharTrie {
    const total = this.nodes.reduce((sum, node) => sum + node.children.size, 0);
    const childStart = new Int32Array(this.nodes.length);
    const childCount = new Int32Array(this.nodes.length);
    const childCodes = new Uint16Array(total);
    const childNodes = new Int32Array(total);
    const rootChildren = new Int32Array(ROOT_DIRECT).fill(-1);
    let offset = 0;
    this.nodes.forEach((node, id) => {
      const sorted = [...node.children].sort((a, b) => a[0] - b[0]);
      childStart[id] = offset;
      childCount[id] = sorted.length;
      for (const [code, child] of sorted) {
        childCodes[offset] = code;
        childNodes[offset] = child;
        offset += 1;
        if (id === 0 && code < ROOT_DIRECT) rootChildren[code] = child;
      }
    });
    return {
      rootChildren,
      childStart,
      childCount,
      childCodes,
      childNodes,
      exact: this.nodes.map((node) => node.exact),
      prefix: this.nodes.map((node) => node.prefix),
    };
  }
}

/** The child of `node` for code unit `code`, or -1. */
export function childOf(trie: CharTrie, node: number, code: number): number {
  if (node === 0 && code < ROOT_DIRECT) return trie.rootChildren[code] ?? -1;
  let low = trie.childStart[node] ?? 0;
  let high = low + (trie.childCount[node] ?? 0) - 1;
  if (high - low < LINEAR_SEARCH_LIMIT) {
    for (let index = low; index <= high; index++) if (trie.childCodes[index] === code) return trie.childNodes[index] ?? -1;
    return -1;
  }
  while (low <= high) {
    const middle = (low + high) >> 1;
    const value = trie.childCodes[middle] ?? 0;
    if (value === code) return trie.childNodes[middle] ?? -1;
    if (value < code) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** A node of the term trie: the terms that end after this word, and the words that follow. */
export interface TermNode {
  terms: number[];
  next: Map<number, TermNode> | undefined;
}

export function insertTerm(starts: (TermNode | undefined)[], patterns: readonly number[], term: number): void {
  const [first, ...rest] = patterns;
  if (first === undefined) return;
  let node = (starts[first] ??= { terms: [], next: undefined });
  for (const pattern of rest) {
    node.next ??= new Map();
    let child = node.next.get(pattern);
    if (child === undefined) {
      child = { terms: [], next: undefined };
      node.next.set(pattern, child);
    }
    node = child;
  }
  node.terms.push(term);
}
