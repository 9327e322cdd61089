import { parseCategory } from '../domain/categories';
import { CATEGORIES, type Category } from '../domain/types';
import { slug } from '../domain/format';
import { AVERAGE_YEARS } from '../query/average-rows';
import { DIMENSIONS, MEASURES, YEAR_BASES, type Dimension, type Filters, type Measure, type YearBasis } from '../domain/terms';

/** A validated API query: the same filters for /api/aggregate and /api/deals. */
export type ApiQuery = {
  datasets: string[];
  by: Dimension[];
  measure: Measure | null;
  basis: YearBasis;
  filters: Filters;
  format: 'json' | 'csv';
  /** Yearly values as SIPRI's five-year moving average (`average=5`; needs `by` to include year). */
  average: boolean;
};

/** A bad parameter: HTTP 400 with what was wrong and what is allowed. */
export type ApiParamError = { error: 'bad parameter'; param: string; detail: string; allowed?: string[] };

const KNOWN = [
  'dataset',
  'by',
  'measure',
  'basis',
  'recipient',
  'supplier',
  'origin',
  'category',
  'designation',
  'from',
  'to',
  'uncertain',
  'format',
  'average',
];

const list = (v: string | null) =>
  (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

export function bad(param: string, detail: string, allowed?: readonly string[]): ApiParamError {
  return { error: 'bad parameter', param, detail, ...(allowed ? { allowed: [...allowed] } : {}) };
}

function oneOf<T extends string>(params: URLSearchParams, name: string, allowed: readonly T[], fallback: T): T | ApiParamError {
  const raw = params.get(name);
  if (raw === null || raw === '') return fallback;
  return (allowed as readonly string[]).includes(raw) ? (raw as T) : bad(name, `"${raw}" is not allowed`, allowed);
}

/** A four-digit year parameter, or undefined when absent. */
export function yearParam(params: URLSearchParams, name: string): number | undefined | ApiParamError {
  const raw = params.get(name);
  if (raw === null || raw === '') return undefined;
  if (!/^\d{4}$/.test(raw) || +raw < 1900 || +raw > 2100) return bad(name, `"${raw}" is not a year from 1900 to 2100`);
  return +raw;
}

export const isError = (v: unknown): v is ApiParamError => typeof v === 'object' && v !== null && 'error' in v;

/** Validate a query string; the first bad parameter is returned as an error naming it. */
export function parseApiQuery(params: URLSearchParams, options: { needBy: boolean }): ApiQuery | ApiParamError {
  for (const key of params.keys()) if (!KNOWN.includes(key)) return bad(key, 'unknown parameter', KNOWN);
  for (const key of KNOWN) if (params.getAll(key).length > 1) return bad(key, 'given more than once; use a comma-separated list');
  const by = list(params.get('by'));
  if (options.needBy && by.length === 0) return bad('by', 'required: one or more dimensions, comma-separated', DIMENSIONS);
  const unknownDim = by.find((d) => !(DIMENSIONS as readonly string[]).includes(d));
  if (unknownDim) return bad('by', `"${unknownDim}" is not a dimension`, DIMENSIONS);
  if (new Set(by).size !== by.length) return bad('by', 'a dimension is named twice');
  const measureRaw = params.get('measure');
  if (measureRaw && !(MEASURES as readonly string[]).includes(measureRaw))
    return bad('measure', `"${measureRaw}" is not a measure`, MEASURES);
  const basis = oneOf(params, 'basis', YEAR_BASES, 'delivery');
  if (isError(basis)) return basis;
  const uncertain = oneOf(params, 'uncertain', ['include', 'exclude'] as const, 'include');
  if (isError(uncertain)) return uncertain;
  const format = oneOf(params, 'format', ['json', 'csv'] as const, 'json');
  if (isError(format)) return format;
  const from = yearParam(params, 'from');
  if (isError(from)) return from;
  const to = yearParam(params, 'to');
  if (isError(to)) return to;
  if (from !== undefined && to !== undefined && from > to) return bad('from', `from ${from} is after to ${to}`);
  const averageRaw = params.get('average');
  const average = averageRaw !== null && averageRaw !== '';
  if (average && averageRaw !== String(AVERAGE_YEARS))
    return bad('average', `"${averageRaw}" is not offered: the moving average is over ${AVERAGE_YEARS} years`, [String(AVERAGE_YEARS)]);
  if (average && !by.includes('year')) return bad('average', 'a moving average is of years: add year to "by"');
  const categories: Category[] = [];
  for (const raw of list(params.get('category'))) {
    const c = parseCategory(raw);
    if (!c) return bad('category', `"${raw}" is not one of SIPRI's categories`, [...CATEGORIES]);
    categories.push(c);
  }
  return {
    datasets: list(params.get('dataset')),
    by: by as Dimension[],
    measure: (measureRaw as Measure) || null,
    basis,
    format,
    average,
    filters: {
      recipients: list(params.get('recipient')),
      suppliers: list(params.get('supplier')),
      origins: list(params.get('origin')),
      designations: list(params.get('designation')),
      categories,
      from,
      to,
      uncertain,
    },
  };
}

/** "deliveries-by-supplier-iran-iraq-1980-1988-tiv": what a download holds, in its file name. */
export function downloadName(kind: string, q: Pick<ApiQuery, 'by' | 'measure' | 'filters'> & { average?: boolean }): string {
  const parts = [
    kind,
    q.by.length ? `by-${q.by.join('-')}` : '',
    ...(q.filters.recipients ?? []),
    ...(q.filters.suppliers?.length ? ['from', ...q.filters.suppliers] : []),
  ];
  if (q.filters.from !== undefined || q.filters.to !== undefined) parts.push(`${q.filters.from ?? 'start'}-${q.filters.to ?? 'end'}`);
  if (q.measure) parts.push(q.measure);
  if (q.average) parts.push('5-year-average');
  return slug(parts.filter(Boolean).join('-')) || kind;
}
