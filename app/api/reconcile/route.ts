import { toCsv } from '@/lib/export/csv-writer';
import { slug } from '@/lib/domain/format';
import { RECONCILE_COLUMNS, reconcileApiRows } from '@/lib/view/reconcile-view';
import { apiError, csvResponse, guarded, json } from '@/lib/server/api';
import { reconcilePageModel } from '@/lib/server/reconcile-page-model';
import { requestViewer } from '@/lib/server/write-guard';

export const dynamic = 'force-dynamic';

/**
 * GET /api/reconcile?a=ID&b=ID&supplier=…&recipient=…&from=…&to=…&format=json|csv: two datasets'
 * records of one supplier → recipient lined up weapon by weapon (the sources view's table).
 */
export function GET(request: Request) {
  return guarded(async () => {
    const url = new URL(request.url);
    const format = url.searchParams.get('format') || 'json';
    if (format !== 'json' && format !== 'csv')
      return apiError(400, 'bad parameter', `"${format}" is not allowed`, { param: 'format', allowed: ['json', 'csv'] });
    const viewer = requestViewer(request);
    if (viewer instanceof Response) return viewer;
    const { problems, model } = await reconcilePageModel((name) => url.searchParams.get(name) ?? undefined, viewer);
    if (problems.length) {
      const { param, detail, allowed } = problems[0];
      return apiError(400, 'bad parameter', detail, { param, ...(allowed ? { allowed } : {}) });
    }
    if (!model) return apiError(404, 'unknown dataset', 'two datasets are needed; GET /api/datasets lists them', { param: 'a' });
    const rows = reconcileApiRows(model);
    if (format === 'csv') {
      const name = slug(
        `sources-${model.a.id}-vs-${model.b.id}-${model.params.supplier}-${model.params.recipient}-${model.from}-${model.to}`,
      );
      return csvResponse(
        toCsv(
          RECONCILE_COLUMNS,
          rows.map((r) => RECONCILE_COLUMNS.map((c) => r[c])),
        ),
        name,
      );
    }
    const { supplier, recipient } = model.params;
    return json({
      meta: {
        a: model.a,
        b: model.b,
        supplier,
        recipient,
        from: model.from,
        to: model.to,
        citation: `${model.a.name}: ${model.a.citation} | ${model.b.name}: ${model.b.citation}`,
      },
      rows,
    });
  });
}
