import { BrowserWindow, app, dialog, session } from 'electron';
import fs from 'node:fs';
import path from 'node:path';
import { translate } from '../../src-shared/i18n';
import { defaultBackupPolicy } from '../core/db/backups';
import { createDispatcher } from '../core/dispatch';
import { handlers } from '../core/handlers';
import { AppHost } from '../core/host/app-host';
import { LocalSettingsStore } from '../core/local-settings';
import { databaseBrowser, reportSaveDialog } from './dialogs';
import { startIpc } from './ipc';
import { fileLogger } from './log';
import { installMenu } from './menu';
import { startDesktopNotifications } from './notifications';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenSession, lockDownContents } from './security';
import { createMainWindow } from './window';

// Everything up to `app.whenReady()` runs before the ready event: the data folder, the privileged
// scheme and the single-instance lock must all be settled by then. No top-level await here — Electron
// emits ready only after the entry module has finished loading.

// A plain ASCII folder (%APPDATA%\Baobei, ~/.config/Baobei) rather than one named after the product
// name 报备 Baobei: easier to find, to type in a support call, and to point the CLI at.
app.setPath('userData', path.join(app.getPath('appData'), 'Baobei'));
const dataFolder = app.getPath('userData');
const logFile = path.join(dataFolder, 'logs', 'main.log');
const log = fileLogger(logFile);
const settings = new LocalSettingsStore(path.join(dataFolder, 'settings.json'));

process.on('uncaughtException', (e) => log('uncaught exception', e));
process.on('unhandledRejection', (e) => log('unhandled rejection', e));

registerAppScheme();
// Same id as electron-builder's appId, so Windows groups the taskbar and notifications under the app.
// The method exists on Windows only.
if (process.platform === 'win32') app.setAppUserModelId('com.baobei.app');

// One copy per PC and user: a second start focuses the first window instead of opening the database
// again beside it.
if (app.requestSingleInstanceLock()) {
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents));
  app.whenReady().then(start).catch(failToStart);
} else {
  app.quit();
}

async function start(): Promise<void> {
  const appRoot = app.getAppPath();
  const devTools = !app.isPackaged;
  const host = new AppHost({
    settings,
    defaultLocalPath: path.join(dataFolder, 'baobei.sqlite'),
    canChooseDatabase: true,
    backupPolicy: () => defaultBackupPolicy(path.join(dataFolder, 'backups')),
    nativeBinding: electronSqliteBinding(appRoot),
    browse: databaseBrowser(() => settings.get().language, app.getPath('documents')),
    saveFile: reportSaveDialog(() => settings.get().language, app.getPath('documents')),
  });
  const dispatch = createDispatcher(host, handlers, { logError: (e, operation) => log(`operation ${operation} failed`, e) });

  hardenSession(session.defaultSession);
  serveRenderer(path.join(appRoot, 'dist', 'renderer'));
  await openRememberedDatabase(host);

  const refreshMenu = () => installMenu({ host, dataFolder, devTools, log });
  refreshMenu();
  const ipc = startIpc({ host, dispatch, log, onLanguageChanged: refreshMenu });
  startDesktopNotifications({ host, dispatch, ipc, log });

  const openWindow = () => {
    const win = createMainWindow({
      settings,
      preload: path.join(appRoot, 'dist', 'electron', 'preload.cjs'),
      title: translate(host.language(), 'electron.appName'),
      devTools,
      // A packaged app carries its icon in the executable and the desktop entry.
      ...(app.isPackaged ? {} : { icon: path.join(appRoot, 'build', 'icon.png') }),
      log,
    });
    ipc.attachWindow(win);
    return win;
  };
  let mainWindow: BrowserWindow | null = openWindow();
  mainWindow.on('closed', () => {
    mainWindow = null;
  });

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => app.quit());
  closeDatabaseOnQuit(host);
}

/**
 * node_modules/better-sqlite3 stays built for Node, for the tests and the CLI. Electron loads its own
 * build: made by scripts/electron-native.mjs in development, shipped beside the app when packaged.
 */
function electronSqliteBinding(appRoot: string): string {
  const binding = app.isPackaged
    ? path.join(process.resourcesPath, 'native', 'better_sqlite3.node')
    : path.join(appRoot, '.electron-native', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (!fs.existsSync(binding)) log(`better-sqlite3 built for Electron is missing at ${binding}; run node scripts/electron-native.mjs`);
  return binding;
}

/**
 * The database this PC used last time. When it cannot be opened (the share is not connected, the file
 * moved) the app still starts without one: the renderer asks setup.status and shows the wizard.
 */
async function openRememberedDatabase(host: AppHost): Promise<void> {
  const { dbPath } = settings.get();
  if (!dbPath) return;
  try {
    await host.useDatabase(dbPath, 'open');
  } catch (e) {
    log(`opening the remembered database ${dbPath} failed`, e);
  }
}

/** Releases the lease and closes the file before the process ends, so other PCs never wait for it. */
function closeDatabaseOnQuit(host: AppHost): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    host
      .close()
      .catch((e: unknown) => log('closing the database failed', e))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });
}

/** Without a window there is nowhere else to say it: a native box naming the log file, no details. */
function failToStart(e: unknown): void {
  log('start-up failed', e);
  const language = settings.get().language;
  dialog.showErrorBox(translate(language, 'electron.fatal.title'), translate(language, 'electron.fatal.detail', { logFile }));
  app.exit(1);
}
