import Papa from 'papaparse';
import { normaliseCountry } from '../domain/countries';
import type { ReportEntry } from '../domain/types';

/** The bundled tables that are not deliveries: the war's supplier sides and a timeline of events. */

export const SIDES = ['iraq', 'both', 'iran'] as const;
export type Side = (typeof SIDES)[number];
export type SupplierSide = { country: string; side: Side; note: string; source: string; line: number };

export type TimelineEvent = {
  /** As written: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  /** Fractional year for placing the event on a year axis (mid-month / mid-year when vague). */
  at: number;
  event: string;
  /** The countries the event concerns (SIPRI names); empty for a general event. */
  countries: string[];
  source: string;
  line: number;
};

export type TableRead<T> = { rows: T[]; entries: ReportEntry[]; recordsRead: number };

function readTable(
  text: string,
  required: string[],
): { header: string[]; rows: { cells: Record<string, string>; line: number }[]; error: string | null } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), { delimiter: ',', newline: '\n' });
  const header = (parsed.data[0] ?? []).map((h) => h.trim().toLowerCase());
  const missing = required.filter((r) => !header.includes(r));
  if (missing.length > 0) return { header, rows: [], error: `line 1: the header lacks ${missing.join(', ')}` };
  const rows = parsed.data.slice(1).flatMap((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return [];
    return [{ cells: Object.fromEntries(header.map((h, k) => [h, (cells[k] ?? '').trim()])), line: i + 2 }];
  });
  return { header, rows, error: null };
}

/** A country as SIPRI names it; an unknown name is kept as written and reported with its line. */
function countryCell(raw: string, line: number, entries: ReportEntry[]): string {
  const n = normaliseCountry(raw);
  if (!n.known) entries.push({ line, severity: 'warning', reason: `country "${n.name}" is not a SIPRI name nor a known alias` });
  return n.name;
}

/** Read the supplier-sides table; unknown countries and sides are reported with their line, never dropped silently. */
export function readSupplierSides(text: string): TableRead<SupplierSide> {
  const table = readTable(text, ['country', 'side', 'source']);
  const entries: ReportEntry[] = table.error ? [{ line: 1, severity: 'skipped', reason: table.error }] : [];
  const rows: SupplierSide[] = [];
  for (const { cells, line } of table.rows) {
    const side = cells.side.toLowerCase() as Side;
    if (!SIDES.includes(side)) {
      entries.push({ line, severity: 'skipped', reason: `side "${cells.side}" is not one of ${SIDES.join(', ')}` });
      continue;
    }
    const country = countryCell(cells.country, line, entries);
    if (!cells.source) entries.push({ line, severity: 'warning', reason: 'no source given' });
    rows.push({ country, side, note: cells.note ?? '', source: cells.source, line });
  }
  return { rows, entries, recordsRead: table.rows.length };
}

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parse YYYY, YYYY-MM or YYYY-MM-DD into a fractional year; null when it is not a real date. */
export function yearFraction(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const year = Number(m[1]);
  if (!m[2]) return year + 0.5;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (!m[3]) return year + (month - 0.5) / 12;
  const day = Number(m[3]);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) return null;
  return year + (month - 1 + (day - 0.5) / days) / 12;
}

/** Read the timeline; bad dates are reported with their line. The `countries` column is optional. */
export function readTimeline(text: string): TableRead<TimelineEvent> {
  const table = readTable(text, ['date', 'event', 'source']);
  const entries: ReportEntry[] = table.error ? [{ line: 1, severity: 'skipped', reason: table.error }] : [];
  const rows: TimelineEvent[] = [];
  for (const { cells, line } of table.rows) {
    const at = yearFraction(cells.date);
    if (at === null) {
      entries.push({ line, severity: 'skipped', reason: `date "${cells.date}" is not YYYY, YYYY-MM or YYYY-MM-DD` });
      continue;
    }
    if (!cells.event) entries.push({ line, severity: 'warning', reason: 'no event text' });
    if (!cells.source) entries.push({ line, severity: 'warning', reason: 'no source given' });
    const countries = (cells.countries ?? '')
      .split(';')
      .map((c) => c.trim())
      .filter(Boolean)
      .map((c) => countryCell(c, line, entries));
    rows.push({ date: cells.date, at, event: cells.event, countries, source: cells.source, line });
  }
  return { rows, entries, recordsRead: table.rows.length };
}

/**
 * The events a chart marks: those in its years that concern a country in the data shown (or no
 * country in particular). A chart of United States → Japan should not carry North Korea's deliveries
 * to Iran on its year axis.
 */
export function eventsInView(events: TimelineEvent[], from: number, to: number, countries: ReadonlySet<string>): TimelineEvent[] {
  return events.filter((e) => e.at >= from && e.at < to + 1 && concerns(e, countries));
}

/** Whether an event names one of these countries (an event naming none concerns everyone). */
export function concerns(event: TimelineEvent, countries: ReadonlySet<string>): boolean {
  return event.countries.length === 0 || event.countries.some((c) => countries.has(c));
}
