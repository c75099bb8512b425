/**
 * Checks a tenant's audit chain against its signed digests, offline: no database, only the rows as
 * `GET …/audit-log/chain` gives them, the digests as `GET …/audit-log/digests` gives them, and the
 * deployment's public key (`GET /v1/audit/digest-key`). Used by the verify route, by
 * `npm run verify-audit`, and by anything else that wants to (a CLI calls verifyAuditLog).
 *
 * The chain alone (each row's hash covers the previous hash and its own content, as audit_append
 * makes it) shows a row edited in place. It cannot show a chain rewritten from some row on, since
 * SHA-256 has no key; a digest can: it is signed with a key the database does not hold, and names the
 * chain's head (seq and hash) at its time. Digests are chained too (each names the previous one's
 * hash), so a removed or altered digest shows.
 *
 * The first mismatch is reported in chain order: rows by seq, a digest at the seq of the head it names.
 */
import { createHash, createPublicKey, verify as verifySignature, type KeyObject } from 'node:crypto';

/** A row of the chain with exactly the values its hash covers (0003/0008 audit_content). */
export interface ChainRow {
  seq: number;
  /** Hex; empty for the first row. */
  prevHash: string;
  hash: string;
  /**
   * Set when the reader may not see the row's content (an actor above the reader, an entry redacted
   * by an erasure): only its place in the chain is checked. The content fields are then absent.
   */
  sealed?: boolean;
  agencyId?: string;
  tenantId?: string;
  tenantType?: string;
  /** UTC, microseconds, as the hash covers it: `2026-12-04T20:29:21.123456Z`. */
  at?: string;
  actorType?: string;
  actorId?: string | null;
  actorTenantType?: string | null;
  action?: string;
  targetType?: string;
  targetId?: string | null;
  /** The details exactly as PostgreSQL writes the jsonb (`details::text`): the hash covers that text. */
  details?: string;
  requestId?: string | null;
  ip?: string | null;
}

export const DIGEST_FORMAT = 'upzento-audit-digest';
export const DIGEST_VERSION = 1;

/** A digest as the API gives it. */
export interface SignedDigest {
  version: number;
  agencyId: string;
  tenantId: string;
  tenantType: string;
  seq: number;
  /** The previous digest's periodEnd; null for a chain's first digest. */
  periodStart: string | null;
  periodEnd: string;
  /** The chain's head when the digest was made: its newest row's seq and hash (0 and '' for no rows). */
  headSeq: number;
  headHash: string;
  /** Rows added since the previous digest: headSeq minus its headSeq. */
  rowCount: number;
  /** SHA-256 of the previous digest's signed text, hex; null for seq 1. */
  previousDigestHash: string | null;
  keyId: string;
  /** Ed25519 signature of digestText(digest), base64. */
  signature: string;
}

export type UnsignedDigest = Omit<SignedDigest, 'signature'>;

/** The bytes a digest's signature and hash cover: its fields in a fixed order, as a JSON array. */
export function digestText(d: UnsignedDigest): string {
  return JSON.stringify([
    DIGEST_FORMAT,
    d.version,
    d.agencyId,
    d.tenantId,
    d.tenantType,
    d.seq,
    d.periodStart,
    d.periodEnd,
    d.headSeq,
    d.headHash,
    d.rowCount,
    d.previousDigestHash,
    d.keyId,
  ]);
}

export function digestHash(d: UnsignedDigest): string {
  return createHash('sha256').update(digestText(d)).digest('hex');
}

/** A public key's id: the first 16 hex digits of the SHA-256 of its DER (SPKI) form. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

const jsonText = (value: string | null | undefined) =>
  value === null || value === undefined ? 'null' : JSON.stringify(value);

/**
 * The text a row's hash covers, as PostgreSQL's jsonb_build_array(...)::text writes it: strings
 * escaped as JSON.stringify escapes them (the same rules as PostgreSQL's escape_json), elements
 * separated by ", ", the details as stored.
 */
export function auditContent(row: ChainRow): string {
  const at = row.at?.endsWith('Z') ? row.at.slice(0, -1) : row.at;
  return `[${[
    jsonText(row.agencyId),
    jsonText(row.tenantId),
    String(row.seq),
    jsonText(row.tenantType),
    jsonText(at),
    jsonText(row.actorType),
    jsonText(row.actorId),
    jsonText(row.actorTenantType),
    jsonText(row.action),
    jsonText(row.targetType),
    jsonText(row.targetId),
    row.details ?? 'null',
    jsonText(row.requestId),
    jsonText(row.ip),
  ].join(', ')}]`;
}

