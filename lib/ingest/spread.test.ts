import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dealTableOf } from '../store/deal-table-builder';
import type { Deal } from '../domain/types';
import { factList, FactsBuilder } from '../store/facts';
import { deliveriesOfDeal as spreadInto } from './spread';
import { aDeal } from '../testing/deal';

/** The deal's deliveries as objects, with the deal at `index` of its register. */
function deliveriesOfDeal(deal: Deal, index: number) {
  const facts = new FactsBuilder();
  spreadInto(deal, index, facts);
  return factList(facts.build(), dealTableOf(Array<Deal>(index + 1).fill(deal)));
}

const deal: Deal = aDeal({ deliveredEstimated: true });

test('a deal is spread evenly over its delivery years and flagged', () => {
  const out = deliveriesOfDeal(deal, 7);
  assert.deepEqual(
    out.map((d) => [d.year, d.units, d.tiv, d.spread, d.estimated, d.deal]),
    [
      [1982, 50, 50, true, true, 7],
      [1983, 50, 50, true, true, 7],
      [1985, 50, 50, true, true, 7],
    ],
  );
  const total = out.reduce((s, d) => s + (d.tiv ?? 0), 0);
  assert.equal(total, deal.tivDelivered, 'spreading keeps the total');
});

test('one delivery year is exact; no year gives no delivery; unknown numbers stay null', () => {
  assert.equal(deliveriesOfDeal({ ...deal, deliveryYears: [1984] }, 0)[0].spread, false);
  assert.deepEqual(deliveriesOfDeal({ ...deal, deliveryYears: [] }, 0), []);
  assert.equal(deliveriesOfDeal({ ...deal, delivered: null }, 0)[0].units, null);
});
