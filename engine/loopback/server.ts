import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { AppError, serializeError } from '../../shared/errors.ts';
import { dispatch } from '../dispatch.ts';
import type { Engine } from '../engine.ts';
import { isLoopbackHost, SECURITY_HEADERS, tokensMatch } from './security.ts';
import { readStatic, resolveStaticFile } from './static-files.ts';
import { uploadTarget } from './upload-target.ts';

export interface LoopbackServerOptions {
  engine: Engine;
  /** Folder holding the built renderer (index.html and assets). */
  staticRoot: string;
  /** 0 picks a free port. */
  port: number;
  /** Per-launch secret; generated when not given. */
  token?: string;
}

export interface LoopbackServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_JSON_BODY = 1 << 20;
const MAX_UPLOAD_BYTES = 64 * 1024 ** 3;
const HEARTBEAT_MS = 15_000;

/**
 * Serves the UI and the engine contract on 127.0.0.1 only. Every /api request must carry the
 * per-launch token (header, or query for EventSource which cannot set headers) and a loopback
 * Host header; the UI itself is public code and needs no token.
 */
export async function startLoopbackServer(options: LoopbackServerOptions): Promise<LoopbackServer> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const handlers = options.engine.handlers();
  let port = options.port;
  const server: Server = createServer((request, response) => {
    void route(request, response).catch((error: unknown) => sendJson(response, 500, { ok: false, error: serializeError(error) }));
  });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!isLoopbackHost(request.headers.host, port)) return sendJson(response, 403, envelopeError('E_UNAUTHORISED', 'Requests must be addressed to 127.0.0.1'));
    if (!url.pathname.startsWith('/api/')) return serveStatic(url.pathname, response);
    const given = request.headers['x-threadline-token'] ?? url.searchParams.get('token');
    if (!tokensMatch(token, Array.isArray(given) ? given[0] : given)) return sendJson(response, 401, envelopeError('E_UNAUTHORISED', 'Missing or wrong session token'));
    if (url.pathname === '/api/events' && request.method === 'GET') return streamEvents(request, response);
    if (url.pathname === '/api/upload' && request.method === 'PUT') return receiveUpload(request, response, url);
    const channel = /^\/api\/invoke\/([\w.]+)$/.exec(url.pathname)?.[1];
    if (channel !== undefined && request.method === 'POST') {
      const body = await readJsonBody(request);
      return sendJson(response, 200, await dispatch(handlers, channel, body));
    }
    sendJson(response, 404, envelopeError('E_NOT_FOUND', `No route ${request.method ?? ''} ${url.pathname}`));
  }

  function serveStatic(pathname: string, response: ServerResponse): void {
    // Unknown paths fall back to index.html (single-page app); traversal attempts get 404.
    const found = resolveStaticFile(options.staticRoot, pathname) ?? (pathname.includes('..') ? null : resolveStaticFile(options.staticRoot, '/'));
    if (found === null) {
      response.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain' }).end('Not found');
      return;
    }
    response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': found.contentType });
    response.end(readStatic(found.file));
  }

  function streamEvents(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream', Connection: 'keep-alive' });
    response.write(': connected\n\n');
    const listener = (event: unknown): void => {
      response.write(`data: ${JSON.stringify(event)}\n\n`);
    };
    options.engine.on('event', listener);
    const heartbeat = setInterval(() => response.write(': heartbeat\n\n'), HEARTBEAT_MS);
    request.on('close', () => {
      clearInterval(heartbeat);
      options.engine.off('event', listener);
    });
  }

  /**
   * Browser mode cannot hand the engine a file path, so the bytes are streamed into the case's
   * intake folder and imported from there. The copy is hashed like any source; the original
   * name is kept in the file name.
   */
  async function receiveUpload(request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> {
    const session = options.engine.current();
    const name = basename(url.searchParams.get('name') ?? 'upload');
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > MAX_UPLOAD_BYTES) return sendJson(response, 413, envelopeError('E_INVALID_REQUEST', 'Upload too large'));
    // The files of one drop share a folder, as they would on disk: the parts of one export
    // (message_1..N.json) then meet in one conversation (ADR 0014).
    const batch = url.searchParams.get('batch') ?? '';
    const folderName = UPLOAD_BATCH.test(batch) ? `batch-${batch}` : new Date().toISOString().replace(/[:.]/g, '-') + '-' + randomBytes(4).toString('hex');
    // A file of a dropped folder comes with its path from that folder down (upload-target.ts).
    let place;
    try {
      place = uploadTarget(join(session.path, 'intake', folderName), name, url.searchParams.get('path'));
    } catch (error) {
      return sendJson(response, 400, { ok: false, error: serializeError(error) });
    }
    mkdirSync(place.folder, { recursive: true });
    const target = await writeNewFile(place.folder, place.name, request);
    sendJson(response, 200, { ok: true, value: { path: target, root: place.root ?? target } });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new AppError('E_INTERNAL', 'Loopback server has no port', { expected: false });
  port = address.port;
  return {
    url: `http://127.0.0.1:${port}/#token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readJsonBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > MAX_JSON_BODY) throw new AppError('E_INVALID_REQUEST', 'Request body too large');
    chunks.push(chunk);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    throw new AppError('E_INVALID_REQUEST', 'Request body is not valid JSON');
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

function envelopeError(code: 'E_UNAUTHORISED' | 'E_NOT_FOUND' | 'E_INVALID_REQUEST', message: string): unknown {
  return { ok: false, error: { code, message, expected: true } };
}

/** A drop's folder name from the browser: hex only, so it cannot name a path. */
const UPLOAD_BATCH = /^[0-9a-f]{16,64}$/u;
const MAX_SAME_NAME = 10_000;

/**
 * Writes the upload under its own name, or "name (2).ext"... when the drop already holds one of
 * that name (message_1.json of two threads). Created exclusively, read-only: never overwrites.
 */
async function writeNewFile(folder: string, name: string, body: IncomingMessage): Promise<string> {
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let copy = 1; copy <= MAX_SAME_NAME; copy++) {
    const target = join(folder, copy === 1 ? name : `${stem} (${copy})${extension}`);
    let stream;
    try {
      stream = await openExclusive(target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    await pipeline(body, stream);
    return target;
  }
  throw new AppError('E_INVALID_REQUEST', `Too many uploads named ${name} in one drop`);
}

function openExclusive(path: string): Promise<WriteStream> {
  return new Promise((resolve, reject) => {
    const stream = createWriteStream(path, { flags: 'wx', mode: 0o400 });
    stream.once('open', () => resolve(stream));
    stream.once('error', reject);
  });
}
