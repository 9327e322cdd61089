import { normaliseCountry } from '../domain/countries';
import { ALL_RECIPIENTS, ALL_SUPPLIERS, TABLE_TOTALS, type Deal } from '../domain/types';
import { dealTableOf } from '../store/deal-table-builder';
import type { DealTable } from '../store/deal-table';
import { FactsBuilder, type Facts } from '../store/facts';
import type { TivTableRead } from './tiv-table';

// SIPRI's own tables: cited as its exports are (the credit line its user rules ask for).
export const TABLE_SOURCE = 'SIPRI Arms Transfers Database';

/**
 * A TIV table's rows as the store holds registers: one row per country, whose facts are its year
 * cells (TIV only; an empty cell makes no fact, a `0` makes a fact of 0), filed under "All
 * categories". The other side is the table's country, or everyone. These are totals, not deals: the
 * drill-down knows them by their format and says so instead of listing them.
 */
export function tableTotals(read: TivTableRead): {
  deals: DealTable;
  deliveries: Facts;
  unknownNames: { name: string; line: number }[];
} {
  const { rows: side, country } = read.table;
  const other = country === null ? (side === 'importers' ? ALL_SUPPLIERS : ALL_RECIPIENTS) : normaliseCountry(country).name;
  const unknownNames: { name: string; line: number }[] = [];
  const deals: Deal[] = [];
  const facts = new FactsBuilder(read.rows.length * read.years.length);
  for (const row of read.rows) {
    const n = normaliseCountry(row.name);
    if (!n.known) unknownNames.push({ name: n.name, line: row.line });
    const years = [...row.cells.keys()].sort((a, b) => a - b);
    let total = 0;
    for (const year of years) {
      const tiv = row.cells.get(year)!.value;
      total += tiv;
      facts.push(deals.length, year, null, tiv, null, 0);
    }
    deals.push({
      key: `T${row.line}`,
      line: row.line,
      supplier: side === 'importers' ? other : n.name,
      recipient: side === 'importers' ? n.name : other,
      origin: null,
      orderYear: null,
      orderYearEstimated: false,
      designation: '',
      description: `${read.table.title}: ${n.name}`,
      category: TABLE_TOTALS,
      ordered: null,
      orderedEstimated: false,
      delivered: null,
      deliveredEstimated: false,
      deliveryYears: years,
      deliveryYearsEstimated: false,
      status: '',
      comments: '',
      tivPerUnit: null,
      tivOrder: null,
      tivDelivered: years.length ? total : null,
      valueUsdM: null,
      valueEstimated: false,
      source: TABLE_SOURCE,
    });
  }
  return { deals: dealTableOf(deals), deliveries: facts.build(), unknownNames };
}
