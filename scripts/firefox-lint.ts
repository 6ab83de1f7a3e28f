// `npm run lint:firefox`: Mozilla's add-on linter on the built Firefox MV3 extension. Fails on
// any error; prints warnings. Runs offline (the linter's rules ship inside web-ext).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

const sourceDir = path.resolve(process.argv[2] ?? '.output/firefox-mv3');

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
}

interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
}

function describe(m: LintMessage): string {
  const where = m.file ? ` (${m.file}${m.line ? `:${m.line}` : ''})` : '';
  return `  ${m.code}: ${m.message}${where}`;
}

if (!existsSync(path.join(sourceDir, 'manifest.json'))) {
  console.error(`firefox lint: no built extension at ${sourceDir}; run \`npm run build\` first.`);
  process.exit(1);
}

const webExt = path.resolve('node_modules/.bin/web-ext');
const run = spawnSync(webExt, ['lint', '--source-dir', sourceDir, '--output', 'json', '--no-config-discovery'], {
  encoding: 'utf8',
  maxBuffer: 32 * 1024 * 1024,
});
if (run.error) {
  console.error(`firefox lint: could not run web-ext: ${run.error.message}`);
  process.exit(1);
}

let report: LintReport;
try {
  // web-ext prints the JSON report alone on stdout in --output json mode.
  report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as LintReport;
} catch {
  console.error(`firefox lint: web-ext did not produce a report (exit ${run.status}).\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}

for (const warning of report.warnings) console.warn(`warning${describe(warning).slice(1)}`);
if (report.errors.length) {
  console.error(`firefox lint: ${report.errors.length} error(s) in ${sourceDir}:`);
  for (const error of report.errors) console.error(describe(error));
  process.exit(1);
}
console.log(`firefox lint: no errors (${report.summary.warnings} warning(s), ${report.summary.notices} notice(s)) in ${sourceDir}`);
