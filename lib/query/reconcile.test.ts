import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ingestRegister } from '../ingest';
import { descriptionKey, designationKey, reconcile, sideTotal, weaponsOf, type WeaponRecord } from './reconcile';
import { BUNDLED_EXTRACT } from '../domain/bundled-extract';

const bundled = (file: string) => ingestRegister(readFileSync(join(process.cwd(), 'data', file)));
const NK_IRAN = { supplier: 'North Korea', recipient: 'Iran', from: 1982, to: 1987 };

test('the quoted register against SIPRI’s data: all ten quoted lines matched, and where they disagree', () => {
  const quoted = weaponsOf(bundled('nk-iran-sipri-register-1982-1987.csv'), NK_IRAN);
  const sipri = weaponsOf(bundled(BUNDLED_EXTRACT.file), NK_IRAN);
  assert.equal(quoted.length, 10);
  const rows = reconcile(quoted, sipri);
  assert.equal(rows.length, 10, rows.map((r) => `${r.match} ${r.weapon}`).join('; '));
  assert.ok(
    rows.every((r) => r.a.length === 1 && r.b.length >= 1),
    'every quoted line has a SIPRI counterpart',
  );
  const units = (designation: string) => {
    const r = rows.find((x) => x.b.some((w) => w.designation === designation))!;
    return [sideTotal(r.a, 'units'), sideTotal(r.b, 'units'), r.match];
  };
  assert.deepEqual(units('Malyutka'), [4000, 2000, 'description']);
  assert.deepEqual(units('Type-59-1 130mm'), [480, 360, 'description']);
  assert.deepEqual(units('T-62'), [150, 200, 'description']);
  assert.deepEqual(units('R-17 Elbrus'), [100, 50, 'designation']);
  assert.deepEqual(units('MiG-19'), [6, 6, 'designation']);
  const scud = rows.find((r) => r.match === 'designation' && r.category === 'Missiles')!;
  assert.equal(scud.weapon, 'R-17 Elbrus (Scud-B) (short-range ballistic missile)');
  assert.deepEqual(scud.b[0].years, [1987], 'the 1988 half of the deal is outside 1982–1987');
  assert.equal(sideTotal(scud.b, 'tiv'), 62.5);
  assert.equal(sideTotal(scud.a, 'tiv'), null, 'the quotation gives no TIV');
});

test("SIPRI's wordings of each release are one description; designations compare without aliases", () => {
  assert.equal(descriptionKey('SSM'), descriptionKey('short-range ballistic missile'));
  assert.equal(descriptionKey('surface-to-surface missile'), descriptionKey('SSM'));
  assert.equal(descriptionKey('APV'), descriptionKey('APC'));
  assert.equal(descriptionKey('FGA aircraft'), descriptionKey('fighter/ground-attack aircraft'));
  assert.notEqual(descriptionKey('tank'), descriptionKey('towed gun'));
  assert.equal(designationKey('R-17 Elbrus (Scud-B)'), designationKey('r-17 elbrus'));
  assert.equal(designationKey(''), '');
});

const weapon = (fields: Partial<WeaponRecord>): WeaponRecord => ({
  designation: '',
  description: 'tank',
  category: 'Armoured vehicles',
  units: 10,
  tiv: null,
  years: [1985],
  deals: [0],
  uncertain: false,
  ...fields,
});

test('what is left after designation and description is matched by category, the rest stands alone', () => {
  const a = [
    weapon({ designation: 'T-72' }),
    weapon({ description: 'APC', units: 5 }),
    weapon({ description: 'frigate', category: 'Ships', units: 1 }),
  ];
  const b = [
    weapon({ designation: 'T-72M1', description: 'tank' }),
    weapon({ designation: 'BTR-60', description: 'APV', units: 7 }),
    weapon({ designation: 'BMP-1', description: 'IFV', units: 3 }),
    weapon({ designation: 'T-72', units: 12 }),
    weapon({ designation: 'Mi-8', description: 'transport helicopter', category: 'Aircraft' }),
  ];
  const rows = reconcile(a, b);
  const byMatch = (m: string) => rows.filter((r) => r.match === m);
  assert.equal(byMatch('designation').length, 1);
  assert.equal(sideTotal(byMatch('designation')[0].b, 'units'), 12);
  assert.equal(byMatch('description').length, 1, 'APC matches APV');
  assert.equal(sideTotal(byMatch('description')[0].b, 'units'), 7);
  const byCategory = byMatch('category');
  assert.equal(byCategory.length, 0, 'no armoured vehicle is left on side a');
  assert.deepEqual(
    rows.filter((r) => r.match === 'only b').map((r) => r.weapon),
    ['Mi-8 (transport helicopter)', 'BMP-1 (IFV)', 'T-72M1 (tank)'],
  );
  assert.deepEqual(
    rows.filter((r) => r.match === 'only a').map((r) => r.weapon),
    ['frigate'],
  );
  const c = reconcile(
    [weapon({ description: 'armoured car', units: 4 })],
    [weapon({ designation: 'BRDM-2', description: 'reconnaissance AV', units: 6 })],
  );
  assert.equal(c.length, 1);
  assert.equal(c[0].match, 'category');
  assert.equal(c[0].weapon, 'BRDM-2 (armoured vehicles: armoured car, reconnaissance AV)');
});

test('a side with no number gives null, never 0', () => {
  const rows = reconcile([weapon({ units: null })], [weapon({ units: 4 })]);
  assert.equal(sideTotal(rows[0].a, 'units'), null);
  assert.equal(sideTotal(rows[0].b, 'units'), 4);
});