/** A row's hash: SHA-256 of the previous hash's bytes and the content's UTF-8. */
export function rowHash(prevHashHex: string, row: ChainRow): string {
  return createHash('sha256').update(Buffer.from(prevHashHex, 'hex')).update(auditContent(row), 'utf8').digest('hex');
}

export type RowMismatch = 'content' | 'prev_hash' | 'missing' | 'out_of_order' | 'malformed';
export type DigestMismatch =
  | 'malformed'
  | 'unknown_key'
  | 'signature'
  | 'missing'
  | 'chain'
  | 'tenant'
  | 'count'
  | 'head';

export interface Mismatch {
  kind: 'row' | 'digest';
  /** The row's seq, or the digest's. */
  seq: number;
  reason: RowMismatch | DigestMismatch;
  message: string;
}

export interface AuditVerification {
  valid: boolean;
  rowsChecked: number;
  /** Rows whose content the reader may not see: only their place in the chain was checked. */
  sealedRows: number;
  digestsChecked: number;
  /** The newest seq a verified digest vouches for; 0 when none does. */
  coveredThroughSeq: number;
  /** Rows after it: in the chain, but in no digest yet. */
  uncoveredRows: number;
  /** The newest verified digest's periodEnd: a chain whose digests stop long before now lost its newest ones. */
  lastDigestAt: string | null;
  firstMismatch: Mismatch | null;
}

export type PublicKeys = ReadonlyMap<string, KeyObject>;

/** Public keys by id, from PEM texts or key objects. */
export function publicKeys(keys: ReadonlyArray<string | KeyObject>): PublicKeys {
  const map = new Map<string, KeyObject>();
  for (const key of keys) {
    const object = typeof key === 'string' ? createPublicKey(key) : key.type === 'private' ? createPublicKey(key) : key;
    map.set(keyIdOf(object), object);
  }
  return map;
}

const HEX64 = /^[0-9a-f]{64}$/;
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

function malformedDigest(d: SignedDigest): string | null {
  if (typeof d !== 'object' || d === null) return 'not an object';
  if (d.version !== DIGEST_VERSION) return `version ${String(d.version)} is not ${DIGEST_VERSION}`;
  if (!isCount(d.seq) || d.seq < 1 || !isCount(d.headSeq) || !isCount(d.rowCount))
    return 'seq, headSeq and rowCount are whole numbers';
  if (typeof d.headHash !== 'string' || !(d.headHash === '' || HEX64.test(d.headHash)))
    return 'headHash is not a hex SHA-256';
  if (d.previousDigestHash !== null && (typeof d.previousDigestHash !== 'string' || !HEX64.test(d.previousDigestHash)))
    return 'previousDigestHash is not a hex SHA-256';
  for (const key of ['agencyId', 'tenantId', 'tenantType', 'periodEnd', 'keyId', 'signature'] as const) {
    if (typeof d[key] !== 'string') return `${key} is not text`;
  }
  if (d.periodStart !== null && typeof d.periodStart !== 'string') return 'periodStart is not text';
  return null;
}

interface CheckedDigests {
  /** Verified digests, in order: each one's head is compared with the row at its headSeq. */
  verified: SignedDigest[];
  /** The first digest that failed, and the seq of the chain after which it is reported. */
  failure: { mismatch: Mismatch; position: number } | null;
}

