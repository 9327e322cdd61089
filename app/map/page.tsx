import Link from 'next/link';
import { DownloadMenu } from '@/components/DownloadMenu';
import { DrillPanel } from '@/components/DrillPanel';
import { Notices } from '@/components/Notices';
import { ViewControls } from '@/components/ViewControls';
import { WorldMap } from '@/components/WorldMap';
import { mapFrameLegend } from '@/lib/chart/map-colours';
import { formatShare, formatValue, MEASURE_LABELS } from '@/lib/domain/format';
import { dashboardDownloads } from '@/lib/export/download-links';
import { citationOf } from '@/lib/export/provenance';
import { mapPageModel } from '@/lib/server/map-page-model';
import { pageViewer } from '@/lib/server/viewer';
import { viewToParams, type SearchParams } from '@/lib/view/view-params';
import { pickerName } from '@/lib/view/access';

export const dynamic = 'force-dynamic';

export default async function MapPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { view, side, model } = await mapPageModel(params, await pageViewer());
  const { series, measure } = model;
  const selected = model.datasets.filter((d) => model.selected.includes(d.id));
  const source = `Source: ${citationOf(selected)}`;
  const base = viewToParams({ ...view, drill: null, drillPage: 1 });
  const href = (patch: Record<string, string | null>) => {
    const p = new URLSearchParams(base);
    if (side === 'supplier') p.set('side', 'supplier');
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) p.delete(k);
      else p.set(k, v);
    }
    const q = p.toString();
    return q ? `/map?${q}` : '/map';
  };
  const what = side === 'recipient' ? 'received' : 'delivered';
  const { links, fileName } = dashboardDownloads({ ...model, view }, 'map', [side]);
  const title = `Arms ${what}, by ${side}, ${model.from}–${model.to}`;
  const top = series.values[0];
  return (
    <main className="mx-auto flex max-w-7xl min-w-0 flex-col gap-4 px-4 py-4">
      <div>
        <h1 className="text-2xl font-semibold">Where the weapons went</h1>
        <p className="text-sm text-[var(--muted)]" data-testid="map-summary">
          {MEASURE_LABELS[measure]}, {model.from}–{model.to}: {series.values.length} {side === 'recipient' ? 'recipients' : 'suppliers'}
          {top ? `; ${top.name} ${what} the most (${formatShare(top.value, series.total)})` : ''}. The {series.flows.length} largest flows
          are drawn as arcs.{' '}
          <Link href={`/?${base}`} data-testid="map-dashboard">
            The same view on the dashboard
          </Link>
        </p>
      </div>
      <ViewControls
        datasets={model.datasets.filter((d) => d.error === null).map((d) => ({ id: d.id, name: pickerName(d) }))}
        selected={model.selected}
        options={model.options}
        current={{
          from: model.from,
          to: model.to,
          measure,
          measures: model.measures,
          basis: view.basis,
          uncertain: view.uncertain,
          recipients: view.recipients,
          suppliers: view.suppliers,
          categories: view.categories,
        }}
        hatches={false}
      />
      <Notices notices={model.notices} overlaps={[]} />
      <nav aria-label="Colour countries by" className="flex flex-wrap gap-3 text-sm">
        <span className="text-[var(--muted)]">Colour countries by what they</span>
        <Link href={href({ side: null })} aria-current={side === 'recipient' ? 'true' : undefined} data-testid="map-side-recipient">
          received
        </Link>
        <Link href={href({ side: 'supplier' })} aria-current={side === 'supplier' ? 'true' : undefined} data-testid="map-side-supplier">
          delivered
        </Link>
      </nav>
      {model.drill && (
        <DrillPanel
          title={model.drill.title}
          deals={model.drill.deals}
          totalsOnly={model.drill.totalsOnly}
          closeHref={href({})}
          page={view.drillPage}
          pageHref={(page) => href({ 'd.page': page > 1 ? String(page) : null })}
        />
      )}
      <section aria-labelledby="map-title" className="flex min-w-0 flex-col gap-2">
        <h2 id="map-title" className="text-lg font-semibold">
          {title}
        </h2>
        <WorldMap series={series} colours={model.colours} measure={measure} />
        {model.notOnMap.length > 0 && (
          <p className="text-sm" data-testid="not-on-map">
            Not on the map:{' '}
            {model.notOnMap.map((n, i) => (
              <span key={n.name}>
                {i > 0 && '; '}
                {n.name} ({formatValue(n.value, measure)}: {n.why})
              </span>
            ))}
            .
          </p>
        )}
        <p className="text-sm text-[var(--muted)]">
          The Soviet Union, Yugoslavia and Czechoslovakia are drawn as the union of their successors’ shapes (dashed outline; filled only
          where the successors have no value of their own); East Germany, the Yemens, South Vietnam and states too small for the map as
          circles at their capitals; non-state actors as circles in the country they were in. {source}
        </p>
        <DownloadMenu
          links={links}
          chartSelector=".arms-world-map svg[data-testid=map-svg]"
          fileName={fileName}
          testId="map-download"
          frame={{ title, subtitle: MEASURE_LABELS[measure], legend: mapFrameLegend(series, model.colours, measure), source }}
        />
        <details data-testid="map-table-toggle">
          <summary className="cursor-pointer text-sm">Data table ({series.values.length} rows)</summary>
          <div className="max-h-[28rem] overflow-auto" tabIndex={0} role="region" aria-label="The map’s values, scrollable">
            <table className="w-full text-sm" data-testid="map-table">
              <caption className="text-left text-[var(--muted)]">
                {MEASURE_LABELS[measure]} {what} by {side}, {model.from}–{model.to}
              </caption>
              <thead>
                <tr>
                  <th className="p-1 text-left">{side === 'recipient' ? 'Recipient' : 'Supplier'}</th>
                  <th className="p-1 text-right">{MEASURE_LABELS[measure]}</th>
                  <th className="p-1 text-right">Share</th>
                </tr>
              </thead>
              <tbody>
                {series.values.map((v) => (
                  <tr key={v.name} className="border-t border-[var(--line)]">
                    <td className="p-1">
                      <Link href={href({ [side === 'recipient' ? 'd.recipient' : 'd.supplier']: v.name })} scroll={false}>
                        {v.name}
                      </Link>
                    </td>
                    <td className="p-1 text-right tabular-nums">{formatValue(v.value, measure)}</td>
                    <td className="p-1 text-right tabular-nums">{formatShare(v.value, series.total)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </section>
    </main>
  );
}
