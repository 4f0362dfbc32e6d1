import { describeLocatorInFull } from '../../shared/domain/locator.ts';
import { canonicalJson } from './canonical-json.ts';
import { sha256Text } from './hashing.ts';
import type { PreparedPackage } from './prepare.ts';

/**
 * case.jsonld: the package in CASE/UCO terms (https://caseontology.org) for tools that read it.
 * The @context is inline so the file parses without fetching anything (the machines that read
 * it are often offline). Ids are derived from content, so the file is deterministic.
 */
export const CASE_CONTEXT = {
  kb: 'urn:threadline:',
  'case-investigation': 'https://ontology.caseontology.org/case/investigation/',
  'uco-action': 'https://ontology.unifiedcyberontology.org/uco/action/',
  'uco-core': 'https://ontology.unifiedcyberontology.org/uco/core/',
  'uco-identity': 'https://ontology.unifiedcyberontology.org/uco/identity/',
  'uco-observable': 'https://ontology.unifiedcyberontology.org/uco/observable/',
  'uco-tool': 'https://ontology.unifiedcyberontology.org/uco/tool/',
  'uco-types': 'https://ontology.unifiedcyberontology.org/uco/types/',
  'uco-vocabulary': 'https://ontology.unifiedcyberontology.org/uco/vocabulary/',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
} as const;

type Node = Record<string, unknown>;

const ref = (id: string): Node => ({ '@id': id });
const dateTime = (value: string): Node => ({ '@type': 'xsd:dateTime', '@value': value });
const integer = (value: number): Node => ({ '@type': 'xsd:integer', '@value': value });
/** Short stable id part from any text (names and paths may hold characters an IRI cannot). */
const key = (text: string): string => sha256Text(text).slice(0, 16);

function sha256Hash(hex: string): Node {
  return {
    '@id': `kb:hash-${hex}`,
    '@type': 'uco-types:Hash',
    'uco-types:hashMethod': { '@type': 'uco-vocabulary:HashNameVocab', '@value': 'SHA256' },
    'uco-types:hashValue': { '@type': 'xsd:hexBinary', '@value': hex.toUpperCase() },
  };
}

function fileNode(id: string, name: string, sha256: string, size: number | null, extra: Node = {}): Node {
  const fileFacet: Node = { '@id': `${id}-file`, '@type': 'uco-observable:FileFacet', 'uco-observable:fileName': name };
  if (size !== null) fileFacet['uco-observable:sizeInBytes'] = integer(size);
  return {
    '@id': id, '@type': 'uco-observable:File', ...extra,
    'uco-core:hasFacet': [fileFacet, { '@id': `${id}-content`, '@type': 'uco-observable:ContentDataFacet', 'uco-observable:hash': [sha256Hash(sha256)] }],
  };
}

function relationship(source: string, target: string, kind: string): Node {
  return {
    '@id': `kb:relationship-${key(`${source} ${kind} ${target}`)}`, '@type': 'uco-observable:ObservableRelationship',
    'uco-core:source': ref(source), 'uco-core:target': ref(target), 'uco-core:kindOfRelationship': kind, 'uco-core:isDirectional': true,
  };
}

