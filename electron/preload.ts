/**
 * Preload (sandboxed, isolated world): exposes `window.hallShell` and nothing else — four plain
 * functions over fixed IPC channels (bridge.ts). Main validates sender, arguments and results.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld(
  'hallShell',
  createBridge((channel, ...args) => ipcRenderer.invoke(channel, ...args)),
);
