import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HAIRLINE } from './mark-paths';
import { NO_SHARES } from '../series/shares';
import { layoutSankey, SMALLER } from './sankey-layout';
import type { SankeyLinkDatum, SankeyNodeDatum, SankeySeries } from '../series/sankey-series';

const node = (side: SankeyNodeDatum['side'], name: string): SankeyNodeDatum => ({
  id: `${side}:${name}`,
  side,
  name,
  label: name,
  members: [],
  drill: { [side]: name },
});
const link = (source: string, target: string, supplier: string, value: number): SankeyLinkDatum => ({
  source,
  target,
  supplier,
  value,
  shares: NO_SHARES,
});

/** A series of these nodes and links, without origins; its total is what flows into the recipients. */
const seriesOf = (nodes: SankeyNodeDatum[], links: SankeyLinkDatum[]): SankeySeries => ({
  nodes,
  links,
  total: links.filter((l) => l.target.startsWith('recipient:')).reduce((sum, l) => sum + l.value, 0),
  undrawn: 0,
  hasOrigin: false,
  others: {},
});

// Two suppliers whose flows through one category are split by supplier up to the recipients.
const series = seriesOf(
  [node('supplier', 'A'), node('supplier', 'B'), node('category', 'Aircraft'), node('recipient', 'Iran'), node('recipient', 'Iraq')],
  [
    link('supplier:A', 'category:Aircraft', 'A', 10),
    link('supplier:B', 'category:Aircraft', 'B', 5),
    link('category:Aircraft', 'recipient:Iran', 'B', 3),
    link('category:Aircraft', 'recipient:Iran', 'A', 6),
    link('category:Aircraft', 'recipient:Iraq', 'A', 4),
    link('category:Aircraft', 'recipient:Iraq', 'B', 2),
  ],
);
const extent = { left: 100, top: 10, right: 700, bottom: 410 };

test('Sankey layout: every link gets a band as thick as its value, in the series order', () => {
  const { nodes, links } = layoutSankey(series, extent);
  assert.equal(links.length, series.links.length, 'no link is thin enough to merge');
  links.forEach((l, i) =>
    assert.deepEqual({ ...l, band: undefined, members: undefined }, { ...series.links[i], band: undefined, members: undefined }),
  );
  const bands = links.map((l) => l.band);
  const perUnit = bands[0].width / series.links[0].value;
  assert.ok(perUnit > 0);
  series.links.forEach((l, i) => {
    assert.ok(Math.abs(bands[i].width - l.value * perUnit) < 1e-9, `link ${i} is as thick as its value`);
    const s = nodes.find((n) => n.id === l.source)!;
    const t = nodes.find((n) => n.id === l.target)!;
    assert.equal(bands[i].x0, s.x1, 'starts at the right edge of its source');
    assert.equal(bands[i].x1, t.x0, 'ends at the left edge of its target');
    assert.ok(
      bands[i].y0 - bands[i].width / 2 >= s.y0 - 1e-9 && bands[i].y0 + bands[i].width / 2 <= s.y1 + 1e-9,
      'leaves within its source',
    );
    assert.ok(
      bands[i].y1 - bands[i].width / 2 >= t.y0 - 1e-9 && bands[i].y1 + bands[i].width / 2 <= t.y1 + 1e-9,
      'enters within its target',
    );
    assert.ok(bands[i].path.startsWith('M') && bands[i].path.endsWith('Z'));
  });
  for (const n of nodes) {
    assert.ok(n.x0 >= extent.left && n.x1 <= extent.right && n.y0 >= extent.top - 1e-9 && n.y1 <= extent.bottom + 1e-9, `${n.id} inside`);
  }
  assert.equal(nodes.find((n) => n.id === 'category:Aircraft')!.value, 15);
});

