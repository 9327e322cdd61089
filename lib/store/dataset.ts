import type { DealTable } from './deal-table';
import type { IngestReport, RegisterFormat, TableInfo } from '../domain/types';
import type { Facts } from './facts';
import { slug } from '../domain/format';
import type { Measure } from '../domain/terms';

export type DatasetOrigin = 'bundled' | 'dropped' | 'uploaded';

/** What the UI and the API say about a dataset (serialisable, no rows). */
export type DatasetInfo = {
  id: string;
  name: string;
  file: string;
  origin: DatasetOrigin;
  format: RegisterFormat | null;
  /** The citation to give for this dataset's numbers. */
  citation: string;
  /** The export's "Data generated" date, as written. */
  generated: string | null;
  records: number;
  deals: number;
  deliveries: number;
  years: [number, number] | null;
  /** Content hash, for ETags and de-duplication. */
  version: string;
  /** Size of the file, in bytes. */
  bytes: number;
  /** Whole-file error, if the file could not be read as a register. */
  error: string | null;
  /** Skipped and questionable records. */
  issues: number;
  /** Measures this dataset has numbers for. */
  measures: Measure[];
  /** A TIV table (totals by country and year, no deals): whose rows, against whom; null for registers. */
  table: TableInfo | null;
  /**
   * Uploads only, in a listing made for someone: listed for everyone or only its owners, and
   * whether the one asking is among them.
   */
  access?: { published: boolean; yours: boolean };
};

/** What the stored uploads among these datasets hold on disk (set against UPLOAD_TOTAL_MB). */
export function uploadedBytes(datasets: DatasetInfo[]): number {
  return datasets.reduce((sum, d) => (d.origin === 'uploaded' ? sum + d.bytes : sum), 0);
}

/** A loaded register: its description and its rows. */
export type Dataset = { info: DatasetInfo; deals: DealTable; deliveries: Facts; report: IngestReport };

/** A URL-safe id from a file name: "NK Iran.csv" → "nk-iran". */
export function datasetIdFromFile(file: string): string {
  return slug(file.replace(/\.csv$/i, ''));
}

export function yearSpan(deliveries: Facts, deals: DealTable): [number, number] | null {
  let min = Infinity;
  let max = -Infinity;
  for (const year of deliveries.year) {
    if (year < min) min = year;
    if (year > max) max = year;
  }
  for (let i = 0; i < deals.length; i++) {
    const orderYear = deals.orderYear(i);
    if (orderYear !== null) {
      if (orderYear < min) min = orderYear;
      if (orderYear > max) max = orderYear;
    }
  }
  return min <= max ? [min, max] : null;
}

/**
 * Which measures a register can be charted by: deals always (a TIV table never: it holds totals);
 * the others where some row has a number.
 */
export function availableMeasures(deals: DealTable, totalsOnly = false): Measure[] {
  const out: Measure[] = [];
  if (deals.hasAny('tivDelivered') || deals.hasAny('tivOrder')) out.push('tiv');
  if (deals.hasAny('delivered') || deals.hasAny('ordered')) out.push('units');
  if (!totalsOnly) out.push('deals');
  if (deals.hasAny('valueUsdM')) out.push('value');
  return out;
}

/** The datasets among `all` that a view shows (by id), named for drill-downs and citations. */
export function shownSources(all: Dataset[], ids: Set<string>): (Dataset & { id: string; name: string })[] {
  return all.filter((d) => ids.has(d.info.id)).map((d) => ({ ...d, id: d.info.id, name: d.info.name }));
}

const namesCache = new WeakMap<DealTable, { suppliers: Set<string>; recipients: Set<string> }>();

/** The suppliers and recipients a register names, found once per register (every view asks). */
export function registerNames(deals: DealTable): { suppliers: Set<string>; recipients: Set<string> } {
  let names = namesCache.get(deals);
  if (!names) {
    names = { suppliers: new Set(deals.distinct('supplier')), recipients: new Set(deals.distinct('recipient')) };
    namesCache.set(deals, names);
  }
  return names;
}

/** Every supplier and recipient the shown registers name, sorted: the filter bar's choices. */
export function viewOptions(sources: { deals: DealTable }[]): { suppliers: string[]; recipients: string[] } {
  const suppliers = new Set<string>();
  const recipients = new Set<string>();
  for (const s of sources) {
    const names = registerNames(s.deals);
    for (const n of names.suppliers) suppliers.add(n);
    for (const n of names.recipients) recipients.add(n);
  }
  return { suppliers: [...suppliers].sort(), recipients: [...recipients].sort() };
}

/**
 * What a view's years ask of these datasets that none of them covers, in words ("after 1989"), or
 * null when their years span the range: the page then says how to get more data.
 */
export function uncoveredYears(datasets: DatasetInfo[], from: number, to: number): string | null {
  const spans = datasets.map((d) => d.years).filter((y): y is [number, number] => y !== null);
  if (spans.length === 0) return null;
  const first = Math.min(...spans.map((s) => s[0]));
  const last = Math.max(...spans.map((s) => s[1]));
  const parts = [from < first ? `before ${first}` : '', to > last ? `after ${last}` : ''].filter(Boolean);
  return parts.length ? parts.join(' and ') : null;
}
