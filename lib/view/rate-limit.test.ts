import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clientAddress, rateSetting, RateWindow } from './rate-limit';

test('UPLOAD_RATE_PER_MIN: 30 by default, 0 turns it off, a bad value is named and the default holds', () => {
  assert.deepEqual(rateSetting(undefined), { perMinute: 30, problem: null });
  assert.deepEqual(rateSetting('0'), { perMinute: 0, problem: null });
  assert.deepEqual(rateSetting(' 5 '), { perMinute: 5, problem: null });
  const bad = rateSetting('-1');
  assert.equal(bad.perMinute, 30);
  assert.match(bad.problem!, /UPLOAD_RATE_PER_MIN="-1" is not a whole number/);
});

test('the client is the last X-Forwarded-For entry, or hops from the end behind several proxies', () => {
  assert.equal(clientAddress('127.0.0.1'), '127.0.0.1');
  assert.equal(clientAddress('forged, 203.0.113.7'), '203.0.113.7', 'a proxy appended what it saw');
  assert.equal(clientAddress('198.51.100.1, 10.0.0.2, 10.0.0.3', 2), '10.0.0.2');
  assert.equal(clientAddress('10.0.0.3', 5), '10.0.0.3');
  assert.equal(clientAddress(null), 'unknown');
});

test('a window of a minute: the n+1-th request is refused until the first is a minute old', () => {
  const w = new RateWindow(3);
  for (const t of [0, 1000, 2000]) assert.deepEqual(w.take('a', t), { ok: true });
  assert.deepEqual(w.take('a', 2500), { ok: false, retryAfterS: 58 });
  assert.deepEqual(w.take('b', 2500), { ok: true }, 'another client has its own count');
  assert.deepEqual(w.take('a', 60_000), { ok: true }, 'the first has left the window');
  assert.deepEqual(new RateWindow(0).take('a', 0), { ok: true }, '0: no limit');
});

test('the window forgets the stalest client past its bound', () => {
  const w = new RateWindow(1, 2);
  w.take('a', 0);
  w.take('b', 1);
  w.take('c', 2);
  assert.deepEqual(w.take('a', 3), { ok: true }, 'a was forgotten');
  assert.equal(w.take('c', 4).ok, false);
});