test('Sankey layout: the links between one pair of nodes lie side by side, largest supplier first', () => {
  const bands = layoutSankey(series, extent).links.map((l) => l.band);
  // Aircraft → Iran: A (index 3, supplier total 20) above B (index 2, total 10), touching at both ends.
  const [a, b] = [bands[3], bands[2]];
  assert.ok(a.y0 < b.y0 && a.y1 < b.y1);
  assert.ok(Math.abs(a.y0 + a.width / 2 - (b.y0 - b.width / 2)) < 1e-9);
  assert.ok(Math.abs(a.y1 + a.width / 2 - (b.y1 - b.width / 2)) < 1e-9);
  // The category's outgoing bands fill its height without gaps or overlaps.
  const out = [2, 3, 4, 5].map((i) => bands[i]).sort((p, q) => p.y0 - q.y0);
  for (let k = 1; k < out.length; k++) assert.ok(Math.abs(out[k - 1].y0 + out[k - 1].width / 2 - (out[k].y0 - out[k].width / 2)) < 1e-9);
});

test('Sankey layout: two or more links of a flow thinner than a hairline are drawn as one, a lone one stays', () => {
  const thin = seriesOf(
    ['A', 'B', 'C', 'D', 'E']
      .map((n) => node('supplier', n))
      .concat([node('category', 'Aircraft'), node('recipient', 'Iran'), node('recipient', 'Iraq')]),
    [
      ...(
        [
          ['A', 1000],
          ['B', 0.5],
          ['C', 0.2],
          ['D', 0.3],
          ['E', 0.4],
        ] as const
      ).map(([s, v]) => link(`supplier:${s}`, 'category:Aircraft', s, v)),
      link('category:Aircraft', 'recipient:Iran', 'A', 1000),
      link('category:Aircraft', 'recipient:Iran', 'B', 0.5),
      { ...link('category:Aircraft', 'recipient:Iran', 'C', 0.2), shares: { estimated: 1, spread: 0.5, spreadFirm: 0 } },
      link('category:Aircraft', 'recipient:Iran', 'D', 0.3),
      link('category:Aircraft', 'recipient:Iraq', 'E', 0.4),
    ],
  );
  const { links } = layoutSankey(thin, extent);
  const perUnit = links[0].band.width / links[0].value;
  assert.ok(0.5 * perUnit < HAIRLINE, 'B, C and D are thinner than a hairline here');
  const merged = links.filter((l) => l.supplier === SMALLER);
  assert.equal(merged.length, 1, 'one merged link');
  const [m] = merged;
  assert.deepEqual([m.source, m.target], ['category:Aircraft', 'recipient:Iran']);
  assert.deepEqual(m.members, ['B', 'D', 'C'], 'its suppliers, largest first');
  assert.ok(Math.abs(m.value - 1) < 1e-12, 'as much as the three');
  assert.ok(Math.abs(m.band.width - perUnit) < 1e-9, 'as thick as its value');
  assert.ok(Math.abs(m.shares.estimated - 0.2) < 1e-12, "C's estimate weighs as C's value in the merged link (0.2 of 1)");
  assert.ok(Math.abs(m.shares.spread - 0.1) < 1e-12, 'so does its spread part');
  assert.equal(links.length, thin.links.length - 3 + 1, 'the three replaced by one');
  assert.equal(links.at(-1), m, 'merged links come last');
  assert.ok(
    links.some((l) => l.supplier === 'E' && l.target === 'recipient:Iraq'),
    'a lone thin link of a flow stays itself',
  );
  const a = links.find((l) => l.supplier === 'A' && l.target === 'recipient:Iran')!;
  assert.ok(Math.abs(a.band.y0 + a.band.width / 2 - (m.band.y0 - m.band.width / 2)) < 1e-9, 'the merged band lies under the larger ones');
  // Every unit of every flow is still drawn once.
  const sum = (ls: { value: number }[]) => ls.reduce((s, l) => s + l.value, 0);
  assert.ok(Math.abs(sum(links) - sum(thin.links)) < 1e-9);
});
