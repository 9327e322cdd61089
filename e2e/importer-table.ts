import { expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseTivTable } from '../lib/ingest/tiv-table';

const SHARED = resolve(__dirname, '..', '..', 'shared', 'data', 'sipri');

/**
 * An /api/aggregate answer by recipient and year, in TIV, held against SIPRI's published importer
 * table for 1950–1989, cell by cell (needs ../shared). The export's values are rounded to two
 * decimals, so an exact .5 tie hides which side SIPRI's unrounded sum fell on: five such cells are
 * allowed to read the lower unit.
 */
export function expectImporterTable(rows: { recipient: string; year: number; value: number }[]): void {
  const ours = new Map<string, number>(rows.map((r) => [`${r.recipient}|${r.year}`, r.value]));
  const table = parseTivTable(readFileSync(join(SHARED, 'tiv-importers-1950-2024-2024-10.csv'), 'latin1'));
  let compared = 0;
  let ties = 0;
  for (const [name, byYear] of table.rows) {
    for (const year of table.years.filter((y) => y <= 1989)) {
      const published = byYear.get(year);
      const sum = ours.get(`${name}|${year}`);
      if (published === undefined) {
        expect(sum, `${name} ${year}: no deliveries in SIPRI's table`).toBeUndefined();
        continue;
      }
      compared++;
      const rounded = Math.floor(Math.round(sum! * 1e6) / 1e6 + 0.5);
      if (rounded !== published.value && Math.abs((sum! % 1) - 0.5) < 1e-6) ties++;
      else expect(rounded, `${name} ${year}`).toBe(published.value);
    }
  }
  expect(compared, 'cells compared').toBeGreaterThan(3000);
  expect(ties, 'only the five known exact ties').toBeLessThanOrEqual(5);
}
