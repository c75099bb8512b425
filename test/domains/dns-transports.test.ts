/**
 * The transports against hand-driven peers, for what a well-behaved test server cannot show:
 * forged replies, replies in pieces, replies that are not DNS.
 */
import { createSocket, type RemoteInfo, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type AddressInfo, type Server, type Socket as TcpSocket } from 'node:net';
import * as dnsPacket from 'dns-packet';
import type { DecodedPacket, Packet } from 'dns-packet';
import { afterEach, describe, expect, it } from 'vitest';
import { randomQueryId } from '../../server/domains/dns/dns-message.ts';
import { TcpTransport } from '../../server/domains/dns/tcp-transport.ts';
import { UdpTransport } from '../../server/domains/dns/udp-transport.ts';

const NAME = '_upzento-challenge.example.com';
const cleanups: Array<() => Promise<void> | void> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function txtReply(query: DecodedPacket, value: string, overrides: Partial<Packet> = {}): Packet {
  return {
    type: 'response',
    id: query.id ?? 0,
    flags: dnsPacket.RECURSION_AVAILABLE,
    questions: query.questions ?? [],
    answers: [{ type: 'TXT', name: query.questions?.[0]?.name ?? '', ttl: 60, data: [Buffer.from(value)] }],
    ...overrides,
  };
}

async function udpPeer(): Promise<{ socket: UdpSocket; port: number; queries: Array<[DecodedPacket, RemoteInfo]> }> {
  const socket = createSocket('udp4');
  const queries: Array<[DecodedPacket, RemoteInfo]> = [];
  socket.on('message', (message, remote) => queries.push([dnsPacket.decode(message), remote]));
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  cleanups.push(() => new Promise<void>((resolve) => socket.close(() => resolve())));
  return { socket, port: socket.address().port, queries };
}

function udpTransport(): UdpTransport {
  const transport = new UdpTransport();
  cleanups.push(() => transport.close());
  return transport;
}

