import { pickerName } from '@/lib/view/access';
import Link from 'next/link';
import { BarsSection } from '@/components/BarsSection';
import { DrillPanel } from '@/components/DrillPanel';
import { FeaturedViews } from '@/components/FeaturedViews';
import { HatchSwatch } from '@/components/HatchPattern';
import { Notices } from '@/components/Notices';
import { SankeySection } from '@/components/SankeySection';
import { UploadPanel } from '@/components/UploadPanel';
import { ViewControls } from '@/components/ViewControls';
import { uncoveredYears } from '@/lib/store/dataset';
import { MEASURE_LABELS } from '@/lib/domain/format';
import { citationOf } from '@/lib/export/provenance';
import { dashboardPageModel } from '@/lib/server/dashboard-page-model';
import { pageViewer } from '@/lib/server/viewer';
import { viewToParams, type SearchParams } from '@/lib/view/view-params';

export const dynamic = 'force-dynamic';

export default async function DashboardPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { view, model, uploads } = await dashboardPageModel(await searchParams, await pageViewer());
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
  const uncovered = uncoveredYears(selected, model.from, model.to);
  return (
    <main className="mx-auto flex max-w-7xl min-w-0 flex-col gap-5 px-4 py-4">
      <div>
        <h1 className="text-2xl font-semibold">Who armed whom</h1>
        <p className="text-sm text-[var(--muted)]" data-testid="summary">
          {model.summary}
        </p>
      </div>
      <FeaturedViews />
      <ViewControls
        datasets={model.datasets.filter((d) => d.error === null).map((d) => ({ id: d.id, name: pickerName(d) }))}
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
      {uncovered && (
        <p role="status" className="text-sm" data-testid="coverage-note">
          The data shown has no deliveries {uncovered}: the bundled SIPRI extract covers Iran and Iraq, 1950–1989. For other years and
          countries, get SIPRI’s whole database below (“Get SIPRI’s data”), or load an export from SIPRI’s site.
        </p>
      )}
      {/* A read-only server (UPLOADS=off) offers no upload and no SIPRI fetch. */}
      {!uploads.off && <UploadPanel status={uploads} />}
      <p className="text-sm">
        <Link href={closeParams ? `/map?${closeParams}` : '/map'} data-testid="to-map">
          This view on a map
        </Link>
        . Data: {selected.map((d) => d.name).join('; ')}. Measure: {MEASURE_LABELS[model.measure]}
        {model.measure === 'units' && ' (units of different weapons added together: read them per category)'}. Years {model.from}–{model.to}{' '}
        by {view.basis} year.{' '}
        {view.uncertain !== 'include' && (
          <span>
            Each mark shows its firm part solid,
            {view.uncertain === 'mark' && (
              <>
                {' '}
                the part resting on the source’s estimates <HatchSwatch /> hatched,
              </>
            )}{' '}
            and the part that is a deal total divided evenly over its delivery years <HatchSwatch pattern="dots" /> dotted (in the flows,
            only deals the years shown cut: a deal delivered wholly inside them adds its exact total).
          </span>
        )}
      </p>
      {model.drill && (
        <DrillPanel
          title={model.drill.title}
          deals={model.drill.deals}
          totalsOnly={model.drill.totalsOnly}
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
