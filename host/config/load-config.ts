import { readFileSync } from 'node:fs';
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
