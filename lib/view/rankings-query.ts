import type { RankSide } from '../query/rankings';
import { bad, isError, yearParam, type ApiParamError } from './api-query';

/** A validated /api/rankings query; the period is filled from the data when not given. */
export type RankingsQuery = {
  dataset: string | null;
  side: RankSide;
  from: number | null;
  to: number | null;
  top: number;
  format: 'json' | 'csv';
};

export const RANKING_SIDES: readonly RankSide[] = ['exporters', 'importers'];
export const DEFAULT_TOP = 25;
export const MOST_TOP = 500;
const KNOWN = ['dataset', 'side', 'from', 'to', 'top', 'format'];

/** Validate the query string; the first bad parameter comes back naming it. */
export function parseRankingsQuery(params: URLSearchParams): RankingsQuery | ApiParamError {
  for (const key of params.keys()) if (!KNOWN.includes(key)) return bad(key, 'unknown parameter', KNOWN);
  for (const key of KNOWN) if (params.getAll(key).length > 1) return bad(key, 'given more than once');
  const dataset = params.get('dataset') || null;
  if (dataset?.includes(','))
    return bad('dataset', 'one dataset at a time: a ranking sums one source (two would count the deliveries they share twice)');
  const side = params.get('side') || 'exporters';
  if (!(RANKING_SIDES as readonly string[]).includes(side)) return bad('side', `"${side}" is not a side`, RANKING_SIDES);
  const format = params.get('format') || 'json';
  if (format !== 'json' && format !== 'csv') return bad('format', `"${format}" is not allowed`, ['json', 'csv']);
  const from = yearParam(params, 'from') ?? null;
  if (isError(from)) return from;
  const to = yearParam(params, 'to') ?? null;
  if (isError(to)) return to;
  if (from !== null && to !== null && from > to) return bad('from', `from ${from} is after to ${to}`);
  const topRaw = params.get('top');
  let top = DEFAULT_TOP;
  if (topRaw !== null && topRaw !== '') {
    if (!/^\d+$/.test(topRaw) || +topRaw < 1 || +topRaw > MOST_TOP)
      return bad('top', `"${topRaw}" is not a whole number from 1 to ${MOST_TOP}`);
    top = +topRaw;
  }
  return { dataset, side: side as RankSide, from, to, top, format };
}

export const RANKING_SORTS = ['tiv', 'country', 'share', 'change'] as const;
export type RankingSort = (typeof RANKING_SORTS)[number];

/** The /rankings page's URL state: the query (`ds` names the dataset) and the table's order. */
export type RankingsPageState = {
  query: RankingsQuery;
  sort: RankingSort;
  dir: 'asc' | 'desc';
  notices: { param: string; message: string }[];
};

const PAGE_KNOWN = ['ds', 'side', 'from', 'to', 'top', 'sort', 'dir'];

/**
 * A link's parameters, read like the API's; a bad one is dropped with a notice naming it (the page
 * still answers, with its default), never a failure.
 */
export function parseRankingsPage(raw: Record<string, string | string[] | undefined>): RankingsPageState {
  const notices: RankingsPageState['notices'] = [];
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined || !PAGE_KNOWN.includes(key)) {
      if (value !== undefined) notices.push({ param: key, message: 'not a parameter of this page: ignored' });
      continue;
    }
    const one = Array.isArray(value) ? value[0] : value;
    if (key === 'ds') params.set('dataset', one);
    else if (key !== 'sort' && key !== 'dir') params.set(key, one);
  }
  let query = parseRankingsQuery(params);
  while ('error' in query) {
    notices.push({ param: query.param === 'dataset' ? 'ds' : query.param, message: `${query.detail}: ignored` });
    params.delete(query.param);
    if (query.param === 'from' || query.param === 'to') params.delete(query.param === 'from' ? 'to' : 'from');
    query = parseRankingsQuery(params);
  }
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const sortRaw = one(raw.sort) ?? 'tiv';
  const sort = (RANKING_SORTS as readonly string[]).includes(sortRaw) ? (sortRaw as RankingSort) : 'tiv';
  if (sort !== sortRaw)
    notices.push({ param: 'sort', message: `"${sortRaw}" is not a column to sort by (${RANKING_SORTS.join(', ')}): ignored` });
  const dirRaw = one(raw.dir) ?? (sort === 'country' ? 'asc' : 'desc');
  const dir = dirRaw === 'asc' || dirRaw === 'desc' ? dirRaw : 'desc';
  if (dir !== dirRaw) notices.push({ param: 'dir', message: `"${dirRaw}" is neither asc nor desc: ignored` });
  return { query, sort, dir, notices };
}

/** The page's URL for a state: defaults left out, so links stay short. */
export function rankingsHref(s: Pick<RankingsPageState, 'query' | 'sort' | 'dir'>): string {
  const p = new URLSearchParams();
  const q = s.query;
  if (q.dataset) p.set('ds', q.dataset);
  if (q.side !== 'exporters') p.set('side', q.side);
  if (q.from !== null) p.set('from', String(q.from));
  if (q.to !== null) p.set('to', String(q.to));
  if (q.top !== DEFAULT_TOP) p.set('top', String(q.top));
  if (s.sort !== 'tiv') p.set('sort', s.sort);
  if (s.dir !== (s.sort === 'country' ? 'asc' : 'desc')) p.set('dir', s.dir);
  const text = p.toString();
  return text ? `/rankings?${text}` : '/rankings';
}
