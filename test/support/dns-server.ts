/**
 * A DNS server for tests, on 127.0.0.1, answering UDP and TCP on one port number. It plays a recursive
 * resolver: it follows CNAMEs within its own data, and each name can be told to misbehave in the ways
 * real resolvers and attackers do.
 */
import { createSocket, type RemoteInfo, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type Server, type Socket as TcpSocket } from 'node:net';
import * as dnsPacket from 'dns-packet';
import type { Answer, DecodedPacket, Packet, Question } from 'dns-packet';

export type TestDnsBehaviour =
  /** Answer from the data. */
  | 'normal'
  | 'servfail'
  | 'refused'
  /** Never answer, over UDP or TCP. */
  | 'timeout'
  /** Over UDP, first a reply with the wrong id and a value `decoy`, then the real answer. */
  | 'decoy-then-answer'
  /**
   * Over UDP, TC set and no answers; over TCP, the full answer. (Any answer larger than the client's
   * EDNS size is truncated over UDP anyway, whatever the behaviour.)
   */
  | 'truncate-udp';

export interface TestDnsQuery {
  name: string;
  type: string;
  transport: 'udp' | 'tcp';
}

export interface TestDnsServerOptions {
  /**
   * Put the target's records in the answer after a CNAME, as a recursive resolver does (default true).
   * Off, the answer holds the CNAME alone, as an authoritative server for another zone would give it.
   */
  followCnames?: boolean;
}

export interface TestDnsServer {
  readonly address: '127.0.0.1';
  readonly port: number;
  /** Every query received, in order. */
  readonly queries: readonly TestDnsQuery[];
  /**
   * The TXT records of `name`: one entry per record, either a string (split into 255-byte
   * character-strings as needed) or its character-strings as given. `[]` makes the name exist with no TXT.
   */
  setTxt(name: string, values: ReadonlyArray<string | readonly string[]>): void;
  setCname(name: string, target: string): void;
  /** Forgets the name's records and behaviour: it is NXDOMAIN again. */
  remove(name: string): void;
  setBehaviour(name: string, behaviour: TestDnsBehaviour): void;
  close(): Promise<void>;
}

/** The most a TXT character-string can hold: its length is one byte. */
const MAX_CHARACTER_STRING = 255;
/** Matches real resolvers that give up on long alias chains instead of looping. */
const MAX_FOLLOWED_CNAMES = 16;
/** Gap between the decoy and the real reply, so the client has surely read the decoy first. */
const DECOY_LEAD_MS = 20;

interface NameData {
  txt?: Buffer[][];
  cname?: string;
}

export async function startTestDnsServer(options: TestDnsServerOptions = {}): Promise<TestDnsServer> {
  const followCnames = options.followCnames ?? true;
  const data = new Map<string, NameData>();
  const behaviours = new Map<string, TestDnsBehaviour>();
  const queries: TestDnsQuery[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const connections = new Set<TcpSocket>();

  /** The replies to send, in order; none for 'timeout'. */
  function respond(query: DecodedPacket, transport: 'udp' | 'tcp'): Packet[] {
    const question = query.questions?.[0];
    if (question === undefined) return [reply(query, RCODE_FORMERR, [])];
    queries.push({ name: question.name, type: question.type, transport });

    switch (behaviours.get(key(question.name)) ?? 'normal') {
      case 'timeout':
        return [];
      case 'servfail':
        return [reply(query, RCODE_SERVFAIL, [])];
      case 'refused':
        return [reply(query, RCODE_REFUSED, [])];
      case 'truncate-udp':
        if (transport === 'udp') return [reply(query, dnsPacket.TRUNCATED_RESPONSE, [])];
        return [answer(query, question)];
      case 'decoy-then-answer': {
        if (transport === 'tcp') return [answer(query, question)];
        const decoy: Answer = { type: 'TXT', name: question.name, ttl: 60, data: [Buffer.from('decoy')] };
        return [{ ...reply(query, 0, [decoy]), id: ((query.id ?? 0) + 1) & 0xffff }, answer(query, question)];
      }
      case 'normal':
        return [answer(query, question)];
    }
  }

  function answer(query: DecodedPacket, question: Question): Packet {
    const answers: Answer[] = [];
    let owner = question.name;
    for (let followed = 0; followed <= MAX_FOLLOWED_CNAMES; followed++) {
      const entry = data.get(key(owner));
      if (entry === undefined) return reply(query, RCODE_NXDOMAIN, answers);
      if (entry.cname !== undefined && question.type !== 'CNAME') {
        answers.push({ type: 'CNAME', name: owner, ttl: 60, data: entry.cname });
        if (!followCnames) break;
        owner = entry.cname;
        continue;
      }
      if (question.type === 'TXT') {
        for (const chunks of entry.txt ?? []) answers.push({ type: 'TXT', name: owner, ttl: 60, data: chunks });
      } else if (question.type === 'CNAME' && entry.cname !== undefined) {
        answers.push({ type: 'CNAME', name: owner, ttl: 60, data: entry.cname });
      }
      break;
    }
    return reply(query, 0, answers);
  }

  const { udp, tcp, port } = await bindOnOnePort();

  udp.on('message', (message: Buffer, remote: RemoteInfo) => {
    const query = decodeOrUndefined(message);
    if (query === undefined) return;
    const limit = udpPayloadLimit(query);
    const [first, ...rest] = respond(query, 'udp').map((packet) => encodeForUdp(packet, limit));
    if (first !== undefined) udp.send(first, remote.port, remote.address);
    if (rest.length === 0) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      for (const message of rest) udp.send(message, remote.port, remote.address);
    }, DECOY_LEAD_MS);
    timers.add(timer);
  });

  tcp.on('connection', (socket: TcpSocket) => {
    connections.add(socket);
    socket.on('close', () => connections.delete(socket));
    socket.on('error', () => socket.destroy());
    let received: Buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      // Several queries may share one read, and one query may span several.
      while (received.length >= 2 && received.length >= 2 + received.readUInt16BE(0)) {
        const frameLength = 2 + received.readUInt16BE(0);
        const query = decodeOrUndefined(received.subarray(2, frameLength));
        received = received.subarray(frameLength);
        if (query === undefined) {
          socket.destroy();
          return;
        }
        for (const packet of respond(query, 'tcp')) socket.write(dnsPacket.streamEncode(packet));
      }
    });
  });

  return {
    address: '127.0.0.1',
    port,
    queries,
    setTxt(name, values) {
      const entry = data.get(key(name)) ?? {};
      entry.txt = values.map((value) =>
        typeof value === 'string' ? splitIntoCharacterStrings(value) : asChunks(value),
      );
      data.set(key(name), entry);
    },
    setCname(name, target) {
      const entry = data.get(key(name)) ?? {};
      entry.cname = target;
      data.set(key(name), entry);
    },
    remove(name) {
      data.delete(key(name));
      behaviours.delete(key(name));
    },
    setBehaviour(name, behaviour) {
      behaviours.set(key(name), behaviour);
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of connections) socket.destroy();
      await Promise.all([
        new Promise<void>((resolve) => udp.close(() => resolve())),
        new Promise<void>((resolve) => tcp.close(() => resolve())),
      ]);
    },
  };
}

