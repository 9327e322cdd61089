/**
 * CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, UTF-8 with a BOM (so that "Türkiye"
 * survives Excel), and cells that a spreadsheet would run as a formula neutralised (OWASP: a leading
 * =, +, -, @, tab or carriage return gets a leading apostrophe). Numbers are written as numbers, so a
 * negative number is never mistaken for a formula.
 */

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export const BOM = '\uFEFF';

export function toCsv(header: string[], rows: CsvCell[][]): string {
  const lines = [header.map(csvCell).join(','), ...rows.map((r) => r.map(csvCell).join(','))];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
