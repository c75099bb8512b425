/**
 * The HTTP server in front of the application, and who answers at it. It exists before the
 * application does, so that while the server waits for its database the port already answers:
 * /healthz 200 (the process runs), /readyz 503, everything else 503 UPZ_UNAVAILABLE with
 * Retry-After. Fastify is handed this same server through its `serverFactory` option; once the
 * application is ready the door opens to it. At shutdown the door answers again, so a request
 * arriving on a kept-alive connection gets the API's 503 shape and `Connection: close`, not
 * Fastify's bare one.
 */
import http from 'node:http';
import { RETRY_AFTER_SECONDS, unavailableBody } from './unavailable.ts';

type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;
/** Answers a request ahead of the application and returns true, or returns false having touched nothing. */
export type Shortcut = (request: http.IncomingMessage, response: http.ServerResponse) => boolean;

export class FrontDoor {
  readonly server: http.Server;
  #app: Handler | null = null;
  #shortcut: Shortcut | null = null;
  #state: { kind: 'starting' | 'closing'; reason: string } | { kind: 'open' } = {
    kind: 'starting',
    reason: 'the server is starting',
  };

  constructor(server: http.Server = http.createServer()) {
    this.server = server;
    // Fastify applies its own keep-alive time (72 s, longer than a load balancer's usual 60 s idle
    // time) only to a server it makes; this one is made here, so it is set here. Node's 5 s would
    // have a balancer reuse connections the server is closing.
    server.keepAliveTimeout = 72_000;
    server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
      if (this.#state.kind === 'open' && this.#app) {
        if (this.#shortcut?.(request, response)) return;
        this.#app(request, response);
      } else
        this.#answer(request, response, this.#state.kind === 'open' ? 'the server is starting' : this.#state.reason);
    });
  }

  /** For Fastify's `serverFactory`: takes the application's handler, gives this server. */
  readonly serverFactory = (handler: Handler): http.Server => {
    this.#app = handler;
    return this.server;
  };

  /** Asked first about every request while the door is open (the widget config route's warm answer). */
  answerFirst(shortcut: Shortcut): void {
    this.#shortcut = shortcut;
  }

  /** Not serving yet, and why (shown by /readyz). */
  starting(reason: string): void {
    this.#state = { kind: 'starting', reason };
  }

  /** Requests go to the application from now on. */
  open(): void {
    this.#state = { kind: 'open' };
  }

  /** Requests arriving from now on are refused; the ones in flight finish. */
  closing(): void {
    if (this.#state.kind !== 'closing') this.#state = { kind: 'closing', reason: 'the server is shutting down' };
  }

  get isOpen(): boolean {
    return this.#state.kind === 'open';
  }

  #answer(request: http.IncomingMessage, response: http.ServerResponse, reason: string): void {
    const path = (request.url ?? '/').split('?')[0];
    const closing = this.#state.kind === 'closing';
    // Whatever body the request carries is not read: let the socket go once answered.
    if (closing || request.headers['content-length'] || request.headers['transfer-encoding'])
      response.setHeader('connection', 'close');
    if (path === '/healthz') return send(response, 200, { status: 'ok' });
    if (path === '/readyz') return send(response, 503, { status: 'unavailable', reason });
    response.setHeader('retry-after', String(RETRY_AFTER_SECONDS));
    send(response, 503, unavailableBody(`Upzento is not serving: ${reason}; try again shortly.`));
  }
}

function send(response: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  response.end(text);
}
