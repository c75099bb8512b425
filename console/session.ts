/**
 * Who is signed in. The access token lives only in this module's memory: a reload asks the server
 * for a new one with the session cookie (HttpOnly, sent only to /v1/auth/session), so nothing a page
 * script could read ever holds a token. The token is renewed a minute before it expires while the
 * console is open, and at once when the API answers 401 (a laptop woken from sleep). Tabs share the
 * cookie, so they tell each other on a BroadcastChannel: a sign-out in one ends the token in all, and
 * a sign-in as another user makes the others renew, so none keeps working as the previous user.
 */
export interface Claims {
  /** The user. */
  sub: string;
  /** The tenant the user belongs to. */
  tid: string;
  tty: 'platform' | 'agency' | 'client';
  /** The tenant's parent: the platform for an agency, the agency for a client. */
  pid: string | null;
  role: 'admin' | 'member' | 'viewer';
}

export interface Signed {
  token: string;
  claims: Claims;
}

interface TokenAnswer {
  accessToken: string;
  expiresIn: number;
}

/** The answer of a session route that was not a token: its status and the API's message. */
export class SessionError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfter: number | null = null,
  ) {
    super(message);
    this.name = 'SessionError';
  }
}

const RENEW_BEFORE_EXPIRY_MS = 60_000;
const CHANNEL = 'upzento-session';

/** What one tab tells the others of the browser. */
type TabMessage = { kind: 'signed-out'; reason: string | null } | { kind: 'signed-in'; sub: string };
const SIGN_OUT_FAILED = 'Could not sign out: check your connection and try again.';
const SESSION_ENDED = 'Your session ended. Sign in again.';
const SIGNED_OUT_ELSEWHERE = 'You signed out in another tab.';

function decodeClaims(token: string): Claims {
  const payload = token.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(json) as Claims;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export class Session {
  #current: Signed | null = null;
  #renewTimer: ReturnType<typeof setTimeout> | undefined;
  #renewing: Promise<Signed | null> | null = null;
  /** Bumped by every sign-out: a renewal answer from before it must not sign the person back in. */
  #generation = 0;
  #endedBecause: string | null = null;
  readonly #listeners = new Set<(signed: Signed | null) => void>();
  readonly #base: string;

  readonly #channel: BroadcastChannel | null;

  constructor(base: string) {
    this.#base = base;
    this.#channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
    this.#channel?.addEventListener('message', (event: MessageEvent<TabMessage>) => this.#hear(event.data));
  }

  get current(): Signed | null {
    return this.#current;
  }

  /** Why the last session ended, for the sign-in page; null when the person signed out or never signed in. */
  get endedBecause(): string | null {
    return this.#endedBecause;
  }

  /** Calls `fn` on every sign-in, renewal with other claims, and sign-out; returns the unsubscribe. */
  subscribe(fn: (signed: Signed | null) => void): () => void {
    this.#listeners.add(fn);
    return () => this.#listeners.delete(fn);
  }

  async signIn(email: string, password: string): Promise<Signed> {
    const answer = await this.#post('/v1/auth/session', { email, password });
    const signed = this.#accept(answer);
    this.#tell({ kind: 'signed-in', sub: signed.claims.sub });
    return signed;
  }

  /**
   * A new access token for the session cookie; null when there is no session (never signed in, signed
   * out, password changed). Concurrent calls share one request.
   */
  renew(): Promise<Signed | null> {
    const generation = this.#generation;
    this.#renewing ??= this.#post('/v1/auth/session/refresh')
      .then((answer) => (generation === this.#generation ? this.#accept(answer) : null))
      .catch((error: unknown) => {
        if (error instanceof SessionError && (error.status === 401 || error.status === 403)) {
          // 403: the server's own words (a suspended tenant); 401 says so only to someone who was signed in.
          const reason = error.status === 403 ? capitalized(error.message) : this.#current ? SESSION_ENDED : null;
          if (generation === this.#generation) this.#drop(reason);
          return null;
        }
        throw error;
      })
      .finally(() => {
        this.#renewing = null;
      });
    return this.#renewing;
  }

  /**
   * Ends the session cookie, then forgets the token. A renewal in flight is waited for first, so its
   * answer cannot sign the person back in; when the server cannot be told, the person stays signed in
   * (the cookie would still open the console on the next reload) and the call throws. `reason` is
   * shown on the sign-in page, for a sign-out the person did not choose (a password change).
   */
  async signOut(reason: string | null = null): Promise<void> {
    await this.#renewing?.catch(() => null);
    const response = await fetch(`${this.#base}/v1/auth/session`, {
      method: 'DELETE',
      credentials: 'same-origin',
    }).catch(() => null);
    if (!response?.ok) throw new SessionError(response?.status ?? 0, SIGN_OUT_FAILED);
    this.#drop(reason);
    this.#tell({ kind: 'signed-out', reason });
  }

  #tell(message: TabMessage): void {
    this.#channel?.postMessage(message);
  }

  #hear(message: TabMessage): void {
    if (message.kind === 'signed-out') this.#drop(message.reason ?? SIGNED_OUT_ELSEWHERE);
    else if (message.sub !== this.#current?.claims.sub) void this.renew().catch(() => {});
  }

  async #post(path: string, body?: unknown): Promise<TokenAnswer> {
    const response = await fetch(`${this.#base}${path}`, {
      method: 'POST',
      credentials: 'same-origin',
      ...(body !== undefined && { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    const answer = await response.json().catch(() => null);
    if (!response.ok) {
      const retryAfter = Number(response.headers.get('retry-after')) || null;
      throw new SessionError(response.status, answer?.message ?? `The server answered ${response.status}.`, retryAfter);
    }
    return answer as TokenAnswer;
  }

  #accept(answer: TokenAnswer): Signed {
    const signed = { token: answer.accessToken, claims: decodeClaims(answer.accessToken) };
    const before = this.#current?.claims;
    this.#current = signed;
    this.#endedBecause = null;
    clearTimeout(this.#renewTimer);
    this.#renewTimer = setTimeout(
      () => void this.renew().catch(() => {}),
      Math.max(answer.expiresIn * 1000 - RENEW_BEFORE_EXPIRY_MS, 5_000),
    );
    const changed = !before || before.sub !== signed.claims.sub || before.role !== signed.claims.role;
    if (changed) for (const fn of this.#listeners) fn(signed);
    return signed;
  }

  #drop(reason: string | null): void {
    this.#generation += 1;
    clearTimeout(this.#renewTimer);
    const had = this.#current !== null;
    if (had || reason !== null) this.#endedBecause = reason;
    this.#current = null;
    if (had) for (const fn of this.#listeners) fn(null);
  }
}
