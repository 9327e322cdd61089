import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crossSiteRefusal, readOnlyRefusal, uploadsSetting } from './write-policy';

test('a write from another site is refused; from this site or without an Origin it passes', () => {
  assert.equal(crossSiteRefusal(null, ['arms.example:3000']), null, 'curl sends no Origin');
  assert.equal(crossSiteRefusal('http://arms.example:3000', ['arms.example:3000']), null);
  assert.equal(crossSiteRefusal('https://ARMS.example', ['proxy.internal:3000', 'arms.example']), null, 'the host a proxy forwarded');
  for (const origin of ['https://evil.example', 'http://arms.example:3001', 'null', 'not a url']) {
    const r = crossSiteRefusal(origin, ['arms.example:3000']);
    assert.equal(r?.status, 403, origin);
    assert.match(r!.detail, new RegExp(`${JSON.stringify(origin).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} to arms.example:3000 is refused`));
  }
  assert.equal(crossSiteRefusal('https://evil.example', [null, null])?.status, 403, 'no host to hold it against: refused');
});

test('UPLOADS: off is read-only, on or unset writes, a typo is read-only and named', () => {
  assert.deepEqual(uploadsSetting(undefined), { off: false, problem: null });
  assert.deepEqual(uploadsSetting('on'), { off: false, problem: null });
  assert.deepEqual(uploadsSetting(' OFF '), { off: true, problem: null });
  const typo = uploadsSetting('of');
  assert.equal(typo.off, true);
  assert.match(readOnlyRefusal(typo.problem).detail, /UPLOADS="of" is neither "on" nor "off": taken as off/);
  assert.match(readOnlyRefusal(null).detail, /read-only.*\(UPLOADS=off\)/);
});
