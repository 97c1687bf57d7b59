// RFC 4180 CSV: fields quoted when they hold a comma, quote or line break; CRLF line ends.
// Text that a spreadsheet would read as a formula (it starts with =, +, -, @, a tab or a carriage return) is
// neutralised as OWASP's CSV-injection advice says: a single quote before it, and the field quoted, so Excel,
// LibreOffice and Sheets show it as text. Numbers passed as numbers (a negative value too) stay numbers.

export type CsvValue = string | number | boolean | null | undefined;

/** The first characters that make a spreadsheet cell a formula (or, for tab and CR, hide one). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field, quoted when needed. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  if (FORMULA_START.test(value)) return `"'${value.replace(/"/g, '""')}"`;
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** A CSV document from a header and rows. */
export function toCsv(header: string[], rows: CsvValue[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
