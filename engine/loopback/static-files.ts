import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Resolves a URL path inside `root`, refusing anything that would escape it (path traversal). */
export function resolveStaticFile(root: string, urlPath: string): { file: string; contentType: string } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' ? 'index.html' : normalize(decoded).replace(/^([/\\])+/, '');
  const rootPath = resolve(root);
  const file = resolve(join(rootPath, relative));
  if (file !== rootPath && !file.startsWith(rootPath + sep)) return null;
  if (!existsSync(file) || !statSync(file).isFile()) return null;
  return { file, contentType: CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' };
}

export function readStatic(file: string): Buffer {
  return readFileSync(file);
}
