import { bundleReadme } from '@/lib/export/bundle-readme';
import { dataRoute } from '@/lib/server/api';
import { aggregateResult, dealsResult, resultCsv, resultJson } from '@/lib/server/api-results';
import { strToU8, zipSync } from 'fflate';

export const dynamic = 'force-dynamic';

/** GET /api/bundle?by=…: a zip of the chart data (CSV, JSON), the deals behind it (CSV, JSON) and a README. */
export function GET(request: Request) {
  return dataRoute(request, { needBy: true, etagSalt: 'bundle' }, ({ q, picked, url, etag }) => {
    const data = aggregateResult(q, picked, url.searchParams);
    const deals = dealsResult({ ...q, by: [] }, picked, url.searchParams);
    const zip = zipSync({
      [`${data.name}.csv`]: strToU8(resultCsv(data)),
      [`${data.name}.json`]: strToU8(resultJson(data, 'rows')),
      [`${deals.name}.csv`]: strToU8(resultCsv(deals)),
      [`${deals.name}.json`]: strToU8(resultJson(deals, 'deals')),
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
