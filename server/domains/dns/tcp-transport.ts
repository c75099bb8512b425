/**
 * DNS over TCP, for answers too large for UDP. One connection per query: TCP is only the fallback
 * after a truncated UDP reply, so connection reuse would add state for no measurable gain.
 */
import { connect, type Socket } from 'node:net';
import * as dnsPacket from 'dns-packet';
import type { DecodedPacket } from 'dns-packet';
import {
  ABORTED,
  CLOSED,
  answersQuery,
  encodeTxtQuery,
  errorDetail,
  randomQueryId,
  Exchange,
  type DnsServer,
  type DnsTransport,
  type ExchangeResult,
} from './dns-message.ts';

/** The 2-byte length prefix of RFC 1035 §4.2.2 framing. */
const LENGTH_PREFIX_BYTES = 2;

interface Query {
  readonly id: number;
  readonly socket: Socket;
}

export class TcpTransport implements DnsTransport {
  readonly #pending = new Map<number, Exchange<Query>>();
  #closed = false;

  exchange(server: DnsServer, name: string, signal: AbortSignal | null, timeoutMs?: number): Promise<ExchangeResult> {
    if (this.#closed) return Promise.resolve(CLOSED);
    if (signal?.aborted) return Promise.resolve(ABORTED);

    const id = randomQueryId(this.#pending);
    const socket = connect({ host: server.host, port: server.port });
    socket.setNoDelay(true);

    const exchange = new Exchange<Query>({ id, socket }, signal, timeoutMs, this.#ended);
    this.#pending.set(id, exchange);
    let received: Buffer = Buffer.alloc(0);
    socket.on('connect', () => socket.write(dnsPacket.streamEncode(encodeTxtQuery(id, name))));
    socket.on('data', (chunk: Buffer) => {
      // A reply may arrive in any number of pieces, the length prefix itself split among them.
      received = received.length === 0 ? chunk : Buffer.concat([received, chunk]);
      if (received.length < LENGTH_PREFIX_BYTES) return;
      const frameLength = LENGTH_PREFIX_BYTES + received.readUInt16BE(0);
      if (received.length < frameLength) return;
      exchange.settle(readReply(received.subarray(0, frameLength), id, name));
    });
    socket.on('error', (error) => exchange.settle({ kind: 'failed', failure: 'network', detail: errorDetail(error) }));
    socket.on('close', () =>
      exchange.settle({
        kind: 'failed',
        failure: 'network',
        detail: 'the server closed the connection before answering',
      }),
    );
    return exchange.result;
  }

  readonly #ended = (query: Query): void => {
    this.#pending.delete(query.id);
    query.socket.destroy();
  };

  async close(): Promise<void> {
    this.#closed = true;
    for (const pending of [...this.#pending.values()]) pending.settle(CLOSED);
  }
}

/**
 * On our own connection nobody else can inject a reply, so a frame that is not the answer to our
 * question means the server is broken, not that we should keep waiting.
 */
function readReply(frame: Buffer, id: number, name: string): ExchangeResult {
  let reply: DecodedPacket;
  try {
    // streamDecode's types promise a Packet; at run time it is the same DecodedPacket decode() returns.
    reply = dnsPacket.streamDecode(frame) as DecodedPacket;
    if (dnsPacket.streamDecode.bytes > frame.length - LENGTH_PREFIX_BYTES) {
      throw new Error('the reply ends in the middle of a record');
    }
  } catch (error) {
    return { kind: 'failed', failure: 'bad-response', detail: errorDetail(error) };
  }
  if (!answersQuery(reply, id, name)) {
    return { kind: 'failed', failure: 'bad-response', detail: 'the reply over TCP does not answer the question asked' };
  }
  if (reply.flag_tc) {
    return { kind: 'failed', failure: 'bad-response', detail: 'the reply over TCP is marked truncated' };
  }
  return { kind: 'reply', reply };
}
