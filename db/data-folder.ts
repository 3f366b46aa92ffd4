import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The one name of this machine's data folder (SQLite files, install secret, first PIN, the
 * demo's platform database). Electron's userData, `npm start`, `npm run host` and
 * `npm run platform` all use it. Plain TypeScript with Node built-ins only, so the start
 * scripts import this very file (Node strips the types).
 */
export const DATA_FOLDER_NAME = 'hall-kiosk';

/**
 * `$XDG_CONFIG_HOME/hall-kiosk`, else `~/.config/hall-kiosk`: the folder Electron's
 * app.getPath('userData') gives for this app on Linux, so the shell and the Chromium fallback
 * share one database.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base =
    env.XDG_CONFIG_HOME !== undefined && env.XDG_CONFIG_HOME.length > 0 ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return join(base, DATA_FOLDER_NAME);
}
