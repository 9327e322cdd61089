import assert from 'node:assert/strict';
import { test } from 'node:test';
import { accounted } from '../testing/accounted';
import { factList } from '../store/facts';
import { ingestRegister, type IngestResult } from '.';
import { DELIVERIES_1950_1989, readShared, REGISTER_2025, skipUnlessShared } from '../testing/shared-data';

const enc = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));

const HEADER =
  'Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons';

test('a minimal SIPRI register: markers, gaps in years, undelivered orders', () => {
  const csv = [
    'Data generated: 13 Mar 2025 10:02:49 AM',
    HEADER,
    'Iran,North Korea,1982,?,150,?,T-62,tank,150,,1982; 1983; 1985,Second hand,,1,150,150',
    'Iraq,North Korea,2002,,,,Rodong,SSM,0,,,New,Down payment only,,,',
    '',
  ].join('\n');
  const r = ingestRegister(enc(csv));
  assert.equal(r.report.error, null);
  assert.equal(r.report.format, 'sipri-register');
  assert.equal(r.report.generated, '13 Mar 2025 10:02:49 AM');
  assert.equal(r.report.recordsRead, 2);
  assert.equal(r.report.undeliveredOrders, 1);
  const [tanks] = r.deals;
  assert.equal(tanks.orderYearEstimated, true);
  assert.equal(tanks.orderedEstimated, true);
  assert.equal(tanks.deliveredEstimated, false);
  assert.deepEqual(tanks.deliveryYears, [1982, 1983, 1985]);
  assert.equal(tanks.category, 'Armoured vehicles');
  assert.equal(r.deliveries.length, 3);
  assert.ok(factList(r.deliveries, r.deals).every((d) => d.spread && d.units === 50 && d.tiv === 50));
  accounted(r);
});

test('a record split by a newline inside Comments is rejoined, raw and padded', () => {
  const first = "Cote d'Ivoire,United States,2024,?,12,?,vehicle engine,vehicle engine,0,,,New,Cummins diesel engine for 12 Puma";
  const second = ' APC from South Africa,0.03,0.36,0';
  for (const [name, lines] of [
    ['LF', [first, second]],
    ['CRLF inside', [`${first}\r`, second]],
    ['padded', [`${first},,,`, `${second},,,,,,,,,,,,`]],
  ] as const) {
    const r = ingestRegister(enc([HEADER, ...lines, 'Iran,China,1982,,10,,Type-59,tank,10,,1982,New,,1,10,10'].join('\n')));
    assert.equal(r.report.recordsRead, 2, name);
    assert.equal(r.report.recordsRejoined, 1, name);
    assert.equal(r.deals.at(0).comments, 'Cummins diesel engine for 12 Puma APC from South Africa', name);
    assert.equal(r.deals.at(0).tivOrder, 0.36, name);
    assert.equal(r.deals.at(1).line, 4, `${name}: line numbers stay physical`);
    accounted(r);
  }
});

test('Latin-1 and UTF-8 with BOM both decode "Bü-181" and "Türkiye"', () => {
  const body = `${HEADER}\nTürkiye,Germany,1950,,2,,Bü-181,trainer aircraft,2,,1951,New,,0.1,0.2,0.2\n`;
  for (const bytes of [latin1(body), new Uint8Array([0xef, 0xbb, 0xbf, ...enc(body)])]) {
    const r = ingestRegister(bytes);
    assert.equal(r.deals.at(0).designation, 'Bü-181');
    assert.equal(r.deals.at(0).recipient, 'Turkiye');
  }
});

test('a register saved by Excel on Windows keeps its curly quotes, dashes and euro signs', () => {
  // 0x93/0x94 “ ”, 0x96 –, 0x80 €: Windows-1252 bytes that Latin-1 would read as control codes.
  const body = `${HEADER}\nTürkiye,Germany,1950,,2,,Bü-181,trainer aircraft,2,,1951,New,\x93Bestmann\x94 \x96 \x80 2m deal,0.1,0.2,0.2\n`;
  const r = ingestRegister(latin1(body));
  assert.equal(r.deals.at(0).comments, '“Bestmann” – € 2m deal');
  assert.equal(r.report.encoding, 'windows-1252');
});

