/** SIPRI's published TIV table (countries × years), read to check our totals against it. */

export type TivCell = { value: number; underHalf: boolean };
export type TivTable = { years: number[]; rows: Map<string, Map<number, TivCell>> };

/**
 * Parse the importer (or exporter) table. "0 " (zero and a space) means under 0.5 million; an
 * empty cell means no deliveries and is left out of the map. Total rows and columns are dropped.
 */
export function parseTivTable(text: string): TivTable {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const headerAt = lines.findIndex((l) => /^(Recipient|Supplier),\d{4}/.test(l));
  if (headerAt < 0) throw new Error('no header row "Recipient,1950,…" found');
  const header = lines[headerAt].split(',');
  const yearCols = header.flatMap((h, i) => (/^\d{4}$/.test(h) ? [[i, Number(h)] as const] : []));
  const years = yearCols.map(([, y]) => y);
  const rows = new Map<string, Map<number, TivCell>>();
  for (const line of lines.slice(headerAt + 1)) {
    const cells = line.split(',');
    const name = cells[0];
    if (!name || /^Total/i.test(name)) continue;
    const byYear = new Map<number, TivCell>();
    for (const [i, year] of yearCols) {
      const raw = cells[i] ?? '';
      if (raw.trim() === '') continue;
      byYear.set(year, { value: Number(raw.trim()), underHalf: raw === '0 ' });
    }
    rows.set(name, byYear);
  }
  return { years, rows };
}
