import { pickerName } from '@/lib/view/access';
import Link from 'next/link';
import { ChartToggles } from '@/components/ChartToggles';
import { MirrorSection } from '@/components/MirrorSection';
import { CompareControls } from '@/components/CompareControls';
import { DownloadMenu } from '@/components/DownloadMenu';
import { LazyDataTable } from '@/components/LazyDataTable';
import { DrillPanel } from '@/components/DrillPanel';
import { EventList } from '@/components/EventList';
import { Notices } from '@/components/Notices';
import { SidesTable } from '@/components/SidesTable';
import { StackedBars } from '@/components/StackedBars';
import { TableDownloads } from '@/components/TableDownloads';
import { packBars } from '@/lib/series/transport';
import { buildCompare, parsePair, resolveCompareView, sideShares, type CompareModel } from '@/lib/view/compare-model';
import { estimatesOf, sharesSentence } from '@/lib/series/shares';
import { downloadLinks } from '@/lib/export/download-links';
import { countOf, formatShare, MEASURE_LABELS, MEASURE_NOUN, slug } from '@/lib/domain/format';
import { uncoveredYears } from '@/lib/store/dataset';
import { citationOf } from '@/lib/export/provenance';
import { loadSupplierSides, loadTimeline } from '@/lib/server/load-context';
import { shownModel } from '@/lib/server/model-cache';
import { pageViewer } from '@/lib/server/viewer';
import { DRILL_PARAMS, drillParams, parseView, type SearchParams } from '@/lib/view/view-params';

export const dynamic = 'force-dynamic';

function summary(m: CompareModel): string {
  const lead = (side: 'a' | 'b') => {
    const top = m.suppliers.filter((r) => r[side] !== null && (r[side] ?? 0) > 0).sort((x, y) => (y[side] ?? 0) - (x[side] ?? 0))[0];
    const who = side === 'a' ? m.a : m.b;
    return top
      ? `${who}’s largest supplier was ${top.key} (${formatShare(top[side] ?? 0, side === 'a' ? m.totals.a : m.totals.b)})`
      : `no deliveries to ${who} in this data`;
  };
  const both = m.suppliers.filter((r) => r.both).length;
  const whose = estimatesOf(m.datasets.filter((d) => m.selected.includes(d.id)).map((d) => d.format));
  const estimates = (['a', 'b'] as const)
    .map((side) =>
      sharesSentence(`${side === 'a' ? m.a : m.b}’s ${MEASURE_NOUN[m.measure]} ${m.from}–${m.to}`, sideShares(m.suppliers, side), whose),
    )
    .filter(Boolean)
    .map((s) => ` ${s}.`)
    .join('');
  return `By ${MEASURE_LABELS[m.measure]}, ${m.from}–${m.to}: ${lead('a')}; ${lead('b')}. ${both} ${both === 1 ? 'supplier' : 'suppliers'} delivered to both.${estimates}`;
}

/** The seed article's claim, held against the data loaded: North Korea ~40% of Iran's arms purchases. */
function claimCheck(m: CompareModel) {
  const side = m.a === 'Iran' ? 'a' : m.b === 'Iran' ? 'b' : null;
  if (!side) return null;
  const nk = m.suppliers.find((r) => r.key === 'North Korea');
  const total = side === 'a' ? m.totals.a : m.totals.b;
  const value = nk?.[side] ?? 0;
  return (
    <p className="mt-1 text-sm" data-testid="claim-check">
      Claim check: North Korea is said to have accounted for 40% of Iran’s arms purchases during the war. In the data shown (
      {MEASURE_LABELS[m.measure]}, {m.from}–{m.to}) its share of Iran’s total is{' '}
      <strong>{total > 0 ? formatShare(value, total) : 'not measurable'}</strong>
      {m.measure === 'tiv' && ' (TIV measures volume, not purchase value)'}.
    </p>
  );
}

