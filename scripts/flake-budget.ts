import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { outcomeDifferences, type VitestJson } from './flake-budget-compare';

// A flaky test is a defect: the overlay and deadline end-to-end tests run twice in a row and
// any test whose outcome differs between the runs fails CI, named. Expects the builds that
// `npm run test:e2e` makes. Usage: tsx scripts/flake-budget.ts [test files...]
const FILES = ['test/e2e/overlays.e2e.ts', 'test/e2e/engine.e2e.ts'];

const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : FILES;
const dir = mkdtempSync(path.join(tmpdir(), 'esw-flake-'));
const runs: VitestJson[] = [];
try {
  for (const run of [1, 2]) {
    const output = path.join(dir, `run-${run}.json`);
    const result = spawnSync('npx', ['vitest', 'run', '-c', 'vitest.e2e.config.ts', ...files, '--reporter=json', `--outputFile=${output}`], { stdio: 'inherit' });
    if (result.error) throw result.error;
    runs.push(JSON.parse(readFileSync(output, 'utf8')) as VitestJson);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const { differences, failures, compared } = outcomeDifferences(runs[0]!, runs[1]!);
for (const line of differences) console.error(`Flaky: ${line}`);
for (const line of failures) console.error(`Failed in both runs: ${line}`);
console.log(`Flake budget: ${compared} tests compared over two runs, ${differences.length} differ, ${failures.length} failed in both.`);
process.exit(differences.length + failures.length > 0 ? 1 : 0);
