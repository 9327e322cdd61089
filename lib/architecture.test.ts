import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { test } from 'node:test';

/**
 * lib/'s folders are the stages of the data path, and a module may import only from its own stage
 * or an earlier one (lib/README.md). This reads every module's imports as text and holds them to
 * that order, and forbids import cycles, type-only imports included: a cycle of types is still two
 * modules that cannot be understood apart.
 */
const STAGES = ['domain', 'store', 'sipri', 'ingest', 'query', 'series', 'chart', 'view', 'export', 'server'];
/** Test support: imported by tests only. */
const TEST_SUPPORT = ['testing', 'fuzz'];
const LIB = 'lib';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);
const folderOf = (file: string) => relative(LIB, file).split('/')[0];

/** Every specifier a file names: static imports and re-exports, side-effect imports, dynamic imports. */
function specifiers(source: string): string[] {
  const found = source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g);
  return [...found].map((m) => m[1]);
}

/** The project file a specifier names, or null for a package (node:fs, d3…). */
function resolveSpecifier(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@/')) base = specifier.slice(2);
  else if (specifier.startsWith('.')) base = normalize(join(dirname(from), specifier));
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && candidate.match(/\.tsx?$/)) return candidate;
  }
  throw new Error(`${from}: cannot resolve "${specifier}"`);
}

const modules = sourceFiles(LIB).filter((f) => !isTest(f));
// This file is left out: its own self-check names imports in strings.
const imports = new Map(
  sourceFiles(LIB)
    .filter((file) => file !== join(LIB, 'architecture.test.ts'))
    .map((file) => {
      const specs = specifiers(readFileSync(file, 'utf8'));
      const local = specs.map((s) => resolveSpecifier(file, s)).filter((t): t is string => t !== null);
      return [file, { packages: specs.filter((s) => resolveSpecifier(file, s) === null), local }];
    }),
);

test('every module of lib/ sits in a stage folder or a test-support folder', () => {
  const homeless = modules.filter((f) => ![...STAGES, ...TEST_SUPPORT].includes(folderOf(f)));
  assert.deepEqual(homeless, [], 'modules at lib/ top level or in an unlisted folder (add the folder to STAGES and lib/README.md)');
});

test('every stage folder opens with a README saying what it holds and what it may import', () => {
  for (const stage of STAGES) {
    const readme = join(LIB, stage, 'README.md');
    assert.ok(existsSync(readme), `${readme} is missing`);
    assert.match(readFileSync(readme, 'utf8'), /may import/i, `${readme} does not say what the folder may import`);
  }
});

type Graph = Map<string, string[]>;
const graph: Graph = new Map(modules.map((f) => [f, imports.get(f)!.local.filter((t) => !isTest(t))]));

/** Imports against the data path: to a later stage, to test support, or out of lib/. */
function wrongWay(graph: Graph): string[] {
  const wrong: string[] = [];
  for (const [file, targets] of graph) {
    if (TEST_SUPPORT.includes(folderOf(file))) continue;
    const stage = STAGES.indexOf(folderOf(file));
    for (const target of targets) {
      const targetFolder = folderOf(target);
      if (!target.startsWith(`${LIB}/`)) wrong.push(`${file} -> ${target} (outside lib/)`);
      else if (TEST_SUPPORT.includes(targetFolder)) wrong.push(`${file} -> ${target} (test support)`);
      else if (STAGES.indexOf(targetFolder) > stage) wrong.push(`${file} -> ${target} (a later stage)`);
    }
  }
  return wrong;
}

/** Each import cycle met by a depth-first walk, as the chain of files that closes it. */
function cycles(graph: Graph): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const found: string[] = [];
  const visit = (file: string, path: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      found.push([...path.slice(path.indexOf(file)), file].join(' -> '));
      return;
    }
    state.set(file, 'open');
    for (const target of graph.get(file) ?? []) visit(target, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of graph.keys()) visit(file, []);
  return found;
}

test('a module imports only from its own stage or an earlier one, and never from app/, components/ or test support', () => {
  assert.deepEqual(wrongWay(graph), [], 'imports against the data path');
});

test('only server/ does IO: no node built-ins, next/* or server-only elsewhere in lib/', () => {
  const wrong = modules
    .filter((f) => !['server', ...TEST_SUPPORT].includes(folderOf(f)))
    .flatMap((f) =>
      imports
        .get(f)!
        .packages.filter((p) => /^(node:|fs$|path$|next\/|server-only$)/.test(p))
        .map((p) => `${f} -> ${p}`),
    );
  assert.deepEqual(wrong, [], 'IO outside lib/server/');
});

test('no import cycle among the modules of lib/', () => {
  assert.deepEqual(cycles(graph), [], 'import cycles');
});

test('the rules see what they check: a later-stage import and a cycle would be found', () => {
  // Guards against rules that find nothing: a changed import style, or a walk that never walks.
  assert.deepEqual(
    specifiers(`import type { A } from '../store/facts';\nexport { b } from "./b";\nimport('./c');\nimport 'server-only';`),
    ['../store/facts', './b', './c', 'server-only'],
  );
  const made: Graph = new Map([
    ['lib/domain/a.ts', ['lib/view/b.ts']],
    ['lib/view/b.ts', ['lib/domain/a.ts', 'lib/testing/deal.ts', 'components/X.tsx']],
  ]);
  assert.deepEqual(wrongWay(made), [
    'lib/domain/a.ts -> lib/view/b.ts (a later stage)',
    'lib/view/b.ts -> lib/testing/deal.ts (test support)',
    'lib/view/b.ts -> components/X.tsx (outside lib/)',
  ]);
  assert.deepEqual(cycles(made), ['lib/domain/a.ts -> lib/view/b.ts -> lib/domain/a.ts']);
  const edges = [...graph.values()].reduce((n, targets) => n + targets.length, 0);
  assert.ok(edges > 200, `only ${edges} imports read inside lib/`);
});
