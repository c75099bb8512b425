/**
 * `npm run verify-audit -- --public-key key.pem --log log.json --digests digests.json [--json]`:
 * checks an exported audit chain against its signed digests with nothing but the public key, and
 * says whether they match or where they first do not. Exit status 0 when they match, 1 when they do
 * not, 2 when the files cannot be read.
 *
 * --log takes what `GET …/audit-log/chain` answers (one page, a list of pages, or a list of rows) and
 * may be given once per page; --digests what `GET …/audit-log/digests` answers; --public-key the PEM
 * of `GET /v1/audit/digest-key` (its `publicKey`), once per key the digests were signed with.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  publicKeys,
  verifyAuditLog,
  type AuditVerification,
  type ChainRow,
  type SignedDigest,
} from './digest-verifier.ts';

const USAGE =
  'usage: npm run verify-audit -- --public-key key.pem --log log.json [--log page2.json …] --digests digests.json [--json]';

/** The rows or digests of a parsed file: a list, `{ items }`, or a list of `{ items }` pages. */
export function itemsOf<T>(value: unknown): T[] {
  if (Array.isArray(value)) {
    return value.flatMap((entry) =>
      entry && typeof entry === 'object' && !Array.isArray(entry) && Array.isArray((entry as { items?: unknown }).items)
        ? (entry as { items: T[] }).items
        : [entry as T],
    );
  }
  if (value && typeof value === 'object' && Array.isArray((value as { items?: unknown }).items))
    return (value as { items: T[] }).items;
  throw new Error('expected a list, or an object with "items"');
}

/** The verification of the files named, as a function a command line (this one, or `upzento`) calls. */
export async function verifyAuditFiles(files: {
  publicKeys: string[];
  logs: string[];
  digests: string[];
}): Promise<AuditVerification> {
  const read = async (file: string) => {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as unknown;
    } catch (error) {
      throw new Error(`${file}: ${(error as Error).message}`);
    }
  };
  const keys = publicKeys(await Promise.all(files.publicKeys.map((file) => readFile(file, 'utf8'))));
  const rows: ChainRow[] = [];
  for (const file of files.logs) rows.push(...itemsOf<ChainRow>(await read(file)));
  const digests: SignedDigest[] = [];
  for (const file of files.digests) digests.push(...itemsOf<SignedDigest>(await read(file)));
  return verifyAuditLog(rows, digests, keys);
}

export function describeVerification(result: AuditVerification): string {
  const lines = [
    result.valid
      ? 'The audit log matches its signed digests.'
      : `The audit log does NOT match: ${result.firstMismatch?.message}.`,
    `rows checked: ${result.rowsChecked} (sealed, checked by their place only: ${result.sealedRows})`,
    `digests checked: ${result.digestsChecked}; rows covered through seq ${result.coveredThroughSeq}, after it in no digest yet: ${result.uncoveredRows}`,
    `newest digest: ${result.lastDigestAt ?? 'none'}`,
  ];
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        'public-key': { type: 'string', multiple: true },
        log: { type: 'string', multiple: true },
        digests: { type: 'string', multiple: true },
        json: { type: 'boolean', default: false },
      },
      strict: true,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values } = parsed;
  if (!values['public-key']?.length || !values.log?.length || !values.digests?.length) {
    console.error(USAGE);
    return 2;
  }
  let result: AuditVerification;
  try {
    result = await verifyAuditFiles({ publicKeys: values['public-key'], logs: values.log, digests: values.digests });
  } catch (error) {
    console.error(`verify-audit: ${(error as Error).message}`);
    return 2;
  }
  console.log(values.json ? JSON.stringify(result, null, 2) : describeVerification(result));
  return result.valid ? 0 : 1;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
