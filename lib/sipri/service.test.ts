import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeSipriAnswer, parseYearsRequest, sipriDatasetName, sipriRequestBody } from './service';

test("the request is SIPRI's site's: deliveries from–to, orders up to `to`, open deals and the export option", () => {
  const body = sipriRequestBody(1950, 2025);
  assert.equal(body.logic, 'AND');
  assert.deepEqual(body.filters[0], { field: 'Delivery year', condition: 'contains', value1: 1950, value2: 2025, listData: [] });
  assert.deepEqual(body.filters[1], { field: 'Order year', condition: 'contains', value1: 0, value2: 2025, listData: [] });
  assert.deepEqual(
    body.filters.slice(2).map((f) => f.field),
    ['opendeals', 'exportOption'],
  );
});

test('years: defaults 1950 to the last full year; each bad one named', () => {
  assert.deepEqual(parseYearsRequest(undefined, 2025), { ok: true, from: 1950, to: 2025 });
  assert.deepEqual(parseYearsRequest({ from: 1980, to: '1988' }, 2025), { ok: true, from: 1980, to: 1988 });
  const bad = (body: unknown) => {
    const r = parseYearsRequest(body, 2025);
    assert.equal(r.ok, false);
    return r.ok ? '' : `${r.param}: ${r.detail}`;
  };
  assert.match(bad({ from: 1949 }), /^from: "from" must be a year from 1950 to 2026, not 1949/);
  assert.match(bad({ to: 'soon' }), /^to: .*not "soon"/);
  assert.match(bad({ from: 1980.5 }), /^from:/);
  assert.match(bad({ from: 1990, to: 1980 }), /^from: "from" \(1990\) is after "to" \(1980\)/);
  assert.match(bad('1950-2025'), /^body: the body must be a JSON object/);
});

test('an answer is decoded, or what is wrong with it is said', () => {
  const csv = 'SIPRI AT Database ID,Supplier,Recipient\n';
  const ok = decodeSipriAnswer(Buffer.from(JSON.stringify({ bytes: Buffer.from(csv).toString('base64') })));
  assert.equal(ok.ok && ok.bytes.toString(), csv);
  // Another shape of the same answer (another key, base64 in lines) goes the long way, to the same bytes.
  const lines = Buffer.from(csv)
    .toString('base64')
    .replace(/(.{8})/g, '$1\n');
  const other = decodeSipriAnswer(Buffer.from(JSON.stringify({ note: 'x', bytes: lines })));
  assert.equal(other.ok && other.bytes.toString(), csv);
  const cause = (body: string) => {
    const r = decodeSipriAnswer(Buffer.from(body));
    return r.ok ? 'decoded' : r.cause;
  };
  assert.match(cause('<html>maintenance</html>'), /not JSON \(it starts "<html>maintenance/);
  assert.match(cause('[1,2]'), /not an object with "bytes"/);
  assert.match(cause('{"data": "x"}'), /no "bytes" \(its keys: data\)/);
  assert.match(cause('{"bytes": 12}'), /"bytes" is a number, not base64/);
  assert.match(cause('{"bytes": "not base64!!"}'), /not valid base64/);
  assert.match(cause('{"bytes": "abc"}'), /not valid base64/);
  assert.match(cause('{"bytes": ""}'), /empty/);
  assert.match(cause('{"bytes": "QUJD*EVG"}'), /not valid base64/, 'a bad character inside, in the fast path');
  assert.match(cause('{"bytes": "QUJD\\"EVG"}'), /not valid base64/, 'an escaped quote: the long way');
});

test("a fetched dataset's name gives its years and SIPRI's date", () => {
  assert.equal(sipriDatasetName(1950, 2025, '10 Feb 2025 10:52:58 AM'), 'SIPRI deliveries 1950–2025, data generated 10 Feb 2025');
  assert.equal(sipriDatasetName(2000, 2001, null), 'SIPRI deliveries 2000–2001');
});
