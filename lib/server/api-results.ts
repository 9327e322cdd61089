import 'server-only';
import { aggregate } from '../query/aggregate';
import { averagedRows, averageStart } from '../query/average-rows';
import { downloadName, type ApiQuery } from '../view/api-query';
import { aggregateTable, DEAL_COLUMNS, dealRecord } from '../export/api-rows';
import { toCsv, type CsvCell } from '../export/csv-writer';
import type { Dataset, DatasetInfo } from '../store/dataset';
import { provenance } from '../export/provenance';
import type { Measure } from '../domain/terms';
import { selectDeals, totalsOnly } from '../query/select-deals';

export type ApiResult = { name: string; header: string[]; records: Record<string, CsvCell>[]; meta: Record<string, unknown> };

/** The measure asked for, else the first the data has numbers for (TIV, units, then deals). */
export function measureFor(q: ApiQuery, picked: DatasetInfo[]): Measure {
  return q.measure ?? (['tiv', 'units', 'deals'] as Measure[]).find((m) => picked.some((d) => d.measures.includes(m))) ?? 'deals';
}

/** The rows of /api/aggregate, shared by the route, the chart downloads and the zip bundle. */
export function aggregateResult(q: ApiQuery, picked: Dataset[], search: URLSearchParams): ApiResult {
  const measure = measureFor(
    q,
    picked.map((d) => d.info),
  );
  const rows = q.average ? averaged(q, picked, measure) : aggregate(picked, { by: q.by, measure, basis: q.basis, filters: q.filters });
  const { header, records } = aggregateTable(rows, q.by, measure);
  const meta = {
    query: Object.fromEntries(search),
    by: q.by,
    basis: q.basis,
    filters: q.filters,
    ...(q.average
      ? { average: 'five-year moving average: each year averages it and the four before (fewer at the start of the data)' }
      : {}),
    ...provenance(
      picked.map((d) => d.info),
      measure,
    ),
  };
  return { name: downloadName('deliveries', { ...q, measure }), header, records, meta };
}

/** The rows as a five-year moving average: grouped from four years before `from`, then averaged. */
function averaged(q: ApiQuery, picked: Dataset[], measure: Measure) {
  const firstYear = Math.min(...picked.map((d) => d.info.years?.[0] ?? Infinity));
  if (!Number.isFinite(firstYear)) return [];
  const from = q.filters.from ?? firstYear;
  const to = q.filters.to ?? Math.max(...picked.map((d) => d.info.years?.[1] ?? -Infinity));
  const rows = aggregate(picked, { by: q.by, measure, basis: q.basis, filters: { ...q.filters, from: averageStart(from), to } });
  return averagedRows(rows, from, to, firstYear);
}

/** The rows of /api/deals. */
export function dealsResult(q: ApiQuery, picked: Dataset[], search: URLSearchParams): ApiResult {
  const deals = selectDeals(
    picked.map((d) => ({ ...d, id: d.info.id, name: d.info.name })),
    q.basis,
    q.filters,
    {},
  );
  const meta = {
    query: Object.fromEntries(search),
    basis: q.basis,
    filters: q.filters,
    count: deals.length,
    // TIV tables add to the aggregates but hold no deals: named, so an empty list is not a mystery.
    totalsOnly: totalsOnly(picked).map((name) => `${name} holds totals only; load a register for the deals`),
    ...provenance(
      picked.map((d) => d.info),
      null,
    ),
  };
  return { name: downloadName('deals', { ...q, by: [], measure: null }), header: [...DEAL_COLUMNS], records: deals.map(dealRecord), meta };
}

/** A result as CSV: the header, then one line per record in the header's order. */
export function resultCsv(r: ApiResult): string {
  return toCsv(
    r.header,
    r.records.map((x) => r.header.map((h) => x[h])),
  );
}

/** A result as JSON: the provenance block, then the records under `key`. */
export function resultJson(r: ApiResult, key: 'rows' | 'deals'): string {
  return JSON.stringify({ meta: r.meta, [key]: r.records });
}
