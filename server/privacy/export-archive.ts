/**
 * An export's archive: NDJSON lines, gzipped a part at a time and stored in export_parts as they are
 * written, so an export of any size holds at most one part in memory. Concatenated, the parts are one
 * gzip file (RFC 1952 allows several members): `gunzip` and every HTTP client read it whole.
 */
import { createHash, type Hash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { ScopedQueries, TenantDatabase, TenantScope, Actor } from '../db/tenant-db.ts';

/** Uncompressed bytes gathered before a part is gzipped and stored. */
const PART_BYTES = 1 << 20;

export interface ArchiveSummary {
  bytes: number;
  sha256: string;
  /** Lines written, by their `type`. */
  lines: Record<string, number>;
}

export class ArchiveWriter {
  readonly #data: TenantDatabase;
  readonly #scope: TenantScope;
  readonly #actor: Actor;
  readonly #jobId: string;
  readonly #hash: Hash = createHash('sha256');
  readonly #lines: Record<string, number> = {};
  #pending: string[] = [];
  #pendingBytes = 0;
  #part = 0;
  #bytes = 0;

  constructor(data: TenantDatabase, scope: TenantScope, actor: Actor, jobId: string) {
    this.#data = data;
    this.#scope = scope;
    this.#actor = actor;
    this.#jobId = jobId;
  }

  /** Adds one line; stores a part once enough has gathered. */
  async write(type: string, line: Record<string, unknown>): Promise<void> {
    const text = `${JSON.stringify({ type, ...line })}\n`;
    this.#pending.push(text);
    this.#pendingBytes += text.length;
    this.#lines[type] = (this.#lines[type] ?? 0) + 1;
    if (this.#pendingBytes >= PART_BYTES) await this.flush();
  }

  /** Stores what has gathered as the next part. */
  async flush(): Promise<void> {
    if (this.#pending.length === 0) return;
    const data = gzipSync(this.#pending.join(''));
    const part = this.#part;
    await this.#data.scoped(this.#scope, this.#actor, (q) =>
      q
        .insertInto('export_parts', {
          tenant_id: this.#scope.clientId ?? this.#scope.agencyId,
          job_id: this.#jobId,
          part,
          data,
        })
        .execute(),
    );
    this.#hash.update(data);
    this.#bytes += data.length;
    this.#part += 1;
    this.#pending = [];
    this.#pendingBytes = 0;
  }

  /** Stores the last part and says what was written. */
  async close(): Promise<ArchiveSummary> {
    await this.flush();
    return { bytes: this.#bytes, sha256: this.#hash.digest('hex'), lines: { ...this.#lines } };
  }
}

/** Removes a job's parts (an export started over, expired or overtaken by an erasure). */
export async function removeParts(q: ScopedQueries, jobId: string): Promise<void> {
  await q.deleteFrom('export_parts').where('job_id', '=', jobId).execute();
}

/** The archive's parts in order, each read in a transaction of its own. */
export async function* readParts(data: TenantDatabase, scope: TenantScope, actor: Actor, jobId: string) {
  for (let part = 0; ; part++) {
    const row = await data.scoped(scope, actor, (q) =>
      q
        .selectFrom('export_parts')
        .select('data')
        .where('job_id', '=', jobId)
        .where('part', '=', part)
        .executeTakeFirst(),
    );
    if (!row) return;
    yield row.data;
  }
}
