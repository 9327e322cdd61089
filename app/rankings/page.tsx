import Link from 'next/link';
import { Notices } from '@/components/Notices';
import { ShareBars } from '@/components/ShareBars';
import { formatCount } from '@/lib/domain/format';
import type { RankingRow } from '@/lib/query/rankings';
import { datasetsFor, withData } from '@/lib/server/load-datasets';
import { RANKINGS_CREDIT } from '@/lib/server/rankings-result';
import { pageViewer } from '@/lib/server/viewer';
import { pickerName } from '@/lib/view/access';
import { parseRankingsPage, rankingsHref, type RankingSort, type RankingsPageState } from '@/lib/view/rankings-query';
import { rankDataset } from '@/lib/view/rankings-view';
import { DEFAULT_DATASET } from '@/lib/view/resolve-view';
import type { SearchParams } from '@/lib/view/view-params';

export const dynamic = 'force-dynamic';

const tiv = (x: number) => (x > 0 && x < 0.5 ? '0' : formatCount(Math.round(x)));
const pct = (x: number) => (x > 0 && x < 0.005 ? '<1%' : `${Math.round(x * 100)}%`);
const change = (x: number | null) => (x === null ? '—' : `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(Math.round(x * 100))}%`);

function sorted(rows: RankingRow[], sort: RankingSort, dir: 'asc' | 'desc'): RankingRow[] {
  const key = (r: RankingRow): number | string => (sort === 'country' ? r.country : sort === 'change' ? (r.change ?? -Infinity) : r[sort]);
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const [x, y] = [key(a), key(b)];
    const c = typeof x === 'string' ? x.localeCompare(y as string) : x - (y as number);
    return sign * c || a.rank - b.rank;
  });
}

const COLUMNS: { sort: RankingSort | null; label: string }[] = [
  { sort: null, label: 'Rank' },
  { sort: 'country', label: 'Country' },
  { sort: 'tiv', label: 'TIV (millions)' },
  { sort: 'share', label: 'Share of world' },
  { sort: 'change', label: 'Change' },
  { sort: null, label: 'Main partners' },
];

