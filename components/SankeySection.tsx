import { SMALLER_COLOR, SMALLER_LEGEND_SHORT, supplierLabel } from '@/lib/domain/colors';
import { SMALLER } from '@/lib/chart/sankey-layout';
import type { DashboardModel } from '@/lib/view/dashboard-model';
import { dashboardDownloads } from '@/lib/export/download-links';
import { countOf, formatCount, MEASURE_LABELS } from '@/lib/domain/format';
import { DownloadMenu } from './DownloadMenu';
import { LazyDataTable } from './LazyDataTable';
import { SankeyChart } from './SankeyChart';
import { packSankey } from '@/lib/series/transport';
import { legendSuppliers } from '@/lib/series/legend-order';

export type SectionProps = {
  /** Everything the dashboard computed for this view. */
  model: DashboardModel;
  /** One line naming the filters, drawn into exported images. */
  filtersLine: string;
  /** Citation of the data shown. */
  source: string;
};

/** The Sankey with its heading, note on undrawn groups, data table and downloads. */
export function SankeySection({ model, filtersLine, source }: SectionProps) {
  const { sankey, measure, view } = model;
  const by = sankey.hasOrigin
    ? (['origin', 'supplier', 'category', 'recipient'] as const)
    : (['supplier', 'category', 'recipient'] as const);
  const title = `Flows ${sankey.hasOrigin ? 'origin → ' : ''}supplier → category → recipient`;
  const colours = model.colours.sankey;
  const { links, fileName } = dashboardDownloads(model, 'flows', [...by]);
  const worldTables = model.datasets.filter((d) => model.selected.includes(d.id) && d.table && d.table.country === null).map((d) => d.name);
  return (
    <section aria-labelledby="sankey-title" className="flex min-w-0 flex-col gap-2">
      <h2 id="sankey-title" className="text-lg font-semibold">
        {title}
      </h2>
      {worldTables.length > 0 && (
        <p className="text-sm text-[var(--muted)]" data-testid="sankey-world-table">
          {worldTables.join('; ')}: a world TIV table gives each country’s total, not its partners, so its flows run from “All suppliers” or
          to “All recipients”. A register, a delivery export or a country’s partners table gives the pairs.
        </p>
      )}
      <SankeyChart packed={packSankey(sankey)} colours={colours} measure={measure} pinned={view.drill} uncertain={view.uncertain} />
      {sankey.undrawn > 0 && sankey.links.length > 0 && (
        <p className="text-sm text-[var(--muted)]">
          {sankey.undrawn === 1
            ? '1 group of deliveries has no figure for this measure and is not drawn (it is not zero).'
            : `${formatCount(sankey.undrawn)} groups of deliveries have no figure for this measure and are not drawn (they are not zero).`}
        </p>
      )}
      <DownloadMenu
        links={links}
        chartSelector=".arms-sankey svg[data-testid=sankey-svg]"
        fileName={fileName}
        testId="sankey-download"
        frame={{
          title,
          subtitle: `${MEASURE_LABELS[measure]}; ${filtersLine}`,
          legend: [
            ...legendSuppliers(sankey).map((k) => ({ label: supplierLabel(k), colour: colours[k] })),
            { label: SMALLER_LEGEND_SHORT, colour: SMALLER_COLOR, when: `[data-supplier="${SMALLER}"]` },
          ],
          source,
        }}
      />
      <LazyDataTable
        source={links.json}
        shape={{ kind: 'flows', withOrigin: sankey.hasOrigin }}
        measure={measure}
        caption={`${MEASURE_LABELS[measure]}, ${model.from}–${model.to}`}
        testId="sankey-table"
        summary={`Data table (${countOf(model.sankeyTableRows, 'flow')})`}
      />
    </section>
  );
}
