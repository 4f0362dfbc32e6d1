import { createHash } from 'node:crypto';

/**
 * Builds Cellebrite Physical Analyzer report.xml text for tests, model by model, in the markup
 * Physical Analyzer writes (`<field name type><value type>`, `<modelField>`, `<multiModelField>`,
 * Parties with a Role). Names, numbers and texts are invented.
 */
export const CELLEBRITE_NS = 'http://pa.cellebrite.com/report/2.0';

const cdata = (text: string): string => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

export function field(name: string, value: string | null, type = 'String'): string {
  return value === null ? `<field name="${name}" type="${type}"><empty /></field>` : `<field name="${name}" type="${type}"><value type="${type}">${cdata(value)}</value></field>`;
}

export function stamp(name: string, value: string): string {
  return `<field name="${name}" type="TimeStamp"><value type="TimeStamp" format="TimeStampKnown">${value}</value></field>`;
}

export interface PartySpec {
  id: string;
  name?: string;
  role?: 'From' | 'To' | 'CC' | 'BCC';
  owner?: boolean;
}

export function party(spec: PartySpec): string {
  return [
    '<model type="Party">',
    field('Identifier', spec.id),
    spec.name === undefined ? '' : field('Name', spec.name),
    spec.role === undefined ? '' : field('Role', spec.role, 'PartyRole'),
    spec.owner === undefined ? '' : field('IsPhoneOwner', spec.owner ? 'True' : 'False', 'Boolean'),
    '</model>',
  ].join('');
}

export function parties(list: PartySpec[]): string {
  return `<multiModelField name="Parties" type="Party">${list.map(party).join('')}</multiModelField>`;
}

export function attachmentsField(fileIds: string[]): string {
  if (fileIds.length === 0) return '';
  return `<multiModelField name="Attachments" type="Attachment">${fileIds.map((id) => `<model type="Attachment" file_id="${id}">${field('ContentType', 'image/jpeg')}</model>`).join('')}</multiModelField>`;
}

interface ModelBase {
  id: string;
  deleted?: boolean;
}

export function sms(spec: ModelBase & { folder: string; time: string; body: string; parties: PartySpec[]; status?: string }): string {
  return `<model type="SMS" id="${spec.id}" deleted_state="${spec.deleted === true ? 'Deleted' : 'Intact'}" decoding_confidence="High">${field('Source', null)}${stamp('TimeStamp', spec.time)}${parties(spec.parties)}${field('Folder', spec.folder, 'SMSFolder')}${field('Status', spec.status ?? null, 'MessageStatus')}${field('Body', spec.body)}</model>`;
}

export function mms(spec: ModelBase & { folder: string; time: string; body: string; subject?: string; parties: PartySpec[]; fileIds: string[] }): string {
  return `<model type="MMS" id="${spec.id}" deleted_state="${spec.deleted === true ? 'Deleted' : 'Intact'}" decoding_confidence="High">${stamp('TimeStamp', spec.time)}${parties(spec.parties)}${field('Folder', spec.folder)}${field('Subject', spec.subject ?? null)}${field('Body', spec.body)}${attachmentsField(spec.fileIds)}</model>`;
}

export function email(spec: ModelBase & { account: string; folder: string; time: string; subject: string; body: string; from: PartySpec; to: PartySpec[]; fileIds?: string[] }): string {
  return [
    `<model type="Email" id="${spec.id}" deleted_state="${spec.deleted === true ? 'Deleted' : 'Intact'}" decoding_confidence="High">`,
    field('Source', 'Gmail'),
    field('Account', spec.account),
    field('Folder', spec.folder),
    stamp('TimeStamp', spec.time),
    field('Subject', spec.subject),
    field('Body', spec.body),
    `<modelField name="From" type="Party">${party(spec.from)}</modelField>`,
    `<multiModelField name="To" type="Party">${spec.to.map(party).join('')}</multiModelField>`,
    attachmentsField(spec.fileIds ?? []),
    '</model>',
  ].join('');
}

