import { randomBytes } from 'node:crypto';

/**
 * Signed-in sessions of one running app: an opaque token per window (Electron) or tab (browser host),
 * mapped to a user id. The user row is re-read on every call, so deactivation takes effect at once.
 */
export class SessionStore {
  private readonly sessions = new Map<string, number>();

  create(userId: number): string {
    const token = randomBytes(24).toString('base64url');
    this.sessions.set(token, userId);
    return token;
  }

  userId(token: string | undefined): number | undefined {
    return token === undefined ? undefined : this.sessions.get(token);
  }

  end(token: string | undefined): void {
    if (token !== undefined) this.sessions.delete(token);
  }

  endAll(): void {
    this.sessions.clear();
  }
}
