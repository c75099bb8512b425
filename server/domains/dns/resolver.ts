/**
 * TXT lookups for domain verification. Every DNS outcome is a value, and each failure says whether
 * it is worth asking again later (`temporary`) or is a real "not there" the customer must fix.
 */
import type { Answer, DecodedPacket } from 'dns-packet';
import { RCODE, formatServer, rcodeOf, sameName, type DnsServer, type ExchangeResult } from './dns-message.ts';
import { checkedDnsServer } from './dns-servers.ts';
import { TcpTransport } from './tcp-transport.ts';
import { UdpTransport } from './udp-transport.ts';
import type { DnsErrorCode } from '../../db/schema.ts';

export type { DnsServer } from './dns-message.ts';
export { parseDnsServers, systemDnsServers } from './dns-servers.ts';
// The codes are stored with each check (domains.last_check), so the schema owns them.
export type { DnsErrorCode } from '../../db/schema.ts';

export type TxtLookup =
  | {
      ok: true;
      /** The name asked for, without a trailing dot. */
      name: string;
      /** One string per TXT record, its character-strings joined, in the order the server gave them. */
      records: string[];
      /** The CNAME targets followed from `name` to the records' owner, in order; empty when there was no alias. */
      cnameChain: string[];
      /** `host:port` of the server that answered. */
      server: string;
    }
  | {
      ok: false;
      name: string;
      code: DnsErrorCode;
      /** True when asking again later may succeed; false for NXDOMAIN, NO_DATA and CNAME_LOOP. */
      temporary: boolean;
      /** A sentence for the person who manages the domain. */
      message: string;
      /** `host:port` of the server that gave this answer, when one did. */
      server?: string;
      /** When the name asked is an alias (CNAME): the name along its chain that the failure is about. */
      alias?: string;
    };

export interface TxtResolver {
  /**
   * Never rejects for a DNS outcome. Rejects with a RangeError for a name that cannot be asked at
   * all (empty label, label over 63, over 253 characters): that is a bug in the caller.
   */
  resolveTxt(name: string, opts?: { signal?: AbortSignal }): Promise<TxtLookup>;
  /** Settles every pending lookup (as NETWORK, "resolver closed") and closes the sockets. */
  close(): Promise<void>;
}

export interface ResolverOptions {
  /** Resolvers to ask, in this order, by IP address; see `systemDnsServers()` and `parseDnsServers()`. At least one. */
  servers: DnsServer[];
  /** How long one query to one server may take, in ms (default 2000). A TCP retry gets its own. */
  timeoutMs?: number;
  /**
   * Tries per server (default 2). Tries go round the servers in turn, so a dead first server costs
   * one time-out before the second is asked, not `attempts` of them. Worst case for one lookup:
   * attempts × servers × timeoutMs for each name in a CNAME chain.
   */
  attempts?: number;
  /** CNAMEs followed before giving up with CNAME_LOOP (default 8). */
  maxCnameDepth?: number;
}

/** Throws on bad options: they come from configuration, and a bad one should stop the start. */
export function createResolver(options: ResolverOptions): TxtResolver {
  const settings = Object.freeze({
    servers: Object.freeze(options.servers.map((server) => Object.freeze(checkedDnsServer(server)))),
    timeoutMs: positiveInteger('timeoutMs', options.timeoutMs ?? 2000),
    attempts: positiveInteger('attempts', options.attempts ?? 2),
    maxCnameDepth: positiveInteger('maxCnameDepth', options.maxCnameDepth ?? 8),
  });
  if (settings.servers.length === 0) throw new Error('createResolver: servers must name at least one DNS server');
  return new Resolver(settings);
}

type Settings = Readonly<Required<Omit<ResolverOptions, 'servers'>>> & { servers: readonly DnsServer[] };

type Failure = Extract<TxtLookup, { ok: false }>;

/** What one name's query came back with, from the first server that gave a usable answer. */
type QueryOutcome = { ok: true; reply: DecodedPacket; server: DnsServer } | Failure;

class Resolver implements TxtResolver {
  readonly #settings: Settings;
  readonly #udp = new UdpTransport();
  readonly #tcp = new TcpTransport();
  #closed = false;

  constructor(settings: Settings) {
    this.#settings = settings;
  }

  // Not itself async: it hands over #follow's promise, rather than wrapping it in one more.
  resolveTxt(name: string, opts?: { signal?: AbortSignal }): Promise<TxtLookup> {
    // The caller's signal goes to each query as it is; the transports time each try themselves, and
    // close() settles the queries in flight, so a lookup makes no signal of its own.
    return this.#follow(name, opts?.signal ?? null);
  }