export default async function ComparePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { view, notices } = parseView(params);
  const pair = parsePair(params, notices);
  const bothOnly = params.both === '1';
  const [sides, timeline] = await Promise.all([loadSupplierSides(), loadTimeline()]);
  const { infos, model: cached } = await shownModel(
    'compare',
    { view, pair, notices, sides: sides.rows, timeline: timeline.rows },
    { viewer: await pageViewer(), named: view.datasets },
    (infos) => resolveCompareView(view, infos),
    (shown, resolved) => buildCompare(view, pair, shown, sides.rows, timeline.rows, notices, resolved),
  );
  const m = { ...cached, datasets: infos };
  const selected = m.datasets.filter((d) => m.selected.includes(d.id));
  const source = `Source: ${citationOf(selected)}`;
  const filtersLine = `${m.a} and ${m.b}, ${m.from}–${m.to}`;
  const base = { datasets: m.selected, from: m.from, to: m.to, measure: m.measure, basis: view.basis };
  const hrefWith = (patch: Record<string, string | null>) => {
    const p = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])));
    for (const key of DRILL_PARAMS) p.delete(key);
    for (const [k, v] of Object.entries(patch)) if (v !== null) p.set(k, v);
    return `/compare?${p.toString()}`;
  };
  const sidesQuery = new URLSearchParams({
    a: m.a,
    b: m.b,
    ds: m.selected.join(','),
    from: String(m.from),
    to: String(m.to),
    measure: m.measure,
  }).toString();
  const suppliers = bothOnly ? m.suppliers.filter((r) => r.both) : m.suppliers;
  const sideBars = (side: 'a' | 'b') => {
    const who = side === 'a' ? m.a : m.b;
    const series = side === 'a' ? m.barsA : m.barsB;
    const colours = m.barColours;
    const links = downloadLinks({ ...base, view: { ...view, recipients: [who] } }, ['year', view.stack]);
    return (
      <div className="flex min-w-0 flex-col gap-2" data-testid={`over-time-${side}`}>
        <h3 className="font-semibold">{who}</h3>
        <StackedBars
          packed={packBars(series)}
          colours={colours}
          measure={m.measure}
          stack={view.stack}
          percent={view.percent}
          uncertain={view.uncertain}
          events={m.events}
          markedEvents={m.eventSides[side]}
          sharedMax={view.percent ? undefined : m.sharedMax}
          drillWith={{ recipient: who }}
          listEvents={false}
          testId={`bars-svg-${side}`}
        />
        <DownloadMenu
          links={links}
          chartSelector={`svg[data-testid=bars-svg-${side}]`}
          fileName={slug(`deliveries-to-${who}-by-year-${view.stack}-${m.from}-${m.to}-${m.measure}`)}
          testId={`bars-download-${side}`}
          frame={{
            title: `Deliveries to ${who} per year by ${view.stack}`,
            subtitle: `${MEASURE_LABELS[m.measure]}; ${m.from}–${m.to}`,
            legend: series.keys.map((k) => ({ label: series.labels[k], colour: colours[k] })),
            source,
          }}
        />
        {/* Fetched when opened, like the dashboard's: both sides' rows made the page ~150 KB heavier. */}
        <LazyDataTable
          source={links.json}
          shape={{ kind: 'bars', stack: view.stack }}
          measure={m.measure}
          caption={`${who}: ${MEASURE_LABELS[m.measure]} per year`}
          testId={`bars-table-${side}`}
          summary={`Data table (${countOf(m.barTableRows[side], 'row')})`}
        />
      </div>
    );
  };
  return (
    <main className="mx-auto flex max-w-7xl min-w-0 flex-col gap-5 px-4 py-4">
      <div>
        <h1 className="text-2xl font-semibold">
          Who armed {m.a}, who armed {m.b}, and who armed both
        </h1>
        <p className="text-sm text-[var(--muted)]" data-testid="compare-summary">
          {summary(m)}
        </p>
        {claimCheck(m)}
      </div>
      <CompareControls
        a={m.a}
        b={m.b}
        recipients={m.recipients}
        datasets={m.datasets.filter((d) => d.error === null).map((d) => ({ id: d.id, name: pickerName(d) }))}
        selected={m.selected}
        from={m.from}
        to={m.to}
        measure={m.measure}
        measures={m.measures}
        bothOnly={bothOnly}
      />
      <Notices notices={m.notices} overlaps={m.overlaps} />
      {uncoveredYears(selected, m.from, m.to) && (
        <p role="status" className="text-sm" data-testid="coverage-note">
          The data shown has no deliveries {uncoveredYears(selected, m.from, m.to)}: the bundled SIPRI extract covers Iran and Iraq,
          1950–1989. For other years and countries, get SIPRI’s whole database on the dashboard (“Get SIPRI’s data”).
        </p>
      )}
      <p className="text-sm">
        Data: {selected.map((d) => d.name).join('; ')}.{' '}
        <Link href="/reconcile" data-testid="compare-reconcile">
          The quoted North Korea → Iran register held against SIPRI’s data
        </Link>
      </p>
      {m.drill && (
        <DrillPanel
          title={m.drill.title}
          deals={m.drill.deals}
          totalsOnly={m.drill.totalsOnly}
          closeHref={hrefWith({})}
          page={view.drillPage}
          pageHref={(page) => hrefWith({ ...drillParams(view.drill ?? {}), 'd.page': page > 1 ? String(page) : null })}
        />
      )}
      <MirrorSection
        id="mirror-title"
        title={`Suppliers, mirrored${bothOnly ? ' (suppliers to both only)' : ''}`}
        note="● marks a supplier that delivered to both. One scale for both sides."
        dimension="supplier"
        rows={suppliers}
        model={m}
        view={view}
        imageTitle={`Suppliers of ${m.a} and ${m.b}`}
        filtersLine={filtersLine}
        source={source}
        tableOpen
      />
      <section aria-labelledby="time-title" className="flex min-w-0 flex-col gap-2">
        <h2 id="time-title" className="text-lg font-semibold">
          Over time
        </h2>
        <ChartToggles stack={view.stack} percent={view.percent} events={view.events} eventCount={m.events.length} />
        <div className="grid min-w-0 grid-cols-1 gap-4 md:grid-cols-2">
          {sideBars('a')}
          {sideBars('b')}
        </div>
        <EventList events={m.events} />
      </section>
      <MirrorSection
        id="what-title"
        title="What was delivered"
        dimension="category"
        rows={m.categories}
        model={m}
        view={view}
        imageTitle={`What ${m.a} and ${m.b} received`}
        filtersLine={filtersLine}
        source={source}
      />
      <section aria-labelledby="sides-title" className="flex min-w-0 flex-col gap-2">
        <h2 id="sides-title" className="text-lg font-semibold">
          Listed sides versus deliveries
        </h2>
        <p className="text-sm text-[var(--muted)]">
          The bundled list of the Iran–Iraq war’s suppliers ({sides.rows[0]?.source ?? 'no source'}), held against the deliveries in the
          loaded data for {m.from}–{m.to}.
          {!(['Iran', 'Iraq'].includes(m.a) && ['Iran', 'Iraq'].includes(m.b)) &&
            ' The list is about Iran and Iraq; for other recipients it only shows who delivered.'}
        </p>
        <TableDownloads href={`/api/sides?${sidesQuery}`} jsonName="supplier-sides-vs-deliveries.json" testId="sides-download" />
        <SidesTable
          rows={m.sides}
          a={m.a}
          b={m.b}
          measure={m.measure}
          drillHref={(supplier, recipient) => hrefWith({ 'd.supplier': supplier, 'd.recipient': recipient })}
        />
      </section>
    </main>
  );
}
