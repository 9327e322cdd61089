import { apiError, cachedBody, etagOf, guarded, json, notModified, pickDatasets } from '@/lib/server/api';
import { retryIfChanged, withData } from '@/lib/server/load-datasets';
import { rankingsCsv, rankingsFileName, rankingsJson } from '@/lib/server/rankings-result';
import { viewerOf } from '@/lib/server/viewer';
import { parseRankingsQuery } from '@/lib/view/rankings-query';
import { rankDataset } from '@/lib/view/rankings-view';
import { DEFAULT_DATASET } from '@/lib/view/resolve-view';

export const dynamic = 'force-dynamic';

/**
 * GET /api/rankings?dataset=…&side=exporters|importers&from=…&to=…&top=…&format=json|csv: one
 * dataset's countries by TIV in the period, share, change against the period before, partners.
 */
export function GET(request: Request) {
  return guarded(async () => {
    const url = new URL(request.url);
    const q = parseRankingsQuery(url.searchParams);
    if ('error' in q) return json(q, 400);
    const viewer = viewerOf(request.headers);
    if (viewer.problem) return apiError(400, 'bad request', viewer.problem, { param: 'Authorization' });
    return retryIfChanged(async () => {
      const infos = await pickDatasets(q.dataset ? [q.dataset] : [], DEFAULT_DATASET, viewer);
      if (infos instanceof Response) return infos;
      if (infos.length === 0) return apiError(404, 'no dataset', 'no dataset is loaded; upload a register or a TIV table');
      // The default period depends on the day (the last complete year): the year is part of the tag.
      const today = new Date();
      const etag = etagOf(infos, `rankings${url.search}|${today.getUTCFullYear()}`);
      const known = notModified(request, etag);
      if (known) return known;
      const [data] = await withData(infos);
      const outcome = rankDataset(data, q, today);
      if (!outcome.ok) return apiError(422, 'cannot rank', outcome.detail, { param: 'side' });
      return cachedBody(etag, () =>
        q.format === 'csv'
          ? { type: 'csv', name: rankingsFileName(outcome), body: rankingsCsv(outcome) }
          : { type: 'json', body: rankingsJson(outcome) },
      );
    });
  });
}
