/**
 * The console's CSV export: RFC 4180 quoting that a CSV reader turns back into the same cells, and
 * the guard that keeps a spreadsheet from running a cell as a formula.
 */
import { describe, expect, test } from 'vitest';
import { csvCell, toCsv } from '../../console/csv.ts';

/** A small RFC 4180 reader, to check that what toCsv writes reads back as the cells it was given. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i] as string;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  return rows;
}

describe('csvCell', () => {
  test('leaves plain text as it is and writes nothing for null and undefined', () => {
    expect(csvCell('Ada Lovelace')).toBe('Ada Lovelace');
    expect(csvCell(42)).toBe('42');
    expect(csvCell(false)).toBe('false');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  test('quotes a cell with a comma, a quote, a line break or spaces at its ends, doubling its quotes', () => {
    expect(csvCell('Lovelace, Ada')).toBe('"Lovelace, Ada"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
    expect(csvCell(' padded ')).toBe('" padded "');
  });

  test('keeps a spreadsheet from reading a cell as a formula', () => {
    expect(csvCell('=HYPERLINK("https://evil.example","click")')).toBe(
      `"'=HYPERLINK(""https://evil.example"",""click"")"`,
    );
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('+1 for the compiler')).toBe("'+1 for the compiler");
    expect(csvCell('-1)*0+HYPERLINK(1)')).toBe("'-1)*0+HYPERLINK(1)");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('a=b')).toBe('a=b');
  });

  test('leaves plain numbers and phone numbers as they are', () => {
    expect(csvCell('+1 555 0100')).toBe('+1 555 0100');
    expect(csvCell('+44 (20) 7946-0958')).toBe('+44 (20) 7946-0958');
    expect(csvCell('-12.5')).toBe('-12.5');
    expect(csvCell(-3)).toBe('-3');
  });
});

describe('toCsv', () => {
  test('writes a head and rows with CRLF line ends that read back as the same cells', () => {
    const head = ['Email', 'Name', 'Message'];
    const rows = [
      ['ada@example.test', 'Lovelace, Ada', 'line one\r\nline "two"'],
      ['grace@example.test', null, ''],
    ];
    const text = toCsv(head, rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]).toBe('Email,Name,Message');
    expect(parseCsv(text)).toEqual([
      head,
      ['ada@example.test', 'Lovelace, Ada', 'line one\r\nline "two"'],
      ['grace@example.test', '', ''],
    ]);
  });

  test('an empty list is the head alone', () => {
    expect(toCsv(['Email'], [])).toBe('Email\r\n');
  });
});
