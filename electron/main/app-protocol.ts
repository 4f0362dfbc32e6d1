import { protocol } from 'electron';
import { readStatic, resolveStaticFile } from '../../engine/loopback/static-files.ts';
import { SECURITY_HEADERS } from '../../engine/loopback/security.ts';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://threadline`;

/** Must run before app 'ready': app:// behaves like a secure, standard origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves the built renderer from app://threadline/, refusing paths that escape its folder. */
export function serveRenderer(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    if (url.host !== 'threadline') return new Response('Not found', { status: 404 });
    const found = resolveStaticFile(rendererRoot, url.pathname);
    if (found === null) return new Response('Not found', { status: 404 });
    return new Response(readStatic(found.file), { headers: { ...SECURITY_HEADERS, 'Content-Type': found.contentType } });
  });
}
