import type { CsvCell } from './csv-writer';
import type { Rankings } from '../query/rankings';

/** The columns of a rankings download, in order. */
export const RANKING_COLUMNS = ['rank', 'country', 'tiv', 'share', 'previous_tiv', 'change', 'partners'] as const;

const round = (x: number, places: number) => Math.round(x * 10 ** places) / 10 ** places;

/** "France 45%; China 30%": the partners as one cell; empty where the data holds no pairs. */
export function partnersCell(partners: Rankings['rows'][number]['partners']): string {
  return partners ? partners.map((p) => `${p.country} ${Math.round(p.share * 100)}%`).join('; ') : '';
}

/**
 * One record per ranked country: TIV rounded to 2 decimals, share and change as fractions to 4
 * (0.43 for 43%, −0.64 for −64%), empty where unknown.
 */
export function rankingRecords(r: Rankings, forCsv: boolean): Record<string, CsvCell | object>[] {
  return r.rows.map((row) => ({
    rank: row.rank,
    country: row.country,
    tiv: round(row.tiv, 2),
    share: round(row.share, 4),
    previous_tiv: row.previous === null ? null : round(row.previous, 2),
    change: row.change === null ? null : round(row.change, 4),
    partners: forCsv
      ? partnersCell(row.partners)
      : (row.partners?.map((p) => ({ country: p.country, tiv: round(p.tiv, 2), share: round(p.share, 4) })) ?? null),
  }));
}
