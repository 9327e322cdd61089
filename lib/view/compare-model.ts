import { aggregate } from '../query/aggregate';
import { concerns, eventsInView, type SupplierSide, type TimelineEvent } from '../ingest/context-tables';
import { canonicalCountry } from '../domain/countries';
import { registerNames, shownSources, type Dataset, type DatasetInfo } from '../store/dataset';
import { findOverlaps, type Overlap } from '../query/overlaps';
import type { Measure } from '../domain/terms';
import { resolveView, type ResolvedView } from './resolve-view';
import { selectDeals, totalsOnly, type DealRow } from '../query/select-deals';
import { buildBarSeries, type BarSeries } from '../series/bar-series';
import { paletteOrder } from '../series/palette-order';
import { NO_SHARES, weightedShares, type Shares } from '../series/shares';
import { pageColours } from '../domain/colors';
import { drillTitle } from './drill-title';
import { viewFilters, type DashboardView, type ParamNotice, type SearchParams } from './view-params';

/** The colours of the two sides in every comparison chart. */
export const SIDE_COLOURS = { a: '#e15759', b: '#4e79a7' } as const;

export const COMPARE_DEFAULTS = { a: 'Iran', b: 'Iraq', years: [1980, 1988] as [number, number] };

/** One row of the mirrored chart: a supplier (or category) and what it delivered to each side. */
export type MirrorRow = {
  key: string;
  a: number | null;
  b: number | null;
  aDeals: number;
  bDeals: number;
  both: boolean;
  /** How much of each side's value rests on estimates and spread values. */
  aShares: Shares;
  bShares: Shares;
};

export type SideCheck = SupplierSide & {
  toA: number | null;
  toB: number | null;
  /** agrees, or what the deliveries show against the listed side. */
  status: 'agrees' | 'no deliveries in data' | `delivered to ${string} too` | `no deliveries to ${string}`;
};

export type CompareModel = {
  a: string;
  b: string;
  from: number;
  to: number;
  measure: Measure;
  measures: Measure[];
  datasets: DatasetInfo[];
  selected: string[];
  notices: ParamNotice[];
  overlaps: Overlap[];
  suppliers: MirrorRow[];
  categories: MirrorRow[];
  totals: { a: number; b: number };
  barsA: BarSeries;
  barsB: BarSeries;
  /** Rows of each side's bars' data table (fetched when opened). */
  barTableRows: { a: number; b: number };
  /** Colours of both sides' bar series: one map, so a supplier of both has one colour. */
  barColours: Record<string, string>;
  sharedMax: number;
  sides: SideCheck[];
  /** The events of either side, numbered in this order on both charts and listed once. */
  events: TimelineEvent[];
  /** Which of `events` each side's chart marks: those naming its recipient or one of its suppliers. */
  eventSides: { a: number[]; b: number[] };
  recipients: string[];
  drill: { title: string; deals: DealRow[]; totalsOnly: string[] } | null;
};

/** The two recipients from the URL (defaults Iran and Iraq); the same one twice is refused with a notice. */
export function parsePair(params: SearchParams, notices: ParamNotice[]): { a: string; b: string } {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)?.trim() || undefined;
  const a = canonicalCountry(one(params.a) ?? COMPARE_DEFAULTS.a);
  let b = canonicalCountry(one(params.b) ?? COMPARE_DEFAULTS.b);
  if (a.toLowerCase() === b.toLowerCase()) {
    notices.push({
      param: 'b',
      message: `compare ${a} with another recipient; showing ${a === COMPARE_DEFAULTS.b ? COMPARE_DEFAULTS.a : COMPARE_DEFAULTS.b}`,
    });
    b = a === COMPARE_DEFAULTS.b ? COMPARE_DEFAULTS.a : COMPARE_DEFAULTS.b;
  }
  return { a, b };
}

function mirror(
  sources: Dataset[],
  dim: 'supplier' | 'category',
  a: string,
  b: string,
  query: { measure: Measure; basis: DashboardView['basis']; filters: ReturnType<typeof viewFilters> },
): MirrorRow[] {
  const rows = aggregate(sources, {
    by: [dim, 'recipient'],
    measure: query.measure,
    basis: query.basis,
    filters: { ...query.filters, recipients: [a, b] },
  });
  const byKey = new Map<string, MirrorRow>();
  for (const r of rows) {
    const key = String(r.keys[dim]);
    const row = byKey.get(key) ?? { key, a: null, b: null, aDeals: 0, bDeals: 0, both: false, aShares: NO_SHARES, bShares: NO_SHARES };
    const side = String(r.keys.recipient).toLowerCase() === a.toLowerCase() ? 'a' : 'b';
    row[side] = r.value;
    row[side === 'a' ? 'aDeals' : 'bDeals'] = r.deals;
    row[side === 'a' ? 'aShares' : 'bShares'] = {
      estimated: r.estimatedShare ?? 0,
      spread: r.spreadShare ?? 0,
      spreadFirm: r.spreadFirmShare ?? 0,
    };
    byKey.set(key, row);
  }
  for (const row of byKey.values()) row.both = row.aDeals > 0 && row.bDeals > 0;
  return [...byKey.values()].sort((x, y) => (y.a ?? 0) + (y.b ?? 0) - ((x.a ?? 0) + (x.b ?? 0)) || x.key.localeCompare(y.key));
}

/** How much of one side's total rests on estimates and spread values: its rows' shares weighted by value. */
export function sideShares(rows: MirrorRow[], side: 'a' | 'b'): Shares {
  return weightedShares(rows.map((r) => ({ value: r[side] ?? 0, shares: side === 'a' ? r.aShares : r.bShares })));
}

