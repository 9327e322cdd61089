import { BarsSection } from '@/components/BarsSection';
import { DrillPanel } from '@/components/DrillPanel';
import { HatchSwatch } from '@/components/HatchPattern';
import { Notices } from '@/components/Notices';
import { SankeySection } from '@/components/SankeySection';
import { UploadPanel } from '@/components/UploadPanel';
import { uploadLimits } from '@/lib/server/uploads';
import { ViewControls } from '@/components/ViewControls';
import { buildCharts, withDrill } from '@/lib/dashboard-model';
import type { DatasetInfo } from '@/lib/dataset';
import { MEASURE_LABELS } from '@/lib/format';
import { citationOf } from '@/lib/provenance';
import { resolveView } from '@/lib/resolve-view';
import { loadTimeline } from '@/lib/server/load-context';
import { shownModel } from '@/lib/server/model-cache';
import { parseView, viewToParams, type SearchParams } from '@/lib/view-params';

export const dynamic = 'force-dynamic';

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { view, notices } = parseView(await searchParams);
  const timeline = await loadTimeline();
  // The heavy part depends only on the datasets shown: only their rows are loaded, and the cache is
  // keyed on them, so that an upload elsewhere does not throw it away; the picker's list is always fresh.
  // The charts are kept apart from the drill-down: clicking a mark, or paging its deals, lists deals
  // without computing the charts again.
  const chartsView = { ...view, drill: null, drillPage: 1 };
  const resolve = (infos: DatasetInfo[]) => resolveView(view, infos);
  const charts = await shownModel('dashboard', { view: chartsView, notices, timeline: timeline.rows }, resolve, (shown, resolved) =>
    buildCharts(chartsView, shown, timeline.rows, notices, resolved),
  );
  const { infos, model: cached } = view.drill
    ? await shownModel('dashboard-drill', { view, notices, timeline: timeline.rows }, resolve, (shown) =>
        withDrill(charts.model, view, shown),
      )
    : { infos: charts.infos, model: withDrill(charts.model, view, []) };
  const model = { ...cached, datasets: infos };
  const uploads = await uploadLimits(infos);
  const closeParams = viewToParams({ ...view, drill: null, drillPage: 1 }).toString();
  const selected = model.datasets.filter((d) => model.selected.includes(d.id));
  const filtersLine = [
    `${model.from}–${model.to} (${view.basis} year)`,
    view.recipients.length ? `recipients: ${view.recipients.join(', ')}` : 'all recipients',
    view.suppliers.length ? `suppliers: ${view.suppliers.join(', ')}` : 'all suppliers',
    view.categories.length ? `categories: ${view.categories.join(', ')}` : '',
    view.uncertain === 'exclude' ? 'uncertain data excluded' : '',
  ]
    .filter(Boolean)
    .join('; ');
  const source = `Source: ${citationOf(selected)}`;
  return (
    <main className="mx-auto flex max-w-7xl min-w-0 flex-col gap-5 px-4 py-4">
      <div>
        <h1 className="text-2xl font-semibold">Who armed whom</h1>
        <p className="text-sm text-[var(--muted)]" data-testid="summary">
          {model.summary}
        </p>
      </div>
      <ViewControls
        datasets={model.datasets.filter((d) => d.error === null).map((d) => ({ id: d.id, name: d.name }))}
        selected={model.selected}
        options={model.options}
        current={{
          from: model.from,
          to: model.to,
          measure: model.measure,
          measures: model.measures,
          basis: view.basis,
          uncertain: view.uncertain,
          top: view.top,
          recipients: view.recipients,
          suppliers: view.suppliers,
          categories: view.categories,
        }}
      />
      <Notices notices={model.notices} overlaps={model.overlaps} />
      <UploadPanel status={uploads} />
      <p className="text-sm">
        Data: {selected.map((d) => d.name).join('; ')}. Measure: {MEASURE_LABELS[model.measure]}
        {model.measure === 'units' && ' (units of different weapons added together: read them per category)'}. Years {model.from}–{model.to}{' '}
        by {view.basis} year.{' '}
        <span>
          <HatchSwatch /> uncertain in the source, or a deal total spread evenly over its delivery years (in the flows, only deals the years
          shown cut: a deal delivered wholly inside them adds its exact total).
        </span>
      </p>
      {model.drill && (
        <DrillPanel
          title={model.drill.title}
          deals={model.drill.deals}
          closeHref={closeParams ? `/?${closeParams}` : '/'}
          page={view.drillPage}
          pageHref={(page) => `/?${viewToParams({ ...view, drillPage: page })}`}
        />
      )}
      <SankeySection model={model} filtersLine={filtersLine} source={source} />
      <BarsSection model={model} filtersLine={filtersLine} source={source} />
    </main>
  );
}
