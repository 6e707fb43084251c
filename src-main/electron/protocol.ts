import { protocol } from 'electron';
import fs from 'node:fs/promises';
import { APP_SCHEME, mimeTypeOf, resolveAppFile } from './app-url';
import { contentSecurityPolicy } from './window-options';

/**
 * Must run before the app is ready. `standard` gives app://baobei a real origin (so CSP 'self' and
 * localStorage work), `secure` makes it a secure context like https. `corsEnabled` is deliberately
 * left off: it would let other origins read app:// responses, and the renderer only loads its own.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves the built renderer, and only it, with the CSP on every response. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = request.method === 'GET' ? resolveAppFile(rendererDir, request.url) : null;
    if (!file) return new Response(null, { status: 404 });
    try {
      const body = await fs.readFile(file);
      return new Response(new Uint8Array(body), {
        headers: {
          'content-type': mimeTypeOf(file),
          'content-security-policy': contentSecurityPolicy,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}
