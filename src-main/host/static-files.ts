import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the built renderer. A path without a file extension that names no file is a client-side
 * route and gets index.html; a missing path with an extension is a real 404, so a lost script never
 * comes back as HTML.
 */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, rootDir: string): Promise<void> {
  const root = path.resolve(rootDir);
  const requested = resolveInside(root, req.url ?? '/');
  if (requested === null) return sendText(res, 404, 'Not found');
  const file = (await isFile(requested)) ? requested : path.extname(requested) === '' ? path.join(root, 'index.html') : null;
  if (file === null) return sendText(res, 404, 'Not found');
  if (!(await isFile(file))) return sendText(res, 503, 'The renderer is not built yet: run `npm run build`.');
  const stat = await fs.promises.stat(file);
  res.writeHead(200, {
    'Content-Type': contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': stat.size,
    'Cache-Control': cachePolicy(root, file),
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((resolve) => {
    fs.createReadStream(file)
      .on('error', () => {
        res.destroy();
        resolve();
      })
      .on('end', resolve)
      .pipe(res);
  });
}

/** The file a URL path names inside root, or null when it is malformed or escapes root. */
function resolveInside(root: string, url: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://host').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  // Decoding can turn %2e%2e%2f into ../ after URL normalization: resolve, then check containment.
  const resolved = path.resolve(root, `.${path.sep}${pathname}`);
  return resolved === root || resolved.startsWith(root + path.sep) ? resolved : null;
}

/** Vite fingerprints everything under assets/, so those may be kept forever; index.html must never be. */
function cachePolicy(root: string, file: string): string {
  if (path.basename(file) === 'index.html') return 'no-store';
  return file.startsWith(path.join(root, 'assets') + path.sep) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await fs.promises.stat(file)).isFile();
  } catch {
    return false;
  }
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}
