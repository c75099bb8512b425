/**
 * "Export CSV" of the leads pages: every page of the current filter, read with the largest page the
 * API gives, up to EXPORT_CAP rows, as a CSV file the browser downloads from a Blob URL.
 */
import { api, ok, type Schemas } from '../api.ts';
import { type CsvValue, toCsv } from '../csv.ts';
import { listQuery, readAll } from '../paging.ts';

/** Rows one export holds at most: 50 requests of 200, a few seconds, a file a spreadsheet opens at once. */
export const EXPORT_CAP = 10_000;
const PAGE = 200;

type Contact = Schemas['Contact'];
type Submission = Schemas['Submission'];

/** Every key of a set of flat objects, in order of first appearance, for one column each. */
function keysOf(objects: Record<string, unknown>[]): string[] {
  return [...new Set(objects.flatMap((object) => Object.keys(object)))];
}

function scalar(value: unknown): CsvValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

export function contactsCsv(contacts: Contact[]): string {
  const keys = keysOf(contacts.map((contact) => contact.attributes));
  return toCsv(
    ['Email', 'Name', 'Phone', 'Created', 'Updated', ...keys],
    contacts.map((c) => [
      c.email,
      c.name,
      c.phone,
      c.createdAt,
      c.updatedAt,
      ...keys.map((key) => scalar(c.attributes[key])),
    ]),
  );
}

export function submissionsCsv(submissions: Submission[]): string {
  const keys = keysOf(submissions.map((submission) => submission.fields));
  return toCsv(
    [
      'Received',
      'Email',
      'Name',
      'Message',
      'Origin',
      'Page',
      'Referrer',
      'UTM source',
      'UTM medium',
      'UTM campaign',
      'UTM term',
      'UTM content',
      ...keys,
    ],
    submissions.map((s) => [
      s.createdAt,
      s.email,
      s.name,
      s.message,
      s.origin,
      s.context.pageUrl,
      s.context.referrer,
      s.context.utm.source,
      s.context.utm.medium,
      s.context.utm.campaign,
      s.context.utm.term,
      s.context.utm.content,
      ...keys.map((key) => s.fields[key]),
    ]),
  );
}

export type LeadsView = 'contacts' | 'submissions';

/** The current view's rows under its search, as CSV; `complete` is false when the cap cut it short. */
export async function exportLeads(
  clientId: string,
  view: LeadsView,
  q: string | undefined,
): Promise<{ csv: string; rows: number; complete: boolean }> {
  if (view === 'contacts') {
    const { items, complete } = await readAll(
      async (cursor) =>
        ok(
          await api.GET('/v1/clients/{clientId}/contacts', {
            params: { path: { clientId }, query: listQuery({ q, cursor, limit: PAGE }) },
          }),
        ),
      EXPORT_CAP,
    );
    return { csv: contactsCsv(items), rows: items.length, complete };
  }
  const { items, complete } = await readAll(
    async (cursor) =>
      ok(
        await api.GET('/v1/clients/{clientId}/submissions', {
          params: { path: { clientId }, query: listQuery({ q, cursor, limit: PAGE }) },
        }),
      ),
    EXPORT_CAP,
  );
  return { csv: submissionsCsv(items), rows: items.length, complete };
}

/** Hands `text` to the browser as a file download; the BOM makes spreadsheets read it as UTF-8. */
export function downloadCsv(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once click() returns; a moment later the URL may go.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
