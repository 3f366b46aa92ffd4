import type { HostConfig } from '../../contracts/config';
import type { TerminalSettings } from '../../contracts/terminal-settings';

/** A URL without user name and password (a central API address could carry them). */
function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString();
  } catch {
    return '[unparseable]';
  }
}

/**
 * config.json of the bundle: the effective configuration without its secrets. The central
 * API token goes, staff accounts (names, PIN hashes) become counts per role, and the
 * terminal's own settings (owned by the console after first boot) are shown as in force.
 */
export function safeConfig(config: HostConfig, terminal: TerminalSettings) {
  const { staff, centralApi, ...rest } = config;
  const byRole: Record<string, number> = {};
  for (const account of staff) byRole[account.role] = (byRole[account.role] ?? 0) + 1;
  return {
    ...rest,
    centralApi: { url: withoutCredentials(centralApi.url), timeoutMs: centralApi.timeoutMs, tokenSet: centralApi.token !== '' },
    staff: { configured: staff.length, byRole },
    terminalSettings: terminal,
  };
}
