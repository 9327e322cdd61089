import { cachedResult, dataRoute } from '@/lib/server/api';
import { aggregateResult, measureFor } from '@/lib/server/api-results';

export const dynamic = 'force-dynamic';

/** GET /api/aggregate: one row per group of the `by` dimensions, with the measure and its flags. */
export function GET(request: Request) {
  return dataRoute(request, { needBy: true, etagSalt: 'aggregate', extra: measureFor }, ({ q, picked, url, etag }) =>
    cachedResult(etag, q.format, 'rows', () => aggregateResult(q, picked, url.searchParams)),
  );
}
