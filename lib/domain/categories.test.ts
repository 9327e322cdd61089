import assert from 'node:assert/strict';
import { test } from 'node:test';
import { knownDescription, parseCategory } from './categories';
import { ingestRegister } from '../ingest';
import { DELIVERIES_1950_1989, readShared, skipUnlessShared } from '../testing/shared-data';

const categoryFromDescription = (description: string) => knownDescription(description).category;

test('SIPRI conventions: launchers are Artillery, missiles Missiles, SAM systems Air defence', () => {
  assert.equal(categoryFromDescription('SSM'), 'Missiles');
  assert.equal(categoryFromDescription('surface-to-surface missile'), 'Missiles');
  assert.equal(categoryFromDescription('SSM launcher'), 'Artillery');
  assert.equal(categoryFromDescription('SSM TEL'), 'Artillery');
  assert.equal(categoryFromDescription('SAM system'), 'Air defence systems');
  assert.equal(categoryFromDescription('SAM'), 'Missiles');
  assert.equal(categoryFromDescription('surface-to-air missile'), 'Missiles');
  assert.equal(categoryFromDescription('naval gun'), 'Naval weapons');
  assert.equal(categoryFromDescription('tank turret'), 'Other');
  assert.equal(categoryFromDescription('self-propelled gun turret'), 'Artillery');
  assert.equal(categoryFromDescription('fighter/ground-attack aircraft'), 'Aircraft');
  assert.equal(categoryFromDescription('reconnaissance drone'), 'Aircraft');
  assert.equal(categoryFromDescription('armoured engineer vehicle'), 'Armoured vehicles');
});

test('"tanker" only as a whole word: a tanker is a ship or an aircraft, never a tank', () => {
  assert.equal(categoryFromDescription('tanker'), 'Ships');
  assert.equal(categoryFromDescription('replenishment tanker'), 'Ships');
  assert.equal(categoryFromDescription('tanker/transport aircraft'), 'Aircraft');
  assert.equal(categoryFromDescription('tank'), 'Armoured vehicles');
});

test('category names as written in files, including the 2026 hyphenation', () => {
  assert.equal(parseCategory('Air-defence systems'), 'Air defence systems');
  assert.equal(parseCategory('ships'), 'Ships');
  assert.equal(parseCategory('Spaceships'), null);
});

test(
  'descriptions map to the category SIPRI gives in the delivery-level export (>= 99.5%)',
  { skip: skipUnlessShared(DELIVERIES_1950_1989) },
  () => {
    const { deals } = ingestRegister(readShared(DELIVERIES_1950_1989));
    let rows = 0;
    let same = 0;
    for (const d of deals) {
      rows++;
      if (categoryFromDescription(d.description) === d.category) same++;
    }
    assert.ok(rows > 14_000, `expected the whole file, read ${rows} deals`);
    assert.ok(same / rows >= 0.995, `only ${((100 * same) / rows).toFixed(2)}% agree with SIPRI's column`);
  },
);
