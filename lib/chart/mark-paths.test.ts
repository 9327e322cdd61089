import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rectPath, ribbonEnds, ribbonPath } from './mark-paths';

test('a Sankey ribbon is a closed band of the link width between the two node edges', () => {
  const d = ribbonPath({ x0: 100, x1: 300, y0: 50, y1: 150, width: 20 });
  assert.equal(d, 'M100,40C200,40 200,140 300,140L300,160C200,160 200,60 100,60Z');
  // Hairlines keep 1 px, so they can be seen and hovered; coordinates are rounded to 0.1 px.
  assert.equal(
    ribbonPath({ x0: 0.123, x1: 10.06, y0: 5, y1: 5, width: 0.01 }),
    'M0.1,4.5C5.1,4.5 5.1,4.5 10.1,4.5L10.1,5.5C5.1,5.5 5.1,5.5 0.1,5.5Z',
  );
});

test('a rectangle as path data, rounded to 0.1 px', () => {
  assert.equal(rectPath(10, 20.04, 5.55, 30), 'M10,20h5.6v30h-5.6Z');
});

test('the ends of a band are read back from its path data (keyboard order); other paths give null', () => {
  assert.deepEqual(ribbonEnds(ribbonPath({ x0: 100, x1: 300, y0: 50, y1: 150, width: 20 })), { start: 40, end: 140 });
  assert.deepEqual(ribbonEnds(ribbonPath({ x0: -5, x1: 10, y0: 0.3, y1: -2, width: 0 })), { start: -0.2, end: -2.5 });
  assert.equal(ribbonEnds(rectPath(0, 0, 10, 10)), null);
  assert.equal(ribbonEnds(''), null);
});
