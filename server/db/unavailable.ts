/**
 * Which errors mean "the database cannot serve this request now" rather than "this request is
 * wrong": a refused or lost connection, a time limit, a full pool. One list, so the error handler,
 * /readyz and the start-up wait agree on what an outage is. Everything here answers 503 and is
 * worth retrying; everything else keeps its own meaning (constraint errors stay 4xx, bugs stay 500).
 */

/** Kinds of outage, each logged once per interval while it lasts. */
export type DatabaseFailureKind =
  | 'unreachable'
  | 'connection lost'
  | 'connect timeout'
  | 'statement timeout'
  | 'lock timeout'
  | 'too many connections'
  | 'pool queue full'
  | 'conflict';

/** What a caller is told for each kind: for people, without SQL, hosts or stacks. */
const MESSAGES: Record<DatabaseFailureKind, string> = {
  unreachable: 'The database cannot be reached; try again shortly.',
  'connection lost': 'The connection to the database was lost; try again shortly.',
  'connect timeout': 'No database connection became free in time; try again shortly.',
  'statement timeout': 'The database did not answer in time; try again shortly.',
  'lock timeout': 'The record is busy; try again shortly.',
  'too many connections': 'The database has no connection to spare; try again shortly.',
  'pool queue full': 'Too many requests are waiting for the database; try again shortly.',
  conflict: 'The change met another one at the same moment; try again.',
};

/** Thrown by the pool instead of queueing a request behind too many others. */
export class PoolQueueFull extends Error {
  override name = 'PoolQueueFull';
  constructor(limit: number) {
    super(`more than ${limit} requests are waiting for a database connection`);
  }
}

const SOCKET_CODES: Record<string, DatabaseFailureKind> = {
  ECONNREFUSED: 'unreachable',
  ENOTFOUND: 'unreachable',
  EAI_AGAIN: 'unreachable',
  EHOSTUNREACH: 'unreachable',
  ENETUNREACH: 'unreachable',
  ECONNRESET: 'connection lost',
  EPIPE: 'connection lost',
  ETIMEDOUT: 'connect timeout',
};

/** SQLSTATEs of an outage. Classes 08 (connection exception) are matched by prefix below. */
const SQLSTATES: Record<string, DatabaseFailureKind> = {
  '57P01': 'connection lost', // admin_shutdown: pg_terminate_backend, a fast shutdown
  '57P02': 'connection lost', // crash_shutdown
  '57P03': 'unreachable', // cannot_connect_now: starting up, shutting down, recovering
  '57P05': 'connection lost', // idle_session_timeout
  '25P03': 'connection lost', // idle_in_transaction_session_timeout
  '53300': 'too many connections',
  '57014': 'statement timeout', // query_canceled: statement_timeout, or a cancel request
  '55P03': 'lock timeout',
  // Transient by definition: PostgreSQL chose this transaction to give way; the same request again succeeds.
  '40P01': 'conflict', // deadlock_detected
  '40001': 'conflict', // serialization_failure
  // placement_guard (0021): the agency left this database again while the transaction was sent on.
  UP001: 'conflict',
};

/** Messages of `pg` and `pg-pool` that carry no code. */
const MESSAGES_OF_PG: Array<[RegExp, DatabaseFailureKind]> = [
  [/^Connection terminated due to connection timeout/, 'connect timeout'],
  [/^timeout exceeded when trying to connect/, 'connect timeout'],
  [/^Query read timeout/, 'statement timeout'],
  [/^Connection terminated/, 'connection lost'],
  [/is not queryable/, 'connection lost'],
  [/^server conn crashed/, 'connection lost'],
];

/** The kind of outage an error is (looking through `cause`), or null when it is no outage. */
export function databaseFailureKind(error: unknown): DatabaseFailureKind | null {
  for (
    let current = error, depth = 0;
    current instanceof Object && depth < 5;
    current = (current as { cause?: unknown }).cause, depth++
  ) {
    if (current instanceof PoolQueueFull) return 'pool queue full';
    const { code, message } = current as { code?: unknown; message?: unknown };
    if (typeof code === 'string') {
      const kind =
        SOCKET_CODES[code] ?? SQLSTATES[code] ?? (/^08[0-9A-Z]{3}$/.test(code) ? 'connection lost' : undefined);
      if (kind) return kind;
    }
    if (typeof message === 'string') {
      for (const [pattern, kind] of MESSAGES_OF_PG) if (pattern.test(message)) return kind;
    }
  }
  return null;
}

export function describeFailure(kind: DatabaseFailureKind): string {
  return MESSAGES[kind];
}

/**
 * Whether a failed client must be thrown away rather than reused: it lost its connection, or a
 * statement on it ran out of time on our side (the server may still be working on it, and would
 * answer the next query with the old one's rows).
 */
export function breaksConnection(error: unknown): boolean {
  const kind = databaseFailureKind(error);
  return (
    kind === 'connection lost' ||
    kind === 'unreachable' ||
    kind === 'connect timeout' ||
    (kind === 'statement timeout' && isClientTimeout(error))
  );
}

function isClientTimeout(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('Query read timeout');
}
