import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dealTableOf } from './deal-table-builder';
import { aDeal } from '../testing/deal';
import { ESTIMATED, factAt, FactsBuilder, SPREAD } from './facts';

test('facts grow past their first capacity, keep nulls as unknown and read back with their deal', () => {
  const b = new FactsBuilder(16);
  for (let i = 0; i < 100; i++) b.push(i % 2, 1980 + (i % 9), i === 5 ? null : i, 2 * i, null, i === 7 ? ESTIMATED | SPREAD : 0);
  const facts = b.build();
  assert.equal(facts.length, 100);
  assert.equal(facts.deal.length, 100, 'arrays are cut to the facts held');
  const deals = dealTableOf([aDeal({ supplier: 'China', recipient: 'Iran' }), aDeal({ supplier: 'France', recipient: 'Iraq' })]);
  const f7 = factAt(facts, deals, 7);
  assert.deepEqual(
    [f7.supplier, f7.recipient, f7.year, f7.units, f7.tiv, f7.value, f7.estimated, f7.spread],
    ['France', 'Iraq', 1987, 7, 14, null, true, true],
  );
  assert.equal(factAt(facts, deals, 5).units, null, 'unknown stays unknown, never 0');
  assert.equal(factAt(facts, deals, 99).year, 1980);
});
