import { contextBridge, ipcRenderer } from 'electron';
import type { EventName, Result } from '../../src-shared/contract';
import type { BaobeiBridge } from '../../src-shared/contract/bridge';
import { IPC } from './channels';

// Runs sandboxed, before the page: everything the renderer may do in the main process goes through
// these two functions. ipcRenderer itself never reaches the page.

const callbacks = new Map<EventName, Set<(payload: unknown) => void>>();

// One IPC listener for all subscriptions, so screens subscribing many times never pile up listeners.
ipcRenderer.on(IPC.event, (_event, name: EventName, payload: unknown) => {
  for (const callback of callbacks.get(name) ?? []) callback(payload);
});

const bridge: BaobeiBridge = {
  invoke: (operation, input) => ipcRenderer.invoke(IPC.rpc, operation, input) as Promise<Result<unknown>>,
  subscribe(event, callback) {
    const forEvent = callbacks.get(event) ?? new Set();
    callbacks.set(event, forEvent);
    const listener = (payload: unknown) => callback(payload as Parameters<typeof callback>[0]);
    forEvent.add(listener);
    return () => {
      forEvent.delete(listener);
    };
  },
};

contextBridge.exposeInMainWorld('baobei', bridge);
