import { toCsv } from '@/lib/csv-writer';
import { cachedBody, dataRoute } from '@/lib/server/api';
import { dealsResult } from '@/lib/server/api-results';

export const dynamic = 'force-dynamic';

/** GET /api/deals: the register rows behind a selection, each with its source. */
export function GET(request: Request) {
  return dataRoute(request, { needBy: false, etagSalt: 'deals' }, ({ q, picked, url, etag }) =>
    cachedBody(etag, () => {
      const r = dealsResult(q, picked, url.searchParams);
      if (q.format === 'csv')
        return {
          type: 'csv',
          name: r.name,
          body: toCsv(
            r.header,
            r.records.map((x) => r.header.map((h) => x[h])),
          ),
        };
      return { type: 'json', body: JSON.stringify({ meta: r.meta, deals: r.records }) };
    }),
  );
}
