import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { HostConfig } from '../../contracts/config';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Reads and validates a JSON config file; every missing field takes the embedded default. */
export function loadConfig(file: string | undefined): HostConfig {
  if (file === undefined) return HostConfig.parse({});
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(`cannot read config ${file}: ${(e as Error).message}`);
  }
  const parsed = HostConfig.safeParse(raw);
  if (!parsed.success) throw new ConfigError(`invalid config ${file}:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/**
 * The user data folder, the same one Electron's app.getPath('userData') gives
 * for this app on Linux, so Electron and the Chromium fallback share one database.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.length > 0 ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return join(base, 'hall-kiosk');
}
