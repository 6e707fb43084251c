import { BrowserWindow, Menu, app, dialog, shell } from 'electron';
import { translate } from '../../src-shared/i18n';
import type { AppHost } from '../core/host/app-host';
import type { Logger } from './log';
import { menuTemplate } from './menu-template';

export interface MenuOptions {
  host: AppHost;
  /** The user-data folder: settings, the local database, backups and logs. */
  dataFolder: string;
  devTools: boolean;
  log: Logger;
}

/** Builds the application menu in the current language; called again when the language changes. */
export function installMenu({ host, dataFolder, devTools, log }: MenuOptions): void {
  const language = host.language();
  const actions = {
    openDataFolder: () => {
      shell.openPath(dataFolder).then(
        (failure) => failure && log(`opening the data folder failed: ${failure}`),
        (e: unknown) => log('opening the data folder failed', e),
      );
    },
    showAbout: () => {
      const options = {
        type: 'info' as const,
        title: translate(language, 'electron.menu.about'),
        message: `${translate(language, 'electron.appName')} ${app.getVersion()}`,
        detail: translate(language, 'electron.about.detail', {
          version: app.getVersion(),
          dbPath: host.db?.file ?? translate(language, 'electron.about.noDatabase'),
          dataFolder,
        }),
      };
      const parent = BrowserWindow.getFocusedWindow();
      (parent ? dialog.showMessageBox(parent, options) : dialog.showMessageBox(options)).catch((e: unknown) =>
        log('showing the about box failed', e),
      );
    },
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(language, actions, { devTools })));
}
