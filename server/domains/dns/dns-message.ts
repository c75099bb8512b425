/**
 * What the UDP and TCP transports share: the query they send, the checks a reply must pass,
 * and the shape of what they hand back to the resolver.
 */
import { randomInt } from 'node:crypto';
import * as dnsPacket from 'dns-packet';
import type { DecodedPacket, Packet } from 'dns-packet';

export interface DnsServer {
  /** An IP address (IPv6 without brackets), in the form the socket reports as a reply's source. */
  readonly host: string;
  readonly port: number;
}

/**
 * One question to one server. `aborted` covers every reason the caller's signal fired
 * (time limit, caller gave up, resolver closing): the resolver, which owns those signals, tells them apart.
 */
export type ExchangeResult =
  | { kind: 'reply'; reply: DecodedPacket }
  | { kind: 'truncated' }
  | { kind: 'failed'; failure: 'aborted' | 'closed' | 'network' | 'bad-response'; detail: string };

export const CLOSED: ExchangeResult = { kind: 'failed', failure: 'closed', detail: 'the resolver was closed' };
export const ABORTED: ExchangeResult = { kind: 'failed', failure: 'aborted', detail: 'the query was aborted' };

/**
 * One query in flight and how it ends: the first result wins. It ends `aborted` when `signal` (if
 * any) aborts or after `timeoutMs` (if given); `onEnd(about)` runs once, before `result` resolves.
 * A class rather than closures, because a re-check round makes thousands of these: the signal
 * listener is the exchange itself (`handleEvent`) and the timer gets it as its argument.
 */
export class Exchange<T> {
  readonly about: T;
  readonly result: Promise<ExchangeResult>;
  #resolve!: (result: ExchangeResult) => void;
  #settled = false;
  readonly #signal: AbortSignal | null;
  readonly #timer: NodeJS.Timeout | undefined;
  readonly #onEnd: (about: T) => void;

  constructor(about: T, signal: AbortSignal | null, timeoutMs: number | undefined, onEnd: (about: T) => void) {
    this.about = about;
    this.result = new Promise((resolve) => {
      this.#resolve = resolve;
    });
    this.#signal = signal;
    this.#onEnd = onEnd;
    signal?.addEventListener('abort', this, { once: true });
    this.#timer = timeoutMs === undefined ? undefined : setTimeout(abort, timeoutMs, this as Exchange<unknown>);
  }

  settle(result: ExchangeResult): void {
    if (this.#settled) return;
    this.#settled = true;
    this.#signal?.removeEventListener('abort', this);
    clearTimeout(this.#timer);
    this.#onEnd(this.about);
    this.#resolve(result);
  }

  /** The signal's abort event. */
  handleEvent(): void {
    this.settle(ABORTED);
  }
}

function abort(exchange: Exchange<unknown>): void {
  exchange.settle(ABORTED);
}

export interface DnsTransport {
  /**
   * One query. It ends `aborted` when `signal` (if any) aborts or after `timeoutMs` (if given),
   * whichever comes first; the transport's own timer, so no signal needs to be made per query.
   */
  exchange(server: DnsServer, name: string, signal: AbortSignal | null, timeoutMs?: number): Promise<ExchangeResult>;
  /** Settles every pending exchange as `closed` and releases sockets. */
  close(): Promise<void>;
}

/** The DNS Flag Day 2020 size: large enough for TXT challenges, small enough to avoid IP fragmentation. */
const EDNS_UDP_PAYLOAD = 1232;

/** Shortest DNS message: the fixed header. Anything shorter cannot even carry an id. */
export const DNS_HEADER_BYTES = 12;

export function formatServer(server: DnsServer): string {
  return isIpv6Server(server) ? `[${server.host}]:${server.port}` : `${server.host}:${server.port}`;
}

/** A server's host is an IP address (checkedDnsServer); of those, only IPv6 ones have a colon. */
export function isIpv6Server(server: DnsServer): boolean {
  return server.host.includes(':');
}

/** Ids come from the CSPRNG: with a predictable id, an off-path attacker could forge a challenge answer. */
export function randomQueryId(inUse: ReadonlyMap<number, unknown>): number {
  for (;;) {
    const id = randomInt(0x10000);
    if (!inUse.has(id)) return id;
  }
}

export function encodeTxtQuery(id: number, name: string): Packet {
  return {
    type: 'query',
    id,
    flags: dnsPacket.RECURSION_DESIRED,
    questions: [{ type: 'TXT', class: 'IN', name }],
    additionals: [
      {
        type: 'OPT',
        name: '.',
        udpPayloadSize: EDNS_UDP_PAYLOAD,
        extendedRcode: 0,
        ednsVersion: 0,
        flags: 0,
        flag_do: false,
        options: [],
      },
    ],
  };
}

export function sameName(a: string, b: string): boolean {
  // Most often the very same spelling: a reply repeats the question as it was asked.
  return a === b || stripRootDot(a).toLowerCase() === stripRootDot(b).toLowerCase();
}

function stripRootDot(name: string): string {
  return name.endsWith('.') ? name.slice(0, -1) : name;
}

/**
 * A reply answers our query only if it is a response that repeats our id and our question.
 * Source address and port are the transport's to check (TCP gets them for free).
 */
export function answersQuery(reply: DecodedPacket, id: number, name: string): boolean {
  if (!reply.flag_qr || reply.id !== id) return false;
  const question = reply.questions?.length === 1 ? reply.questions[0] : undefined;
  return question !== undefined && question.type === 'TXT' && sameName(question.name, name);
}

/**
 * dns-packet reads past the end of a short message without complaint (a cut TXT record comes back
 * shorter, not as an error), so a decode that consumed more bytes than there were is refused here.
 */
export function decodeWhole(message: Buffer): DecodedPacket {
  const reply = dnsPacket.decode(message);
  if (dnsPacket.decode.bytes > message.length) throw new Error('the reply ends in the middle of a record');
  return reply;
}

/** Reads TC straight from the header, for truncated replies too mangled for a full decode. */
export function hasTruncatedFlag(message: Buffer): boolean {
  return message.length >= DNS_HEADER_BYTES && (message.readUInt16BE(2) & dnsPacket.TRUNCATED_RESPONSE) !== 0;
}

/** The 4-bit RCODE; dns-packet decodes it at run time but its types leave it out. */
export function rcodeOf(reply: DecodedPacket): number {
  return (reply.flags ?? 0) & 0xf;
}

export const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;

export function errorDetail(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code !== undefined ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}
