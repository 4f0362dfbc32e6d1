import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticFile } from '../../../engine/loopback/static-files.ts';
import { isLoopbackHost, tokensMatch } from '../../../engine/loopback/security.ts';

const root = mkdtempSync(join(tmpdir(), 'threadline-static-'));
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'index.html'), '<!doctype html>');
writeFileSync(join(root, 'assets', 'app.js'), '');
writeFileSync(join(root, '..', 'threadline-secret.txt'), 'secret');

describe('resolveStaticFile', () => {
  it('serves files inside the root with a content type', () => {
    expect(resolveStaticFile(root, '/')?.contentType).toBe('text/html; charset=utf-8');
    expect(resolveStaticFile(root, '/assets/app.js')?.file).toBe(join(root, 'assets', 'app.js'));
  });

  it.each(['/../threadline-secret.txt', '/assets/../../threadline-secret.txt', '/%2e%2e/threadline-secret.txt', '/..%2fthreadline-secret.txt', '/index.html%00.js'])(
    'refuses path traversal %s',
    (path) => {
      expect(resolveStaticFile(root, path)).toBeNull();
    },
  );
});

describe('loopback guards', () => {
  it('accepts only loopback Host headers on the right port', () => {
    expect(isLoopbackHost('127.0.0.1:5000', 5000)).toBe(true);
    expect(isLoopbackHost('localhost:5000', 5000)).toBe(true);
    expect(isLoopbackHost('evil.example:5000', 5000)).toBe(false);
    expect(isLoopbackHost('127.0.0.1:5001', 5000)).toBe(false);
    expect(isLoopbackHost(undefined, 5000)).toBe(false);
  });

  it('compares tokens exactly', () => {
    expect(tokensMatch('abc', 'abc')).toBe(true);
    expect(tokensMatch('abc', 'abd')).toBe(false);
    expect(tokensMatch('abc', 'ab')).toBe(false);
    expect(tokensMatch('abc', null)).toBe(false);
  });
});