const RCODE_FORMERR = 1;
const RCODE_SERVFAIL = 2;
const RCODE_NXDOMAIN = 3;
const RCODE_REFUSED = 5;

function reply(query: DecodedPacket, flags: number, answers: Answer[]): Packet {
  return {
    type: 'response',
    id: query.id ?? 0,
    flags: dnsPacket.RECURSION_AVAILABLE | ((query.flags ?? 0) & dnsPacket.RECURSION_DESIRED) | flags,
    questions: query.questions ?? [],
    answers,
  };
}

/** What the client said it can take over UDP: its EDNS size, or the 512 bytes of plain DNS. */
function udpPayloadLimit(query: DecodedPacket): number {
  const opt = query.additionals?.find((record) => record.type === 'OPT');
  return opt?.type === 'OPT' ? Math.max(512, opt.udpPayloadSize) : 512;
}

/** Like a real server, an answer too large for the client's limit goes out truncated: TC set, no records. */
function encodeForUdp(packet: Packet, limit: number): Buffer {
  const message = dnsPacket.encode(packet);
  if (message.length <= limit) return message;
  return dnsPacket.encode({ ...packet, flags: (packet.flags ?? 0) | dnsPacket.TRUNCATED_RESPONSE, answers: [] });
}

function key(name: string): string {
  return (name.endsWith('.') ? name.slice(0, -1) : name).toLowerCase();
}

function decodeOrUndefined(message: Buffer): DecodedPacket | undefined {
  try {
    return dnsPacket.decode(message);
  } catch {
    return undefined;
  }
}

/** Splits on byte counts, as a zone file would: a multi-byte character may straddle two strings. */
function splitIntoCharacterStrings(value: string): Buffer[] {
  const bytes = Buffer.from(value, 'utf8');
  const chunks: Buffer[] = [];
  for (let start = 0; start < bytes.length; start += MAX_CHARACTER_STRING) {
    chunks.push(bytes.subarray(start, start + MAX_CHARACTER_STRING));
  }
  return chunks.length > 0 ? chunks : [Buffer.alloc(0)];
}

function asChunks(chunks: readonly string[]): Buffer[] {
  return chunks.map((chunk) => {
    const bytes = Buffer.from(chunk, 'utf8');
    // dns-packet would silently write a wrong length byte; fail the test setup instead.
    if (bytes.length > MAX_CHARACTER_STRING) throw new Error(`TXT character-string over 255 bytes: "${chunk}"`);
    return bytes;
  });
}

/** UDP takes any free port first; TCP then needs the same number, which another process may hold. */
async function bindOnOnePort(): Promise<{ udp: UdpSocket; tcp: Server; port: number }> {
  for (let attempt = 1; ; attempt++) {
    // A dgram socket binds once, so each attempt starts with fresh sockets.
    const udp = createSocket('udp4');
    const tcp = createServer();
    await new Promise<void>((resolve, reject) => {
      udp.once('error', reject);
      udp.bind(0, '127.0.0.1', () => {
        udp.off('error', reject);
        resolve();
      });
    });
    const port = udp.address().port;
    try {
      await new Promise<void>((resolve, reject) => {
        tcp.once('error', reject);
        tcp.listen(port, '127.0.0.1', () => {
          tcp.off('error', reject);
          resolve();
        });
      });
      return { udp, tcp, port };
    } catch (error) {
      await new Promise<void>((resolve) => udp.close(() => resolve()));
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || attempt >= 20) throw error;
    }
  }
}
