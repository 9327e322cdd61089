import { ChartToggles } from '@/components/ChartToggles';
import { DataTable } from '@/components/DataTable';
import { DrillPanel } from '@/components/DrillPanel';
import { HatchSwatch } from '@/components/HatchPattern';
import { Notices } from '@/components/Notices';
import { SankeyChart } from '@/components/SankeyChart';
import { StackedBars } from '@/components/StackedBars';
import { ViewControls } from '@/components/ViewControls';
import { barTable, sankeyTable } from '@/lib/chart-tables';
import { buildDashboard } from '@/lib/dashboard-model';
import { MEASURE_LABELS } from '@/lib/format';
import { loadTimeline } from '@/lib/server/load-context';
import { loadDatasets } from '@/lib/server/load-datasets';
import { parseView, viewToParams, type SearchParams } from '@/lib/view-params';

export const dynamic = 'force-dynamic';

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { view, notices } = parseView(await searchParams);
  const [datasets, timeline] = await Promise.all([loadDatasets(), loadTimeline()]);
  const model = buildDashboard(view, datasets, timeline.rows, notices);
  const closeParams = viewToParams({ ...view, drill: null }).toString();
  const sankeyData = sankeyTable(model.sankey, model.measure);
  const barData = barTable(model.bars, model.measure);
  const unit = MEASURE_LABELS[model.measure];
  const names = model.datasets.filter((d) => model.selected.includes(d.id));
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
      <p className="text-sm">
        Data: {names.map((d) => d.name).join('; ')}. Measure: {unit}
        {model.measure === 'units' && ' (units of different weapons added together: read them per category)'}. Years {model.from}–{model.to}{' '}
        by {view.basis} year.{' '}
        <span>
          <HatchSwatch /> uncertain in the source, or a deal total spread evenly over its delivery years.
        </span>
      </p>
      {model.drill && <DrillPanel title={model.drill.title} deals={model.drill.deals} closeHref={closeParams ? `/?${closeParams}` : '/'} />}
      <section aria-labelledby="sankey-title" className="flex min-w-0 flex-col gap-2">
        <h2 id="sankey-title" className="text-lg font-semibold">
          Flows {model.sankey.hasOrigin ? 'origin → ' : ''}supplier → category → recipient
        </h2>
        <SankeyChart series={model.sankey} measure={model.measure} pinned={view.drill} />
        {model.sankey.undrawn > 0 && model.sankey.links.length > 0 && (
          <p className="text-sm text-[var(--muted)]">
            {model.sankey.undrawn} groups of deliveries have no figure for this measure and are not drawn (they are not zero).
          </p>
        )}
        <details>
          <summary className="cursor-pointer text-sm">Data table ({sankeyData.rows.length} flows)</summary>
          <DataTable {...sankeyData} caption={`Flows by ${unit}, ${model.from}–${model.to}`} testId="sankey-table" />
        </details>
      </section>
      <section aria-labelledby="bars-title" className="flex min-w-0 flex-col gap-2">
        <h2 id="bars-title" className="text-lg font-semibold">
          Deliveries per year by {view.stack}
        </h2>
        <ChartToggles stack={view.stack} percent={view.percent} events={view.events} />
        <StackedBars
          series={model.bars}
          measure={model.measure}
          stack={view.stack}
          percent={view.percent}
          uncertain={view.uncertain}
          events={model.events}
        />
        <details>
          <summary className="cursor-pointer text-sm">Data table ({barData.rows.length} rows)</summary>
          <DataTable {...barData} caption={`${unit} per year by ${view.stack}`} testId="bars-table" />
        </details>
      </section>
    </main>
  );
}
