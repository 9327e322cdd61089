import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DealTableBuilder, dealTableOf, NO_DEALS } from './deal-table-builder';
import { ingestRegister } from '../ingest';
import { aDeal } from '../testing/deal';
import { readShared, REGISTER_2025, skipUnlessShared } from '../testing/shared-data';

test('deals read back from their columns as they went in, nulls, flags and year lists included', () => {
  const deals = [
    aDeal(),
    aDeal({ key: 'D-17', line: 9, origin: 'Soviet Union', orderYear: null, ordered: null, delivered: null, tivDelivered: null }),
    aDeal({ deliveryYears: [], orderedEstimated: true, valueEstimated: true, valueUsdM: 12.5, category: 'Missiles', comments: 'a, b' }),
    aDeal({ deliveredEstimated: true, deliveryYearsEstimated: true, orderYearEstimated: true, deliveryYears: [1987] }),
  ];
  const table = dealTableOf(deals);
  assert.equal(table.length, 4);
  deals.forEach((d, i) => assert.deepEqual(table.at(i), d, `deal ${i}`));
  assert.deepEqual([...table], deals, 'iterating gives every deal in order');
  assert.equal(table.orderYear(1), null);
  assert.equal(table.origin(0), null);
  assert.equal(table.origin(1), 'Soviet Union');
  assert.equal(table.number(1, 'delivered'), null, 'unknown stays unknown, never 0');
  assert.equal(table.number(2, 'valueUsdM'), 12.5);
  assert.ok(table.estimated(3, 'deliveryYearsEstimated') && !table.estimated(0, 'deliveryYearsEstimated'));
});

test('columns grow past their first capacity; repeated texts are held once', () => {
  const b = new DealTableBuilder(16);
  const names = ['China', 'France', 'Soviet Union'];
  for (let i = 0; i < 1000; i++) b.push(aDeal({ line: i + 2, supplier: names[i % 3], deliveryYears: [1980 + (i % 9), 1990] }));
  const table = b.build();
  assert.equal(table.length, 1000);
  assert.deepEqual(table.at(999).deliveryYears, [1980 + (999 % 9), 1990]);
  assert.equal(table.at(999).key, 'L1001', 'a key of the form L<line> is made again from the line');
  assert.deepEqual(table.distinct('supplier'), names, 'distinct values, in the order first met');
  assert.ok(table.hasAny('tivDelivered') && !table.hasAny('valueUsdM'));
});

test('designations and comments are kept as bounds in the text they were read from, or as text when from elsewhere', () => {
  const text = 'x,first comment,y\nsecond';
  const b = new DealTableBuilder(4, text);
  b.push(aDeal({ comments: 'ignored: the bounds are read' }), { text, start: 0, end: 1 }, { text, start: 2, end: 15 });
  b.push(aDeal({ comments: 'a rejoined record’s comment' }), undefined, { text: 'another text', start: 0, end: 7 });
  b.push(aDeal({ comments: 'no span given' }));
  const table = b.build();
  assert.deepEqual(
    [...table].map((d) => d.comments),
    ['first comment', 'a rejoined record’s comment', 'no span given'],
  );
  assert.deepEqual(
    [...table].map((d) => d.designation),
    ['x', 'T-62', 'T-62'],
    'designations too',
  );
});

test('asking for a deal outside the register is an error, not a made-up deal', () => {
  assert.equal(NO_DEALS.length, 0);
  assert.throws(() => NO_DEALS.at(0), RangeError);
  const table = dealTableOf([aDeal()]);
  assert.throws(() => table.at(1), /no deal 1 in a register of 1/);
  assert.throws(() => table.at(-1), RangeError);
});

test(
  'the real register: every deal reads back whole, comments of rejoined records included',
  { skip: skipUnlessShared(REGISTER_2025) },
  () => {
    const r = ingestRegister(readShared(REGISTER_2025));
    const deals = [...r.deals];
    assert.equal(deals.length, 29_515);
    // Read again through objects (the table built from them holds every comment as text).
    const again = dealTableOf(deals);
    for (let i = 0; i < deals.length; i += 97) assert.deepEqual(again.at(i), deals[i], `deal ${i}`);
    const withComments = deals.filter((d) => d.comments !== '').length;
    assert.ok(withComments > 20_000, `${withComments} deals have comments`);
    assert.ok(
      deals.every((d) => d.comments === d.comments.trim()),
      'comments read trimmed',
    );
    // Records a newline split are rejoined into a text of their own: their comments are kept as text.
    assert.ok(
      deals.every((d) => !/[\r\n]/.test(d.comments)),
      'no comment keeps a line break',
    );
    assert.equal(deals.find((d) => d.line === 5432)?.comments, 'Cummins (275hp) diesel engine for 12 Puma M-36 APC from South Africa');
    assert.match(deals.find((d) => d.line === 25178)?.comments ?? '', /^Part of THB4b .* redesign for other engines$/);
  },
);
