import type {
  SubmissionContext,
  SubmissionIdentity,
  SubmissionRequest,
  WidgetField,
} from '../shared/widget-wire-types.js';

/**
 * Who the site says the visitor is (`Upzento('identify', …)`, `createWidget({ identity })`), vouched for by
 * `userHash`, an HMAC the site's server makes with the client's identity secret. Sent with each submission
 * as given; the server checks it. The wire's own type.
 */
export type WidgetIdentity = SubmissionIdentity;

/** What the widget sends: the wire's SubmissionRequest, identity included. */
export type WidgetSubmission = SubmissionRequest;

export interface SubmissionExtras {
  /** Values the page set (`Upzento('set', …)`, the `fields` option): what hidden fields send. */
  pageValues?: Readonly<Record<string, string>>;
  identity?: WidgetIdentity | undefined;
}

const UTM = ['source', 'medium', 'campaign', 'term', 'content'] as const;

/**
 * The form's values in the wire shape: the known keys at the top, every other field under `fields`
 * (checkboxes as 'true' / 'false', hidden fields with the page's values), a ticked consent as `consent`
 * with its text, and where the lead came from as `context`.
 */
export function toSubmissionRequest(
  values: Readonly<Record<string, string>>,
  configured: readonly WidgetField[],
  { pageValues = {}, identity }: SubmissionExtras = {},
): WidgetSubmission {
  const request: WidgetSubmission = { email: values.email?.trim() ?? '' };
  const fields: Record<string, string> = {};
  for (const field of configured) {
    const { name, type } = field;
    const value = (type === 'hidden' ? pageValues[name] : values[name])?.trim() ?? '';
    if (type === 'consent') {
      if (value === 'true') request.consent = { text: field.label };
      continue;
    }
    // An empty optional field is left out rather than sent as '', which says nothing.
    if (!value || name === 'email') continue;
    if (name === 'name' || name === 'message') request[name] = value;
    else fields[name] = value;
  }
  if (Object.keys(fields).length) request.fields = fields;
  const context = pageContext();
  if (context) request.context = context;
  if (identity) request.identity = identity;
  return request;
}

/** The page's URL, its referrer and its `utm_*` parameters, within the wire's limits. */
export function pageContext(): SubmissionContext | undefined {
  const { href, protocol, search } = location;
  if (!/^https?:$/.test(protocol)) return undefined;
  const context: SubmissionContext = { pageUrl: href.slice(0, 2048) };
  if (/^https?:\/\//.test(document.referrer)) context.referrer = document.referrer.slice(0, 2048);
  const query = new URLSearchParams(search);
  const utm: NonNullable<SubmissionContext['utm']> = {};
  for (const key of UTM) {
    const value = query.get(`utm_${key}`);
    if (value) utm[key] = value.slice(0, 200);
  }
  if (Object.keys(utm).length) context.utm = utm;
  return context;
}
