/**
 * DNS over UDP. Replies are trusted only as far as an off-path attacker cannot guess them:
 * a random id, our exact question, and the server's own address and port. Everything else is dropped
 * and the wait goes on, so a forged packet can at worst cost a failed try, never a wrong answer.
 *
 * Each socket is connected to one server, as c-ares does: the kernel then delivers only that
 * server's datagrams, a send needs no address (nor Node's look-up of it), and a server whose port
 * is closed fails its queries at once (ICMP) instead of after the time limit. A forged "port
 * unreachable" would have to name the socket's own port, and could then fail the queries in flight
 * on it (they are tried again), still never give a wrong answer.
 */
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import * as dnsPacket from 'dns-packet';
import type { DecodedPacket } from 'dns-packet';
import {
  ABORTED,
  CLOSED,
  DNS_HEADER_BYTES,
  answersQuery,
  formatServer,
  decodeWhole,
  encodeTxtQuery,
  errorDetail,
  hasTruncatedFlag,
  isIpv6Server,
  randomQueryId,
  Exchange,
  type DnsServer,
  type DnsTransport,
  type ExchangeResult,
} from './dns-message.ts';

export interface UdpTransportOptions {
  /**
   * Queries sent from one socket before later ones get a fresh one (default 64). A new socket means a new
   * random source port, which an attacker forging replies must guess along with the 16-bit id; domain checks
   * can be triggered by the very people who would like to forge them.
   */
  queriesPerSocket?: number;
}

/** One socket, connected to one server, and the queries it carries; retired sockets close once their last query settles. */
interface Binding {
  readonly socket: Socket;
  /** Queries made before the socket was connected, sent once it is; null from then on. */
  unsent: Array<{ message: Buffer; exchange: Exchange<Query> }> | null;
  /** The server's address and port as the socket reports a reply's source; null until connected. */
  peer: { address: string; port: number } | null;
  sent: number;
  inFlight: number;
  retired: boolean;
}

interface Query {
  readonly id: number;
  readonly name: string;
  readonly server: DnsServer;
  readonly binding: Binding;
}

export class UdpTransport implements DnsTransport {
  readonly #queriesPerSocket: number;
  readonly #pending = new Map<number, Exchange<Query>>();
  readonly #bindings = new Set<Binding>();
  /** The socket in use for each server, by `formatServer()`. */
  readonly #current = new Map<string, Binding>();
  #closed = false;

  constructor(options: UdpTransportOptions = {}) {
    this.#queriesPerSocket = options.queriesPerSocket ?? 64;
  }