async function nextQuery(queries: Array<[DecodedPacket, RemoteInfo]>): Promise<[DecodedPacket, RemoteInfo]> {
  const deadline = Date.now() + 5000;
  while (queries.length === 0) {
    if (Date.now() > deadline) throw new Error('no query arrived');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return queries.shift() as [DecodedPacket, RemoteInfo];
}

function send(socket: UdpSocket, packet: Packet | Buffer, to: RemoteInfo): void {
  socket.send(Buffer.isBuffer(packet) ? packet : dnsPacket.encode(packet), to.port, to.address);
}

describe('randomQueryId', () => {
  it('draws ids over all 16 bits, in no order, and never one in use', () => {
    const inUse = new Map(Array.from({ length: 30_000 }, (_, i) => [i * 2, null]));
    const ids = Array.from({ length: 2000 }, () => randomQueryId(inUse));

    expect(ids.filter((id) => inUse.has(id))).toEqual([]);
    // Each sixteenth of the range gets about a hundred ids or more; an empty one happens with p < e^-100.
    const sixteenths = new Set(ids.map((id) => id >> 12));
    expect(sixteenths.size).toBe(16);
    // A counter steps up a little each time; random ids land up to 16 above the last about once in 2,000 draws.
    const steps = ids.slice(1).filter((id, i) => id > (ids[i] as number) && id - (ids[i] as number) <= 16).length;
    expect(steps).toBeLessThan(10);
    // About 60 repeats are expected among 2,000 draws from the 35,536 free ids.
    expect(new Set(ids).size).toBeGreaterThan(1850);
  });
});

describe('UdpTransport', () => {
  it('asks with a random id, recursion desired and an EDNS size of 1232', async () => {
    const peer = await udpPeer();
    const transport = udpTransport();
    const ids = new Set<number>();

    for (let round = 0; round < 3; round++) {
      void transport.exchange({ host: '127.0.0.1', port: peer.port }, NAME, AbortSignal.timeout(50));
      const [query] = await nextQuery(peer.queries);
      ids.add(query.id ?? -1);
      expect(query.flag_rd).toBe(true);
      expect(query.questions).toEqual([{ name: NAME, type: 'TXT', class: 'IN' }]);
      expect(query.additionals?.[0]).toMatchObject({ type: 'OPT', udpPayloadSize: 1232 });
    }
    // Three equal ids from a 16-bit CSPRNG happen once in 2^32 runs.
    expect(ids.size).toBeGreaterThan(1);
  });

  it('ignores replies from another port or for another question, then takes the real one', async () => {
    const peer = await udpPeer();
    const impostor = await udpPeer();
    const transport = udpTransport();

    const result = transport.exchange({ host: '127.0.0.1', port: peer.port }, NAME, AbortSignal.timeout(2000));
    const [query, client] = await nextQuery(peer.queries);
    send(impostor.socket, txtReply(query, 'from-another-port'), client);
    send(
      peer.socket,
      txtReply(query, 'another-question', { questions: [{ type: 'TXT', name: 'other.example.com' }] }),
      client,
    );
    send(peer.socket, txtReply(query, 'another-type', { questions: [{ type: 'A', name: NAME }] }), client);
    send(peer.socket, txtReply(query, 'not-a-response', { type: 'query' }), client);
    send(peer.socket, Buffer.from([1, 2, 3]), client);
    await new Promise((resolve) => setTimeout(resolve, 30));
    send(peer.socket, txtReply(query, 'genuine'), client);

    const outcome = await result;
    expect(outcome.kind).toBe('reply');
    expect(outcome.kind === 'reply' && outcome.reply.answers?.[0]).toMatchObject({ data: [Buffer.from('genuine')] });
  });

  it('accepts the question in any letter case', async () => {
    const peer = await udpPeer();
    const transport = udpTransport();

    const result = transport.exchange({ host: '127.0.0.1', port: peer.port }, NAME, AbortSignal.timeout(2000));
    const [query, client] = await nextQuery(peer.queries);
    send(peer.socket, txtReply(query, 'ok', { questions: [{ type: 'TXT', name: NAME.toUpperCase() }] }), client);

    expect((await result).kind).toBe('reply');
  });

  it('reports a truncated reply, even one cut too short to decode', async () => {
    const peer = await udpPeer();
    const transport = udpTransport();

    const result = transport.exchange({ host: '127.0.0.1', port: peer.port }, NAME, AbortSignal.timeout(2000));
    const [query, client] = await nextQuery(peer.queries);
    const full = dnsPacket.encode(txtReply(query, 'x'.repeat(200), { flags: dnsPacket.TRUNCATED_RESPONSE }));
    send(peer.socket, full.subarray(0, full.length - 100), client);

    expect(await result).toEqual({ kind: 'truncated' });
  });

  it('reports an undecodable reply with our id from the server as a bad response', async () => {
    const peer = await udpPeer();
    const transport = udpTransport();

    const result = transport.exchange({ host: '127.0.0.1', port: peer.port }, NAME, AbortSignal.timeout(2000));
    const [query, client] = await nextQuery(peer.queries);
    const full = dnsPacket.encode(txtReply(query, 'x'.repeat(200)));
    send(peer.socket, full.subarray(0, full.length - 100), client);

    expect(await result).toMatchObject({ kind: 'failed', failure: 'bad-response' });
  });

  it('keeps concurrent queries apart by id', async () => {
    const peer = await udpPeer();
    const transport = udpTransport();
    const server = { host: '127.0.0.1', port: peer.port };

    const first = transport.exchange(server, 'one.example.com', AbortSignal.timeout(2000));
    const second = transport.exchange(server, 'two.example.com', AbortSignal.timeout(2000));
    const queries = [await nextQuery(peer.queries), await nextQuery(peer.queries)];
    for (const [query, client] of queries.reverse())
      send(peer.socket, txtReply(query, query.questions?.[0]?.name ?? ''), client);

    const [one, two] = await Promise.all([first, second]);
    expect(one.kind === 'reply' && one.reply.answers?.[0]).toMatchObject({ data: [Buffer.from('one.example.com')] });
    expect(two.kind === 'reply' && two.reply.answers?.[0]).toMatchObject({ data: [Buffer.from('two.example.com')] });
  });

  it('gives each server a socket of its own, on a source port of its own, and takes no answer from another server', async () => {
    const first = await udpPeer();
    const second = await udpPeer();
    const transport = udpTransport();

    const result = transport.exchange({ host: '127.0.0.1', port: first.port }, NAME, AbortSignal.timeout(2000));
    const [query, client] = await nextQuery(first.queries);
    void transport.exchange({ host: '127.0.0.1', port: second.port }, NAME, AbortSignal.timeout(50));
    const [, clientOfSecond] = await nextQuery(second.queries);
    expect(clientOfSecond.port).not.toBe(client.port);
    // The second server knows the first one's query and its source port, and answers it: not taken
    // (the kernel drops it at the connected socket; the source check would as well).
    send(second.socket, txtReply(query, 'from-the-second-server'), client);
    await new Promise((resolve) => setTimeout(resolve, 30));
    send(first.socket, txtReply(query, 'genuine'), client);

    const outcome = await result;
    expect(outcome.kind === 'reply' && outcome.reply.answers?.[0]).toMatchObject({ data: [Buffer.from('genuine')] });
  });

  it('fails a query at once when the server port is closed', async () => {
    const peer = await udpPeer();
    const port = peer.port;
    await new Promise<void>((resolve) => peer.socket.close(() => resolve()));
    cleanups.pop();
    const transport = udpTransport();

    const started = performance.now();
    const outcome = await transport.exchange({ host: '127.0.0.1', port }, NAME, null, 5000);

    expect(outcome).toMatchObject({
      kind: 'failed',
      failure: 'network',
      detail: expect.stringContaining('ECONNREFUSED'),
    });
    expect(performance.now() - started).toBeLessThan(2500);
  });

  it('closes cleanly while a socket is still connecting, whatever the moment', async () => {
    const peer = await udpPeer();
    for (let ticks = 0; ticks < 6; ticks++) {
      const transport = new UdpTransport();
      const result = transport.exchange({ host: '127.0.0.1', port: peer.port }, NAME, null, 2000);
      // The socket connects over a few ticks of its own; the close lands after 0, 1, … of them.
      let closing: Promise<void> | undefined;
      const closeAfter = (left: number) =>
        left === 0 ? (closing = transport.close()) : process.nextTick(closeAfter, left - 1);
      closeAfter(ticks);
      expect(await result).toMatchObject({ kind: 'failed', failure: 'closed' });
      await closing;
      // A connect finishing after the close must not send on the closed socket (which would throw).
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  });

  it('does not send a query aborted while its socket was connecting', async () => {
    const peer = await udpPeer();
    const transport = udpTransport();
    const controller = new AbortController();

    const aborted = transport.exchange(
      { host: '127.0.0.1', port: peer.port },
      'aborted.example.com',
      controller.signal,
    );
    controller.abort();
    expect(await aborted).toMatchObject({ kind: 'failed', failure: 'aborted' });
    void transport.exchange({ host: '127.0.0.1', port: peer.port }, NAME, AbortSignal.timeout(50));

    const [query] = await nextQuery(peer.queries);
    expect(query.questions?.[0]?.name).toBe(NAME);
    expect(peer.queries).toHaveLength(0);
  });

  it('moves to a new source port after queriesPerSocket queries', async () => {
    const peer = await udpPeer();
    const transport = new UdpTransport({ queriesPerSocket: 2 });
    cleanups.push(() => transport.close());
    const server = { host: '127.0.0.1', port: peer.port };
    const ports: number[] = [];

    for (let round = 0; round < 3; round++) {
      const result = transport.exchange(server, NAME, AbortSignal.timeout(2000));
      const [query, client] = await nextQuery(peer.queries);
      ports.push(client.port);
      send(peer.socket, txtReply(query, 'ok'), client);
      expect((await result).kind).toBe('reply');
    }
    expect(ports[0]).toBe(ports[1]);
    expect(ports[2]).not.toBe(ports[1]);
  });

  it('settles pending exchanges on abort and on close', async () => {
    const peer = await udpPeer();
    const transport = udpTransport();
    const server = { host: '127.0.0.1', port: peer.port };

    const controller = new AbortController();
    const aborted = transport.exchange(server, NAME, controller.signal);
    const closed = transport.exchange(server, NAME, AbortSignal.timeout(60_000));
    await nextQuery(peer.queries);
    controller.abort();
    expect(await aborted).toMatchObject({ kind: 'failed', failure: 'aborted' });

    await transport.close();
    expect(await closed).toMatchObject({ kind: 'failed', failure: 'closed' });
  });
});

async function tcpPeer(
  onQuery: (socket: TcpSocket, query: DecodedPacket) => void | Promise<void>,
): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => {
    let received: Buffer = Buffer.alloc(0);
    socket.on('error', () => socket.destroy());
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length >= 2 && received.length >= 2 + received.readUInt16BE(0)) {
        void onQuery(socket, dnsPacket.streamDecode(received) as DecodedPacket);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { server, port: (server.address() as AddressInfo).port };
}

function tcpTransport(): TcpTransport {
  const transport = new TcpTransport();
  cleanups.push(() => transport.close());
  return transport;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('TcpTransport', () => {
  it('reassembles a reply that arrives in pieces, the length prefix split too', async () => {
    const value = 'p'.repeat(1000);
    const peer = await tcpPeer(async (socket, query) => {
      socket.setNoDelay(true);
      const framed = dnsPacket.streamEncode(txtReply(query, value.slice(0, 250)));
      for (const piece of [
        framed.subarray(0, 1),
        framed.subarray(1, 7),
        framed.subarray(7, 100),
        framed.subarray(100),
      ]) {
        socket.write(piece);
        await pause(15);
      }
    });

    const outcome = await tcpTransport().exchange(
      { host: '127.0.0.1', port: peer.port },
      NAME,
      AbortSignal.timeout(2000),
    );

    expect(outcome.kind === 'reply' && outcome.reply.answers?.[0]).toMatchObject({
      data: [Buffer.from(value.slice(0, 250))],
    });
  });

  it('treats a reply to another question as a bad response rather than waiting', async () => {
    const peer = await tcpPeer((socket, query) => {
      socket.write(dnsPacket.streamEncode(txtReply(query, 'x', { id: ((query.id ?? 0) + 1) & 0xffff })));
    });

    const outcome = await tcpTransport().exchange(
      { host: '127.0.0.1', port: peer.port },
      NAME,
      AbortSignal.timeout(2000),
    );

    expect(outcome).toMatchObject({ kind: 'failed', failure: 'bad-response' });
  });

  it('treats a frame that ends inside a record as a bad response', async () => {
    const peer = await tcpPeer((socket, query) => {
      const message = dnsPacket.encode(txtReply(query, 'x'.repeat(200)));
      const cut = message.subarray(0, message.length - 100);
      const prefix = Buffer.alloc(2);
      prefix.writeUInt16BE(cut.length);
      socket.write(Buffer.concat([prefix, cut]));
    });

    const outcome = await tcpTransport().exchange(
      { host: '127.0.0.1', port: peer.port },
      NAME,
      AbortSignal.timeout(2000),
    );

    expect(outcome).toMatchObject({ kind: 'failed', failure: 'bad-response' });
  });

  it('reports a connection closed before the reply as a network failure', async () => {
    const peer = await tcpPeer((socket) => {
      socket.end();
    });

    const outcome = await tcpTransport().exchange(
      { host: '127.0.0.1', port: peer.port },
      NAME,
      AbortSignal.timeout(2000),
    );

    expect(outcome).toMatchObject({ kind: 'failed', failure: 'network' });
  });

  it('reports a refused connection as a network failure', async () => {
    const peer = await tcpPeer(() => undefined);
    await new Promise<void>((resolve) => peer.server.close(() => resolve()));

    const outcome = await tcpTransport().exchange(
      { host: '127.0.0.1', port: peer.port },
      NAME,
      AbortSignal.timeout(2000),
    );

    expect(outcome).toMatchObject({ kind: 'failed', failure: 'network' });
  });

  it('settles a pending exchange on close', async () => {
    const peer = await tcpPeer(() => undefined);
    const transport = tcpTransport();

    const pending = transport.exchange({ host: '127.0.0.1', port: peer.port }, NAME, AbortSignal.timeout(60_000));
    await pause(50);
    await transport.close();

    expect(await pending).toMatchObject({ kind: 'failed', failure: 'closed' });
  });
});
