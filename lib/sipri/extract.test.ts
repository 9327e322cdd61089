import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { aggregate, roundHalfUp } from '../query/aggregate';
import { ingestRegister } from '../ingest';
import { DELIVERIES_1950_1989, readShared, skipUnlessShared, TIV_IMPORTERS } from '../testing/shared-data';
import { parseTivTable } from '../ingest/tiv-table';
import { BUNDLED_EXTRACT } from '../domain/bundled-extract';
import { CREDIT_LINE, extractRecipients } from './extract';

const committed = () => readFileSync(join(process.cwd(), 'data', BUNDLED_EXTRACT.file));
const options = { recipients: [...BUNDLED_EXTRACT.recipients], sourceName: BUNDLED_EXTRACT.source, madeBy: BUNDLED_EXTRACT.madeBy };

test(
  'the committed extract is what the script makes of the shared file, byte for byte',
  { skip: skipUnlessShared(DELIVERIES_1950_1989) },
  () => {
    const made = extractRecipients(readShared(DELIVERIES_1950_1989).toString('latin1'), options);
    assert.equal(made.kept, 1397);
    assert.equal(made.total, 31319);
    assert.ok(Buffer.from(made.text, 'latin1').equals(committed()), 'run npm run extract-bundled and commit data/' + BUNDLED_EXTRACT.file);
  },
);

test('the committed extract reads through the ordinary ingest: 1,397 rows, nothing reported, SIPRI credited', () => {
  const r = ingestRegister(committed());
  assert.equal(r.report.error, null);
  assert.equal(r.report.format, 'sipri-deliveries');
  assert.equal(r.report.recordsRead, 1397);
  assert.equal(r.report.recordsProduced, 1397);
  assert.deepEqual(r.report.entries, []);
  assert.equal(r.report.generated, '16 Apr 2024 10:05:18 PM');
  assert.ok(
    committed()
      .toString('latin1')
      .split('\n')
      .slice(0, 9)
      .some((l) => l.startsWith(CREDIT_LINE)),
    'credit line in the preamble',
  );
  assert.deepEqual(new Set(r.deals.distinct('recipient')), new Set(['Iran', 'Iraq']));
});

test('the extract gives the published figures for Iran and Iraq 1980–1988, and their lead suppliers', () => {
  const data = ingestRegister(committed());
  const byYear = aggregate([data], { by: ['recipient', 'year'], measure: 'tiv', basis: 'delivery', filters: { from: 1980, to: 1988 } });
  const series = (who: string) =>
    byYear
      .filter((r) => r.keys.recipient === who)
      .sort((a, b) => Number(a.keys.year) - Number(b.keys.year))
      .map((r) => roundHalfUp(r.value ?? NaN));
  assert.deepEqual(series('Iran'), [278, 487, 498, 467, 558, 639, 805, 806, 466]);
  assert.deepEqual(series('Iraq'), [2246, 2574, 3258, 3373, 4540, 3903, 3355, 3461, 1905]);
  const suppliers = aggregate([data], {
    by: ['recipient', 'supplier'],
    measure: 'tiv',
    basis: 'delivery',
    filters: { from: 1980, to: 1988 },
  });
  const lead = (who: string) =>
    suppliers
      .filter((r) => r.keys.recipient === who)
      .sort((a, b) => (b.value ?? 0) - (a.value ?? 0))
      .slice(0, 3)
      .map((r) => `${r.keys.supplier} ${roundHalfUp(r.value ?? NaN)}`);
  assert.deepEqual(lead('Iraq'), ['Soviet Union 16973', 'France 4699', 'China 4270']);
  assert.deepEqual(lead('Iran').slice(0, 2), ['China 1943', 'North Korea 996']);
});

test(
  "the extract reproduces SIPRI's importer table for Iran and Iraq, every year 1950–1989",
  { skip: skipUnlessShared(TIV_IMPORTERS) },
  () => {
    const table = parseTivTable(readShared(TIV_IMPORTERS).toString('latin1'));
    const rows = aggregate([ingestRegister(committed())], {
      by: ['recipient', 'year'],
      measure: 'tiv',
      basis: 'delivery',
      filters: { from: 1950, to: 1989 },
    });
    const ours = new Map(rows.map((r) => [`${r.keys.recipient}|${r.keys.year}`, r.value ?? 0]));
    let cells = 0;
    for (const who of ['Iran', 'Iraq']) {
      const published = table.rows.get(who)!;
      for (let year = 1950; year <= 1989; year++) {
        const cell = published.get(year);
        const sum = ours.get(`${who}|${year}`);
        if (!cell) {
          assert.equal(sum, undefined, `${who} ${year}: SIPRI shows no deliveries, we have ${sum}`);
          continue;
        }
        cells++;
        assert.equal(roundHalfUp(sum ?? NaN), cell.value, `${who} ${year}: ours ${sum}, SIPRI ${cell.value}`);
      }
    }
    assert.ok(cells > 50, `compared ${cells} cells`);
  },
);

const source = (rows: string[]) =>
  ['Preamble', 'Data generated: 1 Jan 2024 10:00:00 AM', 'SIPRI AT Database ID,Supplier,Recipient,Designation', ...rows].join('\n') + '\n';

test('an extract of 10% or more of the rows is refused, naming the share', () => {
  const rows = Array.from({ length: 10 }, (_, i) => `${i},Soviet Union,${i === 0 ? 'Iran' : 'India'},T-72`);
  assert.throws(
    () => extractRecipients(source(rows), { ...options, sourceName: 'x.csv' }),
    /1 of 10 rows \(10\.0%\) is not under SIPRI's fair-use limit/,
  );
  const more = [...rows, ...Array.from({ length: 5 }, (_, i) => `${i + 10},France,India,AMX-30`)];
  assert.equal(extractRecipients(source(more), options).kept, 1);
});

test('a file that is not a delivery-level export, or has no date or no rows, is refused by name', () => {
  assert.throws(
    () => extractRecipients('Recipient,1950,1951\n', { ...options, sourceName: 'tiv.csv' }),
    /tiv\.csv: no "SIPRI AT Database ID,…" header/,
  );
  assert.throws(() => extractRecipients('SIPRI AT Database ID,Supplier,Recipient\n1,A,Iran\n', options), /no "Data generated:" line/);
  assert.throws(() => extractRecipients(source(['1,France,India,x']), options), /no rows for Iran, Iraq/);
  assert.throws(() => extractRecipients(source(['1,"France, Paris",Iran,x']), options), /line 4: a quoted row/);
});