  exchange(server: DnsServer, name: string, signal: AbortSignal | null, timeoutMs?: number): Promise<ExchangeResult> {
    if (this.#closed) return Promise.resolve(CLOSED);
    if (signal?.aborted) return Promise.resolve(ABORTED);

    const id = randomQueryId(this.#pending);
    // Encoded before a socket is counted for it: a throw here leaves no socket held.
    const message = dnsPacket.encode(encodeTxtQuery(id, name));
    const binding = this.#bindingFor(server);
    const exchange = new Exchange<Query>({ id, name, server, binding }, signal, timeoutMs, this.#ended);
    this.#pending.set(id, exchange);
    if (binding.unsent) binding.unsent.push({ message, exchange });
    else send(binding, message, exchange);
    return exchange.result;
  }

  readonly #ended = (query: Query): void => {
    this.#pending.delete(query.id);
    this.#release(query.binding);
  };

  async close(): Promise<void> {
    this.#closed = true;
    for (const pending of [...this.#pending.values()]) pending.settle(CLOSED);
    await Promise.all([...this.#bindings].map((binding) => this.#closeBinding(binding)));
  }

  #bindingFor(server: DnsServer): Binding {
    const key = formatServer(server);
    let binding = this.#current.get(key);
    if (binding === undefined) {
      binding = this.#open(server, key);
      this.#current.set(key, binding);
    }
    binding.sent += 1;
    binding.inFlight += 1;
    if (binding.inFlight === 1) binding.socket.ref();
    if (binding.sent >= this.#queriesPerSocket) {
      binding.retired = true;
      this.#current.delete(key);
    }
    return binding;
  }

  #open(server: DnsServer, key: string): Binding {
    const socket = createSocket({ type: isIpv6Server(server) ? 'udp6' : 'udp4' });
    const binding: Binding = { socket, unsent: [], peer: null, sent: 0, inFlight: 0, retired: false };
    const fail = (error: Error) => {
      // A socket error (a refused port among them) ends every query on it; a fresh socket serves the next ones.
      if (this.#current.get(key) === binding) this.#current.delete(key);
      binding.retired = true;
      const failed: ExchangeResult = { kind: 'failed', failure: 'network', detail: errorDetail(error) };
      for (const pending of [...this.#pending.values()]) if (pending.about.binding === binding) pending.settle(failed);
      void this.#closeBinding(binding);
    };
    socket.on('message', (message, remote) => this.#receive(binding, message, remote));
    socket.on('error', fail);
    socket.connect(server.port, server.host, (error?: Error) => {
      if (error) return fail(error);
      if (!this.#bindings.has(binding)) return; // closed while it connected
      // As the socket names it: an IPv4-mapped IPv6 server, say, in the form a reply's source takes.
      binding.peer = socket.remoteAddress();
      const unsent = binding.unsent ?? [];
      binding.unsent = null;
      // A query settled meanwhile (aborted, timed out) is not sent.
      for (const { message, exchange } of unsent)
        if (this.#pending.get(exchange.about.id) === exchange) send(binding, message, exchange);
    });
    this.#bindings.add(binding);
    return binding;
  }

  #receive(binding: Binding, message: Buffer, remote: RemoteInfo): void {
    if (message.length < DNS_HEADER_BYTES) return;
    const pending = this.#pending.get(message.readUInt16BE(0));
    if (pending === undefined || pending.about.binding !== binding) return;
    const query = pending.about;
    // The kernel filters by source already (the socket is connected); checked here all the same.
    if (binding.peer === null || remote.address !== binding.peer.address || remote.port !== binding.peer.port) return;

    let reply: DecodedPacket;
    try {
      reply = decodeWhole(message);
    } catch (error) {
      // A truncated reply may be cut mid-record; its header alone is enough to move to TCP,
      // and a forged one only costs a TCP query that is checked in full.
      if (hasTruncatedFlag(message)) pending.settle({ kind: 'truncated' });
      else pending.settle({ kind: 'failed', failure: 'bad-response', detail: errorDetail(error) });
      return;
    }
    if (!answersQuery(reply, query.id, query.name)) return;
    pending.settle(reply.flag_tc ? { kind: 'truncated' } : { kind: 'reply', reply });
  }

  #release(binding: Binding): void {
    binding.inFlight -= 1;
    if (binding.inFlight > 0) return;
    // An idle socket must not keep the process alive; a pending query does (its timer alone would not).
    if (binding.retired) void this.#closeBinding(binding);
    else binding.socket.unref();
  }

  #closeBinding(binding: Binding): Promise<void> {
    if (!this.#bindings.delete(binding)) return Promise.resolve();
    binding.unsent = null;
    return new Promise((resolve) => {
      try {
        binding.socket.close(() => resolve());
      } catch {
        resolve(); // already closed by an earlier error
      }
    });
  }
}

/** Sends a query on its connected socket; a failed send fails the query at once. */
function send(binding: Binding, message: Buffer, exchange: Exchange<Query>): void {
  const failed = (error: unknown) =>
    exchange.settle({ kind: 'failed', failure: 'network', detail: errorDetail(error) });
  try {
    binding.socket.send(message, (error) => {
      if (error) failed(error);
    });
  } catch (error) {
    failed(error); // the socket closed under it
  }
}
