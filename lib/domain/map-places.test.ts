import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ingestRegister } from '../ingest';
import { DELIVERIES_1950_1989, readShared, REGISTER_2025, skipUnlessShared, TIV_IMPORTERS } from '../testing/shared-data';
import { isKnownException, mapPlace, MERGED_STATES, resolvedPlace } from './map-places';

type Topology = { objects: { countries: { geometries: { properties: { name: string } }[] } } };
const topology = JSON.parse(readFileSync(join(process.cwd(), 'node_modules', 'world-atlas', 'countries-110m.json'), 'utf8')) as Topology;
const SHAPES = new Set(topology.objects.countries.geometries.map((g) => g.properties.name));

/** Every supplier, recipient and origin a register names. */
function namesOf(bytes: Uint8Array): Set<string> {
  const r = ingestRegister(bytes);
  const out = new Set<string>();
  for (const side of ['supplier', 'recipient'] as const) for (const n of r.deals.distinct(side)) out.add(n);
  for (let i = 0; i < r.deals.length; i++) {
    const o = r.deals.origin(i);
    if (o) out.add(o);
  }
  return out;
}

function expectAllPlaced(names: Set<string>, where: string): void {
  const unplaced = [...names].filter((n) => {
    const p = resolvedPlace(n, SHAPES);
    return p.kind === 'none' && !isKnownException(mapPlace(n, SHAPES));
  });
  assert.deepEqual(unplaced, [], `${where}: names with no shape, point or listed exception`);
  for (const n of names) {
    const p = resolvedPlace(n, SHAPES);
    if (p.kind === 'shape') for (const s of p.shapes) assert.ok(SHAPES.has(s), `${n} → "${s}" is not a shape of the topology`);
  }
}

test('the topology holds 177 shapes, and the historical states are unions of shapes it has', () => {
  assert.equal(SHAPES.size, 177);
  for (const state of MERGED_STATES) {
    const p = mapPlace(state, SHAPES);
    assert.equal(p.kind, 'shape');
    assert.ok(p.kind === 'shape' && p.shapes.length >= 2 && p.shapes.every((s) => SHAPES.has(s)), state);
  }
  assert.equal((mapPlace('Soviet Union', SHAPES) as { shapes: string[] }).shapes.length, 15);
});

test('points, actors and exceptions', () => {
  assert.deepEqual(mapPlace('East Germany (GDR)', SHAPES), { kind: 'point', at: [13.4, 52.52], where: 'East Berlin' });
  assert.deepEqual(mapPlace('ANC (South Africa)*', SHAPES), { kind: 'within', place: 'South Africa' });
  assert.deepEqual(resolvedPlace('Viet Cong (South Vietnam)*', SHAPES).kind, 'point');
  assert.deepEqual(mapPlace('MPLA (Portugal)*', SHAPES), { kind: 'within', place: 'Angola' }, 'where it fought, not whom');
  assert.deepEqual(resolvedPlace('Syria rebels*', SHAPES), { kind: 'shape', shapes: ['Syria'] });
  assert.equal(mapPlace('NATO**', SHAPES).kind, 'none');
  assert.ok(isKnownException(mapPlace('unknown recipient(s)', SHAPES)));
  assert.ok(!isKnownException(mapPlace('Atlantis', SHAPES)), 'an unknown name is not an expected exception');
});

test('every name in the bundled data has a shape, a point or a listed exception', () => {
  const names = new Set<string>();
  for (const f of readdirSync('data').filter((x) => x.endsWith('.csv')))
    for (const n of namesOf(readFileSync(join('data', f)))) names.add(n);
  assert.ok(names.has('Soviet Union') && names.has('North Korea'));
  expectAllPlaced(names, 'bundled data');
});

for (const file of [REGISTER_2025, DELIVERIES_1950_1989, TIV_IMPORTERS])
  test(`every name in ${file} has a shape, a point or a listed exception`, { skip: skipUnlessShared(file) }, () => {
    const names = namesOf(readShared(file));
    assert.ok(names.size > 150);
    expectAllPlaced(names, file);
  });
