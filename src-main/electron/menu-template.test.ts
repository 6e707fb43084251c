import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { menuTemplate } from './menu-template';

const noop = { openDataFolder: () => {}, showAbout: () => {} };

const flatten = (items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);

describe('application menu', () => {
  it.each(['zh-CN', 'en'] as const)('labels every item in %s', (language) => {
    const items = flatten(menuTemplate(language, noop, { devTools: true })).filter((i) => i.type !== 'separator');
    for (const item of items) {
      expect(item.label, JSON.stringify(item.role)).toBeTruthy();
      expect(item.label).not.toMatch(/^electron\./);
    }
  });

  it('offers developer tools only when they are enabled', () => {
    const roles = (devTools: boolean) => flatten(menuTemplate('en', noop, { devTools })).map((i) => i.role);
    expect(roles(true)).toContain('toggleDevTools');
    expect(roles(false)).not.toContain('toggleDevTools');
  });
});
