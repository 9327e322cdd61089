import { DEAL_COLUMNS, dealRecord } from '@/lib/api-rows';
import { downloadName, parseApiQuery } from '@/lib/api-query';
import { toCsv } from '@/lib/csv-writer';
import { provenance } from '@/lib/provenance';
import { DEFAULT_DATASET } from '@/lib/resolve-view';
import { selectDeals } from '@/lib/select-deals';
import { csvResponse, etagOf, guarded, json, notModified, pickDatasets } from '@/lib/server/api';

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
    const deals = selectDeals(
      picked.map((d) => ({ ...d, id: d.info.id, name: d.info.name })),
      q.basis,
      q.filters,
      {},
    );
    const records = deals.map(dealRecord);
    const name = downloadName('deals', { ...q, by: [], measure: null });
    if (q.format === 'csv')
      return csvResponse(
        toCsv(
          [...DEAL_COLUMNS],
          records.map((r) => DEAL_COLUMNS.map((c) => r[c])),
        ),
        name,
        etag,
      );
    const meta = {
      query: Object.fromEntries(url.searchParams),
      basis: q.basis,
      filters: q.filters,
      count: records.length,
      ...provenance(
        picked.map((d) => d.info),
        null,
      ),
    };
    return json({ meta, deals: records }, 200, { ETag: etag, 'Cache-Control': 'no-cache' });
  });
}
