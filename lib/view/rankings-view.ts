import type { Dataset, DatasetInfo } from '../store/dataset';
import { defaultPeriod, rankable, rankings, type Rankings } from '../query/rankings';
import type { RankingsQuery } from './rankings-query';

/** A ranking made, or why this dataset cannot give it (HTTP 422 in the API, a notice on the page). */
export type RankingsOutcome =
  { ok: true; rankings: Rankings; dataset: DatasetInfo; notes: string[] } | { ok: false; detail: string; dataset: DatasetInfo };

const SIDE_WORD = { exporters: 'exporters', importers: 'importers' } as const;

/**
 * The period asked, or filled in: both years given; one (five years from it, or to it); none (the
 * data's last five complete years, see defaultPeriod).
 */
export function periodOf(info: DatasetInfo, q: Pick<RankingsQuery, 'from' | 'to'>, today: Date): { from: number; to: number } | null {
  if (q.from !== null && q.to !== null) return { from: q.from, to: q.to };
  if (q.from !== null) return { from: q.from, to: q.from + 4 };
  if (q.to !== null) return { from: q.to - 4, to: q.to };
  return info.years ? defaultPeriod(info.years[1], info.generated, today) : null;
}

/** Rank one dataset's side over the period, with notes on what the data does not cover. */
export function rankDataset(data: Dataset, q: RankingsQuery, today: Date): RankingsOutcome {
  const { info } = data;
  if (!rankable([data], q.side)) {
    const holds = info.table ? `a SIPRI TIV table of ${info.table.rows} against ${info.table.country ?? 'the world'}` : 'no deliveries';
    return {
      ok: false,
      dataset: info,
      detail: `"${info.name}" holds ${holds}: it names no ${SIDE_WORD[q.side]}${info.table ? `; rank ${info.table.rows}, or load a register` : ''}`,
    };
  }
  const period = periodOf(info, q, today);
  if (!period) return { ok: false, dataset: info, detail: `"${info.name}" holds no years of deliveries` };
  const r = rankings([data], { side: q.side, top: q.top, ...period });
  const notes: string[] = [];
  const [first, last] = info.years ?? [period.from, period.to];
  if (period.to > last || period.from < first)
    notes.push(`The data covers ${first}–${last}: years of the period outside it count as nothing.`);
  if (r.previous.from < first)
    notes.push(
      `The data starts in ${first}: the previous period ${r.previous.from}–${r.previous.to} is not all in it, so changes are understated or empty.`,
    );
  if (info.table?.country == null && info.table)
    notes.push(
      `A world ${info.table.rows.slice(0, -1)} table gives no pairs: partners are "—"; load a register or a delivery export for them.`,
    );
  return { ok: true, rankings: r, dataset: info, notes };
}
