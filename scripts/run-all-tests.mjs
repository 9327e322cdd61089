// The whole suite in one command: lint, type check, unit tests, build, end-to-end tests in Chromium.
// Ends with one plain line "tests: N passed, N failed" summing unit and end-to-end tests (lint and
// type check count as one test each), and exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

process.env.NEXT_TELEMETRY_DISABLED = '1';
let passed = 0;
let failed = 0;
const failures = [];

function run(label, command, args, options = {}) {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { stdio: options.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8', ...options });
  if (options.capture) process.stdout.write(r.stdout ?? '');
  return r;
}

function check(label, command, args) {
  const ok = run(label, command, args).status === 0;
  if (ok) passed++;
  else {
    failed++;
    failures.push(label);
  }
  return ok;
}

function testFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return testFiles(path);
    return /\.test\.ts$/.test(name) ? [path] : [];
  });
}

check('lint', 'npx', ['eslint', '.']);
check('type check', 'npx', ['tsc', '--noEmit']);

// Unit tests: node:test through tsx; its closing summary lines give the counts.
const unit = run('unit tests', 'node', ['--import', 'tsx', '--test', '--test-reporter=spec', ...testFiles('lib')], { capture: true });
const count = (name) => Number((unit.stdout.match(new RegExp(`ℹ ${name} (\\d+)`)) ?? [])[1] ?? 0);
passed += count('pass');
failed += count('fail');
if (unit.status !== 0 && count('fail') === 0) {
  failed++;
  failures.push('unit tests (runner)');
}
if (count('fail') > 0) failures.push(`${count('fail')} unit tests`);

// End-to-end: Debian's Chromium, a production build, Playwright against `next start`.
const chromium = run('chromium', 'node', ['scripts/ensure-chromium.mjs']);
const built = chromium.status === 0 && run('build', 'npx', ['next', 'build']).status === 0;
if (!built) {
  failed++;
  failures.push(chromium.status === 0 ? 'build' : 'chromium');
} else {
  const report = join('.ci-out', 'playwright.json');
  rmSync(report, { force: true });
  const e2e = run('end-to-end tests', 'npx', ['playwright', 'test'], { env: { ...process.env, PLAYWRIGHT_JSON_OUTPUT_NAME: report } });
  const result = existsSync(report) ? JSON.parse(readFileSync(report, 'utf8')) : null;
  const stats = result?.stats ?? {};
  passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
  failed += stats.unexpected ?? 0;
  if (stats.unexpected) failures.push(`${stats.unexpected} end-to-end tests`);
  if (stats.skipped) console.log(`(${stats.skipped} end-to-end tests skipped)`);
  // A run that failed before or around its tests (server would not start, setup threw) counts as a failure.
  const globalErrors = result?.errors?.length ?? 0;
  if (!result || globalErrors > 0 || (e2e.status !== 0 && !stats.unexpected)) {
    failed++;
    failures.push(`end-to-end run (${!result ? 'no report' : globalErrors ? `${globalErrors} global errors` : `exit ${e2e.status}`})`);
  }
}

if (failures.length) console.log(`\nFailed: ${failures.join(', ')}`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
