/**
 * CSV as RFC 4180 writes it (comma, CRLF, quotes doubled inside quoted cells), made safe to open in a
 * spreadsheet: a cell that starts with = + - @ (or a tab or carriage return, which some spreadsheets
 * skip before one of those) is read there as a formula, so it gets a leading apostrophe and stays text.
 * Lead data comes from strangers through the widget; a "name" of `=HYPERLINK(…)` must not run.
 * A plain number or phone number (`-12.5`, `+1 (555) 010-0100`) computes nothing harmful and is
 * left as it is, so it stays a number to sort and sum and a phone number to dial.
 */

/** A value of a cell: null and undefined are empty, anything else its text. */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER_OR_PHONE = /^[+-]?[\d\s().-]+$/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One cell as it goes into the file. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (FORMULA_START.test(text) && !NUMBER_OR_PHONE.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The head and rows as one CSV text, each line ended by CRLF. */
export function toCsv(head: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [head, ...rows].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
