/**
 * Facts about the report that are not messages but belong in the source's details for the
 * court: project attributes, extraction list, device info and case fields (keyed by fieldType,
 * because their labels are localised), model counts, and the phone's user accounts. Contacts and
 * accounts also teach the file index names for identifiers, so later senders can be named.
 */

import { defineField } from '../import-limits.ts';
import { ownCopy } from '../../../shared/text/own-copy.ts';
import type { FileIndex } from './file-index.ts';
import { descendants, fieldModels, fieldText } from './model-tree.ts';
import type { XmlNode } from './model-tree.ts';

const MAX_ITEMS_PER_SECTION = 200;
const MAX_ACCOUNTS = 100;
const MAX_EXTRACTIONS = 50;
const MAX_VALUE_CHARS = 500;

export class ReportFacts {
  readonly project: Record<string, unknown> = {};
  readonly sections: Record<string, Record<string, string>> = {};
  readonly caseInformation: Record<string, string> = {};
  readonly extractions: Record<string, string>[] = [];
  readonly accounts: Record<string, unknown>[] = [];
  private readonly counts = new Map<string, number>();

  setProject(attrs: Record<string, string>): void {
    for (const key of ['id', 'name', 'reportVersion', 'extractionType', 'containsGarbage', 'NodeCount', 'ModelCount']) {
      if (attrs[key] !== undefined) defineField(this.project, key, attrs[key].slice(0, MAX_VALUE_CHARS));
    }
  }

  count(type: string): void {
    const counted = this.counts.get(type);
    this.counts.set(counted === undefined ? ownCopy(type) : type, (counted ?? 0) + 1);
  }

  modelCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const [type, count] of this.counts) defineField(counts, type, count);
    return counts;
  }

  /** `<metadata section=…>`, `<caseInformation>` or `<sourceExtractions>` under the root. */
  header(node: XmlNode): void {
    if (node.name === 'sourceExtractions') {
      for (const info of descendants(node, 'extractionInfo').slice(0, MAX_EXTRACTIONS - this.extractions.length)) this.extractions.push({ ...info.attrs });
      return;
    }
    if (node.name === 'caseInformation') {
      for (const field of descendants(node, 'field')) {
        const key = field.attrs['fieldType'] ?? field.attrs['name'];
        if (key !== undefined) defineField(this.caseInformation, key, field.text.trim().slice(0, MAX_VALUE_CHARS));
      }
      return;
    }
    const section = node.attrs['section'] ?? 'metadata';
    const items = this.sections[section] ?? {};
    defineField(this.sections, section, items);
    for (const item of descendants(node, 'item')) {
      const name = item.attrs['name'];
      if (name === undefined || Object.keys(items).length >= MAX_ITEMS_PER_SECTION) continue;
      const value = item.text.trim().slice(0, MAX_VALUE_CHARS);
      const key = itemKey(items, name, value, item.attrs['sourceExtraction']);
      if (key !== null) defineField(items, key, value);
    }
  }

  /** A Contact or UserAccount model: names for its identifiers; accounts are also listed. */
  person(model: XmlNode, account: boolean, files: FileIndex): PersonFacts {
    const person = personOf(model);
    if (person.name !== null) for (const id of person.identifiers) files.addName(id, person.name);
    if (account && this.accounts.length < MAX_ACCOUNTS) {
      this.accounts.push({ source: person.source, name: person.name, identifiers: person.identifiers.slice(0, 20), deletedState: model.attrs['deleted_state'] ?? null });
    }
    return person;
  }
}

/**
 * The key of a metadata item. A report of several extractions writes an item once per extraction
 * (`sourceExtraction="0"`, `"1"`): a later one with another value is kept beside the first, named
 * for its extraction, instead of replacing it. The same value again adds nothing (null).
 */
function itemKey(items: Record<string, string>, name: string, value: string, extraction: string | undefined): string | null {
  if (!Object.hasOwn(items, name)) return name;
  if (items[name] === value) return null;
  const base = extraction === undefined ? `${name} (again)` : `${name} (sourceExtraction ${extraction})`;
  let key = base;
  for (let copy = 2; Object.hasOwn(items, key); copy += 1) {
    if (items[key] === value) return null;
    key = `${base} ${copy}`;
  }
  return key;
}

export interface PersonFacts {
  source: string | null;
  name: string | null;
  identifiers: string[];
}

/** The app, name and identifiers (phone numbers, user ids, user names) of a Contact or UserAccount. */
export function personOf(model: XmlNode): PersonFacts {
  const identifiers: string[] = [];
  for (const entry of fieldModels(model, 'Entries')) {
    const value = fieldText(entry, 'Value');
    // "Additional Name" entries are names and profile picture URLs are pictures, not identifiers.
    if (value !== null && !/name|picture|photo/iu.test(`${fieldText(entry, 'Category') ?? ''} ${fieldText(entry, 'Domain') ?? ''}`) && !/^https?:\/\//iu.test(value)) identifiers.push(value);
  }
  for (const field of ['Username', 'Identifier', 'UserId']) {
    const value = fieldText(model, field);
    if (value !== null) identifiers.push(value);
  }
  return { source: fieldText(model, 'Source'), name: fieldText(model, 'Name'), identifiers: [...new Set(identifiers)] };
}
