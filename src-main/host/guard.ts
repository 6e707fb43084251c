import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { HTTP } from '../../src-shared/contract/bridge';

/**
 * Who may talk to the browser host: only this machine's browser, on this host's own address, holding
 * this run's token. The token stops other local users and web pages; the Host check stops DNS
 * rebinding (a foreign name resolving to 127.0.0.1); the Origin check stops pages served from another
 * port of 127.0.0.1, which count as "same site" and so still receive a SameSite=Strict cookie.
 */
export class RequestGuard {
  private readonly tokenDigest: Buffer;

  /** `port` is read per request: the guard exists before the server knows which free port it got. */
  constructor(
    private readonly token: string,
    private readonly port: () => number,
  ) {
    this.tokenDigest = digest(token);
  }

  isOwnHost(req: IncomingMessage): boolean {
    return this.ownHosts().includes((req.headers.host ?? '').toLowerCase());
  }

  /** Browsers send Origin on every cross-origin request and every POST; absent means a same-origin GET or a non-browser client. */
  isOwnOriginOrNone(req: IncomingMessage): boolean {
    const origin = req.headers.origin;
    return origin === undefined || this.ownHosts().some((host) => origin.toLowerCase() === `http://${host}`);
  }

  hasToken(req: IncomingMessage): boolean {
    const header = req.headers[HTTP.tokenHeader];
    if (typeof header === 'string' && this.matches(header)) return true;
    const cookie = readCookie(req, this.cookieName());
    return cookie !== undefined && this.matches(cookie);
  }

  /** Compares digests in constant time, so the token cannot be guessed byte by byte from timings. */
  matches(candidate: string): boolean {
    return timingSafeEqual(digest(candidate), this.tokenDigest);
  }

  tokenCookie(): string {
    return `${this.cookieName()}=${this.token}; HttpOnly; SameSite=Strict; Path=/`;
  }

  /** Browsers share cookies across the ports of one host: the port in the name keeps two hosts apart. */
  cookieName(): string {
    return `${HTTP.tokenCookie}_${this.port()}`;
  }

  private ownHosts(): string[] {
    const port = this.port();
    return [`127.0.0.1:${port}`, `localhost:${port}`];
  }
}

const digest = (value: string): Buffer => createHash('sha256').update(value).digest();

function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
