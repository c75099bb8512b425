/**
 * A TCP proxy on 127.0.0.1, port 0, in front of the test PostgreSQL server, that can do to the
 * connections through it what a failing database or network does: cut them all at once (a fast
 * shutdown, a crashed pooler), freeze them (a hung server: bytes go nowhere, nothing is answered),
 * and refuse new connections (a server that is down). Nothing has to stop the shared server.
 */
import net from 'node:net';

export interface FaultProxy {
  /** postgres://… of `url` with its host and port replaced by the proxy's. */
  readonly url: string;
  readonly port: number;
  /** Connections open through the proxy now. */
  readonly open: number;
  /** Connections accepted so far. */
  readonly accepted: number;
  /** Destroys every open connection, both sides, as a crash would. */
  cutAll(): void;
  /** Stops forwarding in both directions (connections stay open); `thaw` forwards what waited. */
  freeze(): void;
  thaw(): void;
  /** Closes the listening socket: new connections are refused (ECONNREFUSED). */
  refuse(): Promise<void>;
  /** Listens again, on the same port. */
  accept(): Promise<void>;
  close(): Promise<void>;
}

interface Pair {
  client: net.Socket;
  server: net.Socket;
  /** Passes on what was held while frozen. */
  flush(): void;
}

export async function startFaultProxy(targetUrl: string): Promise<FaultProxy> {
  const target = new URL(targetUrl);
  const targetHost = target.hostname;
  const targetPort = Number(target.port || 5432);
  const pairs = new Set<Pair>();
  let frozen = false;
  let accepted = 0;

  const server = net.createServer((client) => {
    accepted += 1;
    const upstream = net.connect({ host: targetHost, port: targetPort });
    // Frozen: bytes are held here, not passed on, until thawed.
    const held: Array<[net.Socket, Buffer]> = [];
    const pair: Pair = {
      client,
      server: upstream,
      flush: () => {
        for (const [to, chunk] of held.splice(0)) if (!to.destroyed) to.write(chunk);
      },
    };
    pairs.add(pair);
    const forward = (from: net.Socket, to: net.Socket) =>
      from.on('data', (chunk: Buffer) => {
        if (frozen) held.push([to, chunk]);
        else to.write(chunk);
      });
    forward(client, upstream);
    forward(upstream, client);
    const end = () => {
      pairs.delete(pair);
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });

  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);

  const cutAll = () => {
    for (const pair of [...pairs]) {
      pair.client.destroy();
      pair.server.destroy();
    }
    pairs.clear();
  };
  return {
    url: url.toString(),
    port,
    get open() {
      return pairs.size;
    },
    get accepted() {
      return accepted;
    },
    cutAll,
    freeze() {
      frozen = true;
    },
    thaw() {
      frozen = false;
      for (const pair of pairs) pair.flush();
    },
    refuse() {
      if (!server.listening) return Promise.resolve();
      // close() waits for open connections; they are not affected, only new ones are refused.
      server.close();
      return Promise.resolve();
    },
    async accept() {
      if (server.listening) return;
      // The port was just released; another process taking it in between is not expected here.
      await listen(port);
    },
    async close() {
      cutAll();
      if (server.listening) await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
