import { bundleReadme } from '@/lib/bundle-readme';
import { toCsv } from '@/lib/csv-writer';
import { dataRoute } from '@/lib/server/api';
import { aggregateResult, dealsResult } from '@/lib/server/api-results';
import { strToU8, zipSync } from 'fflate';

export const dynamic = 'force-dynamic';

/** GET /api/bundle?by=…: a zip of the chart data (CSV, JSON), the deals behind it (CSV, JSON) and a README. */
export function GET(request: Request) {
  return dataRoute(request, { needBy: true, etagSalt: 'bundle' }, ({ q, picked, url, etag }) => {
    const data = aggregateResult(q, picked, url.searchParams);
    const deals = dealsResult({ ...q, by: [] }, picked, url.searchParams);
    const csv = (r: typeof data) =>
      strToU8(
        toCsv(
          r.header,
          r.records.map((x) => r.header.map((h) => x[h])),
        ),
      );
    const zip = zipSync({
      [`${data.name}.csv`]: csv(data),
      [`${data.name}.json`]: strToU8(JSON.stringify({ meta: data.meta, rows: data.records }, null, 2)),
      [`${deals.name}.csv`]: csv(deals),
      [`${deals.name}.json`]: strToU8(JSON.stringify({ meta: deals.meta, deals: deals.records }, null, 2)),
      'README.txt': strToU8(bundleReadme(data, deals)),
    });
    return new Response(Buffer.from(zip), {
      headers: {
        'Content-Type': 'application/zip',
        'Content-Disposition': `attachment; filename="${data.name}.zip"`,
        ETag: etag,
        'Cache-Control': 'no-cache',
      },
    });
  });
}