/** Checks the digests among themselves: shape, key, signature, numbering, chain and counts. */
export function checkDigests(
  digests: readonly SignedDigest[],
  keys: PublicKeys,
  tenantId: string | null,
): CheckedDigests {
  const sorted = [...digests].sort((a, b) => (a?.seq ?? 0) - (b?.seq ?? 0));
  const verified: SignedDigest[] = [];
  let previous: SignedDigest | null = null;
  const fail = (d: SignedDigest, reason: DigestMismatch, message: string): CheckedDigests => ({
    verified,
    failure: {
      mismatch: {
        kind: 'digest',
        seq: Number.isSafeInteger(d?.seq) ? d.seq : (previous?.seq ?? 0) + 1,
        reason,
        message,
      },
      position: previous?.headSeq ?? 0,
    },
  });
  for (const d of sorted) {
    const shape = malformedDigest(d);
    if (shape) return fail(d, 'malformed', `digest ${String(d?.seq)}: ${shape}`);
    const key = keys.get(d.keyId);
    if (!key)
      return fail(
        d,
        'unknown_key',
        `digest ${d.seq}: signed with key ${d.keyId}, which is not among the public keys given`,
      );
    let signed = false;
    try {
      signed = verifySignature(null, Buffer.from(digestText(d)), key, Buffer.from(d.signature, 'base64'));
    } catch {
      signed = false;
    }
    if (!signed) return fail(d, 'signature', `digest ${d.seq}: the signature does not match its content`);
    const expectedSeq = (previous?.seq ?? 0) + 1;
    if (d.seq !== expectedSeq)
      return fail(
        { ...d, seq: expectedSeq },
        'missing',
        `digest ${expectedSeq} is missing (the next one given is ${d.seq})`,
      );
    if (tenantId !== null && d.tenantId !== tenantId)
      return fail(d, 'tenant', `digest ${d.seq}: signs the chain of ${d.tenantId}, not of ${tenantId}`);
    if (previous && (d.tenantId !== previous.tenantId || d.agencyId !== previous.agencyId))
      return fail(d, 'tenant', `digest ${d.seq}: signs another chain than digest ${previous.seq}`);
    const expectedPrevious = previous ? digestHash(previous) : null;
    if (d.previousDigestHash !== expectedPrevious)
      return fail(d, 'chain', `digest ${d.seq}: previousDigestHash is not the hash of digest ${d.seq - 1}`);
    const previousHead = previous?.headSeq ?? 0;
    if (d.headSeq < previousHead || d.rowCount !== d.headSeq - previousHead) {
      return fail(
        d,
        'count',
        `digest ${d.seq}: ${d.rowCount} rows since digest ${d.seq - 1} do not take the head from ${previousHead} to ${d.headSeq}`,
      );
    }
    verified.push(d);
    previous = d;
  }
  return { verified, failure: null };
}

function malformedRow(row: ChainRow): string | null {
  if (typeof row !== 'object' || row === null) return 'not an object';
  if (!isCount(row.seq) || row.seq < 1) return 'seq is not a whole number from 1';
  if (typeof row.prevHash !== 'string' || !(row.prevHash === '' || HEX64.test(row.prevHash)))
    return 'prevHash is not a hex SHA-256';
  if (typeof row.hash !== 'string' || !HEX64.test(row.hash)) return 'hash is not a hex SHA-256';
  if (!row.sealed) {
    for (const key of [
      'agencyId',
      'tenantId',
      'tenantType',
      'at',
      'actorType',
      'action',
      'targetType',
      'details',
    ] as const) {
      if (typeof row[key] !== 'string') return `${key} is not text`;
    }
  }
  return null;
}

/**
 * Verifies a chain fed a row at a time, in seq order (the verify route reads the database in pages),
 * against digests checked up front. `finish()` gives the result; after a mismatch, add() returns false.
 */
export class ChainVerifier {
  readonly #digests: CheckedDigests;
  /** Verified digests by the seq of the head they name. */
  readonly #byHead = new Map<number, SignedDigest[]>();
  #expectedSeq = 1;
  #lastHash = '';
  #rows = 0;
  #sealed = 0;
  #covered = 0;
  #lastDigestAt: string | null = null;
  #digestsMatched = 0;
  #mismatch: Mismatch | null = null;

  constructor(digests: readonly SignedDigest[], keys: PublicKeys, tenantId: string | null = null) {
    this.#digests = checkDigests(digests, keys, tenantId);
    for (const d of this.#digests.verified) {
      const list = this.#byHead.get(d.headSeq) ?? [];
      list.push(d);
      this.#byHead.set(d.headSeq, list);
    }
    // Digests of an empty chain vouch for nothing but that it was empty.
    this.#matchHeads(0, '');
  }

  get done(): boolean {
    return this.#mismatch !== null;
  }