/** Hold the listed sides of the war against what the loaded deliveries show for the same years. */
export function checkSides(sides: SupplierSide[], suppliers: MirrorRow[], a: string, b: string): SideCheck[] {
  const delivered = new Map(suppliers.map((r) => [r.key, r]));
  // The listed sides name Iraq and Iran; for another pair the table says nothing.
  const sideOf = (name: string) => (name === 'Iran' ? 'iran' : name === 'Iraq' ? 'iraq' : null);
  const [sa, sb] = [sideOf(a), sideOf(b)];
  return sides.map((s) => {
    const r = delivered.get(s.country);
    const toA = r && r.aDeals > 0 ? (r.a ?? 0) : null;
    const toB = r && r.bDeals > 0 ? (r.b ?? 0) : null;
    const listedA = s.side === 'both' || s.side === sa;
    const listedB = s.side === 'both' || s.side === sb;
    let status: SideCheck['status'] = 'agrees';
    if (toA === null && toB === null) status = 'no deliveries in data';
    else if (toA !== null && !listedA) status = `delivered to ${a} too`;
    else if (toB !== null && !listedB) status = `delivered to ${b} too`;
    else if (listedA && listedB && (toA === null || toB === null)) status = `no deliveries to ${toA === null ? a : b}`;
    return { ...s, toA, toB, status };
  });
}

/** The comparison's datasets, years and measure: 1980–1988, SIPRI's data when loaded. */
export function resolveCompareView(view: DashboardView, infos: DatasetInfo[]): ResolvedView {
  return resolveView(view, infos, { years: COMPARE_DEFAULTS.years, dataset: preferredDataset(infos) });
}

export function buildCompare(
  view: DashboardView,
  pair: { a: string; b: string },
  all: Dataset[],
  sides: SupplierSide[],
  timeline: TimelineEvent[],
  notices: ParamNotice[],
  resolved: ResolvedView = resolveCompareView(
    view,
    all.map((d) => d.info),
  ),
): CompareModel {
  const { a, b } = pair;
  const ids = new Set(resolved.datasets.map((d) => d.id));
  const sources = shownSources(all, ids);
  const { from, to, measure } = resolved;
  const filters = viewFilters({ ...view, recipients: [] }, from, to);
  const query = { measure, basis: view.basis, filters };
  const suppliers = mirror(sources, 'supplier', a, b, query);
  const categories = mirror(sources, 'category', a, b, query);
  const barsOf = (who: string) =>
    buildBarSeries(sources, { ...query, filters: { ...filters, recipients: [who] } }, view.stack, from, to, view.top);
  const { series: barsA, tableRows: tableRowsA } = barsOf(a);
  const { series: barsB, tableRows: tableRowsB } = barsOf(b);
  // Both sides colour a supplier alike: one order for the pair, over all years.
  const barColours = pageColours(
    [barsA.keys, barsB.keys],
    paletteOrder(sources, { ...query, filters: { ...filters, recipients: [a, b] } }, view.stack),
  );
  const recipients = [...new Set(sources.flatMap((s) => [...registerNames(s.deals).recipients]))].sort();
  // A side's "Other" bar segment stands for the series its bars folded.
  const folded = view.drill?.recipient === a ? barsA.others : view.drill?.recipient === b ? barsB.others : [];
  const others = { [view.stack]: folded };
  const drill = view.drill
    ? {
        title: drillTitle(view.drill, others),
        deals: selectDeals(
          sources,
          view.basis,
          { ...filters, recipients: view.drill.recipient ? [view.drill.recipient] : [a, b] },
          { ...view.drill, recipient: undefined },
          others,
        ),
        totalsOnly: totalsOnly(sources),
      }
    : null;
  const events = view.events ? eventsInView(timeline, from, to, new Set([a, b, ...suppliers.map((r) => r.key)])) : [];
  // An event about North Korea and Iran is not marked on Iraq's chart (unless North Korea supplied Iraq too).
  const eventsOf = (side: 'a' | 'b') => {
    const countries = new Set([
      side === 'a' ? a : b,
      ...suppliers.filter((r) => (side === 'a' ? r.aDeals : r.bDeals) > 0).map((r) => r.key),
    ]);
    return events.flatMap((e, i) => (concerns(e, countries) ? [i] : []));
  };
  return {
    a,
    b,
    from,
    to,
    measure,
    measures: resolved.measures,
    datasets: all.map((d) => d.info),
    selected: [...ids],
    notices: [...notices, ...resolved.notices],
    overlaps: findOverlaps(sources),
    suppliers,
    categories,
    totals: { a: suppliers.reduce((s, r) => s + (r.a ?? 0), 0), b: suppliers.reduce((s, r) => s + (r.b ?? 0), 0) },
    barsA,
    barsB,
    barTableRows: { a: tableRowsA, b: tableRowsB },
    barColours,
    sharedMax: Math.max(barsA.max, barsB.max),
    sides: checkSides(sides, suppliers, a, b),
    events,
    eventSides: { a: eventsOf('a'), b: eventsOf('b') },
    recipients,
    drill,
  };
}

/** The comparison opens on SIPRI's data when some is loaded (its coverage is complete), else the quoted register. */
function preferredDataset(infos: DatasetInfo[]): string | undefined {
  const sipri = infos.filter((d) => d.error === null && (d.format === 'sipri-deliveries' || d.format === 'sipri-register'));
  return (sipri.find((d) => d.format === 'sipri-deliveries') ?? sipri[0])?.id;
}
