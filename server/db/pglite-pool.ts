/**
 * Lets Kysely's PostgreSQL dialect drive an embedded PGlite database.
 *
 * PGlite is one connection. This "pool" hands that connection to one borrower at a time, so a
 * transaction (which holds the connection from BEGIN to COMMIT) is never interleaved with another
 * caller's statements; everyone else waits in line.
 */
import type { PGlite, Results } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

type QueryResult = PostgresQueryResult<unknown>;

export class PglitePool implements PostgresPool {
  readonly #db: PGlite;
  #busy = false;
  readonly #waiting: Array<() => void> = [];

  constructor(db: PGlite) {
    this.#db = db;
  }

  async connect(): Promise<PostgresPoolClient> {
    if (this.#busy) await new Promise<void>((resolve) => this.#waiting.push(resolve));
    this.#busy = true;
    let released = false;
    const client = {
      query: (sql: string, parameters: readonly unknown[]) => this.#query(sql, parameters),
      release: () => {
        if (released) return;
        released = true;
        const next = this.#waiting.shift();
        if (next) next();
        else this.#busy = false;
      },
    };
    // Kysely's client type also accepts cursors, which this pool does not offer (no streaming).
    return client as unknown as PostgresPoolClient;
  }

  async end(): Promise<void> {
    // The database itself is closed by its owner (server/db/connect.ts).
  }

  async #query(sql: string, parameters: readonly unknown[]): Promise<QueryResult> {
    if (parameters.length === 0) {
      // No parameters: the simple protocol, which may carry several statements, as `pg` does.
      const results = await this.#db.exec(sql);
      return toResult(results[results.length - 1]);
    }
    return toResult(await this.#db.query(sql, parameters as unknown[]));
  }
}

function toResult(result: Results | undefined): QueryResult {
  if (!result) return { command: 'SELECT', rowCount: 0, rows: [] };
  const command = (result as Results & { command?: string }).command;
  return {
    command: (command?.toUpperCase() ?? 'SELECT') as QueryResult['command'],
    rowCount: result.affectedRows ?? result.rows.length,
    rows: result.rows,
  };
}