export function caseJsonLd(prepared: PreparedPackage, attachmentSizes: ReadonlyMap<string, number>): string {
  const { input } = prepared;
  const graph: Node[] = [];
  const examinerId = `kb:identity-${key(input.examiner.name)}`;
  const toolId = `kb:tool-${key(`${input.tool.name} ${input.tool.version}`)}`;
  graph.push({ '@id': examinerId, '@type': 'uco-identity:Identity', 'uco-core:name': input.examiner.name });
  graph.push({ '@id': `kb:organization-${key(input.organisation)}`, '@type': 'uco-identity:Organization', 'uco-core:name': input.organisation });
  graph.push({ '@id': toolId, '@type': 'uco-tool:Tool', 'uco-core:name': input.tool.name, 'uco-tool:version': input.tool.version, 'uco-tool:toolType': 'forensic triage and evidence packaging' });

  const sourceIds = new Map<string, string>();
  for (const source of prepared.sources) {
    const id = `kb:source-${key(source.id)}`;
    sourceIds.set(source.id, id);
    const changed = source.sha256AtExport !== null && source.sha256AtExport.toLowerCase() !== source.sha256AtIntake.toLowerCase();
    graph.push(fileNode(id, source.displayName, source.sha256AtIntake.toLowerCase(), source.size, {
      'uco-core:description': changed ? `Seized source; SHA-256 at export ${source.sha256AtExport ?? ''} DIFFERS from intake` : 'Seized source; SHA-256 at intake (and at export when re-read)',
    }));
    const parserId = `kb:tool-${key(`${source.parser} ${source.parserVersion}`)}`;
    if (!graph.some((node) => node['@id'] === parserId)) {
      graph.push({ '@id': parserId, '@type': 'uco-tool:Tool', 'uco-core:name': `${input.tool.name} parser ${source.parser}`, 'uco-tool:version': source.parserVersion, 'uco-tool:toolType': 'parser' });
    }
    graph.push({
      '@id': `kb:action-import-${key(source.id)}`, '@type': 'uco-action:Action', 'uco-core:name': `import of ${source.displayName}`,
      'uco-action:instrument': ref(parserId), 'uco-action:object': [ref(id)], 'uco-action:startTime': dateTime(source.importedAt),
      ...(source.finishedAt === null ? {} : { 'uco-action:endTime': dateTime(source.finishedAt) }),
      'uco-core:description': `Format ${source.format}${source.formatVersion === null ? '' : ` ${source.formatVersion}`}; device times read in ${source.timeZone} (${source.timeZoneOrigin})${source.device === null ? '' : `; declared at import as from device "${source.device}"`}`,
    });
  }

  const attachmentIds = new Map<string, string>();
  for (const attachment of prepared.attachments) {
    const id = `kb:file-${attachment.sha256}`;
    attachmentIds.set(attachment.sha256, id);
    graph.push(fileNode(id, attachment.path, attachment.sha256, attachmentSizes.get(attachment.path) ?? null));
  }

  const evidence: string[] = [...sourceIds.values(), ...attachmentIds.values()];
  const senders = new Map<string, string>();
  for (const conversation of prepared.conversations) {
    const threadId = `kb:thread-${key(conversation.id)}`;
    graph.push({ '@id': threadId, '@type': 'uco-observable:MessageThread', 'uco-core:name': conversation.title, 'uco-core:description': `Participants: ${conversation.participants.join(', ')}` });
    for (const message of conversation.messages) {
      const id = `kb:message-${key(message.id)}`;
      evidence.push(id);
      const facet: Node = { '@id': `${id}-facet`, '@type': 'uco-observable:MessageFacet', 'uco-observable:messageID': message.id, 'uco-observable:messageText': message.text };
      if (message.timestamp !== null) facet['uco-observable:sentTime'] = dateTime(message.timestamp);
      if (message.sender !== null || message.senderId !== null) {
        const name = message.sender ?? message.senderId ?? '';
        const accountId = `kb:account-${key(`${name}\u0000${message.senderId ?? ''}`)}`;
        if (!senders.has(accountId)) {
          senders.set(accountId, name);
          graph.push({
            '@id': accountId, '@type': 'uco-observable:ApplicationAccount',
            'uco-core:hasFacet': [{ '@id': `${accountId}-facet`, '@type': 'uco-observable:DigitalAccountFacet', 'uco-observable:displayName': name },
              ...(message.senderId === null ? [] : [{ '@id': `${accountId}-id`, '@type': 'uco-observable:AccountFacet', 'uco-observable:accountIdentifier': message.senderId }])],
          });
        }
        facet['uco-observable:from'] = ref(accountId);
      }
      graph.push({
        '@id': id, '@type': 'uco-observable:Message', 'uco-core:hasFacet': [facet],
        'uco-core:description': `${message.selected ? 'Selected' : 'Context'} message; source ${message.sourceId}, ${describeLocatorInFull(message.locator)}`,
      });
      graph.push(relationship(id, threadId, 'Contained_Within'));
      const sourceId = sourceIds.get(message.sourceId);
      if (sourceId !== undefined) graph.push(relationship(id, sourceId, 'Extracted_From'));
      for (const attachment of message.attachments) {
        const fileId = attachment.sha256 === null ? undefined : attachmentIds.get(attachment.sha256);
        if (fileId !== undefined) graph.push(relationship(fileId, id, 'Attached_To'));
      }
      for (const marker of prepared.markersByMessage.get(message.id) ?? []) {
        graph.push({
          '@id': `kb:annotation-marker-${key(`${marker.messageId} ${marker.markerId}`)}`, '@type': 'uco-core:Annotation',
          'uco-core:object': [ref(id)], 'uco-core:statement': marker.explanation,
          'uco-core:tag': [`indicator:${marker.markerId}`, `rule:${marker.ruleId}`, `pack:${marker.packVersion}`],
        });
      }
      for (const [index, review] of (prepared.reviewsByMessage.get(message.id) ?? []).entries()) {
        graph.push({
          '@id': `kb:annotation-review-${key(`${review.messageId} ${index}`)}`, '@type': 'uco-core:Annotation',
          'uco-core:object': [ref(id)], 'uco-core:statement': `${review.decision}${review.markerId === undefined ? '' : ` indicator ${review.markerId}`}${review.indicatorNoLongerFoundBy === undefined ? '' : ` (indicator no longer found by ${review.indicatorNoLongerFoundBy})`} by ${review.by}${review.note === undefined ? '' : `: ${review.note}`}`,
          'uco-core:objectCreatedTime': dateTime(review.at), 'uco-core:tag': [`review:${review.decision}`],
        });
      }
    }
  }

  const provenanceId = `kb:provenance-${key(input.case.reference)}`;
  graph.push({
    '@id': provenanceId, '@type': 'case-investigation:ProvenanceRecord',
    'case-investigation:exhibitNumber': input.exhibitRefs.join(', '),
    'uco-core:description': `Evidence package: ${input.selection.description}`,
    'uco-core:object': evidence.map(ref),
  });
  graph.push({
    '@id': `kb:action-export-${key(`${input.case.reference} ${input.baggingDate}`)}`, '@type': 'uco-action:Action',
    'uco-core:name': 'evidence package export', 'uco-action:instrument': ref(toolId), 'uco-action:performer': ref(examinerId),
    'uco-action:object': [...sourceIds.values()].map(ref), 'uco-action:result': [ref(provenanceId)], 'uco-action:endTime': dateTime(input.baggingDate),
  });
  graph.push({
    '@id': `kb:investigation-${key(input.case.reference)}`, '@type': 'case-investigation:Investigation',
    'uco-core:name': `${input.case.name} (${input.case.reference})`, 'uco-core:object': [ref(provenanceId)],
  });
  return `${canonicalJson({ '@context': CASE_CONTEXT, '@graph': graph }, 2)}\n`;
}
