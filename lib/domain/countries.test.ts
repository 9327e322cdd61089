import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalCountry, normaliseCountry } from './countries';

test('aliases map onto SIPRI names', () => {
  assert.equal(canonicalCountry('DPRK'), 'North Korea');
  assert.equal(canonicalCountry('Juche Korea'), 'North Korea');
  assert.equal(canonicalCountry('ussr'), 'Soviet Union');
  assert.equal(canonicalCountry('ROK'), 'South Korea');
  assert.equal(canonicalCountry('FRG'), 'Germany');
  assert.equal(canonicalCountry('West Germany'), 'Germany');
  assert.equal(canonicalCountry('GDR'), 'East Germany (GDR)');
  assert.equal(canonicalCountry('Türkiye'), 'Turkiye');
  assert.equal(canonicalCountry('Turkey'), 'Turkiye');
  assert.equal(canonicalCountry('United Arab Emirates'), 'UAE');
  assert.equal(canonicalCountry('  iran '), 'Iran');
});

test('historical states, non-state actors and organisations are known', () => {
  for (const name of [
    'Soviet Union',
    'Czechoslovakia',
    'Yugoslavia',
    'North Yemen',
    'Hezbollah (Lebanon)*',
    'NATO**',
    'unknown supplier(s)',
  ]) {
    assert.deepEqual(normaliseCountry(name), { name, known: true });
  }
});

test('unknown names are kept as written and flagged', () => {
  assert.deepEqual(normaliseCountry('Atlantis'), { name: 'Atlantis', known: false });
});
