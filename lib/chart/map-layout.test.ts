import assert from 'node:assert/strict';
import { test } from 'node:test';
import countries from 'world-atlas/countries-110m.json';
import { arcCurve, layoutMap, type Countries } from './map-layout';
import type { MapSeries } from '../series/map-series';

const topology = countries as unknown as Countries;

const series: MapSeries = {
  side: 'recipient',
  values: [
    { name: 'Soviet Union', value: 50 },
    { name: 'Russia', value: 10 },
    { name: 'Czechoslovakia', value: 8 },
    { name: 'Somalia', value: 5 },
    { name: 'East Germany (GDR)', value: 3 },
  ],
  total: 76,
  flows: [
    { supplier: 'United States', recipient: 'Soviet Union', value: 40 },
    { supplier: 'Soviet Union', recipient: 'United States', value: 20 },
  ],
  otherSide: ['United States', 'Yugoslavia'],
};

test('every country shape is drawn; the view’s names are placed as shapes, unions or circles', () => {
  const map = layoutMap(topology, series, 960, 470);
  assert.equal(map.base.length, 177);
  assert.equal(map.base.find((b) => b.name === 'Russia')?.valueOf, 10, 'a successor keeps its own value');
  const place = (name: string) => map.places.find((p) => p.name === name)!;
  assert.deepEqual([place('Soviet Union').merged, place('Soviet Union').outlineOnly], [true, true], 'outlined over Russia’s own value');
  assert.deepEqual(
    [place('Czechoslovakia').merged, place('Czechoslovakia').outlineOnly],
    [true, false],
    'filled: no successor has a value',
  );
  assert.equal(place('Somalia').merged, false, 'a state of today over two shapes is not drawn as a state gone');
  assert.ok(place('Somalia').d);
  assert.equal(place('East Germany (GDR)').d, null, 'a circle');
  assert.deepEqual(
    map.outlines.map((o) => o.name),
    ['Yugoslavia'],
    'the historical states on the other side, outlined',
  );
  assert.equal(map.arcs.length, 2);
});

test('the two flows between a pair bow to opposite sides; only their middle takes the pointer', () => {
  const there = arcCurve([0, 0], [100, 0]);
  const back = arcCurve([100, 0], [0, 0]);
  assert.equal(there.d, 'M0,0Q50,20 100,0');
  assert.equal(back.d, 'M100,0Q50,-20 0,0');
  assert.deepEqual(there.mid, [50, 10]);
  // The middle stretch starts and ends on the curve at t = 0.2 and 0.8 (x = 20 and 80, y = 6.4), and
  // passes through the arc's midpoint (y = 10: a quarter of each end's 6.4 and half the control's 13.6).
  assert.equal(there.hit, 'M20,6.4Q50,13.6 80,6.4');
});
