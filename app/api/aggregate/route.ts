import { aggregate } from '@/lib/aggregate';
import { aggregateTable } from '@/lib/api-rows';
import { downloadName, parseApiQuery } from '@/lib/api-query';
import { toCsv } from '@/lib/csv-writer';
import { provenance } from '@/lib/provenance';
import type { Measure } from '@/lib/query';
import { DEFAULT_DATASET } from '@/lib/resolve-view';
import { csvResponse, etagOf, guarded, json, notModified, pickDatasets } from '@/lib/server/api';

export const dynamic = 'force-dynamic';

/** GET /api/aggregate: one row per group of the `by` dimensions, with the measure and its flags. */
export function GET(request: Request) {
  return guarded(async () => {
    const url = new URL(request.url);
    const q = parseApiQuery(url.searchParams, { needBy: true });
    if ('error' in q) return json(q, 400);
    const picked = await pickDatasets(q.datasets, DEFAULT_DATASET);
    if (picked instanceof Response) return picked;
    const measure: Measure =
      q.measure ?? (['tiv', 'units', 'deals'] as Measure[]).find((m) => picked.some((d) => d.info.measures.includes(m))) ?? 'deals';
    const etag = etagOf(picked, `${url.search}|${measure}`);
    const cached = notModified(request, etag);
    if (cached) return cached;
    const rows = aggregate(picked, { by: q.by, measure, basis: q.basis, filters: q.filters });
    const { header, records } = aggregateTable(rows, q.by, measure);
    const name = downloadName('deliveries', { ...q, measure });
    if (q.format === 'csv')
      return csvResponse(
        toCsv(
          header,
          records.map((r) => header.map((h) => r[h])),
        ),
        name,
        etag,
      );
    const meta = {
      query: Object.fromEntries(url.searchParams),
      by: q.by,
      basis: q.basis,
      filters: q.filters,
      ...provenance(
        picked.map((d) => d.info),
        measure,
      ),
    };
    return json({ meta, rows: records }, 200, { ETag: etag, 'Cache-Control': 'no-cache' });
  });
}
