import path from 'node:path';

/**
 * The renderer is served from `app://baobei/…` by our own protocol handler rather than from file://.
 * A file:// page has an opaque origin shared with every file on the disk, so CSP 'self' would admit
 * any local script and the drafts kept in localStorage would hang on an unstable origin. A privileged
 * standard scheme gives one fixed origin that serves nothing but dist/renderer.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'baobei';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for our own origin: scheme, host, no port, no credentials. */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST && u.username === '' && u.password === '';
}

/**
 * The file under `rootDir` an app:// URL names (`/` is index.html), or null when the URL is not ours or
 * would escape the folder. The renderer routes by hash, so no other path needs to fall back to index.html.
 */
export function resolveAppFile(rootDir: string, url: string): string | null {
  const u = parse(url);
  if (!u || !isAppUrl(url)) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  if (relative === '/') relative = '/index.html';
  const root = path.resolve(rootDir);
  const file = path.resolve(root, `.${relative}`);
  const inside = path.relative(root, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return file;
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

/** Module scripts are refused unless served with a JavaScript type, so the type must be right. */
export const mimeTypeOf = (file: string): string => mimeTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
