import { BrowserWindow, screen } from 'electron';
import type { SettingsStore } from '../core/local-settings';
import { APP_ENTRY_URL } from './app-url';
import type { Logger } from './log';
import { mainWindowOptions, restoredBounds } from './window-options';

export interface MainWindowOptions {
  settings: SettingsStore;
  preload: string;
  title: string;
  devTools: boolean;
  icon?: string;
  log: Logger;
}

/** The app window, at its remembered size and place, loading the renderer from app://. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { settings, log } = options;
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  const win = new BrowserWindow(
    mainWindowOptions({
      preload: options.preload,
      title: options.title,
      devTools: options.devTools,
      bounds: restoredBounds(settings.get().windowBounds, workAreas),
      ...(options.icon ? { icon: options.icon } : {}),
    }),
  );
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    try {
      // The normal bounds, so closing a maximized window does not remember the whole screen.
      settings.update({ windowBounds: win.getNormalBounds() });
    } catch (e) {
      log('saving the window bounds failed', e);
    }
  });
  win.webContents.on('render-process-gone', (_event, details) => log(`renderer process gone: ${details.reason}`));
  win.loadURL(APP_ENTRY_URL).catch((e: unknown) => log('loading the renderer failed', e));
  return win;
}