test('trailing semicolons, CRLF and older bracket conventions', () => {
  const rows = [`${HEADER};`, 'Iran,North Korea,(1982),,(200),,BM-11,self-propelled MRL,(200),,1982-1987,New,,0.5,100,100;', ''];
  const r = ingestRegister(enc(rows.join('\r\n')));
  assert.equal(r.report.error, null);
  const [d] = r.deals;
  assert.equal(d.tivDelivered, 100);
  assert.equal(d.orderYearEstimated, true);
  assert.equal(d.deliveredEstimated, true);
  assert.deepEqual(d.deliveryYears, [1982, 1983, 1984, 1985, 1986, 1987]);
  assert.equal(d.category, 'Artillery');
});

test('bad cells are reported with their line and the record is kept', () => {
  const r = ingestRegister(
    enc(
      [HEADER, 'Iran,North Korea,1982,,lots,,T-62,tank,abc,,1982,New,,1,x,1', ',North Korea,1982,,1,,T-62,tank,1,,1982,New,,1,1,1'].join(
        '\n',
      ),
    ),
  );
  assert.equal(r.report.recordsRead, 2);
  assert.equal(r.report.recordsProduced, 1);
  const lines = r.report.entries.map((e) => `${e.line}:${e.severity}`);
  assert.deepEqual(lines, ['2:warning', '2:warning', '2:warning', '3:skipped']);
  assert.match(r.report.entries[0].reason, /number ordered: "lots" is not a number/);
  assert.equal(r.deals.at(0).delivered, null);
  accounted(r);
});

test('unknown country names are kept and listed', () => {
  const r = ingestRegister(enc(`${HEADER}\nAtlantis,DPRK,1982,,1,,T-62,tank,1,,1982,New,,1,1,1\n`));
  assert.equal(r.deals.at(0).recipient, 'Atlantis');
  assert.equal(r.deals.at(0).supplier, 'North Korea');
  assert.deepEqual(r.report.unknownNames, [{ name: 'Atlantis', line: 2 }]);
});

test('files that are not registers get a clear error, never a throw', () => {
  const cases: [Uint8Array, string, RegExp][] = [
    [new Uint8Array(), 'empty', /empty/],
    [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]), 'binary', /PNG/],
    [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]), 'binary', /zip/],
    [enc('name,age\nAlice,30\n'), 'not-a-register', /no header row with Recipient and Supplier/],
    [
      enc('Country,1980,1981\nIran,278,487\n'),
      'missing-columns',
      /line 1 heads a table of years, but nothing says whose its rows are.*"Country"/,
    ],
    [
      enc('TIV of arms exports from Russia, 2012-2021\n\nno table here\n'),
      'missing-columns',
      /names a TIV table, but no header row of years/,
    ],
    [enc('Recipient,Supplier,Colour\nIran,China,red\n'), 'missing-columns', /no weapon columns/],
    [enc('Recipient,Supplier,Weapon designation\nIran,China,T-59\n'), 'missing-columns', /lacks Year\(s\) of delivery/],
  ];
  for (const [bytes, code, message] of cases) {
    const r = ingestRegister(bytes);
    assert.equal(r.report.error?.code, code, String(message));
    assert.match(r.report.error?.message ?? '', message);
    assert.equal(r.deals.length, 0);
  }
});

test('a UTF-16 spreadsheet save without BOM is read', () => {
  const body = `${HEADER}\nIran,China,1982,,1,,Type-59,tank,1,,1982,New,,1,1,1\n`;
  const bytes = new Uint8Array(body.length * 2);
  for (let i = 0; i < body.length; i++) bytes[i * 2] = body.charCodeAt(i);
  assert.equal(ingestRegister(bytes).deals.at(0).designation, 'Type-59');
});

test(
  'the real 2025 trade register: 29,515 records, 4 rejoined, 1,166 undelivered, nothing lost',
  { skip: skipUnlessShared(REGISTER_2025) },
  () => {
    const r = ingestRegister(readShared(REGISTER_2025));
    assert.equal(r.report.error, null);
    assert.equal(r.report.format, 'sipri-register');
    assert.equal(r.report.headerLine, 12);
    assert.equal(r.report.generated, '13 Mar 2025 10:02:49 AM');
    assert.equal(r.report.recordsRead, 29_515);
    assert.equal(r.report.recordsRejoined, 4);
    assert.equal(r.report.undeliveredOrders, 1_166);
    assert.equal(r.report.entries.length, 0, JSON.stringify(r.report.entries.slice(0, 3)));
    assert.deepEqual(r.report.unknownNames, []);
    accounted(r);
    assert.ok(
      [...r.deals].some((d) => d.designation === 'Bü-181 Bestmann'),
      'Latin-1 decoded',
    );
  },
);

