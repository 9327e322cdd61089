import 'server-only';
import { buildCharts, withDrill } from '../view/dashboard-model';
import type { DatasetInfo } from '../store/dataset';
import { resolveView } from '../view/resolve-view';
import { parseView, type SearchParams } from '../view/view-params';
import { loadTimeline } from './load-context';
import { shownModel } from './model-cache';
import { uploadLimits } from './uploads';
import { listDatasets } from './load-datasets';
import type { Viewer } from '../view/access';

/**
 * Everything the dashboard shows for the search params of its URL: the view they describe, the page's
 * model (charts and drill-down) and the upload panel's limits. Used by the dashboard, and by the
 * benchmark's /baseline/model page, which renders one line of the same model to measure what a
 * dashboard request costs before its sections are rendered.
 */
export async function dashboardPageModel(searchParams: SearchParams, viewer: Viewer) {
  const { view, notices } = parseView(searchParams);
  const timeline = await loadTimeline();
  // The heavy part depends only on the datasets shown: only their rows are loaded, and the cache is
  // keyed on them, so that an upload elsewhere does not throw it away; the picker's list is always fresh.
  // The charts are kept apart from the drill-down: clicking a mark, or paging its deals, lists deals
  // without computing the charts again.
  const chartsView = { ...view, drill: null, drillPage: 1 };
  const resolve = (infos: DatasetInfo[]) => resolveView(view, infos);
  const who = { viewer, named: view.datasets };
  const charts = await shownModel('dashboard', { view: chartsView, notices, timeline: timeline.rows }, who, resolve, (shown, resolved) =>
    buildCharts(chartsView, shown, timeline.rows, notices, resolved),
  );
  const { infos, model: cached } = view.drill
    ? await shownModel('dashboard-drill', { view, notices, timeline: timeline.rows }, who, resolve, (shown) =>
        withDrill(charts.model, view, shown),
      )
    : { infos: charts.infos, model: withDrill(charts.model, view, []) };
  const model = { ...cached, datasets: infos };
  // The space left is the server's, not this viewer's: every stored upload counts.
  return { view, model, uploads: await uploadLimits(await listDatasets('all')) };
}
