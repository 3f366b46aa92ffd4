import { operations, operationUrl, type Operation } from '../contracts/api';
import { CurrentStaff } from '../contracts/auth';
import { HallLinkStatus } from '../contracts/hall-link';
import { TerminalSettingsView } from '../contracts/terminal-settings';
import { SHELL_HEADER } from '../contracts/shell-channels';

export type FetchLike = (
  url: string,
  init?: { headers?: Record<string, string>; signal?: AbortSignal },
) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}>;

/**
 * What main asks of the host it started, over plain HTTP on loopback with the shell's header
 * (the host refuses loopback requests without it): health, this terminal's settings, and who a
 * staff token belongs to. Each call has a short timeout: main never hangs on a sick host.
 */
export class HostClient {
  constructor(private readonly o: { origin: () => string; token: string; fetch?: FetchLike; timeoutMs?: number }) {}

  /** A GET operation of the host's route table (contracts/api), with the shell's header. */
  private async get(op: Operation, extra: Record<string, string> = {}) {
    const doFetch: FetchLike = this.o.fetch ?? fetch;
    return doFetch(`${this.o.origin()}${operationUrl(op)}`, {
      headers: { [SHELL_HEADER]: this.o.token, ...extra },
      signal: AbortSignal.timeout(this.o.timeoutMs ?? 3_000),
    });
  }

  async healthy(): Promise<boolean> {
    try {
      return (await this.get(operations.health)).ok;
    } catch {
      return false;
    }
  }

  async settings(): Promise<TerminalSettingsView> {
    const response = await this.get(operations.terminalSettings);
    if (!response.ok) throw new Error(`terminal settings: HTTP ${response.status}`);
    return TerminalSettingsView.parse(await response.json());
  }

  /** This terminal's link to its hall: the hall's address and the CA fingerprint pinned at pairing. */
  async hallLink(): Promise<HallLinkStatus> {
    const response = await this.get(operations.hallLink);
    if (!response.ok) throw new Error(`hall link: HTTP ${response.status}`);
    return HallLinkStatus.parse(await response.json());
  }

  /** 'technician' for a live technician session, 'forbidden' for another account, else 'unauthorized'. */
  async staffVerdict(staffToken: string): Promise<'technician' | 'forbidden' | 'unauthorized'> {
    const response = await this.get(operations.me, { authorization: `Bearer ${staffToken}` });
    if (!response.ok) return 'unauthorized';
    const me = CurrentStaff.safeParse(await response.json());
    if (!me.success) return 'unauthorized';
    return me.data.staff.role === 'technician' ? 'technician' : 'forbidden';
  }
}
