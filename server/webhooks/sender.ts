/**
 * One delivery attempt: a POST with a time limit, no redirects followed, and the connection made to
 * an address that was resolved and checked here. The check and the connection use the same
 * address, so a name that resolves to a public address when checked and to 127.0.0.1 a moment later
 * (DNS rebinding) cannot slip past: the second answer is never asked for.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { refusedAddress } from './address-policy.ts';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Every address of a host name, as the operating system resolves it (default: dns.lookup, all of them). */
export type WebhookLookup = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemLookup: WebhookLookup = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

export interface SendOptions {
  /** The whole attempt, from the DNS question to the response's status line. */
  timeoutMs: number;
  allowPrivate: boolean;
  lookup: WebhookLookup;
}

export interface AttemptResult {
  /** A 2xx answer. */
  ok: boolean;
  /** The answer's status, null when there was none. */
  status: number | null;
  /** From the start of the attempt to the status line (or to the failure). */
  latencyMs: number;
  /** Why it failed, for the delivery log: a sentence without the receiver's own words. */
  error: string | null;
}

export async function sendWebhook(
  url: URL,
  headers: Record<string, string>,
  body: string,
  options: SendOptions,
): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const failed = (error: string): AttemptResult => ({ ok: false, status: null, latencyMs: elapsed(), error });
  const timedOut = () => failed(`no answer within ${formatMs(options.timeoutMs)}`);

  let target: ResolvedAddress;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) !== 0) {
    target = { address: host, family: isIP(host) };
  } else {
    let addresses: ResolvedAddress[];
    try {
      addresses = await raceSignal(options.lookup(host), deadline);
    } catch (error) {
      if (deadline.aborted) return timedOut();
      return failed(`${host} did not resolve (${(error as NodeJS.ErrnoException).code ?? 'DNS error'})`);
    }
    if (addresses.length === 0) return failed(`${host} did not resolve`);
    target = addresses[0] as ResolvedAddress;
    if (!options.allowPrivate) {
      // Any refused address refuses the name: an answer that mixes the two is itself suspect.
      for (const candidate of addresses) {
        const why = refusedAddress(candidate.address);
        if (why) return failed(`refused: ${host} resolves to ${candidate.address}, a ${why} address`);
      }
    }
  }
  if (!options.allowPrivate) {
    const why = refusedAddress(target.address);
    if (why) return failed(`refused: ${target.address} is a ${why} address`);
  }

  // The connection goes to the address checked above, whatever DNS would say now.
  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) (callback as (error: null, addresses: ResolvedAddress[]) => void)(null, [target]);
    else callback(null, target.address, target.family);
  };
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    const settle = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      deadline.removeEventListener('abort', onTimeout);
      resolve(result);
    };
    const request = transport.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': Buffer.byteLength(body).toString() },
        lookup: pinned,
        // A fresh connection each time: a kept-alive socket would skip the address check.
        agent: false,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        // The answer's body is not read: its status is all a delivery needs.
        response.destroy();
        request.destroy();
        const ok = status >= 200 && status < 300;
        const redirect = status >= 300 && status < 400 ? ' (redirects are not followed)' : '';
        settle({ ok, status, latencyMs: elapsed(), error: ok ? null : `answered HTTP ${status}${redirect}` });
      },
    );
    const onTimeout = () => {
      settle(timedOut());
      request.destroy();
    };
    deadline.addEventListener('abort', onTimeout, { once: true });
    request.on('error', (error: NodeJS.ErrnoException) => settle(failed(describeNetworkError(error))));
    request.end(body);
  });
}

function describeNetworkError(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ECONNREFUSED':
      return 'the connection was refused';
    case 'ECONNRESET':
      return 'the connection was reset';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'the host is unreachable';
    default:
      return error.code?.startsWith('ERR_TLS') || error.code?.includes('CERT')
        ? `TLS failed (${error.code})`
        : `the request failed (${error.code ?? 'network error'})`;
  }
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function raceSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
