import { parseApiQuery } from '@/lib/api-query';
import { toCsv } from '@/lib/csv-writer';
import { DEFAULT_DATASET } from '@/lib/resolve-view';
import { cachedBody, etagOf, guarded, json, notModified, pickDatasets } from '@/lib/server/api';
import { aggregateResult, measureFor } from '@/lib/server/api-results';

export const dynamic = 'force-dynamic';

/** GET /api/aggregate: one row per group of the `by` dimensions, with the measure and its flags. */
export function GET(request: Request) {
  return guarded(async () => {
    const url = new URL(request.url);
    const q = parseApiQuery(url.searchParams, { needBy: true });
    if ('error' in q) return json(q, 400);
    const picked = await pickDatasets(q.datasets, DEFAULT_DATASET);
    if (picked instanceof Response) return picked;
    const etag = etagOf(picked, `${url.search}|${measureFor(q, picked)}`);
    const cached = notModified(request, etag);
    if (cached) return cached;
    return cachedBody(etag, () => {
      const r = aggregateResult(q, picked, url.searchParams);
      if (q.format === 'csv')
        return {
          type: 'csv',
          name: r.name,
          body: toCsv(
            r.header,
            r.records.map((x) => r.header.map((h) => x[h])),
          ),
        };
      return { type: 'json', body: JSON.stringify({ meta: r.meta, rows: r.records }) };
    });
  });
}
