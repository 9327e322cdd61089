import { AVERAGE_YEARS } from '../series/moving-average';
import { parseCategory } from '../domain/categories';
import { canonicalCountry } from '../domain/countries';
import { formatCount } from '../domain/format';
import type { Category } from '../domain/types';
import type { Drill } from '../query/select-deals';
import {
  MEASURES,
  OTHER,
  UNCERTAIN_MODES,
  YEAR_BASES,
  type Filters,
  type Measure,
  type UncertainMode,
  type YearBasis,
} from '../domain/terms';

/** Everything a dashboard view shows, as read from (and written to) the URL. */
export type DashboardView = {
  datasets: string[];
  recipients: string[];
  suppliers: string[];
  categories: Category[];
  from: number | null;
  to: number | null;
  measure: Measure | null;
  basis: YearBasis;
  uncertain: UncertainMode;
  stack: 'supplier' | 'category';
  percent: boolean;
  top: number;
  events: boolean;
  /** Bars as SIPRI's five-year moving average (each year averages it and the four before). */
  average: boolean;
  drill: Drill | null;
  /** Which page of the drill-down's deals is listed (DRILL_PAGE_SIZE a page), from 1. */
  drillPage: number;
};

/** `avg=5` turns the bars' five-year moving average on; any other value is named and ignored. */
function averageParam(params: SearchParams, notices: ParamNotice[]): boolean {
  const raw = one(params.avg);
  if (raw === undefined || raw === '') return false;
  if (raw === String(AVERAGE_YEARS)) return true;
  notices.push({
    param: 'avg',
    message: `"${raw}" is not offered: the moving average is over ${AVERAGE_YEARS} years (avg=${AVERAGE_YEARS}); yearly values shown`,
  });
  return false;
}

/** Params that select a drill-down and its page; cleared together when the drill changes. */
export const DRILL_PARAMS = ['d.supplier', 'd.suppliers', 'd.recipient', 'd.category', 'd.origin', 'd.year', 'd.page'];

/** A drill-down as URL params (`d.supplier=…`). */
export function drillParams(drill: Drill): Record<string, string> {
  // A list joins with commas, like the filters' lists (`supplier=Iran,Iraq`).
  return Object.fromEntries(Object.entries(drill).flatMap(([k, v]) => (v === undefined ? [] : [[`d.${k}`, String(v)]])));
}

/** Deals listed per page of a drill-down: a large supplier of the whole database has thousands. */
export const DRILL_PAGE_SIZE = 500;

export type ParamNotice = { param: string; message: string };

export type SearchParams = Record<string, string | string[] | undefined>;

export const TOP_DEFAULT = 10;
export const TOP_MAX = 50;

const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[v.length - 1] : v);
const list = (v: string | string[] | undefined): string[] =>
  (Array.isArray(v) ? v.join(',') : (v ?? ''))
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function choice<T extends string>(params: SearchParams, name: string, allowed: readonly T[], notices: ParamNotice[]): T | undefined {
  const raw = one(params[name]);
  if (raw === undefined || raw === '') return undefined;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  notices.push({ param: name, message: `"${raw}" is not one of ${allowed.join(', ')}; ignored` });
  return undefined;
}

/** A whole number from 1 to `max`, or null (absent, or invalid: a notice says what is used instead). */
function wholeNumber(params: SearchParams, key: string, max: number, instead: string, notices: ParamNotice[]): number | null {
  const raw = one(params[key]);
  if (raw === undefined || raw === '') return null;
  if (/^\d+$/.test(raw) && +raw >= 1 && +raw <= max) return +raw;
  notices.push({ param: key, message: `"${raw}" is not a whole number from 1 to ${formatCount(max)}; ${instead}` });
  return null;
}

function year(params: SearchParams, name: string, notices: ParamNotice[]): number | null {
  const raw = one(params[name]);
  if (raw === undefined || raw === '') return null;
  if (/^\d{4}$/.test(raw) && +raw >= 1900 && +raw <= 2100) return +raw;
  notices.push({ param: name, message: `"${raw}" is not a year between 1900 and 2100; ignored` });
  return null;
}

