import assert from 'node:assert/strict';
import { test } from 'node:test';
import { highlightedLinks, type KeyedLink } from './sankey-highlight';

// Italy and France into Aircraft; Aircraft on to Iran from each alone, and to Iraq merged (both
// too thin); France also into Ships, on to Iraq.
const links: KeyedLink[] = [
  { key: 'it>air', drill: { supplier: 'Italy', category: 'Aircraft' } },
  { key: 'fr>air', drill: { supplier: 'France', category: 'Aircraft' } },
  { key: 'fr>ships', drill: { supplier: 'France', category: 'Ships' } },
  { key: 'air>iran:it', drill: { supplier: 'Italy', category: 'Aircraft', recipient: 'Iran' } },
  { key: 'air>iran:fr', drill: { supplier: 'France', category: 'Aircraft', recipient: 'Iran' } },
  { key: 'air>iraq:merged', drill: { suppliers: ['France', 'Italy'], category: 'Aircraft', recipient: 'Iraq' } },
  { key: 'ships>iraq:fr', drill: { supplier: 'France', category: 'Ships', recipient: 'Iraq' } },
];
const lit = (drill: Parameters<typeof highlightedLinks>[1]) => [...highlightedLinks(links, drill)].sort();

test('a supplier lights its own flows, merged ones included, and nobody else’s', () => {
  assert.deepEqual(lit({ supplier: 'Italy' }), ['air>iran:it', 'air>iraq:merged', 'it>air']);
  assert.deepEqual(lit({ supplier: 'France' }), ['air>iran:fr', 'air>iraq:merged', 'fr>air', 'fr>ships', 'ships>iraq:fr']);
});

test('a recipient lights the links into it and the flows that feed them, not their flows elsewhere', () => {
  assert.deepEqual(lit({ recipient: 'Iraq' }), ['air>iraq:merged', 'fr>air', 'fr>ships', 'it>air', 'ships>iraq:fr']);
  assert.deepEqual(lit({ recipient: 'Iran' }), ['air>iran:fr', 'air>iran:it', 'fr>air', 'it>air']);
});

test('a category lights everything through it', () => {
  assert.deepEqual(lit({ category: 'Ships' }), ['fr>ships', 'ships>iraq:fr']);
  assert.deepEqual(lit({ category: 'Aircraft' }), ['air>iran:fr', 'air>iran:it', 'air>iraq:merged', 'fr>air', 'it>air']);
});

test('a merged link pinned lights itself and its suppliers’ flows into its category', () => {
  assert.deepEqual(lit({ suppliers: ['France', 'Italy'], category: 'Aircraft', recipient: 'Iraq' }), [
    'air>iraq:merged',
    'fr>air',
    'it>air',
  ]);
});

test('a supplier into a category lights that flow on to its recipients only', () => {
  assert.deepEqual(lit({ supplier: 'France', category: 'Ships' }), ['fr>ships', 'ships>iraq:fr']);
});
