import { BrowserWindow, dialog } from 'electron';
import path from 'node:path';
import type { Language } from '../../src-shared/contract/system';
import { type MessageKey, translate } from '../../src-shared/i18n';

const EXTENSION = '.sqlite';

/**
 * The first-run wizard's "choose a file" (AppHostOptions.browse): a save dialog for a new database,
 * an open dialog for an existing one, attached to the window that asked. Null when cancelled.
 */
export function databaseBrowser(language: () => Language, defaultFolder: string) {
  return async (kind: 'create' | 'open'): Promise<string | null> => {
    const t = (key: MessageKey) => translate(language(), key);
    const filters = [{ name: t('electron.dialog.databaseFilter'), extensions: [EXTENSION.slice(1)] }];
    const parent = BrowserWindow.getFocusedWindow();
    if (kind === 'create') {
      const options = {
        title: t('electron.dialog.createDatabase'),
        defaultPath: path.join(defaultFolder, `baobei${EXTENSION}`),
        filters,
        properties: ['createDirectory' as const],
      };
      const result = await (parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options));
      if (result.canceled || !result.filePath) return null;
      // Linux file choosers do not append the filter's extension by themselves.
      return path.extname(result.filePath) ? result.filePath : `${result.filePath}${EXTENSION}`;
    }
    const options = { title: t('electron.dialog.openDatabase'), filters, properties: ['openFile' as const] };
    const result = await (parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options));
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
}

/**
 * Where to save a finished report (AppHostOptions.saveFile): a save dialog on the window that asked,
 * in the documents folder, under the report's own name. Null when cancelled.
 */
export function reportSaveDialog(language: () => Language, defaultFolder: string) {
  return async (suggestedName: string): Promise<string | null> => {
    const t = (key: MessageKey) => translate(language(), key);
    const options = {
      title: t('report.dialog.title'),
      defaultPath: path.join(defaultFolder, suggestedName),
      filters: [{ name: t('report.dialog.filter'), extensions: ['xlsx'] }],
      properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const],
    };
    const parent = BrowserWindow.getFocusedWindow();
    const result = await (parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options));
    if (result.canceled || !result.filePath) return null;
    // Linux file choosers do not append the filter's extension by themselves.
    return path.extname(result.filePath) ? result.filePath : `${result.filePath}.xlsx`;
  };
}
