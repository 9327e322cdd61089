import { colourMap } from '../domain/colors';
import { mapPlace, resolvedPlace } from '../domain/map-places';
import { paletteOrder } from '../series/palette-order';
import { buildMapSeries, type MapSeries, type MapSide } from '../series/map-series';
import { selectDeals, totalsOnly, type DealRow } from '../query/select-deals';
import { shownSources, viewOptions, type Dataset } from '../store/dataset';
import type { Measure } from '../domain/terms';
import { drillTitle } from './drill-title';
import type { ResolvedView } from './resolve-view';
import { viewFilters, type DashboardView, type ParamNotice, type SearchParams } from './view-params';

export type MapModel = {
  selected: string[];
  from: number;
  to: number;
  measure: Measure;
  series: MapSeries;
  /** The arcs' suppliers' colours, as the other charts colour suppliers. */
  colours: Record<string, string>;
  /** Names with a value that the map draws neither as a shape nor as a circle, and why. */
  notOnMap: { name: string; value: number; why: string }[];
  drill: { title: string; deals: DealRow[]; totalsOnly: string[] } | null;
  /** Supplier and recipient names in the data shown, for the filter bar. */
  options: { suppliers: string[]; recipients: string[] };
};

/**
 * `side=supplier` colours the countries by what they delivered, `side=recipient` or none (the
 * default) by what they received; anything else is named in a notice and the default is used.
 */
export function mapSide(params: SearchParams): { side: MapSide; notices: ParamNotice[] } {
  const given = params.side;
  if (given === undefined || given === 'recipient') return { side: 'recipient', notices: [] };
  if (given === 'supplier') return { side: 'supplier', notices: [] };
  const shown = Array.isArray(given) ? given.join(',') : given;
  return { side: 'recipient', notices: [{ param: 'side', message: `"${shown}" is not one of recipient, supplier; ignored` }] };
}

/** The map's numbers, colours, missing places and drill-down, from the dashboard's view. */
export function buildMap(
  view: DashboardView,
  side: MapSide,
  all: Dataset[],
  resolved: ResolvedView,
  shapes: ReadonlySet<string>,
  arcs: number,
): MapModel {
  const sources = shownSources(all, new Set(resolved.datasets.map((d) => d.id)));
  const { from, to, measure } = resolved;
  const filters = viewFilters(view, from, to);
  const query = { measure, basis: view.basis, filters };
  const series = buildMapSeries(sources, query, side, arcs);
  const colours = colourMap([...new Set(series.flows.map((f) => f.supplier))], paletteOrder(sources, query, 'supplier'));
  const notOnMap = series.values.flatMap(({ name, value }) => {
    const place = resolvedPlace(name, shapes);
    if (place.kind !== 'none') return [];
    const why = mapPlace(name, shapes);
    return [{ name, value, why: why.kind === 'none' ? why.why : place.why }];
  });
  const drill = view.drill
    ? { title: drillTitle(view.drill, {}), deals: selectDeals(sources, view.basis, filters, view.drill), totalsOnly: totalsOnly(sources) }
    : null;
  const options = viewOptions(sources);
  return { selected: resolved.datasets.map((d) => d.id), from, to, measure, series, colours, notOnMap, drill, options };
}
