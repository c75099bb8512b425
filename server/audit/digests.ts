/**
 * Signed digests of the audit chains, and the chain as the offline verifier reads it.
 *
 * The digest job runs every interval (default an hour) on one instance at a time: like the retention
 * job, a PostgreSQL session advisory lock on the direct connection (the embedded database belongs to
 * one process). For each tenant chain whose head moved since its last digest, or whose last digest is
 * a day old, it writes the next digest in the tenant's own scope: the head (seq and hash), the rows
 * since the previous digest, the period, the previous digest's hash, signed with the deployment's
 * key. A digest writes no audit row: it would move the head it has just signed.
 */
import { sql, type Kysely } from 'kysely';
import type { FastifyBaseLogger } from 'fastify';
import { PeriodicJob } from '../db/periodic-job.ts';
import type { Database, TenantType } from '../db/schema.ts';
import type { Actor, ScopedQueries, TenantDatabase } from '../db/tenant-db.ts';
import { isAbove } from '../tenancy/access.ts';
import type { DigestSigner } from './digest-key.ts';
import {
  DIGEST_VERSION,
  digestHash,
  digestText,
  type ChainRow,
  type SignedDigest,
  type UnsignedDigest,
} from './digest-verifier.ts';

/** Advisory lock key of the digest job ("upzento" and 4). */
export const DIGEST_LOCK_KEY = 0x75707a656e746f04n;

/** A chain whose head has not moved still gets a digest this often, so the newest digest is never old. */
export const DIGEST_HEARTBEAT_MS = 24 * 3_600_000;

const SYSTEM: Actor = { type: 'system', id: null, requestId: null, ip: null };

type DigestRow = Awaited<ReturnType<typeof selectDigests>>[number];

function selectDigests(q: ScopedQueries, tenantId: string) {
  return q.selectFrom('audit_digests').selectAll().where('tenant_id', '=', tenantId).orderBy('seq').execute();
}

export function digestView(row: DigestRow): SignedDigest {
  return {
    version: DIGEST_VERSION,
    agencyId: row.agency_id,
    tenantId: row.tenant_id,
    tenantType: row.tenant_type,
    seq: Number(row.seq),
    periodStart: row.period_start?.toISOString() ?? null,
    periodEnd: row.period_end.toISOString(),
    headSeq: Number(row.head_seq),
    headHash: row.head_hash,
    rowCount: Number(row.row_count),
    previousDigestHash: row.previous_digest_hash,
    keyId: row.key_id,
    signature: row.signature,
  };
}

/** Every digest of one chain of the transaction's scope, oldest first. */
export async function readDigests(q: ScopedQueries, tenantId: string): Promise<SignedDigest[]> {
  return (await selectDigests(q, tenantId)).map(digestView);
}

/**
 * Writes the next digest of the scope's chain `tenantId` when its head moved since the last one or
 * the last one is older than the heartbeat; returns it, or null when none was due.
 */
