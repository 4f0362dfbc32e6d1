/**
 * A small element tree for one Cellebrite model at a time (one InstantMessage, one Party, one
 * taggedFiles <file>), and the lookups the record mappers need. Only the model being read is
 * ever held: report.xml files reach gigabytes, so the whole document never becomes a tree.
 */

/** Text kept per element; a longer field (a pasted book in a Body) is cut and flagged. */
export const MAX_FIELD_CHARS = 1024 * 1024;

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
  /** The element's text was longer than MAX_FIELD_CHARS and was cut. */
  truncated: boolean;
  line: number;
  column: number;
}

/** Element name without a namespace prefix (`pa:model` and `model` are the same element). */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

export function newNode(name: string, attrs: Record<string, string>, line: number, column: number): XmlNode {
  return { name: localName(name), attrs, children: [], text: '', truncated: false, line, column };
}

/** Appends text to a node within MAX_FIELD_CHARS; returns the characters dropped. */
export function appendText(node: XmlNode, text: string): number {
  const room = MAX_FIELD_CHARS - node.text.length;
  if (text.length <= room) {
    node.text += text;
    return 0;
  }
  node.text += text.slice(0, Math.max(0, room));
  node.truncated = true;
  return text.length - Math.max(0, room);
}

const FIELD_ELEMENTS = new Set(['field', 'modelField', 'multiModelField', 'dataField', 'multiField', 'nodeField']);

/** The direct field child of a model with this name (`<field name="Body">`, `<modelField name="From">`...). */
export function fieldNode(model: XmlNode, name: string): XmlNode | undefined {
  return model.children.find((child) => FIELD_ELEMENTS.has(child.name) && child.attrs['name'] === name);
}

export interface FieldValue {
  text: string;
  truncated: boolean;
  attrs: Record<string, string>;
}

/**
 * The <value> of a field, or null when the field is absent or `<empty/>`. A `<multiField>` holds
 * several values: all are kept, one per line, since reading the first alone dropped the rest.
 */
export function fieldValue(model: XmlNode, name: string): FieldValue | null {
  const field = fieldNode(model, name);
  const values = field?.children.filter((child) => child.name === 'value') ?? [];
  const [first] = values;
  if (first === undefined) return null;
  const kept = field?.name === 'multiField' ? values : [first];
  const text = kept.map((value) => (value.attrs['format'] === 'Base64String' ? decodeBase64Text(value.text) : value.text)).join('\n');
  return { text, truncated: kept.some((value) => value.truncated), attrs: first.attrs };
}

/** A field's text with surrounding whitespace removed, or null when empty. */
export function fieldText(model: XmlNode, name: string): string | null {
  const value = fieldValue(model, name);
  if (value === null) return null;
  const trimmed = value.text.trim();
  return trimmed === '' ? null : trimmed;
}

/** The <model> children of a modelField/multiModelField. */
export function fieldModels(model: XmlNode, name: string): XmlNode[] {
  return fieldNode(model, name)?.children.filter((child) => child.name === 'model') ?? [];
}

/**
 * Every descendant with this element name, depth first, in document order. Walked with a stack,
 * not recursion: a model nested a few hundred thousand elements deep (well within the size
 * bound) overflowed the call stack, and the import stopped there.
 */
export function descendants(node: XmlNode, name: string): XmlNode[] {
  const found: XmlNode[] = [];
  const pending = [...node.children].reverse();
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.name === name) found.push(next);
    for (let index = next.children.length - 1; index >= 0; index--) pending.push(next.children[index] as XmlNode);
  }
  return found;
}

export interface Party {
  id: string | null;
  name: string | null;
  owner: boolean | null;
}

/** A Party model: Identifier, Name and whether it is the phone's owner. */
export function partyOf(model: XmlNode): Party {
  const owner = fieldText(model, 'IsPhoneOwner');
  return {
    id: fieldText(model, 'Identifier'),
    name: fieldText(model, 'Name'),
    owner: owner === null ? null : owner.toLowerCase() === 'true',
  };
}

/**
 * Values written as Base64String are usually text the decoder could not print; decode them when
 * they are valid base64 of valid UTF-8, keep them as written otherwise (the examiner sees the raw).
 */
function decodeBase64Text(raw: string): string {
  const compact = raw.replace(/\s+/gu, '');
  if (compact === '' || !/^[A-Za-z0-9+/]+={0,2}$/u.test(compact)) return raw;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(compact, 'base64'));
  } catch {
    return raw;
  }
}