/** The real-world re-saves of the register listed in ../shared/data/sipri/README.md. */
function variants(original: Buffer): [string, Uint8Array][] {
  const text = new TextDecoder('windows-1252').decode(original);
  const lines = text.split('\n');
  const withoutPreamble = lines.slice(11).join('\n');
  const padded = lines
    .map((l, i) => (i >= 11 && l !== '' && l.split(',').length < 16 ? l.replace(/\r$/, '') + ','.repeat(16 - l.split(',').length) : l))
    .join('\n');
  return [
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...enc(text)])],
    ['no preamble', enc(withoutPreamble)],
    ['padded split halves', enc(padded)],
    ['CRLF', enc(text.replace(/\r?\n/g, '\r\n'))],
    ['";" at the end of every line', enc(lines.map((l) => (l === '' ? l : `${l.replace(/\r$/, '')};`)).join('\n'))],
  ];
}

test('spreadsheet re-saves of the real register read the same', { skip: skipUnlessShared(REGISTER_2025) }, () => {
  const original = readShared(REGISTER_2025);
  const base = ingestRegister(original);
  const digest = (r: IngestResult) => ({
    read: r.report.recordsRead,
    rejoined: r.report.recordsRejoined,
    deliveries: r.deliveries.length,
    tiv: Math.round([...r.deals].reduce((s, d) => s + (d.tivDelivered ?? 0), 0)),
    names: [...r.deals].filter((d) => /ü/.test(d.designation)).length,
  });
  for (const [name, bytes] of variants(original)) {
    const r = ingestRegister(bytes);
    assert.equal(r.report.error, null, name);
    assert.deepEqual(digest(r), digest(base), name);
    assert.equal(r.report.entries.length, 0, `${name}: ${JSON.stringify(r.report.entries.slice(0, 2))}`);
  }
});

test('the real delivery-level export: one delivery per row, deals grouped by id', { skip: skipUnlessShared(DELIVERIES_1950_1989) }, () => {
  const r = ingestRegister(readShared(DELIVERIES_1950_1989));
  assert.equal(r.report.format, 'sipri-deliveries');
  assert.equal(r.report.recordsRead, 31_319);
  assert.equal(r.deliveries.length, 31_319);
  assert.equal(r.report.entries.length, 0);
  assert.ok(r.deals.length < r.deliveries.length);
  assert.ok(
    factList(r.deliveries, r.deals).every((d) => !d.spread),
    'delivery-level values are exact',
  );
  accounted(r);
});

test('delivery rows naming another recipient under a known deal id become one deal of their own, reported once', () => {
  const csv = [
    'SIPRI AT Database ID,Supplier,Recipient,Designation,Description,Armament category,Order date,Delivery year,Numbers delivered,TIV delivery values',
    '100,Soviet Union,Iraq,T-62,tank,Armoured vehicles,1980,1981,10,20',
    '100,Soviet Union,Iraq,T-62,tank,Armoured vehicles,1980,1982,5,10',
    '100,Soviet Union,Iran,T-62,tank,Armoured vehicles,1980,1983,4,8',
    '100,Soviet Union,Iran,T-62,tank,Armoured vehicles,1980,1984,3,6',
  ].join('\n');
  const r = ingestRegister(new TextEncoder().encode(csv));
  assert.equal(r.report.format, 'sipri-deliveries');
  assert.deepEqual(
    [...r.deals].map((d) => [d.key, d.recipient, d.delivered]),
    [
      ['100', 'Iraq', 15],
      ['100-L4', 'Iran', 7],
    ],
  );
  assert.deepEqual(
    factList(r.deliveries, r.deals).map((d) => [d.recipient, d.year, d.tiv]),
    [
      ['Iraq', 1981, 20],
      ['Iraq', 1982, 10],
      ['Iran', 1983, 8],
      ['Iran', 1984, 6],
    ],
  );
  assert.equal(r.report.entries.length, 1, 'said once, not once per row');
  assert.equal(r.report.entries[0].line, 4);
  assert.match(r.report.entries[0].reason, /deal 100 is Soviet Union → Iraq .* on line 2, this row names Soviet Union → Iran/);
  accounted(r);
});