/** Read a dashboard view from URL search params. Invalid values are ignored and explained, never thrown. */
export function parseView(params: SearchParams): { view: DashboardView; notices: ParamNotice[] } {
  const notices: ParamNotice[] = [];
  const categories: Category[] = [];
  for (const raw of list(params.category)) {
    const c = parseCategory(raw);
    if (c) categories.push(c);
    else notices.push({ param: 'category', message: `"${raw}" is not one of SIPRI's categories; ignored` });
  }
  let from = year(params, 'from', notices);
  let to = year(params, 'to', notices);
  if (from !== null && to !== null && from > to) {
    notices.push({ param: 'from', message: `from ${from} is after to ${to}; the two were swapped` });
    [from, to] = [to, from];
  }
  const top = wholeNumber(params, 'top', TOP_MAX, `${TOP_DEFAULT} used`, notices) ?? TOP_DEFAULT;
  const drillYear = year(params, 'd.year', notices);
  const drill: Drill = {};
  for (const key of ['supplier', 'recipient', 'category', 'origin'] as const) {
    const v = one(params[`d.${key}`]);
    if (v) drill[key] = key === 'category' || v === OTHER ? v : canonicalCountry(v);
  }
  const several = [...new Set(list(params['d.suppliers']).map((v) => (v === OTHER ? v : canonicalCountry(v))))];
  if (several.length > 0) drill.suppliers = several;
  if (drillYear !== null) drill.year = drillYear;
  const drillPage = wholeNumber(params, 'd.page', 999_999, 'the first page is shown', notices) ?? 1;
  return {
    view: {
      datasets: list(params.ds),
      recipients: list(params.recipient).map(canonicalCountry),
      suppliers: list(params.supplier).map(canonicalCountry),
      categories,
      from,
      to,
      measure: choice(params, 'measure', MEASURES, notices) ?? null,
      basis: choice(params, 'basis', YEAR_BASES, notices) ?? 'delivery',
      uncertain: choice(params, 'uncertain', UNCERTAIN_MODES, notices) ?? 'mark',
      stack: choice(params, 'stack', ['supplier', 'category'] as const, notices) ?? 'supplier',
      percent: one(params.pct) === '1',
      top,
      events: one(params.events) !== '0',
      average: averageParam(params, notices),
      drill: Object.keys(drill).length > 0 ? drill : null,
      drillPage,
    },
    notices,
  };
}

/** The aggregation filters of a view (the year range already resolved). */
export function viewFilters(view: DashboardView, from: number | null, to: number | null): Filters {
  return {
    recipients: view.recipients,
    suppliers: view.suppliers,
    categories: view.categories,
    from: from ?? undefined,
    to: to ?? undefined,
    uncertain: view.uncertain,
  };
}

/** Write a view back to search params, leaving out defaults so that links stay short. */
export function viewToParams(view: DashboardView): URLSearchParams {
  const p = new URLSearchParams();
  if (view.datasets.length) p.set('ds', view.datasets.join(','));
  if (view.recipients.length) p.set('recipient', view.recipients.join(','));
  if (view.suppliers.length) p.set('supplier', view.suppliers.join(','));
  if (view.categories.length) p.set('category', view.categories.join(','));
  if (view.from !== null) p.set('from', String(view.from));
  if (view.to !== null) p.set('to', String(view.to));
  if (view.measure) p.set('measure', view.measure);
  if (view.basis !== 'delivery') p.set('basis', view.basis);
  if (view.uncertain !== 'mark') p.set('uncertain', view.uncertain);
  if (view.stack !== 'supplier') p.set('stack', view.stack);
  if (view.percent) p.set('pct', '1');
  if (view.top !== TOP_DEFAULT) p.set('top', String(view.top));
  if (!view.events) p.set('events', '0');
  if (view.average) p.set('avg', String(AVERAGE_YEARS));
  if (view.drill) {
    for (const [k, v] of Object.entries(drillParams(view.drill))) p.set(k, v);
    if (view.drillPage > 1) p.set('d.page', String(view.drillPage));
  }
  return p;
}
