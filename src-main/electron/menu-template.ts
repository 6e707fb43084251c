import type { MenuItemConstructorOptions } from 'electron';
import type { Language } from '../../src-shared/contract/system';
import { type MessageKey, translate } from '../../src-shared/i18n';

// Pure data, so menu-template.test.ts can check every label is translated without Electron.

export interface MenuActions {
  openDataFolder: () => void;
  showAbout: () => void;
}

/** The application menu. Standard roles keep their native behaviour and shortcuts; labels are ours. */
export function menuTemplate(language: Language, actions: MenuActions, options: { devTools: boolean }): MenuItemConstructorOptions[] {
  const t = (key: MessageKey) => translate(language, key);
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  return [
    {
      label: t('electron.menu.file'),
      submenu: [
        { label: t('electron.menu.openDataFolder'), click: actions.openDataFolder },
        separator,
        { label: t('electron.menu.quit'), role: 'quit' },
      ],
    },
    {
      label: t('electron.menu.edit'),
      submenu: [
        { label: t('electron.menu.undo'), role: 'undo' },
        { label: t('electron.menu.redo'), role: 'redo' },
        separator,
        { label: t('electron.menu.cut'), role: 'cut' },
        { label: t('electron.menu.copy'), role: 'copy' },
        { label: t('electron.menu.paste'), role: 'paste' },
        { label: t('electron.menu.selectAll'), role: 'selectAll' },
      ],
    },
    {
      label: t('electron.menu.view'),
      submenu: [
        { label: t('electron.menu.reload'), role: 'reload' },
        ...(options.devTools ? [{ label: t('electron.menu.toggleDevTools'), role: 'toggleDevTools' } as const] : []),
        separator,
        { label: t('electron.menu.resetZoom'), role: 'resetZoom' },
        { label: t('electron.menu.zoomIn'), role: 'zoomIn' },
        { label: t('electron.menu.zoomOut'), role: 'zoomOut' },
        separator,
        { label: t('electron.menu.toggleFullScreen'), role: 'togglefullscreen' },
      ],
    },
    {
      label: t('electron.menu.help'),
      submenu: [{ label: t('electron.menu.about'), click: actions.showAbout }],
    },
  ];
}
