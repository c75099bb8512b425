/** The two checks of a tenant chain: its hashes in the database, and against its signed digests. */
import { sql } from 'kysely';
import type { ScopedQueries } from '../db/tenant-db.ts';
import type { DigestSigner } from './digest-key.ts';
import { ChainVerifier, publicKeys } from './digest-verifier.ts';
import { readChainPage, readDigests } from './digests.ts';

/** Walks the chain in the database (audit_verify_chain) and reports the first row whose hashes do not follow. */
export async function verifyChain(q: ScopedQueries, tenantId: string) {
  const { rows } = await sql<{ valid: boolean; rows_checked: number; first_broken_seq: number | null }>`
    SELECT * FROM audit_verify_chain(${q.scope.agencyId}::uuid, ${tenantId}::uuid)`.execute(q.unfiltered);
  const row = rows[0];
  return {
    valid: row?.valid ?? false,
    rowsChecked: Number(row?.rows_checked ?? 0),
    firstBrokenSeq: row?.first_broken_seq == null ? null : Number(row.first_broken_seq),
  };
}

/** Rows the verify route reads from the database at a time. */
const VERIFY_PAGE = 2000;

/** Verifies one chain of the scope against its digests, as the offline verifier would, with the deployment's key. */
export async function verifyAgainstDigests(q: ScopedQueries, tenantId: string, signer: DigestSigner) {
  const verifier = new ChainVerifier(await readDigests(q, tenantId), publicKeys([signer.publicKey]), tenantId);
  let after = 0;
  for (;;) {
    const page = await readChainPage(q, tenantId, after, VERIFY_PAGE, null);
    for (const row of page) if (!verifier.add(row)) break;
    if (verifier.done || page.length < VERIFY_PAGE) break;
    after = page[page.length - 1]!.seq;
  }
  return verifier.finish();
}
