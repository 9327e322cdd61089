import 'server-only';
import { toCsv, type CsvCell } from '../export/csv-writer';
import { provenance } from '../export/provenance';
import { RANKING_COLUMNS, rankingRecords } from '../export/rankings-rows';
import { slug } from '../domain/format';
import { CREDIT_LINE } from '../sipri/extract';
import type { RankingsOutcome } from '../view/rankings-view';

/** The credit line every rankings download carries (SIPRI's terms), and whose the calculations are. */
export const RANKINGS_CREDIT = `${CREDIT_LINE} (c) SIPRI. Rankings, shares and changes are calculated by this tool, not by SIPRI.`;

type Made = Extract<RankingsOutcome, { ok: true }>;

/** "rankings-exporters-2020-2024-sipri-register": what the download holds. */
export function rankingsFileName(m: Made): string {
  const { side, from, to } = m.rankings.query;
  return slug(`rankings-${side}-${from}-${to}-${m.dataset.id}`);
}

function meta(m: Made) {
  const r = m.rankings;
  return {
    side: r.query.side,
    period: { from: r.query.from, to: r.query.to },
    previous: r.previous,
    top: r.query.top,
    world: Math.round(r.world * 100) / 100,
    previousWorld: Math.round(r.previousWorld * 100) / 100,
    countries: r.countries,
    notes: m.notes,
    credit: RANKINGS_CREDIT,
    ...provenance([m.dataset], 'tiv'),
  };
}

export function rankingsJson(m: Made): string {
  return JSON.stringify({ meta: meta(m), rows: rankingRecords(m.rankings, false) });
}

/** The ranked rows, then after an empty line the world total and the credit line. */
export function rankingsCsv(m: Made): string {
  const records = rankingRecords(m.rankings, true);
  const { query, world } = m.rankings;
  const tail: CsvCell[][] = [
    [],
    [`World total ${query.from}-${query.to}: ${Math.round(world)} (every country, not only those listed)`],
    [RANKINGS_CREDIT],
  ];
  return toCsv([...RANKING_COLUMNS], [...records.map((x) => RANKING_COLUMNS.map((c) => x[c] as CsvCell)), ...tail]);
}