export async function writeDigest(
  q: ScopedQueries,
  tenant: { tenantId: string; tenantType: TenantType },
  signer: DigestSigner,
  at: Date,
): Promise<SignedDigest | null> {
  const head = await q
    .selectFrom('audit_log')
    .select(['seq', sql<string>`encode(hash, 'hex')`.as('hash')])
    .where('tenant_id', '=', tenant.tenantId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const last = await q
    .selectFrom('audit_digests')
    .selectAll()
    .where('tenant_id', '=', tenant.tenantId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const headSeq = head ? Number(head.seq) : 0;
  const previous = last ? digestView(last) : null;
  if (previous && previous.headSeq === headSeq && at.getTime() - Date.parse(previous.periodEnd) < DIGEST_HEARTBEAT_MS)
    return null;
  const digest: UnsignedDigest = {
    version: DIGEST_VERSION,
    agencyId: q.scope.agencyId,
    tenantId: tenant.tenantId,
    tenantType: tenant.tenantType,
    seq: (previous?.seq ?? 0) + 1,
    periodStart: previous?.periodEnd ?? null,
    periodEnd: at.toISOString(),
    headSeq,
    headHash: head?.hash ?? '',
    rowCount: headSeq - (previous?.headSeq ?? 0),
    previousDigestHash: previous ? digestHash(previous) : null,
    keyId: signer.keyId,
  };
  const signed = { ...digest, signature: signer.sign(digestText(digest)) };
  await q
    .insertInto('audit_digests', {
      tenant_id: tenant.tenantId,
      seq: String(signed.seq),
      tenant_type: tenant.tenantType,
      period_start: signed.periodStart === null ? null : new Date(signed.periodStart),
      period_end: at,
      head_seq: String(headSeq),
      head_hash: signed.headHash,
      row_count: String(signed.rowCount),
      previous_digest_hash: signed.previousDigestHash,
      digest_hash: digestHash(digest),
      key_id: signed.keyId,
      signature: signed.signature,
    })
    .execute();
  return signed;
}

type RawChainRow = {
  seq: string;
  agency_id: string;
  tenant_id: string;
  tenant_type: string;
  at_text: string;
  actor_type: string;
  actor_id: string | null;
  actor_tenant_type: TenantType | null;
  action: string;
  target_type: string;
  target_id: string | null;
  details_text: string;
  request_id: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
  redacted: boolean;
};

/**
 * A page of one chain of the scope, in seq order, with exactly the values each hash covers. For
 * `reader` (null: the server itself, which sees everything) a row is sealed, its content left out,
 * where the audit log would hide part of it: the request id and address of an actor from above the
 * reader, or personal values of an entry from before 0010 that an erasure redacted.
 */
export async function readChainPage(
  q: ScopedQueries,
  tenantId: string,
  afterSeq: number,
  limit: number,
  reader: TenantType | null,
): Promise<ChainRow[]> {
  // The scoped path filters the tenant; the values come out as the hash covers them (text, hex).
  const rows: RawChainRow[] = await q
    .selectFrom('audit_log')
    .select([
      'seq',
      'agency_id',
      'tenant_id',
      'tenant_type',
      sql<string>`to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`.as('at_text'),
      'actor_type',
      'actor_id',
      'actor_tenant_type',
      'action',
      'target_type',
      'target_id',
      sql<string>`details::text`.as('details_text'),
      'request_id',
      'ip',
      sql<string>`encode(prev_hash, 'hex')`.as('prev_hash'),
      sql<string>`encode(hash, 'hex')`.as('hash'),
      sql<boolean>`EXISTS (SELECT 1 FROM audit_redactions r WHERE r.agency_id = audit_log.agency_id AND r.tenant_id = audit_log.tenant_id AND r.seq = audit_log.seq)`.as(
        'redacted',
      ),
    ])
    .where('tenant_id', '=', tenantId)
    .where('seq', '>', String(afterSeq))
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((row) => {
    const hidden =
      reader !== null &&
      (row.redacted ||
        (row.actor_tenant_type !== null &&
          isAbove(row.actor_tenant_type, reader) &&
          (row.request_id !== null || row.ip !== null)));
    const place = { seq: Number(row.seq), prevHash: row.prev_hash, hash: row.hash };
    if (hidden) return { ...place, sealed: true };
    return {
      ...place,
      agencyId: row.agency_id,
      tenantId: row.tenant_id,
      tenantType: row.tenant_type,
      at: `${row.at_text}Z`,
      actorType: row.actor_type,
      actorId: row.actor_id,
      actorTenantType: row.actor_tenant_type,
      action: row.action,
      targetType: row.target_type,
      targetId: row.target_id,
      details: row.details_text,
      requestId: row.request_id,
      ip: row.ip,
    };
  });
}

export interface DigestJobOptions {
  data: TenantDatabase;
  /** The direct connection, where the session lock is held; null on the embedded database. */
  lockDb: Kysely<Database> | null;
  signer: DigestSigner;
  platformId: string;
  now: () => Date;
  /** Time between runs, in ms; default one hour. */
  tickMs?: number;
  log?: FastifyBaseLogger;
}

export interface DigestRunResult {
  /** False when another process held the lock. */
  ran: boolean;
  written: number;
  failed: number;
}

export class AuditDigestJob {
  readonly #options: DigestJobOptions;
  readonly #job: PeriodicJob<DigestRunResult>;

  constructor(options: DigestJobOptions) {
    this.#options = options;
    this.#job = new PeriodicJob({
      name: 'audit digest',
      lockDb: options.lockDb,
      lockKey: DIGEST_LOCK_KEY,
      ...(options.tickMs !== undefined && { tickMs: options.tickMs }),
      ...(options.log && { log: options.log }),
      skipped: () => ({ ran: false, written: 0, failed: 0 }),
      work: () => this.#work(),
    });
  }

  get signer(): DigestSigner {
    return this.#options.signer;
  }

  start(): void {
    this.#job.start();
  }

  /** Stops scheduling and waits for a run in progress. */
  stop(): Promise<void> {
    return this.#job.stop();
  }

  /** One run now; a run already going is joined, not doubled. */
  runOnce(): Promise<DigestRunResult> {
    return this.#job.runOnce();
  }

  async #work(): Promise<DigestRunResult> {
    const { data, signer, platformId, now, log } = this.#options;
    const at = now();
    const heartbeat = new Date(at.getTime() - DIGEST_HEARTBEAT_MS);
    // Chains whose head moved since their last digest, or whose last digest is a day old.
    // In each database; a chain an agency left behind when it moved is signed where it went.
    const chains = await data.privilegedEach('audit digests: chains due a digest', (db) =>
      sql<{ agency_id: string; tenant_id: string }>`
        SELECT h.agency_id, h.tenant_id FROM audit_chain_heads h
        LEFT JOIN LATERAL (
          SELECT d.head_seq, d.period_end FROM audit_digests d
           WHERE d.agency_id = h.agency_id AND d.tenant_id = h.tenant_id ORDER BY d.seq DESC LIMIT 1
        ) d ON true
        WHERE (d.head_seq IS NULL OR d.head_seq <> h.seq OR d.period_end <= ${heartbeat})
          AND NOT EXISTS (SELECT 1 FROM agencies a WHERE a.agency_id = h.agency_id AND a.moved_to IS NOT NULL)
        ORDER BY h.agency_id, h.tenant_id`.execute(db),
    );
    const result: DigestRunResult = { ran: true, written: 0, failed: 0 };
    for (const chain of chains.flatMap((found) => found.rows)) {
      const tenantType: TenantType =
        chain.tenant_id !== chain.agency_id ? 'client' : chain.agency_id === platformId ? 'platform' : 'agency';
      const scope = { agencyId: chain.agency_id, clientId: tenantType === 'client' ? chain.tenant_id : null };
      try {
        const written = await data.scoped(scope, SYSTEM, (q) =>
          writeDigest(q, { tenantId: chain.tenant_id, tenantType }, signer, at),
        );
        if (written) result.written += 1;
      } catch (error) {
        result.failed += 1;
        log?.error({ err: error, tenantId: chain.tenant_id }, 'audit digest of a chain failed');
      }
    }
    log?.info({ auditDigests: result }, 'audit digest run: signed the chains that moved');
    return result;
  }
}
