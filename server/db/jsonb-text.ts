/**
 * JSON text for a jsonb column. jsonb refuses two escapes that JSON.stringify writes: \u0000 and a
 * lone surrogate (\ud83d). Both become U+FFFD here, so a value that did not come through the JSON
 * body parser (a header, a DNS answer, a job's own data) cannot fail the write it travels with.
 */
export function jsonbText(value: unknown): string {
  const text = JSON.stringify(value);
  // Every backslash in JSON.stringify's output begins an escape: pairs are skipped whole, so `\\u0000`
  // (a backslash, then the letters) is left as it is.
  return text.includes('\\u')
    ? text.replace(UNSTORABLE_ESCAPE, (sequence) => (sequence === '\\\\' ? sequence : '\\ufffd'))
    : text;
}

const UNSTORABLE_ESCAPE = /\\(?:\\|u(?:0000|d[89a-f][0-9a-f]{2}))/g;
