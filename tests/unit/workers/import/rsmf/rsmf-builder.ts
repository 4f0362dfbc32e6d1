/**
 * Builds RSMF inputs for the tests: a manifest (shaped as the RSMF 1.0.0/2.0.0 schemas define it),
 * rsmf.zip holding it and the attachment files, and the .rsmf message wrapping that zip as a
 * base64 MIME part, laid out as relativitydev/rsmf-validator-samples' Sample3/sample.rsmf is.
 */

import { buildZip } from '../../../../support/zip-writer.ts';
import type { TestZipEntry } from '../../../../support/zip-writer.ts';

export interface ManifestShape {
  version?: string | undefined;
  participants?: unknown[] | undefined;
  conversations?: unknown[] | undefined;
  events?: unknown[] | undefined;
  [key: string]: unknown;
}

/** A small two-person SMS conversation, with one message of each direction. */
export function smallManifest(): ManifestShape {
  return {
    version: '2.0.0',
    participants: [
      { id: 'P1', display: 'Ana', email: 'ana@example.org', account_id: '+15550001' },
      { id: 'P2', display: 'Bo' },
    ],
    conversations: [{ id: 'C1', display: 'Ana and Bo', platform: 'sms', type: 'direct', participants: ['P1', 'P2'] }],
    events: [
      { id: 'm1', type: 'message', participant: 'P1', conversation: 'C1', timestamp: '2023-05-01T10:00:00+02:00', body: 'hello', direction: 'outgoing' },
      { id: 'm2', type: 'message', participant: 'P2', conversation: 'C1', timestamp: '2023-05-01T10:01:00Z', body: 'hi', direction: 'incoming', parent: 'm1' },
    ],
  };
}

export function manifestText(manifest: ManifestShape): string {
  return JSON.stringify(manifest, null, 2);
}

/** rsmf.zip: the manifest (a shape, text, or bytes as they are) and the files its events name. */
export function rsmfZip(manifest: ManifestShape | string | Uint8Array, files: TestZipEntry[] = []): Buffer {
  const data = typeof manifest === 'string' || manifest instanceof Uint8Array ? manifest : manifestText(manifest);
  return buildZip([{ name: 'rsmf_manifest.json', data, deflate: true }, ...files]);
}

export interface MessageOptions {
  version?: string;
  zipName?: string;
  extraParts?: { name: string; type: string; data: Uint8Array }[];
}

/** The .rsmf message: headers, a text body, rsmf.zip as a base64 attachment. */
export function rsmfMessage(zip: Uint8Array | null, options: MessageOptions = {}): Buffer {
  const parts = [
    ['--RSMFEML', 'Content-Type: text/plain; charset="us-ascii"', '', 'This is body text.', ''].join('\r\n'),
    ...(zip === null ? [] : [attachmentPart(options.zipName ?? 'rsmf.zip', 'application/zip', zip)]),
    ...(options.extraParts ?? []).map((part) => attachmentPart(part.name, part.type, part.data)),
  ];
  const head = ['MIME-Version: 1.0', `X-RSMF-Version: ${options.version ?? '2.0.0'}`, 'X-RSMF-Generator: threadline tests', 'To: Participant Name', 'Content-Type: multipart/mixed; boundary="RSMFEML"', ''];
  return Buffer.from([...head, ...parts, '--RSMFEML--', ''].join('\r\n'), 'latin1');
}

function attachmentPart(name: string, type: string, data: Uint8Array): string {
  const base64 = Buffer.from(data).toString('base64').replace(/.{1,76}/gu, '$&\r\n');
  return [`--RSMFEML`, `Content-Type: ${type}; name="${name}"`, `Content-Disposition: attachment; filename="${name}"`, 'Content-Transfer-Encoding: base64', '', base64].join('\r\n');
}
