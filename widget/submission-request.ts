import type { SubmissionRequest } from '../shared/widget-wire.js';

/** Trimmed form values in the wire shape: the known keys at the top, every other field under `fields`. */
export function toSubmissionRequest(values: Record<string, string>): SubmissionRequest {
  const request: SubmissionRequest = { email: values.email?.trim() ?? '' };
  const fields: Record<string, string> = {};
  for (const [name, raw] of Object.entries(values)) {
    const value = raw.trim();
    // An empty optional field is left out rather than sent as '', which says nothing.
    if (!value || name === 'email') continue;
    if (name === 'name' || name === 'message') request[name] = value;
    else fields[name] = value;
  }
  if (Object.keys(fields).length) request.fields = fields;
  return request;
}
