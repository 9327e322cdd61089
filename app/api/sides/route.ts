import { buildCompare, COMPARE_DEFAULTS, parsePair, resolveCompareView } from '@/lib/view/compare-model';
import { toCsv } from '@/lib/export/csv-writer';
import { slug } from '@/lib/domain/format';
import { csvResponse, guarded, json } from '@/lib/server/api';
import { loadSupplierSides } from '@/lib/server/load-context';
import { shownModel } from '@/lib/server/model-cache';
import { requestViewer } from '@/lib/server/write-guard';
import { parseView, type SearchParams } from '@/lib/view/view-params';

export const dynamic = 'force-dynamic';

const COLUMNS = ['country', 'listed_side', 'note', 'delivered_to_a', 'delivered_to_b', 'data_shows', 'source'] as const;

/**
 * GET /api/sides?a=Iran&b=Iraq&ds=…&from=…&to=…&measure=…&format=csv: the bundled list of the war's
 * supplier sides held against the deliveries in the data (the comparison page's table).
 */
export function GET(request: Request) {
  return guarded(async () => {
    const url = new URL(request.url);
    const params: SearchParams = Object.fromEntries(url.searchParams);
    const { view, notices } = parseView(params);
    if (notices.length) return json({ error: 'bad parameter', param: notices[0].param, detail: notices[0].message }, 400);
    const format = url.searchParams.get('format') ?? 'json';
    if (format !== 'json' && format !== 'csv')
      return json({ error: 'bad parameter', param: 'format', detail: `"${format}" is not allowed`, allowed: ['json', 'csv'] }, 400);
    const pair = parsePair(params, notices);
    const sides = await loadSupplierSides();
    const viewer = requestViewer(request);
    if (viewer instanceof Response) return viewer;
    const { model: m } = await shownModel(
      'sides',
      { view, pair, notices, sides: sides.rows },
      { viewer, named: view.datasets },
      (infos) => resolveCompareView(view, infos),
      (shown, resolved) => buildCompare(view, pair, shown, sides.rows, [], notices, resolved),
    );
    const rows = m.sides.map((s) => ({
      country: s.country,
      listed_side: s.side,
      note: s.note,
      delivered_to_a: s.toA,
      delivered_to_b: s.toB,
      data_shows: s.status,
      source: s.source,
    }));
    const meta = { a: m.a, b: m.b, from: m.from, to: m.to, measure: m.measure, datasets: m.selected, years: COMPARE_DEFAULTS.years };
    if (format === 'csv') {
      const name = slug(`supplier-sides-vs-deliveries-${m.a}-${m.b}-${m.from}-${m.to}-${m.measure}`);
      return csvResponse(
        toCsv(
          [...COLUMNS],
          rows.map((r) => COLUMNS.map((c) => r[c])),
        ),
        name,
      );
    }
    return json({ meta, rows });
  });
}
