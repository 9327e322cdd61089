import { ALL_RECIPIENTS, ALL_SUPPLIERS, type TableRows } from '../domain/types';
import { aggregate, type FactSource } from './aggregate';

/**
 * SIPRI's way of reporting trends: countries ranked by TIV over a period, each with its share of
 * the world total, its change against the period of the same length before, and its main partners.
 */

export type RankSide = TableRows;

export type RankingQuery = { side: RankSide; from: number; to: number; top: number };

export type Partner = { country: string; tiv: number; share: number };

export type RankingRow = {
  rank: number;
  country: string;
  /** TIV in the period, millions. */
  tiv: number;
  /** Fraction of the world total (every country's sum, not only the top N). */
  share: number;
  /** TIV in the previous period; null where it holds no delivery. */
  previous: number | null;
  /** (tiv − previous) / previous: 0.43 for +43%; null where the previous period holds nothing (or under 0.5). */
  change: number | null;
  /** The largest partners and their shares of this country's TIV; null where the data holds no pairs. */
  partners: Partner[] | null;
};

export type Rankings = {
  query: RankingQuery;
  previous: { from: number; to: number };
  /** Every country's sum in the period and in the previous one. */
  world: number;
  previousWorld: number;
  /** How many countries have deliveries in the period (the rows are the top N of them). */
  countries: number;
  rows: RankingRow[];
};

/** How many partners a row lists, as SIPRI's fact sheets name main clients and suppliers. */
export const MAIN_PARTNERS = 3;

/** The other side of a world TIV table's rows: no partner, only "everyone". */
const NOT_A_PARTNER = new Set([ALL_SUPPLIERS, ALL_RECIPIENTS]);

type Sums = Map<string, { tiv: number; partners: Map<string, number> }>;

function sumsOf(sources: FactSource[], side: RankSide, from: number, to: number): Sums {
  const [own, other] = side === 'exporters' ? (['supplier', 'recipient'] as const) : (['recipient', 'supplier'] as const);
  const rows = aggregate(sources, { by: [own, other], measure: 'tiv', basis: 'delivery', filters: { from, to } });
  const out: Sums = new Map();
  for (const r of rows) {
    const country = String(r.keys[own]);
    if (NOT_A_PARTNER.has(country)) continue;
    const entry = out.get(country) ?? { tiv: 0, partners: new Map<string, number>() };
    const tiv = r.value ?? 0;
    entry.tiv += tiv;
    const partner = String(r.keys[other]);
    if (!NOT_A_PARTNER.has(partner)) entry.partners.set(partner, (entry.partners.get(partner) ?? 0) + tiv);
    out.set(country, entry);
  }
  return out;
}

const total = (sums: Sums) => [...sums.values()].reduce((a, e) => a + e.tiv, 0);

/** Whose names a ranking of this side can hold: none when the data only has "All suppliers" there. */
export function rankable(sources: FactSource[], side: RankSide): boolean {
  const key = side === 'exporters' ? 'supplier' : 'recipient';
  return sources.some((s) => {
    for (let i = 0; i < s.deals.length; i++) if (!NOT_A_PARTNER.has(s.deals.text(i, key))) return true;
    return false;
  });
}

/** Rank the side's countries over [from, to] against the period of the same length just before. */
export function rankings(sources: FactSource[], query: RankingQuery): Rankings {
  const length = query.to - query.from + 1;
  const previous = { from: query.from - length, to: query.from - 1 };
  const now = sumsOf(sources, query.side, query.from, query.to);
  const before = sumsOf(sources, query.side, previous.from, previous.to);
  const world = total(now);
  // A country with a fact in the period is ranked, a table's "0" (under 0.5) too: it delivered something.
  const ranked = [...now.entries()].sort((a, b) => b[1].tiv - a[1].tiv || a[0].localeCompare(b[0]));
  const rows = ranked.slice(0, query.top).map(([country, e], i): RankingRow => {
    const was = before.get(country)?.tiv ?? null;
    const partners = [...e.partners.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, MAIN_PARTNERS)
      .map(([name, tiv]) => ({ country: name, tiv, share: e.tiv > 0 ? tiv / e.tiv : 0 }));
    return {
      rank: i + 1,
      country,
      tiv: e.tiv,
      share: world > 0 ? e.tiv / world : 0,
      previous: was,
      // Against under 0.5 (a table's "0") a change is no measure: its base is not known.
      change: was !== null && was >= 0.5 ? (e.tiv - was) / was : null,
      partners: partners.length ? partners : null,
    };
  });
  return { query, previous, world, previousWorld: total(before), countries: ranked.length, rows };
}

/**
 * The last five complete years of data ending `last`: a year is complete once the export was made
 * after it (its "Data generated" date, else today).
 */
export function defaultPeriod(last: number, generated: string | null, today: Date): { from: number; to: number } {
  const made = Number(/\b(19|20)\d{2}\b/.exec(generated ?? '')?.[0] ?? today.getUTCFullYear());
  const to = Math.min(last, made - 1);
  return { from: to - 4, to };
}
