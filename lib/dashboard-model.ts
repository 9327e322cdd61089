import { eventsInView, type TimelineEvent } from './context-tables';
import type { Dataset, DatasetInfo } from './dataset';
import { formatShare, formatValue, MEASURE_LABELS } from './format';
import { findOverlaps, type Overlap } from './overlaps';
import type { Measure } from './query';
import { resolveView, type ResolvedView } from './resolve-view';
import { selectDeals, type DealRow } from './select-deals';
import { buildBarSeries, type BarRow, type BarSeries } from './series/bar-series';
import { buildSankeySeries, type SankeyFlow, type SankeySeries } from './series/sankey-series';
import { drillTitle } from './drill-title';
import { supplierLabel } from './colors';
import { OTHER, viewFilters, type DashboardView, type ParamNotice } from './view-params';

export type DashboardModel = {
  view: DashboardView;
  datasets: DatasetInfo[];
  selected: string[];
  from: number;
  to: number;
  measure: Measure;
  measures: Measure[];
  notices: ParamNotice[];
  overlaps: Overlap[];
  sankey: SankeySeries;
  /** The groups behind the Sankey, unfolded (data table and downloads; not sent to the chart). */
  sankeyFlows: SankeyFlow[];
  bars: BarSeries;
  /** The groups behind the bars, unfolded. */
  barRows: BarRow[];
  options: { suppliers: string[]; recipients: string[] };
  summary: string;
  events: TimelineEvent[];
  drill: { title: string; deals: DealRow[] } | null;
};

/** A sentence for screen readers and the page's summary: the largest flow and its share. */
export function summarise(sankey: SankeySeries, measure: Measure, from: number, to: number): string {
  if (sankey.links.length === 0) return `No deliveries match this selection in ${from}–${to}.`;
  const byRecipient = new Map<string, Map<string, number>>();
  for (const l of sankey.links) {
    if (!l.target.startsWith('recipient:')) continue;
    const r = l.target.slice('recipient:'.length);
    const m = byRecipient.get(r) ?? new Map<string, number>();
    m.set(l.supplier, (m.get(l.supplier) ?? 0) + l.value);
    byRecipient.set(r, m);
  }
  const sentences = [...byRecipient.entries()]
    .map(([recipient, suppliers]) => {
      const total = [...suppliers.values()].reduce((a, b) => a + b, 0);
      const [top, value] = [...suppliers.entries()].sort((a, b) => b[1] - a[1])[0];
      return {
        recipient,
        total,
        text: `${supplierLabel(top)} supplied ${formatShare(value, total)} of ${recipient === OTHER ? 'the other recipients’' : `${recipient}’s`} imports`,
      };
    })
    .sort((a, b) => b.total - a.total)
    .slice(0, 3);
  return `By ${MEASURE_LABELS[measure]}, ${from}–${to}: ${sentences.map((s) => s.text).join('; ')}. Total ${formatValue(sankey.total, measure)}.`;
}

/** Everything the dashboard draws, computed on the server from the URL's view and the loaded data. */
export function buildDashboard(
  view: DashboardView,
  all: Dataset[],
  timeline: TimelineEvent[],
  notices: ParamNotice[],
  resolved: ResolvedView = resolveView(
    view,
    all.map((d) => d.info),
  ),
): DashboardModel {
  const ids = new Set(resolved.datasets.map((d) => d.id));
  const sources = all.filter((d) => ids.has(d.info.id)).map((d) => ({ ...d, id: d.info.id, name: d.info.name }));
  const { from, to, measure } = resolved;
  const filters = viewFilters(view, from, to);
  const query = { measure, basis: view.basis, filters };
  const { series: sankey, flows: sankeyFlows } = buildSankeySeries(sources, query, view.top);
  const { series: bars, rows: barRows } = buildBarSeries(sources, query, view.stack, from, to, view.top);
  const suppliers = new Set<string>();
  const recipients = new Set<string>();
  for (const s of sources)
    for (const d of s.deals) {
      suppliers.add(d.supplier);
      recipients.add(d.recipient);
    }
  // A name the data shown never mentions (a typo, or a country only in another dataset) would just
  // read "no deliveries match": say which name it is.
  const unknown: ParamNotice[] = [
    ...view.recipients.filter((r) => !recipients.has(r)).map((r) => ({ param: 'recipient', message: `"${r}" receives nothing in the data shown` })),
    ...view.suppliers.filter((r) => !suppliers.has(r)).map((r) => ({ param: 'supplier', message: `"${r}" supplies nothing in the data shown` })),
  ];
  // "Other" means the countries the Sankey folded; the bars fold the same way by the same totals.
  const others = { ...sankey.others };
  if (!others.supplier && view.stack === 'supplier' && bars.others.length) others.supplier = bars.others;
  const withCategories = view.stack === 'category' && bars.others.length ? { ...others, category: bars.others } : others;
  const drill = view.drill
    ? { title: drillTitle(view.drill, withCategories), deals: selectDeals(sources, view.basis, filters, view.drill, withCategories) }
    : null;
  return {
    view,
    datasets: all.map((d) => d.info),
    selected: [...ids],
    from,
    to,
    measure,
    measures: resolved.measures,
    notices: [...notices, ...resolved.notices, ...unknown],
    overlaps: findOverlaps(sources),
    sankey,
    sankeyFlows,
    bars,
    barRows,
    options: { suppliers: [...suppliers].sort(), recipients: [...recipients].sort() },
    summary: summarise(sankey, measure, from, to),
    events: view.events ? eventsInView(timeline, from, to, new Set(sankeyFlows.flatMap((f) => [f.origin, f.supplier, f.recipient]))) : [],
    drill,
  };
}