export function call(spec: ModelBase & { type: string; time: string; duration: string; video?: boolean; source?: string; parties: PartySpec[] }): string {
  return [
    `<model type="Call" id="${spec.id}" deleted_state="${spec.deleted === true ? 'Deleted' : 'Intact'}" decoding_confidence="High">`,
    field('Source', spec.source ?? null),
    field('Type', spec.type, 'CallType'),
    stamp('TimeStamp', spec.time),
    field('Duration', spec.duration, 'TimeSpan'),
    spec.video === undefined ? '' : field('VideoCall', spec.video ? 'True' : 'False', 'Boolean'),
    parties(spec.parties),
    '</model>',
  ].join('');
}

export function userAccount(spec: { id: string; source: string; name: string; userId: string }): string {
  return `<model type="UserAccount" id="${spec.id}" deleted_state="Intact" decoding_confidence="High">${field('Source', spec.source)}${field('Name', spec.name)}<multiModelField name="Entries" type="ContactEntry"><model type="PhoneNumber" id="${spec.id}-e">${field('Category', 'Mobile')}${field('Value', spec.userId)}</model></multiModelField></model>`;
}

export function modelType(type: string, models: string[]): string {
  return `<modelType type="${type}">\n${models.join('\n')}\n</modelType>`;
}

export interface TaggedFileSpec {
  id: string;
  localPath: string;
  bytes: Uint8Array;
  /** Write this SHA-256 instead of the true one (a digest that must not verify). */
  sha256?: string;
}

export function taggedFile(spec: TaggedFileSpec): string {
  const md5 = createHash('md5').update(spec.bytes).digest('hex');
  const sha256 = spec.sha256 ?? createHash('sha256').update(spec.bytes).digest('hex');
  return `<file fs="Data" path="/data/media/0/${spec.localPath.split('/').pop() ?? ''}" size="${spec.bytes.byteLength}" id="${spec.id}" deleted="Intact"><metadata section="File"><item name="Local Path">${cdata(spec.localPath.replaceAll('/', '\\'))}</item></metadata><metadata section="MetaData"><item name="MD5">${md5}</item><item name="SHA256">${sha256}</item></metadata></file>`;
}

/** A whole report; `taggedFilesLast` writes taggedFiles after decodedData, as some exports do. */
export function report(spec: { decoded: string[]; files?: TaggedFileSpec[]; taggedFilesLast?: boolean }): string {
  const tagged = `<taggedFiles>\n${(spec.files ?? []).map(taggedFile).join('\n')}\n</taggedFiles>`;
  const decoded = `<decodedData>\n${spec.decoded.join('\n')}\n</decodedData>`;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<project id="t-1" name="test" reportVersion="7.69.0.1" extractionType="FileSystem" xmlns="${CELLEBRITE_NS}">`,
    '<sourceExtractions><extractionInfo id="0" name="File System" type="FileSystem" deviceName="Phone" /></sourceExtractions>',
    spec.taggedFilesLast === true ? decoded : tagged,
    spec.taggedFilesLast === true ? tagged : decoded,
    '</project>',
  ].join('\n');
}

/**
 * Counts the top-level models of a type in raw report XML with a regex tokenizer, independent of
 * the importer's parser: a model nested inside another of the same type (a quoted message) is
 * not counted.
 */
export function countTopLevelModels(xml: string, type: string): number {
  const open: string[] = [];
  let count = 0;
  for (const match of xml.matchAll(/<(\/?)model\b([^>]*?)(\/?)>/gu)) {
    if (match[1] === '/') {
      open.pop();
      continue;
    }
    const modelTypeName = /\btype="([^"]*)"/u.exec(match[2] ?? '')?.[1] ?? '';
    if (modelTypeName === type && !open.includes(type)) count += 1;
    if (match[3] !== '/') open.push(modelTypeName);
  }
  return count;
}
