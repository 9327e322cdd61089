import { parseApiQuery } from '@/lib/api-query';
import { toCsv } from '@/lib/csv-writer';
import { DEFAULT_DATASET } from '@/lib/resolve-view';
import { cachedBody, etagOf, guarded, json, notModified, pickDatasets } from '@/lib/server/api';
import { dealsResult } from '@/lib/server/api-results';

export const dynamic = 'force-dynamic';

/** GET /api/deals: the register rows behind a selection, each with its source. */
export function GET(request: Request) {
  return guarded(async () => {
    const url = new URL(request.url);
    const q = parseApiQuery(url.searchParams, { needBy: false });
    if ('error' in q) return json(q, 400);
    if (q.by.length) return json({ error: 'bad parameter', param: 'by', detail: 'deals are not grouped: leave out "by"' }, 400);
    const picked = await pickDatasets(q.datasets, DEFAULT_DATASET);
    if (picked instanceof Response) return picked;
    const etag = etagOf(picked, url.search);
    const cached = notModified(request, etag);
    if (cached) return cached;
    return cachedBody(etag, () => {
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
    });
  });
}