  async close(): Promise<void> {
    this.#closed = true;
    await Promise.all([this.#udp.close(), this.#tcp.close()]);
  }

  async #follow(name: string, signal: AbortSignal | null): Promise<TxtLookup> {
    const asked = checkedName(name);
    if (this.#closed) return closedFailure(asked);
    if (signal?.aborted) return cancelledFailure(asked);

    const chain: string[] = [];
    let current = asked;
    // Each round asks for the name the chain has reached; a round that adds no CNAME ends the loop,
    // so there are at most maxCnameDepth + 1 rounds.
    for (;;) {
      const outcome = await this.#query(asked, current, signal);
      if (!outcome.ok) return outcome;
      const { reply, server } = outcome;
      const answers = reply.answers ?? [];
      const before = chain.length;
      for (let target = cnameTarget(answers, current); target !== undefined; target = cnameTarget(answers, current)) {
        const again = sameName(target, asked) || chain.some((name) => sameName(name, target));
        if (again || chain.length >= this.#settings.maxCnameDepth) {
          return failure(asked, 'CNAME_LOOP', server, { depth: this.#settings.maxCnameDepth });
        }
        chain.push(target);
        current = target;
      }
      if (rcodeOf(reply) === RCODE.NXDOMAIN) return failure(asked, 'NXDOMAIN', server, { at: current });
      const records = txtRecords(answers, current);
      if (records.length > 0) {
        return { ok: true, name: asked, records, cnameChain: chain, server: formatServer(server) };
      }
      // Only an alias came back (an authoritative server does not chase targets in other zones): ask for the target.
      if (chain.length > before) continue;
      return failure(asked, 'NO_DATA', server, { at: current });
    }
  }

  async #query(asked: string, name: string, signal: AbortSignal | null): Promise<QueryOutcome> {
    const { servers, attempts, timeoutMs } = this.#settings;
    // Made only when a server refuses: nearly every query is answered at its first try.
    let refusing: Set<DnsServer> | undefined;
    let last: Failure | undefined;

    for (let attempt = 0; attempt < attempts; attempt++) {
      for (const server of servers) {
        if (refusing?.has(server)) continue;
        const stop = this.#stopReason(asked, signal);
        if (stop) return stop;

        // UDP first, and TCP when the UDP reply was truncated. Each try has its own time limit.
        let result = await this.#udp.exchange(server, name, signal, timeoutMs);
        if (result.kind === 'truncated') result = await this.#tcp.exchange(server, name, signal, timeoutMs);
        const outcome = this.#outcomeOf(result, asked, name, server, signal);
        if (outcome.ok) return outcome;
        if (outcome.code === 'REFUSED') (refusing ??= new Set()).add(server); // a policy, not a hiccup: asking again is pointless
        last = outcome;
      }
    }
    // Every try failed; the last failure is the freshest account of why.
    return last ?? failure(asked, 'NETWORK', undefined, { detail: 'no DNS server could be asked' });
  }

  /** What one server answered: its UDP reply, or its TCP reply after a truncated one (so a truncated result came over TCP). */
  #outcomeOf(
    result: ExchangeResult,
    asked: string,
    name: string,
    server: DnsServer,
    signal: AbortSignal | null,
  ): QueryOutcome {
    const { timeoutMs } = this.#settings;
    if (result.kind === 'truncated') {
      return failure(asked, 'BAD_RESPONSE', server, { detail: 'the reply over TCP is truncated' });
    }
    if (result.kind === 'failed') {
      switch (result.failure) {
        case 'aborted':
          return this.#stopReason(asked, signal) ?? failure(asked, 'TIMEOUT', server, { detail: `${timeoutMs} ms` });
        case 'closed':
          return closedFailure(asked);
        case 'network':
          return failure(asked, 'NETWORK', server, { detail: result.detail });
        case 'bad-response':
          return failure(asked, 'BAD_RESPONSE', server, { detail: result.detail });
      }
    }

    switch (rcodeOf(result.reply)) {
      case RCODE.NOERROR:
      case RCODE.NXDOMAIN:
        return { ok: true, reply: result.reply, server };
      case RCODE.SERVFAIL:
        return failure(asked, 'SERVFAIL', server, { at: name });
      case RCODE.REFUSED:
        return failure(asked, 'REFUSED', server, { at: name });
      default:
        return failure(asked, 'BAD_RESPONSE', server, { detail: `unexpected response code ${rcodeOf(result.reply)}` });
    }
  }

  /** Set once no further try should start: the resolver is closing or the caller gave up. */
  #stopReason(asked: string, signal: AbortSignal | null): Failure | undefined {
    if (this.#closed) return closedFailure(asked);
    return signal?.aborted ? cancelledFailure(asked) : undefined;
  }
}

/** The caller stopped waiting; reported as TIMEOUT because callers abort on their own deadlines. */
function cancelledFailure(asked: string): Failure {
  return {
    ok: false,
    name: asked,
    code: 'TIMEOUT',
    temporary: true,
    message: `The DNS lookup of ${asked} was cancelled before an answer arrived; try again.`,
  };
}

function closedFailure(asked: string): Failure {
  return {
    ok: false,
    name: asked,
    code: 'NETWORK',
    temporary: true,
    message: `The DNS lookup of ${asked} was stopped because the service is shutting down; try again in a moment.`,
  };
}

interface FailureContext {
  /** The name in the chain the failure is about, when it is not the one asked. */
  at?: string;
  detail?: string;
  depth?: number;
}

function failure(asked: string, code: DnsErrorCode, server: DnsServer | undefined, context: FailureContext): Failure {
  const result: Failure = {
    ok: false,
    name: asked,
    code,
    temporary: !PERMANENT.has(code),
    message: capitalise(describe(asked, code, server, context)),
  };
  if (server) result.server = formatServer(server);
  if (context.at !== undefined && context.at !== asked) result.alias = context.at;
  return result;
}

const ADD_THE_RECORD =
  'Add the TXT record at your DNS provider, then check again; new records can take a few minutes to appear.';
const TRY_AGAIN = 'Try again in a few minutes.';

function describe(asked: string, code: DnsErrorCode, server: DnsServer | undefined, context: FailureContext): string {
  const at = context.at ?? asked;
  const via = at === asked ? asked : `${asked} (through its alias ${at})`;
  const by = server ? `the DNS server ${formatServer(server)}` : 'the DNS server';
  const detail = context.detail ? ` (${context.detail})` : '';
  switch (code) {
    case 'NXDOMAIN':
      return `No TXT record at ${via} (the name does not exist). ${ADD_THE_RECORD}`;
    case 'NO_DATA':
      return `No TXT record at ${via} (the name exists but has no TXT record). ${ADD_THE_RECORD}`;
    case 'CNAME_LOOP':
      return (
        `${asked} is an alias (CNAME) that loops or passes through more than ${context.depth} other names. ` +
        `Put the TXT record directly on ${asked}.`
      );
    case 'SERVFAIL':
      return `${by} could not look up ${via} (SERVFAIL); the domain's DNS servers may not be answering. ${TRY_AGAIN}`;
    case 'REFUSED':
      return `${by} refused to look up ${via}. ${TRY_AGAIN} If it persists, the platform's DNS settings need attention.`;
    case 'TIMEOUT':
      return `${by} did not answer within ${context.detail} when asked about ${asked}. ${TRY_AGAIN}`;
    case 'NETWORK':
      return `Could not reach ${by} to look up ${asked}${detail}. ${TRY_AGAIN}`;
    case 'BAD_RESPONSE':
      return `${by} sent an answer about ${asked} that could not be read${detail}. ${TRY_AGAIN}`;
  }
}

/** A loop is as permanent as a missing record: the zone's owner must change it before a retry can help. */
const PERMANENT: ReadonlySet<DnsErrorCode> = new Set(['NXDOMAIN', 'NO_DATA', 'CNAME_LOOP']);

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function positiveInteger(option: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`createResolver: ${option} must be a positive integer, got ${value}`);
  }
  return value;
}