  /** Checks the next row; false once a mismatch is found. */
  add(row: ChainRow): boolean {
    if (this.#mismatch) return false;
    const shape = malformedRow(row);
    if (shape)
      return this.#fail({
        kind: 'row',
        seq: Number.isSafeInteger(row?.seq) ? row.seq : this.#expectedSeq,
        reason: 'malformed',
        message: `row ${String(row?.seq)}: ${shape}`,
      });
    // A digest that failed before this row's place in the chain is the first mismatch.
    const failure = this.#digests.failure;
    if (failure && failure.position < row.seq) return this.#fail(failure.mismatch);
    if (row.seq < this.#expectedSeq) {
      return this.#fail({
        kind: 'row',
        seq: row.seq,
        reason: 'out_of_order',
        message: `row ${row.seq} comes after row ${this.#expectedSeq - 1}`,
      });
    }
    if (row.seq > this.#expectedSeq) {
      return this.#fail({
        kind: 'row',
        seq: this.#expectedSeq,
        reason: 'missing',
        message: `row ${this.#expectedSeq} is missing (the next row given is ${row.seq})`,
      });
    }
    if (row.prevHash !== this.#lastHash) {
      return this.#fail({
        kind: 'row',
        seq: row.seq,
        reason: 'prev_hash',
        message: `row ${row.seq}: prevHash is not the hash of row ${row.seq - 1}`,
      });
    }
    if (row.sealed) this.#sealed += 1;
    else if (rowHash(row.prevHash, row) !== row.hash) {
      return this.#fail({
        kind: 'row',
        seq: row.seq,
        reason: 'content',
        message: `row ${row.seq}: its content does not hash to its hash (a field was changed)`,
      });
    }
    this.#rows += 1;
    this.#expectedSeq = row.seq + 1;
    this.#lastHash = row.hash;
    return this.#matchHeads(row.seq, row.hash);
  }

  /** Row `expected` is given after row `found`: reported as out of order, unless a digest failed before it. */
  outOfOrder(expected: number, found: number): void {
    const failure = this.#digests.failure;
    if (failure && failure.position < expected) this.#fail(failure.mismatch);
    else
      this.#fail({
        kind: 'row',
        seq: expected,
        reason: 'out_of_order',
        message: `row ${expected} comes after row ${found}`,
      });
  }

  finish(): AuditVerification {
    if (!this.#mismatch) {
      const failure = this.#digests.failure;
      const lastVerified = this.#digests.verified[this.#digests.verified.length - 1];
      const lastSeq = this.#expectedSeq - 1;
      if (failure && failure.position <= lastSeq) this.#fail(failure.mismatch);
      else if (lastVerified && lastVerified.headSeq > lastSeq) {
        this.#fail({
          kind: 'row',
          seq: lastSeq + 1,
          reason: 'missing',
          message: `row ${lastSeq + 1} is missing: digest ${lastVerified.seq} says the chain reached row ${lastVerified.headSeq}, the log ends at row ${lastSeq}`,
        });
      } else if (failure) this.#fail(failure.mismatch);
    }
    const lastSeq = this.#expectedSeq - 1;
    return {
      valid: this.#mismatch === null,
      rowsChecked: this.#rows,
      sealedRows: this.#sealed,
      digestsChecked: this.#digestsMatched,
      coveredThroughSeq: this.#covered,
      uncoveredRows: Math.max(0, lastSeq - this.#covered),
      lastDigestAt: this.#lastDigestAt,
      firstMismatch: this.#mismatch,
    };
  }

  #matchHeads(seq: number, hash: string): boolean {
    for (const d of this.#byHead.get(seq) ?? []) {
      if (d.headHash !== hash) {
        return this.#fail({
          kind: 'digest',
          seq: d.seq,
          reason: 'head',
          message: `digest ${d.seq}: the chain's row ${seq} is not the head it signed; a row after row ${seq - d.rowCount} was changed, added or removed`,
        });
      }
      this.#digestsMatched += 1;
      this.#covered = seq;
      this.#lastDigestAt = d.periodEnd;
    }
    return true;
  }

  #fail(mismatch: Mismatch): false {
    this.#mismatch ??= mismatch;
    return false;
  }
}

/**
 * Verifies a whole chain given at once (a file). Rows whose seqs are all there but not in order are
 * reported as out of order at the first place they leave it, rather than as a missing row.
 */
export function verifyAuditLog(
  rows: readonly ChainRow[],
  digests: readonly SignedDigest[],
  keys: PublicKeys,
  tenantId: string | null = null,
): AuditVerification {
  const verifier = new ChainVerifier(
    digests,
    keys,
    tenantId ?? rows.find((row) => typeof row?.tenantId === 'string')?.tenantId ?? null,
  );
  const seqs = new Set(rows.map((row) => row?.seq));
  let expected = 1;
  for (const row of rows) {
    if (verifier.done) break;
    if (row && Number.isSafeInteger(row.seq) && row.seq > expected && seqs.has(expected)) {
      // The expected row is in the file, later: the order was changed, nothing is missing.
      verifier.outOfOrder(expected, row.seq);
      break;
    }
    verifier.add(row);
    if (row && Number.isSafeInteger(row.seq)) expected = row.seq + 1;
  }
  return verifier.finish();
}
