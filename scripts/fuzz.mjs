// npm run fuzz: the ingest fuzz (FUZZ_RUNS cases, default 3000) and the upload API fuzz
// (FUZZ_API_RUNS, default 300) on a production server. FUZZ_RUNS=100000 npm run fuzz runs long.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const env = {
  ...process.env,
  FUZZ_RUNS: process.env.FUZZ_RUNS ?? '3000',
  FUZZ_API_RUNS: process.env.FUZZ_API_RUNS ?? '300',
  NEXT_TELEMETRY_DISABLED: '1',
};
const unit = spawnSync('node', ['--import', 'tsx', '--test', 'lib/fuzz/ingest.fuzz.test.ts'], { stdio: 'inherit', env });
if (!existsSync('.next/BUILD_ID')) spawnSync('npx', ['next', 'build'], { stdio: 'inherit', env });
const api = spawnSync('npx', ['playwright', 'test', 'e2e/api-fuzz.spec.ts'], { stdio: 'inherit', env });
const failed = Number(unit.status !== 0) + Number(api.status !== 0);
console.log(`fuzz: ${env.FUZZ_RUNS} ingest cases and ${env.FUZZ_API_RUNS} upload cases`);
console.log(`tests: ${2 - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
