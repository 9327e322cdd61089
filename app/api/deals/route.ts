import { cachedResult, dataRoute } from '@/lib/server/api';
import { dealsResult } from '@/lib/server/api-results';

export const dynamic = 'force-dynamic';

/** GET /api/deals: the register rows behind a selection, each with its source. */
export function GET(request: Request) {
  return dataRoute(request, { needBy: false, etagSalt: 'deals' }, ({ q, picked, url, etag }) =>
    cachedResult(etag, q.format, 'deals', () => dealsResult(q, picked, url.searchParams)),
  );
}
