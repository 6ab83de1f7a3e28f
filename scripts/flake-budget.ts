import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { outcomeDifferences, type VitestJson } from './flake-budget-compare';

// A flaky test is a defect: the overlay and deadline end-to-end tests run twice in a row and
// any test whose outcome differs between the runs fails CI, named. Expects the builds that
// `npm run test:e2e` makes. Usage: tsx scripts/flake-budget.ts [test files...]
// Each run also prints vitest's own report, so a failure's message and stack reach the CI log;
// the JSON reports are kept (their folder is printed) when the budget fails.
const FILES = ['test/e2e/overlays.e2e.ts', 'test/e2e/engine.e2e.ts'];

const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : FILES;
const dir = mkdtempSync(path.join(tmpdir(), 'esw-flake-'));
const runs: VitestJson[] = [];
try {
  for (const run of [1, 2]) {
    const output = path.join(dir, `run-${run}.json`);
    const result = spawnSync('npx', ['vitest', 'run', '-c', 'vitest.e2e.config.ts', ...files, '--reporter=default', '--reporter=json', `--outputFile.json=${output}`], { stdio: 'inherit' });
    if (result.error) throw result.error;
    runs.push(JSON.parse(readFileSync(output, 'utf8')) as VitestJson);
  }
} catch (error) {
  console.error(`Flake budget: a run gave no report (${String(error)}); what there is stays in ${dir}`);
  process.exit(1);
}
const { differences, failures, compared } = outcomeDifferences(runs[0]!, runs[1]!);
for (const line of differences) console.error(`Flaky: ${line}`);
for (const line of failures) console.error(`Failed in both runs: ${line}`);
console.log(`Flake budget: ${compared} tests compared over two runs, ${differences.length} differ, ${failures.length} failed in both.`);
if (differences.length + failures.length > 0) {
  console.error(`Flake budget: the two JSON reports stay in ${dir}`);
  process.exit(1);
}
rmSync(dir, { recursive: true, force: true });
