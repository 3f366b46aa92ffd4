import WebSocket from 'ws';
import { operations, operationUrl } from '../contracts/api';
import { SHELL_HEADER } from '../contracts/shell-channels';
import type { EventSocket } from './settings-follower';

/**
 * Main's connection to the host's event stream (`operations.events`), with the shell's header (the
 * host refuses loopback connections without it). Errors surface as a close, which the
 * follower retries.
 */
export function connectEvents(hostOrigin: string, token: string): EventSocket {
  const socket = new WebSocket(`${hostOrigin.replace(/^http:/, 'ws:')}${operationUrl(operations.events)}`, {
    headers: { [SHELL_HEADER]: token },
  });
  socket.on('error', () => undefined);
  return {
    onMessage: (listener) => void socket.on('message', (data: WebSocket.RawData) => listener(String(data))),
    onClose: (listener) => void socket.on('close', listener),
    close: () => socket.close(),
  };
}