function SortHeader({ state, sort, label }: { state: RankingsPageState; sort: RankingSort | null; label: string }) {
  if (!sort) return <th className="p-1 text-left">{label}</th>;
  const active = state.sort === sort;
  const next = active ? (state.dir === 'asc' ? 'desc' : 'asc') : sort === 'country' ? 'asc' : 'desc';
  return (
    <th className="p-1 text-left" aria-sort={active ? (state.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <Link href={rankingsHref({ ...state, sort, dir: next })} scroll={false} data-testid={`sort-${sort}`}>
        {label}
        {active ? (state.dir === 'asc' ? ' ▲' : ' ▼') : ''}
      </Link>
    </th>
  );
}

export default async function RankingsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const state = parseRankingsPage(await searchParams);
  const { query } = state;
  const viewer = await pageViewer();
  const all = (await datasetsFor(viewer, query.dataset ? [query.dataset] : [])).filter((d) => d.error === null);
  let info = all.find((d) => d.id === (query.dataset ?? DEFAULT_DATASET)) ?? all[0];
  if (query.dataset && info?.id !== query.dataset) {
    state.notices.push({ param: 'ds', message: `no dataset "${query.dataset}": showing ${info ? `“${info.name}”` : 'none'}` });
  }
  const outcome = info ? rankDataset((await withData([info]))[0], query, new Date()) : null;
  info = outcome?.dataset ?? info;
  const made = outcome?.ok ? outcome : null;
  const r = made?.rankings;
  const side = query.side === 'exporters' ? 'Exporters' : 'Importers';
  const period = r ? `${r.query.from}–${r.query.to}` : '';
  const api = new URLSearchParams({ ...(info ? { dataset: info.id } : {}), side: query.side, top: String(query.top) });
  if (r) {
    api.set('from', String(r.query.from));
    api.set('to', String(r.query.to));
  }
  const source = `Source: ${info?.citation ?? ''}`;
  return (
    <main className="mx-auto flex max-w-7xl flex-col gap-4 px-4 py-4">
      <h1 className="text-2xl font-semibold">
        {side} of major arms{r ? `, ${period}` : ''}
      </h1>
      <p className="text-sm text-[var(--muted)]">
        SIPRI’s way of reporting trends: each country’s TIV over a period, its share of the world total (every country’s sum, not only those
        listed), its change against the {r ? `${r.previous.from}–${r.previous.to}` : 'previous'} period of the same length, and its main
        partners.
      </p>
      <form method="get" action="/rankings" className="flex flex-wrap items-end gap-3 text-sm" data-testid="rankings-form">
        <label className="flex min-w-0 max-w-full flex-col">
          Dataset
          <select name="ds" defaultValue={info?.id} className="max-w-full rounded border border-[var(--line)] bg-[var(--panel)] p-1">
            {all.map((d) => (
              <option key={d.id} value={d.id}>
                {pickerName(d)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          Rank
          <select name="side" defaultValue={query.side} className="rounded border border-[var(--line)] bg-[var(--panel)] p-1">
            <option value="exporters">exporters</option>
            <option value="importers">importers</option>
          </select>
        </label>
        <label className="flex flex-col">
          From
          <input
            name="from"
            type="number"
            min={1900}
            max={2100}
            defaultValue={r?.query.from}
            className="w-24 rounded border border-[var(--line)] bg-[var(--panel)] p-1"
          />
        </label>
        <label className="flex flex-col">
          To
          <input
            name="to"
            type="number"
            min={1900}
            max={2100}
            defaultValue={r?.query.to}
            className="w-24 rounded border border-[var(--line)] bg-[var(--panel)] p-1"
          />
        </label>
        <label className="flex flex-col">
          Top
          <input
            name="top"
            type="number"
            min={1}
            max={500}
            defaultValue={query.top}
            className="w-20 rounded border border-[var(--line)] bg-[var(--panel)] p-1"
          />
        </label>
        <button type="submit" className="rounded border border-[var(--accent)] px-3 py-1">
          Show
        </button>
      </form>
      <Notices notices={state.notices} overlaps={[]} />
      {outcome && !outcome.ok && (
        <p role="status" className="rounded border border-amber-500 p-3 text-sm" data-testid="rankings-refused">
          {outcome.detail}.
        </p>
      )}
      {!info && <p data-testid="rankings-refused">No dataset is loaded: upload a register or a TIV table on the dashboard.</p>}
      {made && r && (
        <>
          <p data-testid="rankings-summary">
            {formatCount(r.countries)} {query.side} {query.side === 'exporters' ? 'delivered' : 'received'} {tiv(r.world)} million TIV in{' '}
            {period} (world total; {formatCount(Math.round(r.previousWorld))} in {r.previous.from}–{r.previous.to}).{' '}
            {r.rows[0] && `${r.rows[0].country} leads with ${pct(r.rows[0].share)}.`}
          </p>
          {made.notes.map((n) => (
            <p key={n} className="text-sm text-[var(--muted)]" data-testid="rankings-note">
              {n}
            </p>
          ))}
          <nav aria-label="Downloads" className="flex gap-4 text-sm">
            <a href={`/api/rankings?${api}&format=csv`} data-testid="rankings-csv" download>
              CSV
            </a>
            <a href={`/api/rankings?${api}`} data-testid="rankings-json">
              JSON
            </a>
          </nav>
          <div className="overflow-x-auto">
            <table className="w-full text-sm" data-testid="rankings-table">
              <caption className="text-left text-[var(--muted)]">
                Top {r.rows.length} of {formatCount(r.countries)} {query.side}, {period}, SIPRI TIV (millions). Change against{' '}
                {r.previous.from}–{r.previous.to}; “—” where that period holds no deliveries (or under 0.5).
              </caption>
              <thead>
                <tr className="border-b border-[var(--line)]">
                  {COLUMNS.map((c) => (
                    <SortHeader key={c.label} state={state} sort={c.sort} label={c.label} />
                  ))}
                </tr>
              </thead>
              <tbody>
                {sorted(r.rows, state.sort, state.dir).map((row) => (
                  <tr key={row.country} className="border-b border-[var(--line)]" data-testid="rankings-row">
                    <td className="p-1">{row.rank}</td>
                    <td className="p-1">{row.country}</td>
                    <td className="p-1 text-right tabular-nums">{tiv(row.tiv)}</td>
                    <td className="p-1 text-right tabular-nums">{pct(row.share)}</td>
                    <td className="p-1 text-right tabular-nums">{change(row.change)}</td>
                    <td className="p-1">{row.partners ? row.partners.map((p) => `${p.country} ${pct(p.share)}`).join(', ') : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <section aria-labelledby="shares-title">
            <h2 id="shares-title" className="text-lg font-semibold">
              Shares of the world total, {period}
            </h2>
            <ShareBars rows={r.rows} title={`${side}' shares of the world total, ${period}`} source={source} />
          </section>
        </>
      )}
      <p className="text-sm text-[var(--muted)]">{RANKINGS_CREDIT}</p>
    </main>
  );
}
