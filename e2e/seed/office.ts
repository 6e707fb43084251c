import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ADMIN, expect, signIn, type WebHost } from '../fixtures';
import type { Person, Scenario } from './people';

const root = path.resolve(import.meta.dirname, '../..');

/** Adds the people with the real CLI, as the administrator. */
export function addPeople(host: WebHost, ...persons: Person[]): void {
  for (const p of persons) {
    host.cli(['user', 'add', '--db', host.dbFile, '--as', ADMIN.username, '--name', p.username, '--role', p.role, '--display-name', p.displayName], {
      BAOBEI_PASSWORD: ADMIN.password,
      BAOBEI_NEW_PASSWORD: p.password,
    });
  }
}

export interface Seeded {
  registrationId: number;
  customerId: number;
  protectedUntil: string;
}

/** Runs e2e/seed/registrations.ts on the host's database: 李雷's registration, approved or expired. */
export function seedRegistration(host: WebHost, scenario: Scenario): Seeded {
  const out = execFileSync(process.execPath, ['--import', 'tsx', path.join(root, 'e2e/seed/registrations.ts'), host.dbFile, scenario], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '') as Seeded;
}

/**
 * Signs in and waits for the app. Password hashing is slow on purpose, and a loaded machine makes it
 * slower than the usual wait for one expectation.
 */
export async function signInAs(page: Page, host: WebHost, person: Person): Promise<void> {
  await signIn(page, host.url, person.username, person.password);
  await expect(page.getByTestId('signout')).toBeVisible({ timeout: 30_000 });
}
