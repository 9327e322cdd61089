import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { aggregate } from './query/aggregate';
import { eventsInView, readSupplierSides, readTimeline } from './ingest/context-tables';
import { ingestRegister } from './ingest';
import { BUNDLED_EXTRACT } from './domain/bundled-extract';

const DATA = join(process.cwd(), 'data');
const read = (name: string) => readFileSync(join(DATA, name));

/** Every bundled register and its exact record count. */
const REGISTERS: Record<string, number> = {
  'nk-iran-sipri-register-1982-1987.csv': 10,
  'timmerman-nk-iran-1980-1983.csv': 8,
  'missiles-1985-1988.csv': 7,
  'sni-1985-assessment.csv': 9,
};

test('every bundled register is listed here with its row count (the SIPRI extract has tests of its own)', () => {
  const registers = readdirSync(DATA).filter((f) => f.endsWith('.csv') && !['war-supplier-sides.csv', 'timeline.csv'].includes(f));
  assert.deepEqual(registers.sort(), [...Object.keys(REGISTERS), BUNDLED_EXTRACT.file].sort());
});

for (const [file, count] of Object.entries(REGISTERS)) {
  test(`${file} reads through the common ingest with zero report entries, every row cited`, () => {
    const r = ingestRegister(read(file));
    assert.equal(r.report.error, null);
    assert.equal(r.report.format, 'arms-register');
    assert.equal(r.report.recordsRead, count);
    assert.equal(r.report.recordsProduced, count);
    assert.deepEqual(r.report.entries, []);
    assert.deepEqual(r.report.unknownNames, []);
    for (const d of r.deals)
      assert.ok(d.source.length > 20 && !/^Leftist Critic/.test(d.source), `line ${d.line}: cite the primary source`);
  });
}

test('the quoted register: totals a reader can check by hand', () => {
  const data = ingestRegister(read('nk-iran-sipri-register-1982-1987.csv'));
  const units = (description: string) =>
    [...data.deals].filter((d) => d.description === description).reduce((s, d) => s + (d.delivered ?? 0), 0);
  assert.equal(units('anti-tank missile'), 4000);
  assert.equal(units('patrol craft'), 3);
  const byCategory = aggregate([data], {
    by: ['category'],
    measure: 'units',
    basis: 'delivery',
    filters: { suppliers: ['North Korea'], recipients: ['Iran'], from: 1982, to: 1987 },
  });
  const missiles = byCategory.find((r) => r.keys.category === 'Missiles');
  assert.equal(Math.round(missiles?.value ?? 0), 4120, 'anti-tank 4,000 + anti-ship 20 + R-17 100');
  const ssm = aggregate([data], {
    by: ['designation'],
    measure: 'units',
    basis: 'delivery',
    filters: { designations: ['R-17 Elbrus (Scud-B)'] },
  });
  assert.equal(Math.round(ssm[0].value ?? 0), 100);
});

test('rows without quantities count as deals and never become zero units', () => {
  const data = ingestRegister(read('sni-1985-assessment.csv'));
  const [row] = aggregate([data], { by: ['supplier'], measure: 'units', basis: 'delivery', filters: {} });
  assert.equal(row.value, null);
  assert.equal(row.missing, 9);
  const [deals] = aggregate([data], { by: ['supplier'], measure: 'deals', basis: 'delivery', filters: {} });
  assert.equal(deals.value, 9);
});

test('the re-export chain keeps its origin: Soviet Union → North Korea → Iran', () => {
  const data = ingestRegister(read('missiles-1985-1988.csv'));
  const resold = [...data.deals].find((d) => d.origin === 'Soviet Union');
  assert.equal(resold?.supplier, 'North Korea');
  assert.equal(resold?.recipient, 'Iran');
  assert.equal(resold?.delivered, 100);
  const rodong = [...data.deals].find((d) => d.designation === 'Rodong');
  assert.equal(rodong?.delivered, 0);
  assert.deepEqual(rodong?.deliveryYears, []);
});

test("the war's supplier sides: 15 Iraq only, 14 both, 11 Iran only, all names known", () => {
  const sides = readSupplierSides(read('war-supplier-sides.csv').toString('utf8'));
  assert.deepEqual(sides.entries, []);
  const count = (side: string) => sides.rows.filter((r) => r.side === side).length;
  assert.deepEqual([count('iraq'), count('both'), count('iran')], [15, 14, 11]);
  assert.ok(
    sides.rows.some((r) => r.country === 'UAE'),
    'United Arab Emirates maps to SIPRI\'s "UAE"',
  );
});

test('the timeline parses, with the war from 1980-09-22 to 1988-08-20', () => {
  const timeline = readTimeline(read('timeline.csv').toString('utf8'));
  assert.deepEqual(timeline.entries, []);
  assert.equal(timeline.rows.length, 10);
  assert.ok(timeline.rows.some((e) => e.date === '1980-09-22'));
  assert.ok(timeline.rows.some((e) => e.date === '1988-08-20'));
  assert.ok(
    timeline.rows.every((e) => e.countries.length > 0),
    'every bundled event names the countries it concerns',
  );
});

test('a chart marks only the events of its years that concern a country it shows', () => {
  const { rows } = readTimeline(
    'date,event,countries,source\n1980-09-22,war begins,Iraq; Iran,x\n1983-08,advisers to Tehran,DPRK; Iran,x\n1985,general event,,x\n1990,later,Iran,x\n',
  );
  assert.deepEqual(rows[1].countries, ['North Korea', 'Iran'], 'names are mapped like the registers');
  const events = (from: number, to: number, countries: string[]) => eventsInView(rows, from, to, new Set(countries)).map((e) => e.event);
  assert.deepEqual(events(1980, 1988, ['Iran', 'Soviet Union']), ['war begins', 'advisers to Tehran', 'general event']);
  assert.deepEqual(events(1980, 1988, ['United States', 'Japan']), ['general event']);
  assert.deepEqual(events(1981, 1988, ['North Korea']), ['advisers to Tehran', 'general event']);
  assert.deepEqual(events(1980, 1990, ['Iraq']), ['war begins', 'general event']);
});

test('bad sides and dates are reported with their line, not dropped silently', () => {
  const sides = readSupplierSides('country,side,note,source\nAtlantis,iraq,,x\nFrance,neither,,x\n');
  assert.deepEqual(
    sides.entries.map((e) => [e.line, e.severity]),
    [
      [2, 'warning'],
      [3, 'skipped'],
    ],
  );
  const timeline = readTimeline('date,event,countries,source\n1980-13,x,,y\n1988-02-30,x,,y\n1988,x,Atlantis,y\n');
  assert.deepEqual(
    timeline.entries.map((e) => [e.line, e.severity]),
    [
      [2, 'skipped'],
      [3, 'skipped'],
      [4, 'warning'],
    ],
  );
  assert.equal(timeline.rows.length, 1);
  assert.deepEqual(timeline.rows[0].countries, ['Atlantis'], 'an unknown country is kept as written');
});