/**
 * Names reach us from `challengeRecordName()` of a validated hostname, so a bad one is a bug in the
 * caller, not a DNS outcome: it throws rather than being passed to a server.
 */
function checkedName(name: string): string {
  const bare = name.endsWith('.') ? name.slice(0, -1) : name;
  if (bare.length === 0 || bare.length > 253 || !DNS_LABELS.test(bare)) {
    throw new RangeError(`resolveTxt: "${name}" is not a valid DNS name`);
  }
  return bare;
}

/** Dot-separated labels of 1 to 63 characters each. */
const DNS_LABELS = /^[^.]{1,63}(?:\.[^.]{1,63})*$/;

function cnameTarget(answers: Answer[], owner: string): string | undefined {
  for (const answer of answers) {
    if (answer.type === 'CNAME' && sameName(answer.name, owner)) return answer.data;
  }
  return undefined;
}

/** Only records owned by the end of the chain count; anything else in the answer section is not ours to trust. */
function txtRecords(answers: Answer[], owner: string): string[] {
  const records: string[] = [];
  for (const answer of answers) {
    if (answer.type !== 'TXT' || !sameName(answer.name, owner)) continue;
    const chunks = Array.isArray(answer.data) ? answer.data : [answer.data];
    const only = chunks.length === 1 ? chunks[0] : undefined;
    if (Buffer.isBuffer(only)) {
      records.push(only.toString('utf8'));
      continue;
    }
    // Join bytes before decoding: a 255-byte boundary may fall inside a multi-byte UTF-8 character.
    const bytes = chunks.map((chunk) => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
    records.push(Buffer.concat(bytes).toString('utf8'));
  }
  return records;
}
