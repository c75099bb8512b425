/**
 * A submission's context (page URL, referrer, UTM parameters) and consent, checked beyond their schema
 * and turned into the columns they are stored in (migration 0012). Each refusal is a 400 naming the field.
 */
import type { Selectable } from 'kysely';
import type { SubmissionRequest, WidgetConfig } from '../../shared/widget-wire.ts';
import type { SubmissionsTable } from '../db/schema.ts';
import { aboutField, ConsentRequired, InvalidInput } from '../errors.ts';

/** C0 controls and DEL: a URL or a UTM value that holds one was not copied from a page. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this refuses.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** The submission columns of migration 0012, as the table types them. */
export type SubmissionContextColumns = Pick<
  Selectable<SubmissionsTable>,
  | 'page_url'
  | 'referrer'
  | 'utm_source'
  | 'utm_medium'
  | 'utm_campaign'
  | 'utm_term'
  | 'utm_content'
  | 'consent_text'
  | 'consented_at'
>;

function refuse(field: string, problem: string): never {
  throw aboutField(new InvalidInput(`${field}: ${problem}`), field);
}

/** An absolute http(s) URL, stored as sent (its length is what the schema bounded). */
function pageAddress(field: string, text: string): string {
  if (CONTROL.test(text)) refuse(field, 'must not contain control characters');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    refuse(field, 'must be an absolute http or https URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') refuse(field, 'must be an absolute http or https URL');
  return text;
}

/** '' is how a page says it has no such value: stored as none. */
function utmValue(field: string, text: string | undefined): string | null {
  if (text === undefined || text === '') return null;
  if (CONTROL.test(text)) refuse(field, 'must not contain control characters');
  return text;
}

/**
 * The columns of `body`'s context and consent. A widget whose configuration has a consent field takes
 * no submission without consent; the time of consent is the server's, never the caller's.
 */
export function submissionContextColumns(
  body: SubmissionRequest,
  config: WidgetConfig,
  now = new Date(),
): SubmissionContextColumns {
  const { context = {}, consent } = body;
  const asksConsent = config.fields.some((field) => field.type === 'consent');
  if (asksConsent && consent === undefined) throw aboutField(new ConsentRequired(), 'consent');
  if (consent !== undefined && consent.text.trim() === '') refuse('consent.text', 'must not be empty or only spaces');
  for (const field of config.fields) {
    const value = body.fields?.[field.name];
    if (field.type === 'checkbox' && value !== undefined && value !== 'true' && value !== 'false') {
      refuse(`fields.${field.name}`, "a checkbox's value is 'true' or 'false'");
    }
  }
  const utm = context.utm ?? {};
  return {
    page_url: context.pageUrl === undefined ? null : pageAddress('context.pageUrl', context.pageUrl),
    referrer:
      context.referrer === undefined || context.referrer === ''
        ? null
        : pageAddress('context.referrer', context.referrer),
    utm_source: utmValue('context.utm.source', utm.source),
    utm_medium: utmValue('context.utm.medium', utm.medium),
    utm_campaign: utmValue('context.utm.campaign', utm.campaign),
    utm_term: utmValue('context.utm.term', utm.term),
    utm_content: utmValue('context.utm.content', utm.content),
    consent_text: consent?.text ?? null,
    consented_at: consent === undefined ? null : now,
  };
}
