import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spatialTarget } from './spatial-focus';

// A small map: France in the middle, Germany to its east, Norway far north-east, Spain south-west.
const FRANCE = 0;
const points = [
  { x: 100, y: 100 },
  { x: 130, y: 95 },
  { x: 150, y: 20 },
  { x: 80, y: 130 },
];

test('an arrow moves to the nearest mark that way, off-axis marks counting as farther', () => {
  assert.equal(spatialTarget(points, FRANCE, 'ArrowRight'), 1);
  assert.equal(spatialTarget(points, FRANCE, 'ArrowUp'), 2, 'Norway, within 45° of up, not Germany beside');
  assert.equal(spatialTarget(points, FRANCE, 'ArrowDown'), 3);
  assert.equal(spatialTarget(points, FRANCE, 'ArrowLeft'), 3, 'the only mark to the left');
});

test('a mark within 45° of the axis wins over a nearer one beside it', () => {
  const pts = [
    { x: 0, y: 0 },
    { x: 10, y: 11 },
    { x: 60, y: 5 },
  ];
  assert.equal(spatialTarget(pts, 0, 'ArrowRight'), 2);
});

test('outside the cone any mark on that side will do; with none, focus stays', () => {
  const pts = [
    { x: 0, y: 0 },
    { x: 10, y: 40 },
  ];
  assert.equal(spatialTarget(pts, 0, 'ArrowRight'), 1);
  assert.equal(spatialTarget(pts, 0, 'ArrowLeft'), null);
  assert.equal(spatialTarget(pts, 1, 'ArrowDown'), null);
});
