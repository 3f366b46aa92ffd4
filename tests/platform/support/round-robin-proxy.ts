import type { Server } from 'node:http';
import { connect, createServer, type Socket } from 'node:net';

export interface RoundRobinProxy {
  /** `http://127.0.0.1:PORT`: what the hall's host is told the central API is. */
  url: string;
  close(): Promise<void>;
}

/**
 * A load balancer for tests: each TCP connection goes to the next upstream in turn, bytes piped
 * both ways untouched, so an upstream's reset or hang reaches the client as it is. HTTP keep-alive
 * keeps a connection on one instance; resets and timeouts open new ones, which spread.
 */
export async function roundRobinProxy(upstreams: readonly Server[]): Promise<RoundRobinProxy> {
  const ports = upstreams.map((server) => {
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('an upstream is not listening on TCP');
    return address.port;
  });
  const open = new Set<Socket>();
  let turn = 0;
  const proxy = createServer((client) => {
    const port = ports[turn % ports.length] ?? 0;
    turn += 1;
    const upstream = connect(port, '127.0.0.1');
    open.add(client).add(upstream);
    const end = (): void => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.pipe(upstream);
    upstream.pipe(client);
    for (const socket of [client, upstream]) {
      socket.on('error', end);
      socket.on('close', end);
    }
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const address = proxy.address();
  if (address === null || typeof address === 'string') throw new Error('expected a TCP address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        open.clear();
        proxy.close(() => resolve());
      }),
  };
}
