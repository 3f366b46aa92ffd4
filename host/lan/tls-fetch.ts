import { Agent, request, type AgentOptions } from 'node:https';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import type { TLSSocket } from 'node:tls';

/** Replies that carry no body (the Response constructor refuses one for them). */
const NO_BODY = new Set([101, 204, 205, 304]);

export interface TlsFetchOptions {
  /**
   * The TLS options of every connection: `ca` (the certificates trusted, replacing the system's
   * unless they are included), `checkServerIdentity`, `rejectUnauthorized`. Connections are kept
   * alive and reused, each one verified at its handshake.
   */
  tls: Pick<AgentOptions, 'ca' | 'checkServerIdentity' | 'rejectUnauthorized'>;
  /** Called with each reply's socket: what a first contact reads the presented certificates from. */
  onSocket?: (socket: TLSSocket) => void;
}

/**
 * A `fetch` over node:https with TLS options of its own: Node's global fetch takes no CA or
 * certificate check, and the hall's CA (or a provincial one for the central API) must be trusted
 * by these calls only, never process-wide. Takes what our clients send (a URL, method, headers,
 * a string body, an AbortSignal) and answers with a standard Response. https: URLs only.
 */
export function tlsFetch(options: TlsFetchOptions): typeof fetch {
  const agent = new Agent({ keepAlive: true, ...options.tls });
  return async (input, init) => {
    if (input instanceof Request) throw new TypeError('tlsFetch takes a URL, not a Request');
    const url = new URL(input);
    if (url.protocol !== 'https:') throw new TypeError(`tlsFetch speaks https only, not ${url.protocol}`);
    const headers = new Headers(init?.headers);
    const body = init?.body;
    if (body !== undefined && body !== null && typeof body !== 'string') throw new TypeError('tlsFetch sends string bodies only');
    const reply = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(url, {
        agent,
        method: init?.method ?? 'GET',
        headers: Object.fromEntries(headers.entries()),
        ...(init?.signal ? { signal: init.signal } : {}),
      });
      req.once('response', resolve);
      req.once('error', reject);
      req.end(body ?? undefined);
    });
    options.onSocket?.(reply.socket as TLSSocket);
    const status = reply.statusCode ?? 502;
    const replyHeaders = new Headers();
    for (const [name, value] of Object.entries(reply.headers)) {
      if (value === undefined) continue;
      for (const one of Array.isArray(value) ? value : [value]) replyHeaders.append(name, one);
    }
    if (NO_BODY.has(status) || init?.method === 'HEAD') {
      reply.resume();
      return new Response(null, { status, headers: replyHeaders });
    }
    return new Response(Readable.toWeb(reply) as ReadableStream<Uint8Array>, { status, headers: replyHeaders });
  };
}
