import { operationUrl, parseReply, type Operation, type OperationInput, type OperationReply } from '../../contracts/api';
import { ApiError } from '../../contracts/errors';
import { HostError } from '../errors/host-error';
import { readBoundedJson, ReplyTooLargeError } from '../net/read-bounded';

/** The header a paired host terminal presents (host/lan/caller.ts reads it). */
const TERMINAL_HEADER = 'x-terminal-token';

export interface HallClientOptions {
  baseUrl: string;
  token: string | null;
  /** A hall that has not answered by then counts as unreachable (the kiosk is waiting). */
  timeoutMs: number;
  fetch?: typeof fetch;
}

/**
 * The most a hall reply may hold (host/net/read-bounded.ts). The largest relayed replies (the
 * services with their waiting counts, a ticket) are a few KiB; a hall sending more is broken or
 * hostile, and the kiosk must not hold it in memory.
 */
export const HALL_REPLY_LIMIT = 2 * 1024 * 1024;

/** The hall refused this terminal's token: revoked, or paired with another hall's database. */
export const isUnpaired = (error: unknown) => error instanceof HostError && error.code === 'hall_unpaired';
export const isUnreachable = (error: unknown) => error instanceof HostError && error.code === 'hall_unreachable';

/**
 * Calls the hall host's API from a secondary host. The hall's own refusals (a duplicate
 * ticket, a closed service) come back as the same typed errors, so the kiosk shows them as
 * if its own queue had said so; a dead network, a timeout or an unreadable reply become
 * `hall_unreachable`, and a refused token `hall_unpaired`.
 */
export class HallClient {
  constructor(private readonly o: HallClientOptions) {}

  /** Calls the hall's `op` (from the route table) and parses its reply with the schema `op` declares. */
  async call<O extends Operation>(op: O, input: OperationInput<O>): Promise<OperationReply<O>> {
    const body: unknown = input.body;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.o.token !== null) headers[TERMINAL_HEADER] = this.o.token;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await (this.o.fetch ?? fetch)(new URL(operationUrl(op, input), this.o.baseUrl), {
        method: op.method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.o.timeoutMs),
      });
    } catch {
      throw new HostError('hall_unreachable', '大厅主机暂时无法连接，请稍后再试');
    }
    const payload = await readBoundedJson(response, HALL_REPLY_LIMIT).catch((error: unknown) => {
      if (error instanceof ReplyTooLargeError) throw new HostError('hall_unreachable', '大厅主机的回复过大，已中断');
      return undefined;
    });
    if (!response.ok) {
      const failure = ApiError.safeParse(payload);
      // Unknown, revoked or expired: the pairing is dead either way, a technician pairs again.
      if (
        failure.success &&
        (failure.data.error.code === 'terminal_unpaired' || failure.data.error.code === 'terminal_expired')
      ) {
        throw new HostError('hall_unpaired', '本终端未与大厅主机配对（或已被撤销），请技术人员重新配对');
      }
      if (failure.success) throw new HostError(failure.data.error.code, failure.data.error.message, failure.data.error.details);
      throw new HostError('hall_unreachable', `大厅主机回复异常（HTTP ${response.status}）`);
    }
    const parsed = parseReply(op, response.status, payload);
    if (!parsed.ok) throw new HostError('hall_unreachable', '大厅主机的回复无法识别（版本不一致？）');
    return parsed.data;
  }
}
