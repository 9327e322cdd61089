import { toCsv } from '@/lib/csv-writer';
import { cachedBody, dataRoute } from '@/lib/server/api';
import { aggregateResult, measureFor } from '@/lib/server/api-results';

export const dynamic = 'force-dynamic';

/** GET /api/aggregate: one row per group of the `by` dimensions, with the measure and its flags. */
export function GET(request: Request) {
  return dataRoute(request, { needBy: true, etagSalt: 'aggregate', extra: measureFor }, ({ q, picked, url, etag }) =>
    cachedBody(etag, () => {
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
    }),
  );
}
